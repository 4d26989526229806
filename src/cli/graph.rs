//! `rapport graph`: a scenario's branch map for reviewers and docs.

use super::GraphFormatArg;
use crate::scenario::graph::{GraphFormat, render};
use crate::scenario::load_file;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `rapport graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The scenario file.
    pub file: PathBuf,
    #[arg(long, value_enum, default_value = "dot")]
    pub format: GraphFormatArg,
}

pub fn run(args: GraphArgs) -> ExitCode {
    if !args.file.is_file() {
        eprintln!("error: no such file: {}", args.file.display());
        return ExitCode::from(super::USAGE_ERROR);
    }
    let loaded = load_file(&args.file);
    let Some(scenario) = &loaded.scenario else {
        eprintln!("{}", loaded.render());
        eprintln!("error: the scenario has errors; fix them to draw its graph");
        return ExitCode::FAILURE;
    };
    let format = match args.format {
        GraphFormatArg::Dot => GraphFormat::Dot,
        GraphFormatArg::Mermaid => GraphFormat::Mermaid,
    };
    print!("{}", render(scenario, format));
    ExitCode::SUCCESS
}
