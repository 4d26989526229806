//! Scenarios: the RON file format, loading with positioned errors, the
//! linter that validates a file into a playable [`Scenario`], and graph export.

pub mod diagnostic;
pub mod graph;
mod load;
pub mod menu;
mod model;
pub mod raw;
mod validate;

pub use diagnostic::{
    Diagnostic, DiagnosticKind, FileDiagnostic, Severity, error_count, render_all,
};
pub use load::{
    Loaded, load_bytes, load_dir, load_file, load_str, parse_ron, ron_files_in, ron_options, to_ron,
};
pub use model::*;
pub use raw::{Condition, RawClient, RawClientState, StateVar};
pub use validate::validate;
