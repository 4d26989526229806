//! The practice diary: every rep with its scores and time, the levels reached
//! per drill, and the trainee's own notes. One file per trainee, written
//! atomically and privately like attempt records, so the app can chart reps and
//! scores per drill over days.

use super::feedback::Feedback;
use super::format::{Drill, Level};
use super::level::{DifficultyRating, Performance, RepOutcome};
use crate::records::write_atomic;
use crate::scenario::{parse_ron, ron_options, to_ron};
use crate::vocab::Intent;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The diary schema this build writes. Bump on any incompatible change.
pub const DIARY_SCHEMA: u32 = 1;

/// A trainee's practice diary across all drills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PracticeDiary")]
pub struct PracticeDiary {
    pub schema: u32,
    #[serde(default)]
    pub trainee: String,
    /// Progress per drill, by drill id.
    #[serde(default)]
    pub drills: BTreeMap<String, DrillProgress>,
    /// Notes not tied to one drill.
    #[serde(default)]
    pub notes: Vec<DiaryNote>,
}

impl Default for PracticeDiary {
    fn default() -> Self {
        PracticeDiary {
            schema: DIARY_SCHEMA,
            trainee: String::new(),
            drills: BTreeMap::new(),
            notes: Vec::new(),
        }
    }
}

/// One drill's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillProgress {
    pub drill_id: String,
    pub title: String,
    /// Where the next session of this drill starts.
    pub current_level: Level,
    /// The hardest level practised so far.
    pub highest_level: Level,
    #[serde(default)]
    pub reps: Vec<Rep>,
    #[serde(default)]
    pub notes: Vec<DiaryNote>,
}

impl DrillProgress {
    /// An empty history for a drill, starting at beginner.
    pub fn new(drill: &Drill) -> Self {
        DrillProgress {
            drill_id: drill.id.clone(),
            title: drill.title.clone(),
            current_level: Level::Beginner,
            highest_level: Level::Beginner,
            reps: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The reps as the level logic sees them (rated reps only).
    pub fn outcomes(&self) -> Vec<RepOutcome> {
        self.reps
            .iter()
            .filter_map(|rep| {
                rep.rating.map(|rating| RepOutcome {
                    level: rep.level,
                    performance: rep.performance,
                    rating,
                })
            })
            .collect()
    }
}

/// One response to one statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rep {
    pub at: DateTime<Utc>,
    pub statement_id: String,
    pub level: Level,
    pub response: String,
    pub intent: Intent,
    pub fits: bool,
    pub empathy: f32,
    pub warmth: f32,
    pub repair: f32,
    pub performance: Performance,
    /// How hard it felt, when the trainee said.
    #[serde(default)]
    pub rating: Option<DifficultyRating>,
}

impl Rep {
    /// A rep from its feedback, stamped now.
    pub fn from_feedback(
        response: &str,
        feedback: &Feedback,
        rating: Option<DifficultyRating>,
    ) -> Rep {
        Rep {
            at: Utc::now(),
            statement_id: feedback.id.clone(),
            level: feedback.level,
            response: response.to_owned(),
            intent: feedback.intent,
            fits: feedback.fits,
            empathy: feedback.empathy,
            warmth: feedback.warmth,
            repair: feedback.repair,
            performance: feedback.performance,
            rating,
        }
    }
}

/// A note the trainee writes about their practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryNote {
    pub at: DateTime<Utc>,
    pub text: String,
}

impl DiaryNote {
    /// A note stamped now.
    pub fn now(text: &str) -> DiaryNote {
        DiaryNote {
            at: Utc::now(),
            text: text.to_owned(),
        }
    }
}

impl PracticeDiary {
    /// An empty diary for a trainee.
    pub fn new(trainee: &str) -> Self {
        PracticeDiary {
            trainee: trainee.to_owned(),
            ..PracticeDiary::default()
        }
    }

    /// The drill's progress, created on first use.
    pub fn progress_mut(&mut self, drill: &Drill) -> &mut DrillProgress {
        self.drills
            .entry(drill.id.clone())
            .or_insert_with(|| DrillProgress::new(drill))
    }

    /// Records a rep and the level it leads to.
    pub fn record(&mut self, drill: &Drill, rep: Rep, next_level: Level) {
        let progress = self.progress_mut(drill);
        progress.highest_level = progress.highest_level.max(rep.level).max(next_level);
        progress.current_level = next_level;
        progress.reps.push(rep);
    }

    /// Total reps across all drills.
    pub fn rep_count(&self) -> usize {
        self.drills.values().map(|p| p.reps.len()).sum()
    }

    /// Writes the diary atomically, readable by its owner alone.
    pub fn save(&self, path: &Path) -> Result<(), DiaryError> {
        let text = to_ron(self).map_err(|e| DiaryError::Encode(e.to_string()))?;
        write_atomic(path, text.as_bytes())
            .map_err(|e| DiaryError::Io(path.to_owned(), e.to_string()))
    }

