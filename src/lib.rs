//! Rapport's core: the scenario model, loader and linter, the session engine,
//! the classifier, scoring, debrief and records. No Bevy here, so every rule is
//! testable in milliseconds and usable from the command line.

pub mod assess;
pub mod assign;
pub mod classify;
pub mod cli;
pub mod debrief;
pub mod drill;
pub mod export;
pub mod playthrough;
pub mod records;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod transcript;
pub mod vocab;
