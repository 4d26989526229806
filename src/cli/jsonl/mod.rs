//! JSON Lines for scripts: the loop behind `rapport classify` and `rapport
//! drill --json` (one output line per input line, in order, with a bad line
//! answered by an error object on its own line while the rest go on), and
//! what each command reads and writes through it.

mod classify;
mod drill;

pub use classify::classify_jsonl;
pub use drill::{feedback_jsonl, list_jsonl, statement_json};

use serde::Serialize;
use std::io::{self, BufRead, BufWriter, Write};

/// Why one input line got an error object instead of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineFailure {
    /// The id the line named, when it could be read (echoed back to the caller).
    pub id: Option<String>,
    pub message: String,
}

impl LineFailure {
    pub fn new(message: impl Into<String>) -> Self {
        LineFailure {
            id: None,
            message: message.into(),
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineStats {
    /// Input lines read (blank lines included).
    pub lines: usize,
    pub answered: usize,
    pub errors: usize,
}

/// The error object written for a failed line; `line` counts from 1.
#[derive(Serialize)]
struct LineError<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    error: &'a str,
}

/// Answers every line of `input` with `answer` (given the line without its
/// line ending). A line that is not UTF-8 fails before `answer` sees it. Only
/// I/O failures stop the run.
pub fn answer_lines<T: Serialize>(
    mut input: impl BufRead,
    output: impl Write,
    mut answer: impl FnMut(&str) -> Result<T, LineFailure>,
) -> io::Result<LineStats> {
    let mut output = BufWriter::with_capacity(64 * 1024, output);
    let mut stats = LineStats::default();
    let mut raw = Vec::with_capacity(1024);
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        stats.lines += 1;
        let result = match std::str::from_utf8(&raw) {
            Err(_) => Err(LineFailure::new("the line is not valid UTF-8 text")),
            Ok(line) => answer(line.trim_end_matches(['\n', '\r'])),
        };
        match result {
            Ok(value) => {
                serde_json::to_writer(&mut output, &value)?;
                stats.answered += 1;
            }
            Err(failure) => {
                let error = LineError {
                    line: stats.lines,
                    id: failure.id.as_deref(),
                    error: &failure.message,
                };
                serde_json::to_writer(&mut output, &error)?;
                stats.errors += 1;
            }
        }
        output.write_all(b"\n")?;
    }
    output.flush()?;
    Ok(stats)
}
