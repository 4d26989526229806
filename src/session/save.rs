//! Saving a session to resume later. A session is a pure function of its
//! scenario, seed and answers, so the save holds just those (plus branches
//! left by rewinding) and resuming replays them.

use super::engine::{AbandonedBranch, Session, SessionError};
use crate::scenario::Scenario;
use crate::transcript::Answer;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use thiserror::Error;

/// The version of the saved-session layout written by this build.
pub const SAVE_FORMAT: u32 = 1;

/// A session on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSession {
    pub format: u32,
    pub scenario_id: String,
    pub scenario_hash: String,
    pub seed: u64,
    pub answers: Vec<Answer>,
    #[serde(default)]
    pub abandoned: Vec<AbandonedBranch>,
}

/// Why a saved session could not be resumed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ResumeError {
    #[error(
        "the save was written by a newer Rapport (format {found}, this build reads up to {SAVE_FORMAT})"
    )]
    NewerFormat { found: u32 },
    #[error("the save belongs to scenario \"{saved}\", not \"{given}\"")]
    WrongScenario { saved: String, given: String },
    #[error("the scenario changed since the save and the answers no longer fit: {0}")]
    Replay(SessionError),
}

impl Session {
    /// What to write to disk to resume this session later.
    pub fn to_saved(&self) -> SavedSession {
        SavedSession {
            format: SAVE_FORMAT,
            scenario_id: self.scenario().meta.id.clone(),
            scenario_hash: self.scenario().content_hash.clone(),
            seed: self.seed(),
            answers: self.answers().to_vec(),
            abandoned: self.abandoned().to_vec(),
        }
    }

    /// Resumes a saved session exactly where it was. A scenario edited since
    /// the save still resumes while every saved answer remains valid.
    pub fn resume(scenario: Arc<Scenario>, saved: &SavedSession) -> Result<Session, ResumeError> {
        if saved.format > SAVE_FORMAT {
            return Err(ResumeError::NewerFormat {
                found: saved.format,
            });
        }
        if saved.scenario_id != scenario.meta.id {
            return Err(ResumeError::WrongScenario {
                saved: saved.scenario_id.clone(),
                given: scenario.meta.id.clone(),
            });
        }
        let mut session =
            Session::replay(scenario, saved.seed, &saved.answers).map_err(ResumeError::Replay)?;
        session.restore_abandoned(saved.abandoned.clone());
        Ok(session)
    }
}
