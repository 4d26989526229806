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
