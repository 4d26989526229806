//! The text of a record file, both ways. Records are written as indented
//! JSON (`<id>.json`): as readable as the RON they used to be written in,
//! and parsed three to four times faster, which is what lets a supervisor's
//! folder of 10,000 attempts load in about a second. Records written as RON
//! (`<id>.ron`) by earlier builds still load.
//!
//! A file is parsed once, straight into an [`AttemptRecord`]. Only when that
//! fails is it read a second time, for its schema number alone, so the reason
//! given is the most useful one: "written by a newer Rapport" rather than a
//! missing-field error deep inside a record whose shape has moved on.

use super::{AttemptRecord, RECORD_SCHEMA, RecordError};
use crate::scenario::{parse_ron, ron_options};
use serde::Deserialize;
use std::path::Path;

/// The extension of the files this build writes.
pub const RECORD_EXTENSION: &str = "json";
/// The extension of records written by earlier builds, still read.
pub const LEGACY_RECORD_EXTENSION: &str = "ron";

/// Only the schema number. Serde skips every other field, so any record
/// shape, older or newer, parses.
#[derive(Deserialize)]
#[serde(rename = "AttemptRecord")]
struct SchemaProbe {
    schema: u32,
}

/// The file text of a record.
pub fn encode(record: &AttemptRecord) -> Result<Vec<u8>, RecordError> {
    let mut text =
        serde_json::to_vec_pretty(record).map_err(|e| RecordError::Encode(e.to_string()))?;
    text.push(b'\n');
    Ok(text)
}

/// Parses a record file's bytes, by its extension.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<AttemptRecord, RecordError> {
    let corrupt = |reason: &str| RecordError::Corrupt(path.to_owned(), reason.to_owned());
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(corrupt("the file is empty"));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| corrupt("not UTF-8 text"))?;
    if path
        .extension()
        .is_some_and(|x| x == LEGACY_RECORD_EXTENSION)
    {
        decode_ron(path, text)
    } else {
        decode_json(path, text)
    }
}

/// What to say about a file that is not a current record, from its schema
/// number (if it has one) and the error of the full parse.
fn explain(path: &Path, schema: Option<u32>, at: String) -> RecordError {
    match schema {
        Some(found) if found > RECORD_SCHEMA => RecordError::NewerSchema {
            path: path.to_owned(),
            found,
        },
        Some(found) if found < RECORD_SCHEMA => RecordError::Corrupt(
            path.to_owned(),
            format!(
                "written by an older Rapport with record schema {found}, which this build (schema {RECORD_SCHEMA}) cannot read: {at}"
            ),
        ),
        _ => RecordError::Corrupt(path.to_owned(), at),
    }
}

fn check_schema(path: &Path, record: AttemptRecord) -> Result<AttemptRecord, RecordError> {
    if record.schema > RECORD_SCHEMA {
        return Err(RecordError::NewerSchema {
            path: path.to_owned(),
            found: record.schema,
        });
    }
    Ok(record)
}

fn decode_json(path: &Path, text: &str) -> Result<AttemptRecord, RecordError> {
    let error = match serde_json::from_str::<AttemptRecord>(text) {
        Ok(record) => return check_schema(path, record),
        Err(error) => error,
    };
    let at = json_position(&error);
    match serde_json::from_str::<SchemaProbe>(text) {
        Ok(probe) => Err(explain(path, Some(probe.schema), at)),
        // Not even the schema number: a syntax error or a foreign file. The
        // probe's error comes first in the file, so it is the one to report.
        Err(probe_error) if probe_error.is_syntax() || probe_error.is_eof() => {
            Err(explain(path, None, json_position(&probe_error)))
        }
        Err(_) => Err(explain(path, None, at)),
    }
}

/// `line:column: message`, the way RON errors are reported.
fn json_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |cut| &message[..cut]);
    format!("{}:{}: {message}", error.line(), error.column())
}

fn decode_ron(path: &Path, text: &str) -> Result<AttemptRecord, RecordError> {
    let diagnostic = match parse_ron::<AttemptRecord>(text) {
        Ok(record) => return check_schema(path, record),
        Err(diagnostic) => diagnostic,
    };
    let at = format!(
        "{}:{}: {}",
        diagnostic.line.unwrap_or(0),
        diagnostic.col.unwrap_or(0),
        diagnostic.message
    );
    match ron_options().from_str::<SchemaProbe>(text) {
        Ok(probe) => Err(explain(path, Some(probe.schema), at)),
        Err(e) => Err(explain(
            path,
            None,
            format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code),
        )),
    }
}
