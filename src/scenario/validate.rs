//! The linter: turns a [`RawScenario`] into a [`Scenario`], reporting every
//! problem at once with the node or choice concerned and its position.

use super::diagnostic::{Diagnostic, DiagnosticKind as K, locate_field, locate_id};
use super::model::*;
use super::raw::*;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet, VecDeque};

/// Validates a parsed scenario. Returns the scenario when there is no error,
/// with all diagnostics (errors and warnings) either way.
pub fn validate(raw: RawScenario, source: &str) -> (Option<Scenario>, Vec<Diagnostic>) {
    let mut lint = Lint {
        source,
        diagnostics: Vec::new(),
    };
    let index = lint.index_nodes(&raw);
    lint.check_metadata(&raw);
    lint.check_flags(&raw);
    lint.check_nodes(&raw, &index);
    if !raw.nodes.iter().any(|n| matches!(n, RawNode::Ending(_))) {
        lint.push(
            Diagnostic::error(K::NoEnding, "the scenario has no ending").with_help(
                "add at least one `Ending(id: ..., outcome: ..., title: ..., text: ...)`",
            ),
        );
    }
    if index.contains_key(&raw.start) {
        lint.check_graph(&raw, &index);
    } else {
        let at = locate_field(source, "start", &raw.start);
        let mut d = Diagnostic::error(
            K::UnknownTarget,
            format!("`start` names \"{}\", which is not a node", raw.start),
        );
        if let Some((line, col)) = at {
            d = d.at(line, col);
        }
        lint.push(d);
    }

    let mut diagnostics = lint.diagnostics;
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(usize::MAX), d.col.unwrap_or(0)));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (None, diagnostics);
    }
    let scenario = build(raw, index, source);
    (Some(scenario), diagnostics)
}

