//! Deliberate-practice drills: short, repeated reps on one skill, each a single
//! client statement, the trainee's response and feedback at once, at a level
//! that stretches without overwhelming.
//!
//! One module per part:
//!
//! * [`format`]: the RON drill format (`scenarios/drills/*.ron`, documented in
//!   `docs/drills.md`);
//! * [`load`]: loading with positioned syntax errors and the drill linter;
//! * [`feedback`]: what a response does, whether it fits, and what the closest
//!   model response does differently;
//! * [`level`]: the adaptive level rule (difficulty rating plus scores);
//! * [`practice`]: the statement order and level of one practice run;
//! * [`diary`]: the practice diary (reps, levels reached, notes), saved atomically.
//!
//! JSON Lines listing and grading for `rapport drill --json` are in
//! [`crate::cli::jsonl`].

pub mod diary;
pub mod feedback;
pub mod format;
pub mod level;
pub mod load;
pub mod practice;

pub use diary::{DiaryError, DiaryNote, DrillProgress, PracticeDiary, Rep};
pub use feedback::{Feedback, ModelComparison, feedback};
pub use format::{Drill, Level, ModelResponse, Pitfall, Statement, calls_for_repair};
pub use level::{
    DifficultyRating, LevelChange, LevelDecision, Performance, RepOutcome, next_level,
};
pub use load::{
    DrillDiagnostic, DrillIssue, LoadedDrill, drill_files_in, is_drill_file, load_bytes, load_file,
    load_str, starts_with_drill_struct,
};
pub use practice::PracticeRun;
