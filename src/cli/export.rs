//! `rapport export`: a folder of attempt records as CSV, JSON or xAPI 1.0.3
//! statements, on stdout or into a file. Also the record and set loading that
//! `rapport report` shares.

use crate::assign::{ScenarioCatalog, SetLibrary, load_set_file, scenarios_dir_for};
use crate::export::xapi::DEFAULT_HOME_PAGE;
use crate::export::{XapiOptions, records_to_csv, records_to_json, statements};
use crate::records::{RecordSet, load_records, write_atomic};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// One row per attempt, for spreadsheets.
    Csv,
    /// An array of the records as stored.
    Json,
    /// An array of xAPI 1.0.3 statements, one per attempt, for a learning record store.
    Xapi,
}

/// Where assignment sets and the scenarios they name are found.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// Judge attempts against this assignment set (its scenarios' attempts, tagged with it or untagged).
    #[arg(long, value_name = "FILE")]
    pub set: Option<PathBuf>,
    /// Folder of sets, for attempts tagged with a set id (default: the `sets` folder of the scenarios folder).
    #[arg(long, value_name = "DIR")]
    pub sets: Option<PathBuf>,
    /// Folder of the scenarios the sets name (default: the folder holding --set's `sets` folder, or scenarios/).
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
}

/// Arguments of `rapport export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Folder of attempt records.
    pub dir: PathBuf,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write into this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// xAPI: the `actor.account.homePage` trainee names belong to.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_HOME_PAGE)]
    pub home_page: String,
    #[command(flatten)]
    pub sets: SetArgs,
}

pub fn run(args: ExportArgs) -> ExitCode {
    let judging =
        args.sets.set.is_some() || args.sets.sets.is_some() || args.sets.scenarios.is_some();
    if judging && !matches!(args.format, ExportFormat::Xapi) {
        eprintln!(
            "warning: --set, --sets and --scenarios only affect --format xapi (result.success)"
        );
    }
    let records = match load_record_folder(&args.dir) {
        Ok(set) => set.records,
        Err(code) => return code,
    };
    let text = match args.format {
        ExportFormat::Csv => records_to_csv(&records),
        ExportFormat::Json => match records_to_json(&records) {
            Ok(text) => text + "\n",
            Err(error) => {
                eprintln!("error: cannot encode the records as JSON: {error}");
                return ExitCode::FAILURE;
            }
        },
        ExportFormat::Xapi => {
            let (library, catalog) = match load_sets(&args.sets) {
                Ok(found) => found,
                Err(code) => return code,
            };
            let options = XapiOptions {
                home_page: &args.home_page,
                sets: &library,
                catalog: catalog.as_ref(),
            };
            let encoded = statements(&records, &options)
                .map_err(|e| e.to_string())
                .and_then(|all| serde_json::to_string_pretty(&all).map_err(|e| e.to_string()));
            match encoded {
                Ok(text) => text + "\n",
                Err(error) => {
                    eprintln!("error: cannot encode the statements: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    match write_output(args.out.as_deref(), &text) {
        Ok(()) => {
            if let Some(path) = &args.out {
                eprintln!(
                    "exported {} attempt{} to {}",
                    records.len(),
                    plural(records.len()),
                    path.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Reads a folder of records, warning on stderr about every file skipped.
/// A missing folder is a usage error.
pub(super) fn load_record_folder(dir: &Path) -> Result<RecordSet, ExitCode> {
    if !dir.is_dir() {
        eprintln!("error: no such folder: {}", dir.display());
        return Err(ExitCode::from(super::USAGE_ERROR));
    }
    match load_records(dir) {
        Ok(set) => {
            for (_, reason) in &set.skipped {
                eprintln!("warning: skipped {reason}");
            }
            Ok(set)
        }
        Err(error) => {
            eprintln!("error: {error}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// Loads the sets attempts are judged against, and the scenario catalog.
/// A `--set` file with errors stops the command; broken files in the sets
/// folder are skipped with a warning.
pub(super) fn load_sets(args: &SetArgs) -> Result<(SetLibrary, Option<ScenarioCatalog>), ExitCode> {
    let bundled = super::default_scenarios_dir();
    let scenarios_dir = match (&args.scenarios, &args.set) {
        (Some(dir), _) => dir.clone(),
        (None, Some(set)) => scenarios_dir_for(set, &bundled),
        (None, None) => bundled,
    };
    let catalog = ScenarioCatalog::load(&scenarios_dir).ok();
    let sets_dir = args
        .sets
        .clone()
        .unwrap_or_else(|| scenarios_dir.join("sets"));
    let (mut library, broken) = SetLibrary::load_dir(&sets_dir, catalog.as_ref());
    for loaded in broken {
        eprintln!(
            "warning: skipped the set {} ({} error{}; run `rapport check` on it)",
            loaded.path.display(),
            loaded.errors(),
            plural(loaded.errors())
        );
    }
    if let Some(path) = &args.set {
        if !path.is_file() {
            eprintln!("error: no such file: {}", path.display());
            return Err(ExitCode::from(super::USAGE_ERROR));
        }
        let loaded = load_set_file(path, catalog.as_ref());
        match loaded.set {
            Some(set) => library.insert_primary(set),
            None => {
                eprintln!("{}", loaded.render());
                eprintln!("error: {} has errors", path.display());
                return Err(ExitCode::FAILURE);
            }
        }
    }
    Ok((library, catalog))
}

/// Writes `text` atomically into `out`, or to stdout. A closed pipe (as with
/// `| head`) is not an error.
pub(super) fn write_output(out: Option<&Path>, text: &str) -> Result<(), String> {
    match out {
        Some(path) => write_atomic(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write: {error}"))
                }
                _ => Ok(()),
            }
        }
    }
}