struct Lint<'a> {
    source: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Lint<'_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Pushes a diagnostic positioned at `id: "<id>"`.
    fn push_at_id(&mut self, diagnostic: Diagnostic, id: &str) {
        let diagnostic = match locate_id(self.source, id) {
            Some((line, col)) => diagnostic.at(line, col),
            None => diagnostic,
        };
        self.push(diagnostic);
    }

    fn index_nodes(&mut self, raw: &RawScenario) -> HashMap<String, NodeIndex> {
        let mut index = HashMap::new();
        let mut choice_ids = HashSet::new();
        for (position, node) in raw.nodes.iter().enumerate() {
            let id = node.id();
            self.check_id_spelling(id, None);
            // The first node with an id keeps it; later ones are reported.
            if index.contains_key(id) {
                self.push_duplicate(id, "node");
            } else {
                index.insert(id.to_owned(), NodeIndex(position));
            }
            if let RawNode::Trainee(turn) = node {
                for choice in &turn.choices {
                    self.check_id_spelling(&choice.id, Some(id));
                    if !choice_ids.insert(choice.id.clone()) || index.contains_key(&choice.id) {
                        self.push_duplicate(&choice.id, "choice");
                    }
                }
            }
        }
        index
    }

    fn push_duplicate(&mut self, id: &str, what: &str) {
        // Point at the second occurrence: that is the one to rename.
        let second = self
            .source
            .match_indices(&format!("\"{id}\""))
            .filter(|(at, _)| self.source[..*at].trim_end().ends_with(':'))
            .filter(|(at, _)| {
                let before = self.source[..*at].trim_end();
                before[..before.len() - 1].trim_end().ends_with("id")
            })
            .nth(1)
            .map(|(at, _)| {
                let line = self.source[..at].matches('\n').count() + 1;
                let line_start = self.source[..at].rfind('\n').map_or(0, |p| p + 1);
                (line, self.source[line_start..at].chars().count() + 1)
            });
        let mut d = Diagnostic::error(
            K::DuplicateId,
            format!("the {what} id \"{id}\" is used more than once"),
        )
        .at_node(id)
        .with_help("ids must be unique across nodes and choices; records refer to them");
        if let Some((line, col)) = second {
            d = d.at(line, col);
        }
        self.push(d);
    }

    fn check_id_spelling(&mut self, id: &str, node: Option<&str>) {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !ok {
            let mut d = Diagnostic::error(
                K::BadId,
                format!("the id \"{id}\" should use only a-z, 0-9, `_` and `-`"),
            )
            .with_help("stable, plain ids survive edits and read well in records");
            if let Some(node) = node {
                d = d.at_node(node).at_choice(id);
            } else {
                d = d.at_node(id);
            }
            self.push_at_id(d, id);
        }
    }

    fn check_metadata(&mut self, raw: &RawScenario) {
        if raw.id.trim().is_empty() {
            self.push(Diagnostic::error(
                K::EmptyText,
                "the scenario `id` is empty",
            ));
        } else {
            self.check_id_spelling(&raw.id, None);
        }
        for (field, text) in [
            ("title", &raw.title),
            ("summary", &raw.summary),
            ("client.name", &raw.client.name),
            ("client.presenting_problem", &raw.client.presenting_problem),
        ] {
            if text.trim().is_empty() {
                self.push(Diagnostic::error(
                    K::EmptyText,
                    format!("`{field}` is empty"),
                ));
            }
        }
        if raw.skills.is_empty() {
            self.push(
                Diagnostic::error(K::NoSkills, "`skills` is empty")
                    .with_help("name the effective-therapist skills this scenario exercises"),
            );
        }
        let state = &raw.client.initial;
        for (name, value) in [
            ("bond", state.bond),
            ("goals", state.goals),
            ("tasks", state.tasks),
            ("distress", state.distress),
        ] {
            if !(0..=100).contains(&value) {
                self.push(Diagnostic::error(
                    K::StateOutOfRange,
                    format!("`client.initial.{name}` is {value}; it must be 0-100"),
                ));
            }
        }
    }

    fn check_flags(&mut self, raw: &RawScenario) {
        let declared: HashSet<&str> = raw.flags.iter().map(|f| f.name.as_str()).collect();
        let mut used: HashSet<String> = HashSet::new();
        let mut note_use = |name: &str| {
            used.insert(name.to_owned());
        };
        for node in &raw.nodes {
            for effects in node_effects(node) {
                effects
                    .set
                    .iter()
                    .chain(&effects.clear)
                    .for_each(|f| note_use(f));
            }
            if let RawNode::Trainee(turn) = node {
                for choice in &turn.choices {
                    if let Some(condition) = &choice.when {
                        condition_flags(condition, &mut |f| note_use(f));
                    }
                }
            }
        }
        for name in &used {
            if !declared.contains(name.as_str()) {
                let mut d = Diagnostic::error(
                    K::UnknownFlag,
                    format!("the flag \"{name}\" is used but not declared in `flags`"),
                )
                .with_help(format!("add `(name: \"{name}\")` to `flags`"));
                if let Some((line, col)) = find_quoted(self.source, name) {
                    d = d.at(line, col);
                }
                self.push(d);
            }
        }
        for flag in &raw.flags {
            if !used.contains(&flag.name) {
                let mut d = Diagnostic::error(
                    K::UnusedFlag,
                    format!(
                        "the flag \"{}\" is declared but never set or tested",
                        flag.name
                    ),
                )
                .with_help("remove it, or use it in an effect or a `when` condition");
                if let Some((line, col)) = locate_field(self.source, "name", &flag.name) {
                    d = d.at(line, col);
                }
                self.push(d);
            }
        }
    }

    fn check_target(
        &mut self,
        index: &HashMap<String, NodeIndex>,
        from: &str,
        choice: Option<&str>,
        target: &str,
    ) {
        if index.contains_key(target) {
            return;
        }
        let mut d = Diagnostic::error(
            K::UnknownTarget,
            format!(
                "\"{}\" goes to \"{target}\", which is not a node",
                choice.unwrap_or(from)
            ),
        )
        .at_node(from);
        if let Some(choice) = choice {
            d = d.at_choice(choice);
        }
        if let Some(close) = closest(target, index.keys()) {
            d = d.with_help(format!("did you mean \"{close}\"?"));
        }
        // Point at the `next:` after the item's id.
        let anchor = choice.unwrap_or(from);
        let position = locate_id(self.source, anchor).and_then(|(line, _)| {
            let quoted = format!("\"{target}\"");
            self.source
                .lines()
                .enumerate()
                .skip(line - 1)
                .find_map(|(i, text)| {
                    text.find(&quoted)
                        .map(|c| (i + 1, text[..c].chars().count() + 1))
                })
        });
        if let Some((line, col)) = position {
            d = d.at(line, col);
        }
        self.push(d);
    }

    fn check_effects(&mut self, effects: &RawEffects, node: &str, choice: Option<&str>) {
        for (name, value) in [
            ("bond", effects.bond),
            ("goals", effects.goals),
            ("tasks", effects.tasks),
            ("distress", effects.distress),
        ] {
            if !(-100..=100).contains(&value) {
                let mut d = Diagnostic::error(
                    K::StateOutOfRange,
                    format!("the effect `{name}: {value}` is outside -100..100"),
                )
                .at_node(node);
                if let Some(c) = choice {
                    d = d.at_choice(c);
                }
                self.push_at_id(d, choice.unwrap_or(node));
            }
        }
        if !(-2..=2).contains(&effects.openness) {
            self.push_at_id(
                Diagnostic::error(
                    K::StateOutOfRange,
                    format!(
                        "the effect `openness: {}` must be -2..2 steps",
                        effects.openness
                    ),
                )
                .at_node(node),
                choice.unwrap_or(node),
            );
        }
    }

    fn check_nodes(&mut self, raw: &RawScenario, index: &HashMap<String, NodeIndex>) {
        let choice_ids: HashSet<&str> = raw
            .nodes
            .iter()
            .filter_map(|n| match n {
                RawNode::Trainee(t) => Some(t.choices.iter().map(|c| c.id.as_str())),
                _ => None,
            })
            .flatten()
            .collect();
        for node in &raw.nodes {
            match node {
                RawNode::Client(turn) => {
                    if turn.says.is_empty() || turn.says.iter().any(|s| s.trim().is_empty()) {
                        self.push_at_id(
                            Diagnostic::error(K::EmptyText, "the client line `says` is empty")
                                .at_node(&turn.id),
                            &turn.id,
                        );
                    }
                    self.check_effects(&turn.effects, &turn.id, None);
                    self.check_target(index, &turn.id, None, &turn.next);
                }
                RawNode::Narration(narration) => {
                    self.check_effects(&narration.effects, &narration.id, None);
                    self.check_target(index, &narration.id, None, &narration.next);
                }
                RawNode::Ending(ending) => {
                    if ending.text.trim().is_empty() {
                        self.push_at_id(
                            Diagnostic::error(K::EmptyText, "the ending has no text")
                                .at_node(&ending.id),
                            &ending.id,
                        );
                    }
                }
                RawNode::Trainee(turn) => self.check_trainee_turn(turn, raw, index, &choice_ids),
            }
        }
    }

    fn check_trainee_turn(
        &mut self,
        turn: &RawTraineeTurn,
        raw: &RawScenario,
        index: &HashMap<String, NodeIndex>,
        choice_ids: &HashSet<&str>,
    ) {
        if turn.choices.is_empty() && turn.typed.is_none() {
            self.push_at_id(
                Diagnostic::error(
                    K::DeadEnd,
                    "this trainee turn offers no choice and no typed response",
                )
                .at_node(&turn.id)
                .with_help("add choices, or end the path with an `Ending`"),
                &turn.id,
            );
        }
        if turn.choices.len() == 1 {
            self.push_at_id(
                Diagnostic::warning(K::SingleChoice, "this trainee turn offers only one choice")
                    .at_node(&turn.id)
                    .with_help("a real decision needs at least one plausible alternative"),
                &turn.id,
            );
        }
        if !turn.choices.is_empty()
            && turn.choices.iter().all(|c| c.when.is_some())
            && turn.typed.is_none()
        {
            self.push_at_id(
                Diagnostic::warning(
                    K::AllChoicesConditional,
                    "every choice here has a `when`: on some paths none may be on offer",
                )
                .at_node(&turn.id)
                .with_help("leave at least one choice without a condition"),
                &turn.id,
            );
        }
        let after_rupture = follows_rupture(raw, &turn.id);
        for choice in &turn.choices {
            let at = |d: Diagnostic| d.at_node(&turn.id).at_choice(&choice.id);
            if choice.intent.is_none() {
                self.push_at_id(
                    at(Diagnostic::error(
                        K::MissingIntent,
                        "this choice has no `intent`",
                    ))
                    .with_help("add e.g. `intent: reflection_complex` (see docs/intents.md)"),
                    &choice.id,
                );
            }
            if choice.text.trim().is_empty() {
                self.push_at_id(
                    at(Diagnostic::error(K::EmptyText, "the choice text is empty")),
                    &choice.id,
                );
            }
            let scores = &choice.scores;
            for (name, value) in [
                ("empathy", Some(scores.empathy)),
                ("warmth", Some(scores.warmth)),
                ("repair", scores.repair),
            ] {
                if let Some(value) = value
                    && !(0..=100).contains(&value)
                {
                    self.push_at_id(
                        at(Diagnostic::error(
                            K::ScoreOutOfRange,
                            format!("the score `{name}: {value}` must be 0-100"),
                        )),
                        &choice.id,
                    );
                }
            }
            if scores.repair.is_some() && !after_rupture {
                self.push_at_id(
                    at(Diagnostic::warning(
                        K::RepairWithoutRupture,
                        "this choice scores `repair` but no rupture marker comes just before it",
                    ))
                    .with_help("repair is scored only right after a client line with `rupture`"),
                    &choice.id,
                );
            }
            if choice
                .explain
                .as_deref()
                .is_none_or(|e| e.trim().is_empty())
            {
                self.push_at_id(
                    at(Diagnostic::warning(
                        K::MissingExplanation,
                        "this choice has no `explain`",
                    ))
                    .with_help(
                        "say in a sentence why the move helps or harms; the debrief shows it",
                    ),
                    &choice.id,
                );
            }
            if let Some(condition) = &choice.when {
                self.check_condition(condition, &turn.id, &choice.id, index, choice_ids);
            }
            self.check_effects(&choice.effects, &turn.id, Some(&choice.id));
            self.check_target(index, &turn.id, Some(&choice.id), &choice.next);
        }
        for (warning, id) in super::menu::warnings(turn) {
            self.push_at_id(warning, &id);
        }
        if let Some(typed) = &turn.typed {
            match &typed.fallback {
                None => self.push_at_id(
                    Diagnostic::error(
                        K::TypedWithoutFallback,
                        "typed responses are allowed here but there is no `fallback` route",
                    )
                    .at_node(&turn.id)
                    .with_help("add `fallback: (next: \"...\")` for responses that match no route"),
                    &turn.id,
                ),
                Some(route) => {
                    self.check_effects(&route.effects, &turn.id, None);
                    self.check_target(index, &turn.id, None, &route.next);
                }
            }
            for route in &typed.routes {
                if route.intents.is_empty() {
                    self.push_at_id(
                        Diagnostic::warning(
                            K::TypedRouteUnused,
                            "a typed route lists no `intents`, so it never matches",
                        )
                        .at_node(&turn.id),
                        &turn.id,
                    );
                }
                self.check_effects(&route.effects, &turn.id, None);
                self.check_target(index, &turn.id, None, &route.next);
            }
        }
    }

    fn check_condition(
        &mut self,
        condition: &Condition,
        node: &str,
        choice: &str,
        index: &HashMap<String, NodeIndex>,
        choice_ids: &HashSet<&str>,
    ) {
        match condition {
            Condition::Visited(target) if !index.contains_key(target) => self.push_at_id(
                Diagnostic::error(
                    K::UnknownNode,
                    format!("`Visited(\"{target}\")` names no node"),
                )
                .at_node(node)
                .at_choice(choice),
                choice,
            ),
            Condition::Chose(target) if !choice_ids.contains(target.as_str()) => self.push_at_id(
                Diagnostic::error(
                    K::UnknownChoice,
                    format!("`Chose(\"{target}\")` names no choice"),
                )
                .at_node(node)
                .at_choice(choice),
                choice,
            ),
            Condition::AtLeast(_, value) | Condition::Below(_, value)
                if !(0..=100).contains(value) =>
            {
                self.push_at_id(
                    Diagnostic::error(
                        K::StateOutOfRange,
                        format!("the threshold {value} must be 0-100"),
                    )
                    .at_node(node)
                    .at_choice(choice),
                    choice,
                )
            }
            Condition::All(items) | Condition::Any(items) => {
                for item in items {
                    self.check_condition(item, node, choice, index, choice_ids);
                }
            }
            Condition::Not(inner) => self.check_condition(inner, node, choice, index, choice_ids),
            _ => {}
        }
    }

    /// Reachability from the start, and whether each node can reach an ending.
    /// Conditions are ignored: the linter checks the graph an author drew.
    fn check_graph(&mut self, raw: &RawScenario, index: &HashMap<String, NodeIndex>) {
        let edges: Vec<Vec<usize>> = raw
            .nodes
            .iter()
            .map(|n| {
                raw_targets(n)
                    .iter()
                    .filter_map(|t| index.get(*t))
                    .map(|i| i.0)
                    .collect()
            })
            .collect();
        let start = index[&raw.start].0;
        let reached = breadth_first(start, &edges);
        let mut reverse = vec![Vec::new(); raw.nodes.len()];
        for (from, targets) in edges.iter().enumerate() {
            for &to in targets {
                reverse[to].push(from);
            }
        }
        let mut can_end = vec![false; raw.nodes.len()];
        for (i, node) in raw.nodes.iter().enumerate() {
            if matches!(node, RawNode::Ending(_)) {
                for j in breadth_first_all(i, &reverse) {
                    can_end[j] = true;
                }
            }
        }
        let has_ending = raw.nodes.iter().any(|n| matches!(n, RawNode::Ending(_)));
        for (i, node) in raw.nodes.iter().enumerate() {
            if !reached[i] {
                self.push_at_id(
                    Diagnostic::error(
                        K::UnreachableNode,
                        format!("no path from the start reaches \"{}\"", node.id()),
                    )
                    .at_node(node.id())
                    .with_help("link to it from another node, or remove it"),
                    node.id(),
                );
            } else if has_ending && !can_end[i] {
                self.push_at_id(
                    Diagnostic::error(
                        K::CannotReachEnding,
                        format!("from \"{}\" no path leads to an ending", node.id()),
                    )
                    .at_node(node.id())
                    .with_help("a loop with no way out traps the trainee"),
                    node.id(),
                );
            }
        }
    }
}

