//! The drill file exactly as authors write it: one skill, and client statements
//! at three levels, each with the intents that fit, model responses and pitfalls.
//!
//! Nothing here is checked yet; [`super::load`] validates a file and reports
//! problems with their `line:col`.

use crate::vocab::{Intent, Skill};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One drill: a single skill or move practised on many short client statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Drill")]
pub struct Drill {
    /// Stable id used by the practice diary. Never rename it.
    pub id: String,
    pub title: String,
    /// The skill of the effective-therapist list the drill builds.
    pub skill: Skill,
    /// The move practised, in a few words ("Name the feeling under the words").
    #[serde(rename = "move")]
    pub target_move: String,
    /// One or two sentences for the drill picker.
    pub summary: String,
    /// What the trainee is asked to do on every statement.
    pub instructions: String,
    pub statements: Vec<Statement>,
}

impl Drill {
    /// The statements of one level, in file order.
    pub fn at_level(&self, level: Level) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(move |s| s.level == level)
    }

    /// The statement with this id.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }
}

/// How demanding a statement is: rising emotional intensity, ambiguity and hostility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    /// Every level, easiest first.
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    /// The spelling in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }

    /// The next level up, if any.
    pub fn harder(self) -> Option<Level> {
        match self {
            Level::Beginner => Some(Level::Intermediate),
            Level::Intermediate => Some(Level::Advanced),
            Level::Advanced => None,
        }
    }

    /// The next level down, if any.
    pub fn easier(self) -> Option<Level> {
        match self {
            Level::Beginner => None,
            Level::Intermediate => Some(Level::Beginner),
            Level::Advanced => Some(Level::Intermediate),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One client statement to respond to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Unique within the drill.
    pub id: String,
    pub level: Level,
    /// Who the client is and where the session stands, in a sentence or two.
    pub context: String,
    /// What the client says.
    pub statement: String,
    /// The intents that answer this statement well.
    pub fits: Vec<Intent>,
    /// Good responses in different styles (at least three).
    pub models: Vec<ModelResponse>,
    /// Tempting responses that miss (at least two), with why they miss.
    pub pitfalls: Vec<Pitfall>,
}

impl Statement {
    /// Whether the statement is a strain in the relationship that calls for
    /// a rupture-resolution move: its author lists owning your part or talking
    /// about the relationship among the fitting intents. Only then does a
    /// repair score mean anything.
    pub fn calls_for_repair(&self) -> bool {
        calls_for_repair(&self.fits)
    }
}

/// [`Statement::calls_for_repair`] for a list of fitting intents.
pub fn calls_for_repair(fits: &[Intent]) -> bool {
    fits.iter()
        .any(|i| matches!(i, Intent::Metacommunication | Intent::AcknowledgeOwnPart))
}

/// A good response, labelled with its style ("tentative complex reflection").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelResponse {
    pub style: String,
    pub text: String,
}

/// A tempting response that misses, and why it misses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pitfall {
    pub text: String,
    pub why: String,
}
