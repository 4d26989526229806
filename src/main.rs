//! The `rapport` binary: the desktop app when run bare, or a subcommand.

#[cfg(feature = "app")]
mod app;

use clap::Parser;
use rapport::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        return run(command);
    }
    open_app(cli)
}

#[cfg(feature = "app")]
fn open_app(cli: Cli) -> ExitCode {
    app::run(cli)
}

#[cfg(not(feature = "app"))]
fn open_app(_cli: Cli) -> ExitCode {
    eprintln!(
        "error: this build of rapport has no app (built without the `app` feature); try `rapport --help`"
    );
    ExitCode::from(rapport::cli::USAGE_ERROR)
}