fn breadth_first(start: usize, edges: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    for i in breadth_first_all(start, edges) {
        seen[i] = true;
    }
    seen
}

fn breadth_first_all(start: usize, edges: &[Vec<usize>]) -> Vec<usize> {
    let mut seen = vec![false; edges.len()];
    let mut order = Vec::new();
    let mut queue = VecDeque::from([start]);
    seen[start] = true;
    while let Some(at) = queue.pop_front() {
        order.push(at);
        for &next in &edges[at] {
            if !seen[next] {
                seen[next] = true;
                queue.push_back(next);
            }
        }
    }
    order
}

/// Every node id a raw node can go to.
pub(crate) fn raw_targets(node: &RawNode) -> Vec<&str> {
    match node {
        RawNode::Client(t) => vec![t.next.as_str()],
        RawNode::Narration(n) => vec![n.next.as_str()],
        RawNode::Ending(_) => Vec::new(),
        RawNode::Trainee(t) => {
            let mut targets: Vec<&str> = t.choices.iter().map(|c| c.next.as_str()).collect();
            if let Some(typed) = &t.typed {
                targets.extend(typed.routes.iter().map(|r| r.next.as_str()));
                targets.extend(typed.fallback.iter().map(|r| r.next.as_str()));
            }
            targets
        }
    }
}

