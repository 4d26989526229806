//! `rapport drill FILE --json` and `--list --json`: JSON Lines in and out, so
//! drills can be scripted, graded in bulk or shown by other tools.

use super::{LineFailure, LineStats, answer_lines};
use crate::drill::{Drill, Feedback, Statement, feedback};
use serde::Deserialize;
use serde_json::json;
use std::io::{self, BufRead, BufWriter, Write};

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
/// per input line, in order: the [`Feedback`] for that statement, or
/// `{"line": N, "error": "..."}` (N counts from 1, with `id` when it was read)
/// for a line that is not valid JSON, lacks a field, names no statement of the
/// drill, is not UTF-8, or is blank. Only I/O failures stop the run.
pub fn feedback_jsonl(
    drill: &Drill,
    input: impl BufRead,
    output: impl Write,
) -> io::Result<LineStats> {
    answer_lines(input, output, |line| answer_line(drill, line))
}

fn answer_line(drill: &Drill, line: &str) -> Result<Feedback, LineFailure> {
    if line.trim().is_empty() {
        return Err(LineFailure::new(
            "blank line: expected a JSON object {\"id\": \"...\", \"response\": \"...\"}",
        ));
    }
    let request: Request =
        serde_json::from_str(line).map_err(|e| LineFailure::new(format!("invalid input: {e}")))?;
    let statement = drill.statement(&request.id).ok_or_else(|| LineFailure {
        message: format!("no statement \"{}\" in drill \"{}\"", request.id, drill.id),
        id: Some(request.id.clone()),
    })?;
    Ok(feedback(statement, &request.response))
}
