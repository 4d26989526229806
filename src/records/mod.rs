//! Attempt records: one self-describing file per attempt, written atomically,
//! with a versioned schema so older and newer builds fail clearly, not silently.

mod atomic;
mod load;

pub use atomic::{create_private_dir, write_atomic};
pub use load::{RecordSet, load_record, load_records};

use crate::debrief::Debrief;
use crate::scenario::to_ron;
use crate::session::Session;
use crate::transcript::{Answer, Line, Turn};
use crate::vocab::Outcome;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The record schema this build writes. Bump on any incompatible change.
pub const RECORD_SCHEMA: u32 = 1;

/// A written reflection answered after the debrief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    pub prompt: String,
    pub answer: String,
}

/// The ending an attempt reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndingReached {
    pub id: String,
    pub outcome: Outcome,
    pub title: String,
}

/// One attempt at one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRecord {
    pub schema: u32,
    /// Unique id, also the file name stem.
    pub id: String,
    pub trainee: String,
    pub scenario_id: String,
    pub scenario_title: String,
    pub scenario_version: u32,
    /// SHA-256 of the scenario file the attempt was played on.
    pub scenario_hash: String,
    pub seed: u64,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    #[serde(default)]
    pub assignment: Option<String>,
    pub answers: Vec<Answer>,
    pub lines: Vec<Line>,
    pub turns: Vec<Turn>,
    pub ending: Option<EndingReached>,
    pub debrief: Debrief,
    #[serde(default)]
    pub reflections: Vec<Reflection>,
    /// The Rapport version that wrote the record.
    pub written_by: String,
}

impl AttemptRecord {
    /// Builds the record of a session.
    pub fn from_session(
        session: &Session,
        trainee: &str,
        started_at: DateTime<Utc>,
    ) -> AttemptRecord {
        let scenario = session.scenario();
        let ended_at = Utc::now();
        AttemptRecord {
            schema: RECORD_SCHEMA,
            id: format!(
                "{}-{}-{:08x}",
                ended_at.format("%Y%m%dT%H%M%S"),
                sanitize(&scenario.meta.id),
                rand::random::<u32>()
            ),
            trainee: trainee.to_owned(),
            scenario_id: scenario.meta.id.clone(),
            scenario_title: scenario.meta.title.clone(),
            scenario_version: scenario.meta.version,
            scenario_hash: scenario.content_hash.clone(),
            seed: session.seed(),
            started_at,
            ended_at,
            assignment: None,
            answers: session.answers().to_vec(),
            lines: session.lines().to_vec(),
            turns: session.turns().to_vec(),
            ending: session.ending().map(|e| EndingReached {
                id: e.id.clone(),
                outcome: e.outcome,
                title: e.title.clone(),
            }),
            debrief: Debrief::for_session(session),
            reflections: Vec::new(),
            written_by: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }

    /// Writes the record into `dir` as `<id>.ron`, atomically.
    pub fn save(&self, dir: &Path) -> Result<PathBuf, RecordError> {
        create_private_dir(dir).map_err(|e| RecordError::Io(dir.to_owned(), e.to_string()))?;
        let path = dir.join(format!("{}.ron", self.id));
        let text = to_ron(self).map_err(|e| RecordError::Encode(e.to_string()))?;
        write_atomic(&path, text.as_bytes())
            .map_err(|e| RecordError::Io(path.clone(), e.to_string()))?;
        Ok(path)
    }
}

fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Why a record could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecordError {
    #[error("{path}: {message}", path = .0.display(), message = .1)]
    Io(PathBuf, String),
    #[error("cannot encode the record: {0}")]
    Encode(String),
    #[error("{path}: not a Rapport record ({reason})", path = .0.display(), reason = .1)]
    Corrupt(PathBuf, String),
    #[error("{}: written by a newer Rapport (record schema {found}; this build reads up to {RECORD_SCHEMA}); update Rapport to open it", .path.display())]
    NewerSchema { path: PathBuf, found: u32 },
}
