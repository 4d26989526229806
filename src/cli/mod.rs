//! The command line: argument parsing and one module per subcommand. Every
//! subcommand works in a build without the `app` feature.

mod assess;
mod check;
mod classify;
mod drill;
mod export;
mod graph;
pub mod jsonl;
pub mod play;
mod report;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Rapport: practise the therapeutic alliance with a simulated client.
#[derive(Debug, Parser)]
#[command(
    name = "rapport",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the app, walk every screen and save one PNG per screen into DIR, then exit.
    #[arg(long, value_name = "DIR")]
    pub screenshot_tour: Option<PathBuf>,
    /// Open the app on an assignment set.
    #[arg(long, value_name = "FILE")]
    pub assignment: Option<PathBuf>,
    /// Folder of scenarios the app shows (default: the bundled `scenarios/`).
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// Folder for attempts and settings (default: your user data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint scenario files or folders (default: scenarios/).
    Check(check::CheckArgs),
    /// Print a scenario's branch map as Graphviz DOT or Mermaid.
    Graph(graph::GraphArgs),
    /// Play a scenario in the terminal, or automatically with --auto, then print the debrief.
    Play(play::PlayArgs),
    /// Export a folder of attempt records as CSV, JSON or xAPI 1.0.3 statements.
    Export(export::ExportArgs),
    /// Write a folder of attempt records as a self-contained HTML cohort report.
    Report(report::ReportArgs),
    /// Classify typed responses: JSON Lines {"client", "response"} on stdin, one JSON line out per line in.
    Classify(classify::ClassifyArgs),
    /// Score a whole transcript (JSON or RON list of {speaker, text}) and print the debrief.
    Assess(assess::AssessArgs),
    /// Deliberate practice: respond to a drill's client statements and get feedback at once; --list or --json for scripts.
    Drill(drill::DrillArgs),
}

/// Output formats of `rapport graph`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GraphFormatArg {
    Dot,
    Mermaid,
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check(args) => check::run(args),
        Command::Graph(args) => graph::run(args),
        Command::Play(args) => play::run(args),
        Command::Export(args) => export::run(args),
        Command::Report(args) => report::run(args),
        Command::Drill(args) => drill::run(args),
        Command::Classify(args) => classify::run(args),
        Command::Assess(args) => assess::run(args),
    }
}

/// The bundled scenarios folder: `./scenarios` when run from a checkout,
/// otherwise the one next to the crate's manifest at build time.
pub fn default_scenarios_dir() -> PathBuf {
    let local = PathBuf::from("scenarios");
    if local.is_dir() {
        local
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios")
    }
}

/// Exit code for a usage error (bad arguments, missing input file).
pub const USAGE_ERROR: u8 = 2;
