//! Reading set files: telling a set from a scenario, finding the scenario
//! folder a set's ids refer to, and loading with positioned diagnostics.

use super::AssignmentSet;
use super::catalog::ScenarioCatalog;
use super::format::RawAssignmentSet;
use super::validate::validate_set;
use crate::scenario::{Diagnostic, DiagnosticKind, error_count, parse_ron, render_all};
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The result of loading one set file: the set if it has no errors, and
/// every diagnostic found.
#[derive(Debug, Clone)]
pub struct LoadedSet {
    pub path: PathBuf,
    pub source: String,
    pub set: Option<AssignmentSet>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadedSet {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        error_count(&self.diagnostics)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// All diagnostics rendered for a terminal.
    pub fn render(&self) -> String {
        render_all(&self.path, &self.source, &self.diagnostics)
    }

    /// The one-line JSON summary `rapport check --json` prints: the keys of a
    /// scenario's summary (with no nodes, endings or choices), plus
    /// `"kind": "set"` and the number of scenarios listed.
    pub fn summary_json(&self) -> serde_json::Value {
        let set = self.set.as_ref();
        json!({
            "kind": "set",
            "id": set.map(|s| s.id.clone()),
            "path": self.path.display().to_string(),
            "nodes": 0,
            "endings": 0,
            "choices": 0,
            "scenarios": set.map_or(0, |s| s.scenarios.len()),
            "errors": self.errors(),
            "warnings": self.warnings(),
            "diagnostics": self.diagnostics,
        })
    }
}

/// Loads and validates set text. With a catalog, scenario ids are checked too.
pub fn load_set_str(
    source: &str,
    path: impl Into<PathBuf>,
    catalog: Option<&ScenarioCatalog>,
) -> LoadedSet {
    let path = path.into();
    let (set, diagnostics) = match parse_ron::<RawAssignmentSet>(source) {
        Ok(raw) => validate_set(raw, source, catalog),
        Err(diagnostic) => (None, vec![*diagnostic]),
    };
    LoadedSet {
        path,
        source: source.to_owned(),
        set,
        diagnostics,
    }
}

/// Loads one set file from disk.
pub fn load_set_file(path: &Path, catalog: Option<&ScenarioCatalog>) -> LoadedSet {
    let failed = |message: String| LoadedSet {
        path: path.to_owned(),
        source: String::new(),
        set: None,
        diagnostics: vec![Diagnostic::error(DiagnosticKind::Io, message)],
    };
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(source) => load_set_str(&source, path, catalog),
            Err(error) => failed(format!(
                "the file is not UTF-8 text (bad byte at offset {})",
                error.utf8_error().valid_up_to()
            )),
        },
        Err(error) => failed(format!("cannot read the file: {error}")),
    }
}

/// Checks set files for `rapport check`: each against the scenarios in
/// `scenarios` when given, otherwise against the folder [`scenarios_dir_for`]
/// finds for it. Each scenario folder is read once.
pub fn check_set_files(
    files: &[PathBuf],
    scenarios: Option<&Path>,
    fallback: &Path,
) -> Vec<LoadedSet> {
    let mut catalogs: HashMap<PathBuf, ScenarioCatalog> = HashMap::new();
    files
        .iter()
        .map(|file| {
            let dir = scenarios.map_or_else(|| scenarios_dir_for(file, fallback), Path::to_owned);
            let catalog = catalogs
                .entry(dir)
                .or_insert_with_key(|dir| ScenarioCatalog::load_or_empty(dir));
            load_set_file(file, Some(catalog))
        })
        .collect()
}

/// Whether a file is an assignment set: it sits in a folder named `sets`, or
/// its top-level RON value is `AssignmentSet(...)`.
pub fn is_set_file(path: &Path) -> bool {
    let in_sets_folder = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == "sets");
    in_sets_folder || std::fs::read_to_string(path).is_ok_and(|source| starts_with_set(&source))
}

/// Whether the first value in RON text, after comments and `#![...]`
/// attributes, is an `AssignmentSet` struct.
fn starts_with_set(source: &str) -> bool {
    let mut rest = source;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, tail)| tail);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, tail)| tail);
        } else if rest.starts_with("#!") {
            rest = rest.split_once('\n').map_or("", |(_, tail)| tail);
        } else {
            break;
        }
    }
    rest.strip_prefix("AssignmentSet")
        .is_some_and(|after| after.trim_start().starts_with('('))
}

/// The scenario folder a set's ids refer to: for `course/sets/x.ron`, the
/// folder holding `sets` (`course/`); for a set anywhere else, `fallback`
/// (the bundled scenarios).
pub fn scenarios_dir_for(set_path: &Path, fallback: &Path) -> PathBuf {
    let folder = set_path.parent();
    match folder.and_then(|f| Some((f.file_name()?, f.parent()?))) {
        Some((name, parent)) if name == "sets" => {
            if parent.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                parent.to_owned()
            }
        }
        _ => fallback.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_told_apart_from_scenarios_by_their_first_value() {
        assert!(starts_with_set(
            "// a set\n/* more */ #![enable(implicit_some)]\nAssignmentSet (id: \"x\")"
        ));
        assert!(!starts_with_set("Scenario(id: \"x\")"));
        assert!(!starts_with_set("(id: \"x\")"));
    }

    #[test]
    fn a_set_in_a_sets_folder_refers_to_the_folder_above() {
        let fallback = Path::new("/bundled");
        assert_eq!(
            scenarios_dir_for(Path::new("scenarios/sets/a.ron"), fallback),
            Path::new("scenarios")
        );
        assert_eq!(
            scenarios_dir_for(Path::new("sets/a.ron"), fallback),
            Path::new(".")
        );
        assert_eq!(
            scenarios_dir_for(Path::new("/tmp/a.ron"), fallback),
            fallback
        );
    }
}
