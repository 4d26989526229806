//! The validated scenario: every reference resolves, every score is in range,
//! every node can reach an ending. Built only by [`super::validate`].

use super::raw::{Condition, RawClient};
use crate::vocab::{AlliancePhase, Emotion, FrameItem, Intent, Outcome, RuptureMarker, Skill};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Position of a node in [`Scenario::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NodeIndex(pub usize);

/// The scenario's descriptive fields, as the library and briefing show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub version: u32,
    pub author: String,
    pub minutes: u32,
    pub session_number: u32,
    pub phase: AlliancePhase,
    pub skills: Vec<Skill>,
    pub tags: Vec<String>,
    pub content_notes: Vec<String>,
    pub objectives: Vec<String>,
    pub contracting: Vec<FrameItem>,
}

/// A scenario ready to play.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub meta: Meta,
    pub client: RawClient,
    /// Declared flags with their start values.
    pub flags: Vec<(String, bool)>,
    pub start: NodeIndex,
    pub nodes: Vec<Node>,
    /// Hex SHA-256 of the file's bytes, stored in records to tell edits apart.
    pub content_hash: String,
    pub(crate) index: HashMap<String, NodeIndex>,
}

impl Scenario {
    /// Looks a node up by its id.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The node at a validated index.
    pub fn node(&self, index: NodeIndex) -> &Node {
        &self.nodes[index.0]
    }

    /// Number of endings.
    pub fn ending_count(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| matches!(n, Node::Ending(_)))
            .count()
    }

    /// Number of menu choices across all trainee turns.
    pub fn choice_count(&self) -> usize {
        self.nodes
            .iter()
            .map(|n| match n {
                Node::Trainee(t) => t.choices.len(),
                _ => 0,
            })
            .sum()
    }

    /// Whether the scenario exercises a skill.
    pub fn exercises(&self, skill: Skill) -> bool {
        self.meta.skills.contains(&skill)
    }
}

/// One validated node.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Client(ClientTurn),
    Trainee(TraineeTurn),
    Narration(Narration),
    Ending(Ending),
}

impl Node {
    /// The node's stable id.
    pub fn id(&self) -> &str {
        match self {
            Node::Client(n) => &n.id,
            Node::Trainee(n) => &n.id,
            Node::Narration(n) => &n.id,
            Node::Ending(n) => &n.id,
        }
    }
}

/// The client speaks.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientTurn {
    pub id: String,
    pub says: Vec<String>,
    pub says_if_guarded: Vec<String>,
    pub says_if_open: Vec<String>,
    pub cue: Option<String>,
    pub emotion: Emotion,
    pub rupture: Option<RuptureMarker>,
    pub disclosure: bool,
    pub effects: Effects,
    pub next: NodeIndex,
}

/// The trainee answers.
#[derive(Debug, Clone, PartialEq)]
pub struct TraineeTurn {
    pub id: String,
    pub prompt: Option<String>,
    pub choices: Vec<Choice>,
    pub typed: Option<Typed>,
}

/// A menu option.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub text: String,
    pub intent: Intent,
    pub scores: Scores,
    pub effects: Effects,
    pub explain: Option<String>,
    pub shows: Vec<Skill>,
    pub frame: Vec<FrameItem>,
    pub when: Option<Condition>,
    pub next: NodeIndex,
}

/// Per-turn scores on the 0-100 scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub empathy: u8,
    pub warmth: u8,
    pub repair: Option<u8>,
}

/// Typed-response routing.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub hint: Option<String>,
    pub routes: Vec<Route>,
    pub fallback: Route,
}

/// One typed-response route.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub intents: Vec<Intent>,
    pub effects: Effects,
    pub explain: Option<String>,
    pub next: NodeIndex,
}

/// Validated state changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Effects {
    pub bond: i32,
    pub goals: i32,
    pub tasks: i32,
    pub distress: i32,
    pub openness: i32,
    pub set: Vec<String>,
    pub clear: Vec<String>,
}

/// A narrator's line.
#[derive(Debug, Clone, PartialEq)]
pub struct Narration {
    pub id: String,
    pub text: String,
    pub session: Option<u32>,
    pub effects: Effects,
    pub next: NodeIndex,
}

/// Where a path ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Ending {
    pub id: String,
    pub outcome: Outcome,
    pub title: String,
    pub text: String,
}
