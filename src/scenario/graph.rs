//! The scenario's branch map as Graphviz DOT or Mermaid, for reviewers and docs.

use super::{Node, Scenario};
use std::fmt::Write as _;

/// Output formats for `rapport graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

/// An edge of the branch map, with the label shown on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub label: String,
}

/// Every edge of the scenario: choices labelled with their id and intent,
/// typed routes with the intents they catch.
pub fn edges(scenario: &Scenario) -> Vec<Edge> {
    let mut edges = Vec::new();
    for node in &scenario.nodes {
        let from = node.id().to_owned();
        let mut push = |to: &str, label: String| {
            edges.push(Edge {
                from: from.clone(),
                to: to.to_owned(),
                label,
            })
        };
        match node {
            Node::Client(turn) => push(scenario.node(turn.next).id(), String::new()),
            Node::Narration(n) => push(scenario.node(n.next).id(), String::new()),
            Node::Ending(_) => {}
            Node::Trainee(turn) => {
                for choice in &turn.choices {
                    push(
                        scenario.node(choice.next).id(),
                        format!("{} ({})", choice.id, choice.intent),
                    );
                }
                if let Some(typed) = &turn.typed {
                    for route in &typed.routes {
                        let intents: Vec<&str> = route.intents.iter().map(|i| i.as_str()).collect();
                        push(
                            scenario.node(route.next).id(),
                            format!("typed: {}", intents.join(" / ")),
                        );
                    }
                    push(
                        scenario.node(typed.fallback.next).id(),
                        "typed: anything else".to_owned(),
                    );
                }
            }
        }
    }
    edges
}

fn node_label(node: &Node) -> String {
    let text = match node {
        Node::Client(turn) => format!("Client: {}", turn.says.first().map_or("", String::as_str)),
        Node::Trainee(turn) => {
            format!("Trainee: {}", turn.prompt.as_deref().unwrap_or("your turn"))
        }
        Node::Narration(n) => format!("Narration: {}", n.text),
        Node::Ending(e) => format!("Ending ({}): {}", e.outcome, e.title),
    };
    let short: String = text.chars().take(60).collect();
    let ellipsis = if text.chars().count() > 60 { "..." } else { "" };
    format!("{}\n{short}{ellipsis}", node.id())
}

/// Renders the scenario's graph.
pub fn render(scenario: &Scenario, format: GraphFormat) -> String {
    match format {
        GraphFormat::Dot => render_dot(scenario),
        GraphFormat::Mermaid => render_mermaid(scenario),
    }
}

fn dot_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn render_dot(scenario: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_escape(&scenario.meta.id));
    let _ = writeln!(
        out,
        "  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=10];"
    );
    for node in &scenario.nodes {
        let shape = match node {
            Node::Client(_) => "shape=box, style=rounded",
            Node::Trainee(_) => "shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\"",
            Node::Narration(_) => "shape=note",
            Node::Ending(_) => "shape=doubleoctagon",
        };
        let _ = writeln!(
            out,
            "  \"{}\" [{shape}, label=\"{}\"];",
            dot_escape(node.id()),
            dot_escape(&node_label(node))
        );
    }
    for edge in edges(scenario) {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            dot_escape(&edge.from),
            dot_escape(&edge.to),
            dot_escape(&edge.label)
        );
    }
    out.push_str("}\n");
    out
}

fn mermaid_id(id: &str) -> String {
    id.replace('-', "_")
}

fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;").replace('\n', "<br/>")
}

fn render_mermaid(scenario: &Scenario) -> String {
    let mut out = String::from("flowchart TD\n");
    for node in &scenario.nodes {
        let label = mermaid_text(&node_label(node));
        let id = mermaid_id(node.id());
        let _ = match node {
            Node::Ending(_) => writeln!(out, "  {id}([\"{label}\"])"),
            Node::Trainee(_) => writeln!(out, "  {id}{{{{\"{label}\"}}}}"),
            _ => writeln!(out, "  {id}[\"{label}\"]"),
        };
    }
    for edge in edges(scenario) {
        let (from, to) = (mermaid_id(&edge.from), mermaid_id(&edge.to));
        if edge.label.is_empty() {
            let _ = writeln!(out, "  {from} --> {to}");
        } else {
            let _ = writeln!(out, "  {from} -->|\"{}\"| {to}", mermaid_text(&edge.label));
        }
    }
    out
}

/// Where each node sits on a drawn branch map: columns by distance from the
/// start (the story reads left to right), rows in order of discovery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapLayout {
    /// `(node id, column, row)`, one per node reachable from the start.
    pub nodes: Vec<(String, usize, usize)>,
    pub edges: Vec<Edge>,
    pub columns: usize,
    pub rows: usize,
}

/// Lays the branch map out by breadth-first distance from the start node.
pub fn layout(scenario: &Scenario) -> MapLayout {
    let edges = edges(scenario);
    let mut depth: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    let start = scenario.node(scenario.start).id();
    depth.insert(start, 0);
    order.push(start);
    let mut cursor = 0;
    while cursor < order.len() {
        let from = order[cursor];
        let next_depth = depth[from] + 1;
        for edge in edges.iter().filter(|e| e.from == from) {
            if !depth.contains_key(edge.to.as_str()) {
                depth.insert(edge.to.as_str(), next_depth);
                order.push(edge.to.as_str());
            }
        }
        cursor += 1;
    }
    let mut rows_used: Vec<usize> = Vec::new();
    let nodes: Vec<(String, usize, usize)> = order
        .iter()
        .map(|id| {
            let column = depth[id];
            if rows_used.len() <= column {
                rows_used.resize(column + 1, 0);
            }
            let row = rows_used[column];
            rows_used[column] += 1;
            ((*id).to_owned(), column, row)
        })
        .collect();
    MapLayout {
        columns: rows_used.len(),
        rows: rows_used.iter().copied().max().unwrap_or(0),
        nodes,
        edges,
    }
}

#[cfg(test)]
mod layout_tests {
    use super::*;
    use crate::scenario::load_file;

    #[test]
    fn every_reachable_node_gets_one_place_and_the_start_comes_first() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/quiet-tuesday.ron");
        let scenario = load_file(&path)
            .scenario
            .expect("the bundled scenario loads");
        let map = layout(&scenario);
        assert_eq!(
            map.nodes.len(),
            scenario.nodes.len(),
            "the linter forbids unreachable nodes"
        );
        assert_eq!(map.nodes[0].1, 0);
        let mut places: Vec<(usize, usize)> = map.nodes.iter().map(|(_, c, r)| (*c, *r)).collect();
        places.sort_unstable();
        places.dedup();
        assert_eq!(places.len(), map.nodes.len(), "no two nodes share a place");
    }
}
