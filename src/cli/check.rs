//! `rapport check`: compiler-style diagnostics for scenario files and folders.

use crate::scenario::menu::MenuStats;
use crate::scenario::{Loaded, load_file, ron_files_in};
use clap::Args;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `rapport check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check; folders are searched for `*.ron` (default: scenarios/).
    pub paths: Vec<PathBuf>,
    /// One JSON object per file per line instead of text.
    #[arg(long)]
    pub json: bool,
    /// Folder of the scenarios assignment sets name (default: the folder holding each set's `sets` folder).
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
}

/// Expands folders into their `.ron` files; a missing path is a usage error.
fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(
                ron_files_in(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
            );
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(format!("no such file or folder: {}", path.display()));
        }
    }
    Ok(files)
}

pub fn run(args: CheckArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        let mut defaults = vec![super::default_scenarios_dir()];
        // Assignment sets live in `scenarios/sets/`.
        let sets = super::default_scenarios_dir().join("sets");
        if sets.is_dir() {
            defaults.push(sets);
        }
        // Drills live in `scenarios/drills/`.
        let drills = super::default_scenarios_dir().join("drills");
        if drills.is_dir() {
            defaults.push(drills);
        }
        defaults
    } else {
        args.paths
    };
    let files = match collect_files(&paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(super::USAGE_ERROR);
        }
    };
    if files.is_empty() {
        eprintln!("error: no .ron files found in {}", display_list(&paths));
        return ExitCode::from(super::USAGE_ERROR);
    }
    // Assignment sets are checked by `crate::assign`; every other file as a scenario.
    let (set_files, files): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|f| crate::assign::is_set_file(f));
    let sets = crate::assign::check_set_files(
        &set_files,
        args.scenarios.as_deref(),
        &super::default_scenarios_dir(),
    );
    // Drills (in a `drills` folder, or written `Drill(...)`) are checked by `crate::drill`.
    let (drill_files, files): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|f| crate::drill::is_drill_file(f));
    let drills: Vec<crate::drill::LoadedDrill> = drill_files
        .iter()
        .map(|f| crate::drill::load_file(f))
        .collect();
    let results: Vec<Loaded> = files.iter().map(|f| load_file(f)).collect();
    let (errors, warnings): (usize, usize) = results
        .iter()
        .map(|r| (r.errors(), r.warnings()))
        .chain(sets.iter().map(|s| (s.errors(), s.warnings())))
        .chain(drills.iter().map(|d| (d.errors(), d.warnings())))
        .fold((0, 0), |(e, w), (file_errors, file_warnings)| {
            (e + file_errors, w + file_warnings)
        });
    if args.json {
        for loaded in &results {
            println!("{}", summary_json(loaded));
        }
        for set in &sets {
            println!("{}", set.summary_json());
        }
        for drill in &drills {
            println!("{}", drill.summary_json());
        }
    } else {
        for loaded in &results {
            if !loaded.diagnostics.is_empty() {
                eprintln!("{}", loaded.render());
            }
        }
        for set in sets.iter().filter(|s| !s.diagnostics.is_empty()) {
            eprintln!("{}", set.render());
        }
        for drill in drills.iter().filter(|d| !d.diagnostics.is_empty()) {
            eprintln!("{}", drill.render());
        }
        let clean = results.iter().filter(|r| r.diagnostics.is_empty()).count()
            + sets.iter().filter(|s| s.diagnostics.is_empty()).count()
            + drills.iter().filter(|d| d.diagnostics.is_empty()).count();
        let checked = results.len() + sets.len() + drills.len();
        eprintln!(
            "checked {checked} file{}: {clean} clean, {errors} error{}, {warnings} warning{}",
            plural(checked),
            plural(errors),
            plural(warnings)
        );
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn summary_json(loaded: &Loaded) -> serde_json::Value {
    let scenario = loaded.scenario.as_ref();
    json!({
        "id": scenario.map(|s| s.meta.id.clone()),
        "path": loaded.path.display().to_string(),
        "nodes": scenario.map_or(0, |s| s.nodes.len()),
        "endings": scenario.map_or(0, |s| s.ending_count()),
        "choices": scenario.map_or(0, |s| s.choice_count()),
        // Menu figures for authors (null when the scenario has errors).
        "menus": scenario.map(MenuStats::of),
        "errors": loaded.errors(),
        "warnings": loaded.warnings(),
        "diagnostics": loaded.diagnostics,
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn display_list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p: &PathBuf| Path::display(p).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
