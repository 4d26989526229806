//! Rapport's core: the scenario model, loader and linter, the session engine,
//! the classifier, scoring, debrief and records. No Bevy here, so every rule is
//! testable in milliseconds and usable from the command line.

pub mod classify;
pub mod vocab;
pub mod scenario;
pub mod cli;
pub mod session;
pub mod debrief;
pub mod scoring;
pub mod records;
