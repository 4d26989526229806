//! Attempts read back out of statements: each Rapport statement's record,
//! and of several versions of one attempt the one the LRS stored last.

use super::{
    RECORD_EXTENSION, SCENARIO_ACTIVITY_PREFIX, VERB_COMPLETED, VERB_UPDATED, decode_record,
    statement_id,
};
use crate::records::AttemptRecord;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::HashMap;

/// One version of an attempt, as one statement carried it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementAttempt {
    pub record: AttemptRecord,
    pub statement_id: String,
    /// When the LRS stored the statement, if it said.
    pub stored: Option<DateTime<Utc>>,
    /// An "updated" statement rather than the attempt's completion.
    pub revision: bool,
}

fn text<'a>(statement: &'a Value, pointer: &str) -> Option<&'a str> {
    statement.pointer(pointer).and_then(Value::as_str)
}

/// The attempt a statement carries. `Ok(None)` for statements that are not
/// Rapport attempts (an LRS holds other tools' statements too); an error,
/// in words, for a Rapport statement whose record cannot be read.
pub fn attempt_from_statement(statement: &Value) -> Result<Option<StatementAttempt>, String> {
    let verb = text(statement, "/verb/id");
    let object_id = text(statement, "/object/id").unwrap_or_default();
    let revision = match verb {
        Some(VERB_COMPLETED) if object_id.starts_with(SCENARIO_ACTIVITY_PREFIX) => false,
        Some(VERB_UPDATED)
            if text(statement, "/object/objectType") == Some("StatementRef")
                && statement
                    .pointer("/result/extensions")
                    .is_some_and(|e| e.get(RECORD_EXTENSION).is_some()) =>
        {
            true
        }
        _ => return Ok(None),
    };
    let id = text(statement, "/id").unwrap_or("(no id)");
    let Some(payload) = statement
        .pointer("/result/extensions")
        .and_then(|e| e.get(RECORD_EXTENSION))
    else {
        return Err(format!(
            "statement {id} carries no attempt record (result extension {RECORD_EXTENSION}); \
             it was not sent by `rapport sync`"
        ));
    };
    let record = decode_record(payload).map_err(|e| format!("statement {id}: {e}"))?;
    // The record must be the one this statement is about, so a statement
    // assembled by hand cannot pass one attempt off as another.
    let completion = if revision { object_id } else { id };
    if completion != statement_id(&record.id) {
        return Err(format!(
            "statement {id}: the record inside ({}) does not belong to this statement",
            record.id
        ));
    }
    let stored = text(statement, "/stored")
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc));
    Ok(Some(StatementAttempt {
        record,
        statement_id: id.to_owned(),
        stored,
        revision,
    }))
}

/// What a set of statements held.
#[derive(Debug, Default)]
pub struct CollectedAttempts {
    /// One record per attempt, oldest first (by start, then id): the same
    /// order as records read from a folder.
    pub records: Vec<AttemptRecord>,
    /// Rapport statements whose record could not be read: (statement id, reason).
    pub problems: Vec<(String, String)>,
    /// Statements seen, of any kind.
    pub statements: usize,
    /// Statements that were not Rapport attempts.
    pub foreign: usize,
}

/// Gathers attempts statement by statement, keeping for each attempt the
/// version stored last (an update beats the completion it updates when the
/// LRS gave no times).
#[derive(Debug, Default)]
pub struct AttemptCollector {
    latest: HashMap<String, (VersionKey, StatementAttempt)>,
    problems: Vec<(String, String)>,
    statements: usize,
    foreign: usize,
}

/// Orders versions of one attempt: by stored time, then updates after
/// completions, then arrival.
type VersionKey = (Option<DateTime<Utc>>, bool, usize);

impl AttemptCollector {
    pub fn new() -> AttemptCollector {
        AttemptCollector::default()
    }

    /// Adds one statement.
    pub fn add(&mut self, statement: &Value) {
        let id = text(statement, "/id").unwrap_or("(no id)").to_owned();
        self.add_read(id, attempt_from_statement(statement));
    }

    /// Adds a statement already read with [`attempt_from_statement`] (so
    /// statements can be decoded on several threads and added in order).
    pub fn add_read(
        &mut self,
        statement_id: String,
        read: Result<Option<StatementAttempt>, String>,
    ) {
        self.statements += 1;
        match read {
            Ok(Some(attempt)) => {
                let key = (attempt.stored, attempt.revision, self.statements);
                match self.latest.get(&attempt.record.id) {
                    Some((known, _)) if *known > key => {}
                    _ => {
                        self.latest
                            .insert(attempt.record.id.clone(), (key, attempt));
                    }
                }
            }
            Ok(None) => self.foreign += 1,
            Err(reason) => self.problems.push((statement_id, reason)),
        }
    }

    /// Statements added so far.
    pub fn statements(&self) -> usize {
        self.statements
    }

    pub fn finish(self) -> CollectedAttempts {
        let mut records: Vec<AttemptRecord> = self
            .latest
            .into_values()
            .map(|(_, attempt)| attempt.record)
            .collect();
        records.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
        CollectedAttempts {
            records,
            problems: self.problems,
            statements: self.statements,
            foreign: self.foreign,
        }
    }
}
