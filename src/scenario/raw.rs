//! The scenario file exactly as authors write it. Nothing here is checked yet:
//! `validate` turns a [`RawScenario`] into a [`super::Scenario`] whose
//! invariants hold, and code after validation never re-checks.
//!
//! Optional fields default so that authors only write what matters to them;
//! `Option` fields accept a bare value because the loader enables RON's
//! `implicit_some` extension.

use crate::vocab::{
    AlliancePhase, Approach, Emotion, FrameItem, Intent, Openness, Outcome, RuptureMarker, Skill,
};
use serde::{Deserialize, Serialize};

/// One scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct RawScenario {
    /// Stable id used by records, sets and saved play-throughs. Never rename it.
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Bumped by the author whenever the content changes meaningfully.
    #[serde(default = "one")]
    pub version: u32,
    #[serde(default)]
    pub author: String,
    /// Estimated minutes a trainee needs to play it.
    pub minutes: u32,
    /// Which session in the course of therapy this is (1 = first meeting).
    #[serde(default = "one")]
    pub session_number: u32,
    pub phase: AlliancePhase,
    /// Skills of the effective-therapist list this scenario exercises.
    pub skills: Vec<Skill>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Topics a trainee may want warning of (grief, self-harm, ...).
    #[serde(default)]
    pub content_notes: Vec<String>,
    /// What the trainee should be able to do after playing.
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Frame items this session asks the trainee to contract (first sessions).
    #[serde(default)]
    pub contracting: Vec<FrameItem>,
    pub client: RawClient,
    /// Yes/no flags the scenario sets and tests, declared with their start value.
    #[serde(default)]
    pub flags: Vec<RawFlag>,
    /// The node the session starts at.
    pub start: String,
    pub nodes: Vec<RawNode>,
}

fn one() -> u32 {
    1
}

/// Who the simulated client is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Client")]
pub struct RawClient {
    pub name: String,
    pub age: u32,
    pub pronouns: String,
    pub presenting_problem: String,
    #[serde(default)]
    pub background: String,
    pub approach: Approach,
    /// Key of the portrait the app draws (skin, hair and clothing palette).
    #[serde(default)]
    pub portrait: String,
    pub initial: RawClientState,
}

/// The client's state when the session opens. Alliance parts and distress are 0-100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClientState {
    pub bond: i32,
    pub goals: i32,
    pub tasks: i32,
    pub openness: Openness,
    pub distress: i32,
}

/// A declared flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlag {
    pub name: String,
    #[serde(default)]
    pub initial: bool,
    /// What the flag means, for other authors.
    #[serde(default)]
    pub note: String,
}

/// One step of the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RawNode {
    Client(RawClientTurn),
    Trainee(RawTraineeTurn),
    Narration(RawNarration),
    Ending(RawEnding),
}

impl RawNode {
    /// The node's id, whatever its kind.
    pub fn id(&self) -> &str {
        match self {
            RawNode::Client(n) => &n.id,
            RawNode::Trainee(n) => &n.id,
            RawNode::Narration(n) => &n.id,
            RawNode::Ending(n) => &n.id,
        }
    }
}

/// The client speaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClientTurn {
    pub id: String,
    /// One or more ways of saying the line; the session's seed picks one.
    pub says: Vec<String>,
    /// Said instead when the client is guarded at this point.
    #[serde(default)]
    pub says_if_guarded: Vec<String>,
    /// Said instead when the client is open at this point.
    #[serde(default)]
    pub says_if_open: Vec<String>,
    /// What the trainee sees: posture, gaze, silence.
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default = "neutral")]
    pub emotion: Emotion,
    /// A 3RS rupture marker shown by this line.
    #[serde(default)]
    pub rupture: Option<RuptureMarker>,
    /// The line discloses something painful: roadblocks right after it cost more.
    #[serde(default)]
    pub disclosure: bool,
    #[serde(default)]
    pub effects: RawEffects,
    pub next: String,
}

fn neutral() -> Emotion {
    Emotion::Neutral
}

/// The trainee answers: from a menu, or in their own words where allowed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTraineeTurn {
    pub id: String,
    /// A hint shown above the choices ("She has stopped talking. What now?").
    #[serde(default)]
    pub prompt: Option<String>,
    pub choices: Vec<RawChoice>,
    /// Present when the trainee may type their own response here.
    #[serde(default)]
    pub typed: Option<RawTyped>,
}

/// One option on the menu.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub id: String,
    pub text: String,
    /// What the move does; required (validation reports a missing one).
    #[serde(default)]
    pub intent: Option<Intent>,
    pub scores: RawScores,
    #[serde(default)]
    pub effects: RawEffects,
    /// Why the move helps or harms, shown in the debrief.
    #[serde(default)]
    pub explain: Option<String>,
    /// Skills this move demonstrates (or fails), beyond those its intent implies.
    #[serde(default)]
    pub shows: Vec<Skill>,
    /// Frame items this move covers.
    #[serde(default)]
    pub frame: Vec<FrameItem>,
    /// The choice is offered only when this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    pub next: String,
}

/// Scores for a choice, each 0-100. `repair` only where a rupture is live.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScores {
    pub empathy: i32,
    pub warmth: i32,
    #[serde(default)]
    pub repair: Option<i32>,
}

/// Typed-response routing for a trainee turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTyped {
    /// Placeholder text in the input box.
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub routes: Vec<RawRoute>,
    /// Where any response that matches no route goes. Required.
    #[serde(default)]
    pub fallback: Option<RawRoute>,
}

/// Where a typed response goes when its detected intent is one of `intents`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoute {
    #[serde(default)]
    pub intents: Vec<Intent>,
    #[serde(default)]
    pub effects: RawEffects,
    #[serde(default)]
    pub explain: Option<String>,
    pub next: String,
}

/// Changes to the client's state. Deltas on the 0-100 scales; openness in steps.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEffects {
    #[serde(default)]
    pub bond: i32,
    #[serde(default)]
    pub goals: i32,
    #[serde(default)]
    pub tasks: i32,
    #[serde(default)]
    pub distress: i32,
    #[serde(default)]
    pub openness: i32,
    #[serde(default)]
    pub set: Vec<String>,
    #[serde(default)]
    pub clear: Vec<String>,
}

/// A narrator's line between scenes: time passing, a new session starting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNarration {
    pub id: String,
    pub text: String,
    /// Starts a new session with this number (multi-session arcs).
    #[serde(default)]
    pub session: Option<u32>,
    #[serde(default)]
    pub effects: RawEffects,
    pub next: String,
}

/// Where a path ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnding {
    pub id: String,
    pub outcome: Outcome,
    pub title: String,
    pub text: String,
}

/// When a choice is offered. Written in files as e.g.
/// `when: All([Flag("asked_feedback"), AtLeast(bond, 50)])`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    Flag(String),
    NotFlag(String),
    AtLeast(StateVar, i32),
    Below(StateVar, i32),
    OpennessAtLeast(Openness),
    Visited(String),
    Chose(String),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// The client-state numbers a condition can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateVar {
    Bond,
    Goals,
    Tasks,
    Distress,
    DropoutRisk,
}