fn node_effects(node: &RawNode) -> Vec<&RawEffects> {
    match node {
        RawNode::Client(t) => vec![&t.effects],
        RawNode::Narration(n) => vec![&n.effects],
        RawNode::Ending(_) => Vec::new(),
        RawNode::Trainee(t) => {
            let mut all: Vec<&RawEffects> = t.choices.iter().map(|c| &c.effects).collect();
            if let Some(typed) = &t.typed {
                all.extend(typed.routes.iter().map(|r| &r.effects));
                all.extend(typed.fallback.iter().map(|r| &r.effects));
            }
            all
        }
    }
}

fn condition_flags(condition: &Condition, visit: &mut impl FnMut(&str)) {
    match condition {
        Condition::Flag(name) | Condition::NotFlag(name) => visit(name),
        Condition::All(items) | Condition::Any(items) => {
            items.iter().for_each(|c| condition_flags(c, visit));
        }
        Condition::Not(inner) => condition_flags(inner, visit),
        _ => {}
    }
}

/// Whether a client line with a rupture marker leads straight to this trainee turn.
fn follows_rupture(raw: &RawScenario, trainee_id: &str) -> bool {
    raw.nodes.iter().any(|n| match n {
        RawNode::Client(c) => c.rupture.is_some() && c.next == trainee_id,
        _ => false,
    })
}

