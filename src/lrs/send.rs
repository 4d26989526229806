//! Sending attempts: statements in batches, what the LRS already holds
//! counted as sent, a newer version of an attempt it holds sent as an
//! update, and everything that could not go left queued with the reason.

use super::client::{LrsClient, LrsError, PostAnswer};
use crate::export::xapi::{AttemptStatement, RECORD_EXTENSION, XapiOptions, payload_digest};
use crate::records::AttemptRecord;
use std::collections::HashSet;

/// Statements per request unless told otherwise: small enough for the
/// request-size limits LRSs commonly sit behind (a statement is about 7 KB).
pub const DEFAULT_BATCH: usize = 100;

/// What happened to each attempt of a send.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SendReport {
    /// Record ids the LRS stored now.
    pub sent: Vec<String>,
    /// Record ids of attempts the LRS held in an older version, whose newer
    /// version was sent now as an "updated" statement.
    pub updated: Vec<String>,
    /// Record ids the LRS already held as they are.
    pub already: Vec<String>,
    /// Record ids not in the LRS, with the reason.
    pub queued: Vec<(String, LrsError)>,
}

impl SendReport {
    /// Everything is in the LRS.
    pub fn complete(&self) -> bool {
        self.queued.is_empty()
    }

    /// The distinct reasons attempts were left queued, each with how many it
    /// held back and one of their ids, in the order first met.
    pub fn reasons(&self) -> Vec<(&LrsError, usize, &str)> {
        let mut reasons: Vec<(&LrsError, usize, &str)> = Vec::new();
        for (id, error) in &self.queued {
            match reasons.iter_mut().find(|(known, _, _)| *known == error) {
                Some(entry) => entry.1 += 1,
                None => reasons.push((error, 1, id)),
            }
        }
        reasons
    }

    fn merge(&mut self, other: SendReport) {
        self.sent.extend(other.sent);
        self.updated.extend(other.updated);
        self.already.extend(other.already);
        self.queued.extend(other.queued);
    }
}

/// How one attempt ended up in the LRS.
enum Placed {
    Sent,
    Updated,
    Already,
}

/// Sends the attempts' statements in batches of `batch` (halved when the
/// LRS finds a batch too large). A failure of the LRS as a whole (no
/// connection, wrong credentials) stops the send and leaves the rest queued
/// with that one reason; a statement the LRS rejects is left queued with the
/// LRS's own message while the others go on.
pub fn send_records(
    client: &LrsClient,
    records: &[AttemptRecord],
    options: &XapiOptions<'_>,
    batch: usize,
) -> SendReport {
    let mut report = SendReport::default();
    let mut batch = batch.max(1);
    let mut start = 0;
    while start < records.len() {
        let end = (start + batch).min(records.len());
        let (built, unbuildable) = build_statements(&records[start..end], options);
        report.queued.extend(unbuildable);
        let statements: Vec<&serde_json::Value> = built.iter().map(|s| &s.statement).collect();
        let answer = if statements.is_empty() {
            Ok(PostAnswer::NothingNew)
        } else {
            client.post_statements(&statements)
        };
        match answer {
            Ok(answer) => {
                for statement in &built {
                    let id = statement.record_id.clone();
                    if answer.stored(statement.id()) {
                        report.sent.push(id);
                    } else {
                        report.already.push(id);
                    }
                }
            }
            Err(LrsError::TooLarge) if end - start > 1 => {
                batch = ((end - start) / 2).max(1);
                continue;
            }
            Err(error) if error.stops_everything() => {
                queue_rest(&mut report, &records[start..], &error);
                return report;
            }
            // One statement spoils the batch (a conflict or a rejection):
            // send them one by one so only that one stays behind.
            Err(_) => {
                let (one_by_one, stop) = send_each(client, &built);
                report.merge(one_by_one);
                if let Some(error) = stop {
                    queue_rest(&mut report, &records[end..], &error);
                    return report;
                }
            }
        }
        start = end;
    }
    report
}

