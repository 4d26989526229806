//! Saved play-throughs (after Yarn Spinner's test plans): a list of answers
//! and what must come back. Replayed by the test suite on every change. It
//! sits above the session engine and the debrief because it checks both.

use crate::debrief::Debrief;
use crate::scenario::Scenario;
use crate::session::{Session, SessionError};
use crate::transcript::{Answer, Line};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One step of a play-through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// Take the menu choice with this id.
    Choose(String),
    /// Type this response.
    Type(String),
}

/// Inclusive bounds for a 0-100 score.
pub type Bounds = (u8, u8);

/// What a play-through must produce.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expectations {
    /// The ending's id.
    pub ending: String,
    /// Texts that must appear in the transcript, in this order (substrings).
    #[serde(default)]
    pub lines: Vec<String>,
    pub empathy: Bounds,
    pub warmth: Bounds,
    /// `None`: repair must be "not observed".
    pub repair: Option<Bounds>,
}

/// A saved play-through file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Playthrough")]
pub struct Playthrough {
    pub scenario: String,
    pub seed: u64,
    #[serde(default)]
    pub note: String,
    pub steps: Vec<Step>,
    pub expect: Expectations,
}

impl Playthrough {
    /// Records what a finished session produced, with a small tolerance on scores.
    pub fn record(session: &Session, note: &str) -> Playthrough {
        let debrief = Debrief::for_session(session);
        let around = |v: u8| (v.saturating_sub(2), v.saturating_add(2).min(100));
        let steps = session
            .answers()
            .iter()
            .map(|a| match a {
                Answer::Choice(id) => Step::Choose(id.clone()),
                Answer::Typed(text) => Step::Type(text.clone()),
            })
            .collect();
        let lines = session
            .lines()
            .iter()
            .filter_map(|l| match l {
                Line::Client { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        Playthrough {
            scenario: session.scenario().meta.id.clone(),
            seed: session.seed(),
            note: note.to_owned(),
            steps,
            expect: Expectations {
                ending: session.ending().map(|e| e.id.clone()).unwrap_or_default(),
                lines,
                empathy: around(debrief.scores.empathy.unwrap_or(0)),
                warmth: around(debrief.scores.warmth.unwrap_or(0)),
                repair: debrief.scores.repair.map(around),
            },
        }
    }

    /// Replays the play-through and lists every expectation that failed.
    pub fn check(&self, scenario: Arc<Scenario>) -> Result<Vec<String>, SessionError> {
        let answers: Vec<Answer> = self
            .steps
            .iter()
            .map(|s| match s {
                Step::Choose(id) => Answer::Choice(id.clone()),
                Step::Type(text) => Answer::Typed(text.clone()),
            })
            .collect();
        let session = Session::replay(scenario, self.seed, &answers)?;
        let debrief = Debrief::for_session(&session);
        let mut failures = Vec::new();
        let ending = session
            .ending()
            .map(|e| e.id.as_str())
            .unwrap_or("(no ending)");
        if ending != self.expect.ending {
            failures.push(format!(
                "ending: expected {}, got {ending}",
                self.expect.ending
            ));
        }
        let texts: Vec<String> = session
            .lines()
            .iter()
            .map(|l| match l {
                Line::Client { text, .. }
                | Line::Trainee { text, .. }
                | Line::Narration { text, .. } => text.clone(),
                Line::Ending { text, .. } => text.clone(),
            })
            .collect();
        let mut from = 0;
        for wanted in &self.expect.lines {
            match texts[from..]
                .iter()
                .position(|t| t.contains(wanted.as_str()))
            {
                Some(at) => from += at + 1,
                None => failures.push(format!("line not found (in order): {wanted:?}")),
            }
        }
        let within = |name: &str,
                      value: Option<u8>,
                      bounds: Option<Bounds>,
                      failures: &mut Vec<String>| match (value, bounds) {
            (Some(v), Some((lo, hi))) if v < lo || v > hi => {
                failures.push(format!("{name}: {v} outside {lo}-{hi}"))
            }
            (None, Some(b)) => failures.push(format!("{name}: not observed, expected {b:?}")),
            (Some(v), None) => failures.push(format!("{name}: {v}, expected not observed")),
            _ => {}
        };
        within(
            "empathy",
            debrief.scores.empathy,
            Some(self.expect.empathy),
            &mut failures,
        );
        within(
            "warmth",
            debrief.scores.warmth,
            Some(self.expect.warmth),
            &mut failures,
        );
        within(
            "repair",
            debrief.scores.repair,
            self.expect.repair,
            &mut failures,
        );
        Ok(failures)
    }
}