fn find_quoted(source: &str, value: &str) -> Option<(usize, usize)> {
    let quoted = format!("\"{value}\"");
    source.lines().enumerate().find_map(|(i, line)| {
        line.find(&quoted)
            .map(|c| (i + 1, line[..c].chars().count() + 1))
    })
}

/// The known id closest in spelling to a mistyped one, if any is close.
fn closest<'a>(target: &str, known: impl Iterator<Item = &'a String>) -> Option<&'a str> {
    known
        .map(|k| (edit_distance(target, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.as_str())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            previous = current;
        }
    }
    row[b.len()]
}

fn convert_effects(effects: RawEffects) -> Effects {
    Effects {
        bond: effects.bond,
        goals: effects.goals,
        tasks: effects.tasks,
        distress: effects.distress,
        openness: effects.openness,
        set: effects.set,
        clear: effects.clear,
    }
}

fn clamp_score(value: i32) -> u8 {
    value.clamp(0, 100) as u8
}

/// Builds the validated scenario. Only called when validation found no error,
/// so every lookup here succeeds; the fallbacks exist only to avoid panics.
fn build(raw: RawScenario, index: HashMap<String, NodeIndex>, source: &str) -> Scenario {
    let target = |id: &str| index.get(id).copied().unwrap_or(NodeIndex(0));
    let nodes = raw
        .nodes
        .into_iter()
        .map(|node| match node {
            RawNode::Client(t) => Node::Client(ClientTurn {
                next: target(&t.next),
                id: t.id,
                says: t.says,
                says_if_guarded: t.says_if_guarded,
                says_if_open: t.says_if_open,
                cue: t.cue,
                emotion: t.emotion,
                rupture: t.rupture,
                disclosure: t.disclosure,
                effects: convert_effects(t.effects),
            }),
            RawNode::Narration(n) => Node::Narration(Narration {
                next: target(&n.next),
                id: n.id,
                text: n.text,
                session: n.session,
                effects: convert_effects(n.effects),
            }),
            RawNode::Ending(e) => Node::Ending(Ending {
                id: e.id,
                outcome: e.outcome,
                title: e.title,
                text: e.text,
            }),
            RawNode::Trainee(t) => Node::Trainee(TraineeTurn {
                choices: t
                    .choices
                    .into_iter()
                    .map(|c| Choice {
                        next: target(&c.next),
                        intent: c.intent.unwrap_or(crate::vocab::Intent::Other),
                        scores: Scores {
                            empathy: clamp_score(c.scores.empathy),
                            warmth: clamp_score(c.scores.warmth),
                            repair: c.scores.repair.map(clamp_score),
                        },
                        effects: convert_effects(c.effects),
                        id: c.id,
                        text: c.text,
                        explain: c.explain,
                        shows: c.shows,
                        frame: c.frame,
                        when: c.when,
                    })
                    .collect(),
                typed: t.typed.and_then(|typed| {
                    let convert = |r: RawRoute| Route {
                        next: target(&r.next),
                        intents: r.intents,
                        effects: convert_effects(r.effects),
                        explain: r.explain,
                    };
                    let fallback = typed.fallback.map(convert)?;
                    Some(Typed {
                        hint: typed.hint,
                        routes: typed.routes.into_iter().map(convert).collect(),
                        fallback,
                    })
                }),
                id: t.id,
                prompt: t.prompt,
            }),
        })
        .collect();
    let content_hash = Sha256::digest(source.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Scenario {
        meta: Meta {
            id: raw.id,
            title: raw.title,
            summary: raw.summary,
            version: raw.version,
            author: raw.author,
            minutes: raw.minutes,
            session_number: raw.session_number,
            phase: raw.phase,
            skills: raw.skills,
            tags: raw.tags,
            content_notes: raw.content_notes,
            objectives: raw.objectives,
            contracting: raw.contracting,
        },
        client: raw.client,
        flags: raw.flags.into_iter().map(|f| (f.name, f.initial)).collect(),
        start: target(&raw.start),
        nodes,
        content_hash,
        index,
    }
}