/// Leaves every attempt of `records` queued with `error`, except those
/// already queued with a reason of their own.
fn queue_rest(report: &mut SendReport, records: &[AttemptRecord], error: &LrsError) {
    let queued: HashSet<&str> = report.queued.iter().map(|(id, _)| id.as_str()).collect();
    let rest: Vec<(String, LrsError)> = records
        .iter()
        .filter(|r| !queued.contains(r.id.as_str()))
        .map(|r| (r.id.clone(), error.clone()))
        .collect();
    report.queued.extend(rest);
}

/// Statements for `records`, built on several threads (compressing the
/// records is most of the work). Records whose statement cannot be built
/// come back with the reason.
fn build_statements(
    records: &[AttemptRecord],
    options: &XapiOptions<'_>,
) -> (Vec<AttemptStatement>, Vec<(String, LrsError)>) {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(records.len().max(1));
    let chunk = records.len().div_ceil(threads).max(1);
    let results: Vec<Vec<_>> = std::thread::scope(|scope| {
        let workers: Vec<_> = records
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|record| (record.id.clone(), AttemptStatement::new(record, options)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap_or_default())
            .collect()
    });
    let mut built = Vec::with_capacity(records.len());
    let mut failed = Vec::new();
    for (id, result) in results.into_iter().flatten() {
        match result {
            Ok(statement) => built.push(statement),
            Err(error) => failed.push((id, LrsError::Unsendable(error.to_string()))),
        }
    }
    (built, failed)
}

/// Sends statements one at a time. Returns what happened, and the error
/// that stopped it if the LRS as a whole failed (the rest is then queued
/// in the report with that reason).
fn send_each(
    client: &LrsClient,
    statements: &[AttemptStatement],
) -> (SendReport, Option<LrsError>) {
    let mut report = SendReport::default();
    for (index, statement) in statements.iter().enumerate() {
        let id = statement.record_id.clone();
        match place(client, statement) {
            Ok(Placed::Sent) => report.sent.push(id),
            Ok(Placed::Updated) => report.updated.push(id),
            Ok(Placed::Already) => report.already.push(id),
            Err(error) if error.stops_everything() => {
                report.queued.extend(
                    statements[index..]
                        .iter()
                        .map(|s| (s.record_id.clone(), error.clone())),
                );
                return (report, Some(error));
            }
            Err(error) => report.queued.push((id, error)),
        }
    }
    (report, None)
}

/// Puts one attempt into the LRS. A conflict means the LRS holds a
/// statement with this attempt's id: the same record (counted as there), or
/// an older version, which the "updated" statement then replaces.
fn place(client: &LrsClient, statement: &AttemptStatement) -> Result<Placed, LrsError> {
    let conflict = match client.post_statements(&[&statement.statement]) {
        Ok(answer) if answer.stored(statement.id()) => return Ok(Placed::Sent),
        Ok(_) => return Ok(Placed::Already),
        Err(conflict @ LrsError::Conflict { .. }) => conflict,
        Err(other) => return Err(other),
    };
    let Some(held) = client.get_statement(statement.id())? else {
        return Err(conflict);
    };
    let held_digest = held
        .pointer("/result/extensions")
        .and_then(|e| e.get(RECORD_EXTENSION))
        .and_then(payload_digest);
    if held_digest == Some(statement.digest.as_str()) {
        return Ok(Placed::Already);
    }
    let revision = statement.revision();
    match client.post_statements(&[&revision]) {
        Ok(answer) if answer.stored(revision["id"].as_str().unwrap_or_default()) => {
            Ok(Placed::Updated)
        }
        Ok(_) => Ok(Placed::Already),
        // An update of this very version is there, judged differently
        // (another set): the record it carries is the same.
        Err(LrsError::Conflict { .. }) => Ok(Placed::Already),
        Err(other) => Err(other),
    }
}
