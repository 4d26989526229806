//! `rapport report`: a folder of attempt records as one self-contained HTML
//! cohort report, written atomically.

use super::export::{SetArgs, load_record_folder, load_sets, write_output};
use crate::report::{ReportInput, render_report};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `rapport report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Folder of attempt records.
    pub dir: PathBuf,
    /// The HTML file to write.
    #[arg(long, value_name = "FILE.html")]
    pub out: PathBuf,
    #[command(flatten)]
    pub sets: SetArgs,
}

pub fn run(args: ReportArgs) -> ExitCode {
    let started = Instant::now();
    let folder = match load_record_folder(&args.dir) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let (library, catalog) = match load_sets(&args.sets) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let source = args.dir.display().to_string();
    let html = render_report(&ReportInput {
        source: &source,
        records: &folder.records,
        skipped: &folder.skipped,
        sets: &library,
        catalog: catalog.as_ref(),
        generated_at: chrono::Utc::now(),
    });
    if let Err(message) = write_output(Some(&args.out), &html) {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote the report of {} attempt{} to {} in {:.2} s{}",
        folder.records.len(),
        if folder.records.len() == 1 { "" } else { "s" },
        args.out.display(),
        started.elapsed().as_secs_f64(),
        match folder.skipped.len() {
            0 => String::new(),
            n => format!(" ({n} file{} skipped)", if n == 1 { "" } else { "s" }),
        }
    );
    ExitCode::SUCCESS
}