    /// Reads a diary, checking its schema first so a newer one fails clearly.
    pub fn load(path: &Path) -> Result<PracticeDiary, DiaryError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| DiaryError::Io(path.to_owned(), e.to_string()))?;
        PracticeDiary::from_ron(&text, path)
    }

    /// Reads a diary, or starts an empty one when the file does not exist yet.
    pub fn load_or_new(path: &Path, trainee: &str) -> Result<PracticeDiary, DiaryError> {
        if path.exists() {
            PracticeDiary::load(path)
        } else {
            Ok(PracticeDiary::new(trainee))
        }
    }

    fn from_ron(text: &str, path: &Path) -> Result<PracticeDiary, DiaryError> {
        match ron_options().from_str::<SchemaProbe>(text) {
            Ok(probe) if probe.schema > DIARY_SCHEMA => {
                return Err(DiaryError::NewerSchema {
                    path: path.to_owned(),
                    found: probe.schema,
                });
            }
            Ok(_) => {}
            Err(e) => {
                return Err(DiaryError::Corrupt(
                    path.to_owned(),
                    format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code),
                ));
            }
        }
        parse_ron::<PracticeDiary>(text).map_err(|d| {
            DiaryError::Corrupt(
                path.to_owned(),
                format!(
                    "{}:{}: {}",
                    d.line.unwrap_or(0),
                    d.col.unwrap_or(0),
                    d.message
                ),
            )
        })
    }
}

/// Only the schema number, read first; serde skips every other field.
#[derive(Deserialize)]
#[serde(rename = "PracticeDiary")]
struct SchemaProbe {
    schema: u32,
}

/// Why a diary could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DiaryError {
    #[error("{path}: {message}", path = .0.display(), message = .1)]
    Io(PathBuf, String),
    #[error("cannot encode the practice diary: {0}")]
    Encode(String),
    #[error("{path}: not a Rapport practice diary ({reason})", path = .0.display(), reason = .1)]
    Corrupt(PathBuf, String),
    #[error("{}: written by a newer Rapport (diary schema {found}; this build reads up to {DIARY_SCHEMA}); update Rapport to open it", .path.display())]
    NewerSchema { path: PathBuf, found: u32 },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drill() -> Drill {
        Drill {
            id: "reflecting-feelings".into(),
            title: "Reflecting feelings".into(),
            skill: crate::vocab::Skill::IdentifyingFeelings,
            target_move: "Name the feeling".into(),
            summary: "s".into(),
            instructions: "i".into(),
            statements: Vec::new(),
        }
    }

    fn rep(level: Level, rating: Option<DifficultyRating>) -> Rep {
        Rep {
            at: Utc::now(),
            statement_id: "b1".into(),
            level,
            response: "You sound worn out.".into(),
            intent: Intent::ReflectionComplex,
            fits: true,
            empathy: 0.7,
            warmth: 0.6,
            repair: 0.2,
            performance: Performance::Strong,
            rating,
        }
    }

    #[test]
    fn round_trips_through_a_private_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("diary.ron");
        let mut diary = PracticeDiary::new("sam");
        let drill = drill();
        diary.record(
            &drill,
            rep(Level::Beginner, Some(DifficultyRating::TooEasy)),
            Level::Intermediate,
        );
        diary.progress_mut(&drill).notes.push(DiaryNote::now(
            "Naming the feeling first felt awkward but worked.",
        ));
        diary
            .notes
            .push(DiaryNote::now("Tried three drills today."));
        diary.save(&path).expect("saves");
        let loaded = PracticeDiary::load(&path).expect("loads");
        assert_eq!(loaded, diary);
        let progress = &loaded.drills["reflecting-feelings"];
        assert_eq!(progress.current_level, Level::Intermediate);
        assert_eq!(progress.highest_level, Level::Intermediate);
        assert_eq!(progress.outcomes().len(), 1);
        assert_eq!(loaded.rep_count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .expect("metadata")
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn unrated_reps_do_not_steer_the_level() {
        let mut diary = PracticeDiary::default();
        let drill = drill();
        diary.record(&drill, rep(Level::Beginner, None), Level::Beginner);
        assert!(diary.drills["reflecting-feelings"].outcomes().is_empty());
    }

    #[test]
    fn missing_newer_and_corrupt_files_fail_clearly() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("none.ron");
        assert!(
            PracticeDiary::load_or_new(&missing, "sam")
                .expect("new")
                .drills
                .is_empty()
        );
        assert!(matches!(
            PracticeDiary::load(&missing),
            Err(DiaryError::Io(..))
        ));
        let newer = dir.path().join("newer.ron");
        std::fs::write(&newer, "PracticeDiary(schema: 99, future: true)").expect("write");
        assert!(matches!(
            PracticeDiary::load(&newer),
            Err(DiaryError::NewerSchema { found: 99, .. })
        ));
        let corrupt = dir.path().join("corrupt.ron");
        std::fs::write(&corrupt, "not a diary").expect("write");
        assert!(matches!(
            PracticeDiary::load(&corrupt),
            Err(DiaryError::Corrupt(..))
        ));
    }
}
