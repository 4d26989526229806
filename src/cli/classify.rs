//! `rapport classify`: JSON Lines of `{"client", "response"}` on stdin, one
//! classification per line on stdout.

use super::jsonl::classify_jsonl;
use clap::Args;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

/// Arguments of `rapport classify` (none yet: it is a filter).
#[derive(Debug, Args)]
pub struct ClassifyArgs {}

pub fn run(_args: ClassifyArgs) -> ExitCode {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        eprintln!(
            "reading JSON Lines from standard input, e.g. {{\"client\": \"I can't sleep.\", \"response\": \"You sound exhausted.\"}}; Ctrl-D ends"
        );
    }
    match classify_jsonl(stdin.lock(), io::stdout().lock()) {
        Ok(stats) => {
            if stats.errors > 0 {
                eprintln!(
                    "{} of {} lines were not classified; each has an error object on its line",
                    stats.errors, stats.lines
                );
            }
            ExitCode::SUCCESS
        }
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
