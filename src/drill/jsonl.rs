//! `rapport drill FILE --json` and `--list --json`: JSON Lines in and out, so
//! drills can be scripted, graded in bulk or shown by other tools.

use super::feedback::feedback;
use super::format::{Drill, Statement};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::io::{self, BufRead, BufWriter, Write};

/// What a run of [`feedback_jsonl`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FeedbackStats {
    /// Input lines read (blank lines included).
    pub lines: usize,
    /// Lines answered with feedback.
    pub answered: usize,
    /// Lines answered with an error object.
    pub errors: usize,
}

#[derive(Deserialize)]
struct Request {
    id: String,
    response: String,
}

/// One statement as a JSON object: everything a tool needs to show it and grade it.
pub fn statement_json(drill: &Drill, statement: &Statement) -> serde_json::Value {
    json!({
        "drill": drill.id,
        "id": statement.id,
        "level": statement.level,
        "context": statement.context,
        "statement": statement.statement,
        "fits": statement.fits,
        "models": statement.models,
        "pitfalls": statement.pitfalls,
    })
}

/// Writes one JSON line per statement, in file order.
pub fn list_jsonl(drill: &Drill, output: impl Write) -> io::Result<()> {
    let mut output = BufWriter::new(output);
    for statement in &drill.statements {
        serde_json::to_writer(&mut output, &statement_json(drill, statement))?;
        output.write_all(b"\n")?;
    }
    output.flush()
}

/// Reads JSON Lines `{"id": "...", "response": "..."}` and writes one JSON line
/// per input line, in order: the [`super::Feedback`] for that statement, or
/// `{"line": N, "error": "..."}` (N counts from 1, with `id` when it was read)
/// for a line that is not valid JSON, lacks a field, names no statement of the
/// drill, is not UTF-8, or is blank. Only I/O failures stop the run.
pub fn feedback_jsonl(
    drill: &Drill,
    mut input: impl BufRead,
    output: impl Write,
) -> io::Result<FeedbackStats> {
    let mut output = BufWriter::new(output);
    let mut stats = FeedbackStats::default();
    let mut raw = Vec::with_capacity(1024);
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        stats.lines += 1;
        let line_number = stats.lines;
        let answer = match std::str::from_utf8(&raw) {
            Err(_) => Err((None, "the line is not valid UTF-8 text".to_owned())),
            Ok(line) => answer_line(drill, line.trim_end_matches(['\n', '\r'])),
        };
        match answer {
            Ok(value) => {
                serde_json::to_writer(&mut output, &value)?;
                stats.answered += 1;
            }
            Err((id, message)) => {
                let mut error = json!({ "line": line_number, "error": message });
                if let Some(id) = id {
                    error["id"] = json!(id);
                }
                serde_json::to_writer(&mut output, &error)?;
                stats.errors += 1;
            }
        }
        output.write_all(b"\n")?;
    }
    output.flush()?;
    Ok(stats)
}

type LineError = (Option<String>, String);

fn answer_line(drill: &Drill, line: &str) -> Result<serde_json::Value, LineError> {
    if line.trim().is_empty() {
        return Err((
            None,
            "blank line: expected a JSON object {\"id\": \"...\", \"response\": \"...\"}"
                .to_owned(),
        ));
    }
    let request: Request =
        serde_json::from_str(line).map_err(|e| (None, format!("invalid input: {e}")))?;
    let statement = drill.statement(&request.id).ok_or_else(|| {
        (
            Some(request.id.clone()),
            format!("no statement \"{}\" in drill \"{}\"", request.id, drill.id),
        )
    })?;
    serde_json::to_value(feedback(statement, &request.response)).map_err(|e| {
        (
            Some(request.id.clone()),
            format!("cannot encode the feedback: {e}"),
        )
    })
}
