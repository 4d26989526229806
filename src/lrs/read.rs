//! Reading attempts back from an LRS: every page of the statements query
//! (following `more`), each Rapport statement's record decoded on several
//! threads, one record per attempt (its latest version), in the same shape
//! and order as a folder of records.

use super::client::{LrsClient, LrsError, StatementPage};
use crate::export::xapi::{AttemptCollector, StatementAttempt, attempt_from_statement};
use crate::records::{AttemptRecord, RecordSet};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::Value;
use std::collections::HashSet;
use std::path::PathBuf;

/// How far before `since` the LRS is asked to look. The LRS filters on the
/// time it stored a statement, which a trainee's clock running ahead can
/// put before the attempt's own time; the margin covers a day of drift, and
/// the exact cut is made here on the attempt's time.
const SINCE_MARGIN_DAYS: i64 = 1;

/// Which statements to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadQuery {
    /// Only attempts that ended at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Statements per page; `None` asks for the LRS's maximum.
    pub page_size: Option<usize>,
}

/// Attempts read from an LRS.
#[derive(Debug, Default)]
pub struct LrsRecords {
    /// One record per attempt, oldest first, as from a folder.
    pub records: Vec<AttemptRecord>,
    /// Rapport statements whose record could not be read: (statement id, reason).
    pub problems: Vec<(String, String)>,
    /// Statements read, of any kind.
    pub statements: usize,
    /// Statements that were not Rapport attempts (other tools').
    pub foreign: usize,
    /// Pages fetched.
    pub pages: usize,
}

impl LrsRecords {
    /// The same result as a folder read gives, unreadable statements listed
    /// where a folder lists unreadable files (by the statement's address).
    pub fn into_record_set(self, client: &LrsClient) -> RecordSet {
        let statements = client.config().statements_url();
        RecordSet {
            records: self.records,
            skipped: self
                .problems
                .into_iter()
                .map(|(id, reason)| {
                    (
                        PathBuf::from(format!("{statements}?statementId={id}")),
                        reason,
                    )
                })
                .collect(),
        }
    }
}

/// Pages of a statements query, one request per `next` call: the reader
/// the Records view can drive a page at a time.
pub struct StatementPages<'a> {
    client: &'a LrsClient,
    params: Vec<(&'static str, String)>,
    next: Option<Option<String>>,
    /// Links already followed: a link offered twice would loop forever.
    followed: HashSet<String>,
}

impl<'a> StatementPages<'a> {
    /// The pages of the statements matching `query`. Every statement is
    /// asked for, not only Rapport's verbs: Ralph's file backend answers a
    /// `verb` filter with nothing at all, so Rapport picks its own
    /// statements out itself (the others are skipped unread).
    pub fn new(client: &'a LrsClient, query: &ReadQuery) -> StatementPages<'a> {
        let mut params = vec![("limit", query.page_size.unwrap_or(0).to_string())];
        if let Some(since) = query.since {
            let early = since - Duration::days(SINCE_MARGIN_DAYS);
            params.push(("since", early.to_rfc3339_opts(SecondsFormat::Millis, true)));
        }
        StatementPages {
            client,
            params,
            next: Some(None),
            followed: HashSet::new(),
        }
    }
}

impl Iterator for StatementPages<'_> {
    type Item = Result<Vec<Value>, LrsError>;

    fn next(&mut self) -> Option<Self::Item> {
        let request = self.next.take()?;
        let page = match &request {
            None => self.client.first_page(&self.params),
            Some(more) => self.client.page(more),
        };
        Some(page.map(|StatementPage { statements, more }| {
            // An empty page ends the query even if it offers more: Ralph
            // answers `limit=0` with no statements and a link to the same
            // empty page, and an LRS whose total is a multiple of its page
            // size may add one empty page at the end.
            self.next = more
                .filter(|link| !statements.is_empty() && self.followed.insert(link.clone()))
                .map(Some);
            statements
        }))
    }
}

/// Reads every attempt matching `query`: the "completed" statements, and
/// the "updated" ones that replace some of their records. Fails only when
/// the LRS cannot be read at all; statements it cannot make sense of are
/// listed in `problems`.
pub fn read_attempts(client: &LrsClient, query: &ReadQuery) -> Result<LrsRecords, LrsError> {
    let mut collector = AttemptCollector::new();
    let mut pages = 0;
    for page in StatementPages::new(client, query) {
        let statements = page?;
        pages += 1;
        for (id, read) in decode_page(&statements) {
            collector.add_read(id, read);
        }
    }
    let collected = collector.finish();
    let mut records = collected.records;
    if let Some(since) = query.since {
        records.retain(|r| r.ended_at >= since);
    }
    Ok(LrsRecords {
        records,
        problems: collected.problems,
        statements: collected.statements,
        foreign: collected.foreign,
        pages,
    })
}

type Decoded = (String, Result<Option<StatementAttempt>, String>);

/// Reads the attempts of a page's statements on several threads (gunzip
/// and JSON parsing of the records are the work), in the page's order.
fn decode_page(statements: &[Value]) -> Vec<Decoded> {
    let decode = |statement: &Value| -> Decoded {
        let id = statement["id"].as_str().unwrap_or("(no id)").to_owned();
        (id, attempt_from_statement(statement))
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(statements.len().max(1));
    if threads <= 1 {
        return statements.iter().map(decode).collect();
    }
    let chunk = statements.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = statements
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(decode).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .zip(statements.chunks(chunk))
            .flat_map(|(worker, part)| {
                worker.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|s| {
                            let id = s["id"].as_str().unwrap_or("(no id)").to_owned();
                            (
                                id.clone(),
                                Err(format!("statement {id}: the reader failed on it")),
                            )
                        })
                        .collect()
                })
            })
            .collect()
    })
}
