//! `rapport check`: compiler-style diagnostics for scenario files and folders.

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
}

/// Expands folders into their `.ron` files; a missing path is a usage error.
fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            files.extend(ron_files_in(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?);
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
        vec![super::default_scenarios_dir()]
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
    let results: Vec<Loaded> = files.iter().map(|f| load_file(f)).collect();
    let (errors, warnings): (usize, usize) = results
        .iter()
        .fold((0, 0), |(e, w), r| (e + r.errors(), w + r.warnings()));
    if args.json {
        for loaded in &results {
            println!("{}", summary_json(loaded));
        }
    } else {
        for loaded in &results {
            if !loaded.diagnostics.is_empty() {
                eprintln!("{}", loaded.render());
            }
        }
        let clean = results.iter().filter(|r| r.diagnostics.is_empty()).count();
        eprintln!(
            "checked {} file{}: {clean} clean, {errors} error{}, {warnings} warning{}",
            results.len(),
            plural(results.len()),
            plural(errors),
            plural(warnings)
        );
    }
    if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn summary_json(loaded: &Loaded) -> serde_json::Value {
    let scenario = loaded.scenario.as_ref();
    json!({
        "id": scenario.map(|s| s.meta.id.clone()),
        "path": loaded.path.display().to_string(),
        "nodes": scenario.map_or(0, |s| s.nodes.len()),
        "endings": scenario.map_or(0, |s| s.ending_count()),
        "choices": scenario.map_or(0, |s| s.choice_count()),
        "errors": loaded.errors(),
        "warnings": loaded.warnings(),
        "diagnostics": loaded.diagnostics,
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn display_list(paths: &[PathBuf]) -> String {
    paths.iter().map(|p: &PathBuf| Path::display(p).to_string()).collect::<Vec<_>>().join(", ")
}
