//! What happened in a session: the lines spoken, every trainee turn with its
//! scores and the client's state after it. Played sessions and assessed
//! transcripts both produce these; scoring, the debrief, records, reports and
//! the app read them. Nothing here plays or scores a session.

mod client_state;

pub use client_state::ClientState;

use crate::classify::{Classification, Epitome, Evidence};
use crate::vocab::{Emotion, FrameItem, Intent, Outcome, RuptureMarker, Skill};
use serde::{Deserialize, Serialize};

/// One line of the transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Line {
    Client {
        node: String,
        text: String,
        cue: Option<String>,
        emotion: Emotion,
        rupture: Option<RuptureMarker>,
        minute: u32,
    },
    Trainee {
        node: String,
        /// Index into the session's turns (`Session::turns`).
        turn: usize,
        text: String,
        minute: u32,
    },
    Narration {
        node: String,
        text: String,
        session: Option<u32>,
    },
    Ending {
        node: String,
        outcome: Outcome,
        title: String,
        text: String,
    },
}

/// Per-turn scores on the 0-100 scales. Repair is `None` when no rupture was live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TurnScores {
    pub empathy: u8,
    pub warmth: u8,
    pub repair: Option<u8>,
}

impl TurnScores {
    /// A typed response's scores from the classifier's 0-1 reading. Repair
    /// counts only when a rupture was live: otherwise it is "not observed".
    pub fn from_classification(reading: &Classification, rupture_live: bool) -> TurnScores {
        let percent = |value: f32| (value.clamp(0.0, 1.0) * 100.0).round() as u8;
        TurnScores {
            empathy: percent(reading.empathy),
            warmth: percent(reading.warmth),
            repair: rupture_live.then(|| percent(reading.repair)),
        }
    }
}

/// How the trainee answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Picked a menu choice, by id.
    Choice(String),
    /// Typed their own words.
    Typed(String),
}

/// One trainee turn with everything the debrief needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// The trainee-turn node, or a synthetic id for assessed transcripts.
    pub node: String,
    pub answer: Answer,
    /// The words the trainee used (the choice's text, or what they typed).
    pub text: String,
    /// What the client had just said.
    pub client_line: String,
    pub intent: Intent,
    pub secondary: Vec<Intent>,
    pub scores: TurnScores,
    /// EPITOME levels when the turn was classified from free text.
    pub epitome: Option<Epitome>,
    pub evidence: Vec<Evidence>,
    /// The rupture marker this turn answered, if one was live.
    pub answered_rupture: Option<RuptureMarker>,
    /// The client had just disclosed something painful or was in strong feeling.
    pub emotional_moment: bool,
    pub explain: Option<String>,
    pub shows: Vec<Skill>,
    /// Skills this turn was a chance to show: any skill a choice here demonstrates.
    #[serde(default)]
    pub opportunities: Vec<Skill>,
    pub frame: Vec<FrameItem>,
    pub state_after: ClientState,
    pub minute: u32,
}

impl Turn {
    /// The mean of empathy and warmth: a turn's overall quality, 0-100.
    pub fn quality(&self) -> u8 {
        ((u16::from(self.scores.empathy) + u16::from(self.scores.warmth)) / 2) as u8
    }
}
