//! The outbox: attempts saved on this machine that the LRS does not hold
//! yet. Saving an attempt queues it (a small file naming the record, in
//! `<data dir>/outbox/queue/`); [`Outbox::send_pending`] sends the latest
//! version of every queued record and takes off the queue what the LRS now
//! holds. Nothing is sent until an LRS is configured; entries wait until
//! then, and a record saved again while it is being sent stays queued, so a
//! newer version is never lost. Files are private to the user and written
//! atomically.

use super::client::LrsClient;
use super::config::LrsConfig;
use super::send::{DEFAULT_BATCH, SendReport, send_records};
use crate::export::xapi::{XapiContext, XapiOptions};
use crate::records::{AttemptRecord, create_private_dir, find_record, load_record, write_atomic};
use crate::scenario::{parse_ron, to_ron};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use thiserror::Error;

/// Why the outbox could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OutboxError {
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

fn io_error(path: &Path, error: impl ToString) -> OutboxError {
    OutboxError::Io {
        path: path.display().to_string(),
        message: error.to_string(),
    }
}

/// One queued attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    record: String,
    /// When it was queued (again): an entry rewritten while a send runs is
    /// newer than the one the send read, and stays.
    queued_at: DateTime<Utc>,
}

/// What the status line shows, kept across runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutboxStatus {
    /// Attempts that reached the LRS through this outbox, ever.
    #[serde(default)]
    pub sent_total: usize,
    /// When a send last ran.
    #[serde(default)]
    pub last_try: Option<DateTime<Utc>>,
    /// When a send last left nothing behind.
    #[serde(default)]
    pub last_complete: Option<DateTime<Utc>>,
    /// Why the last send left attempts queued, if it did.
    #[serde(default)]
    pub last_error: Option<String>,
    /// Attempts waiting (counted when the status is read, not stored).
    #[serde(skip)]
    pub queued: usize,
}

/// What one [`Outbox::send_pending`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutboxReport {
    /// What happened to each queued attempt that could be read.
    pub send: SendReport,
    /// Queued attempts whose record file could not be read, with the
    /// reason: they stay queued (a deleted record leaves the queue).
    pub unreadable: Vec<(String, String)>,
    /// Another send of this outbox was running, so this one did nothing.
    pub busy: bool,
    /// Attempts still queued afterwards.
    pub queued_after: usize,
}

/// The outbox of one data folder. Clones share one lock, so only one send
/// runs at a time; use one `Outbox` (or its clones) per data folder.
#[derive(Debug, Clone)]
pub struct Outbox {
    queue: PathBuf,
    status: PathBuf,
    attempts: PathBuf,
    sending: Arc<Mutex<()>>,
}

impl Outbox {
    /// The outbox of a data folder whose attempts are in `<data dir>/attempts`.
    pub fn open(data_dir: &Path) -> Result<Outbox, OutboxError> {
        Outbox::with_attempts(data_dir, &data_dir.join("attempts"))
    }

    /// The outbox in `<data dir>/outbox` for attempts kept in `attempts`.
    pub fn with_attempts(data_dir: &Path, attempts: &Path) -> Result<Outbox, OutboxError> {
        let root = data_dir.join("outbox");
        let queue = root.join("queue");
        create_private_dir(&queue).map_err(|e| io_error(&queue, e))?;
        Ok(Outbox {
            status: root.join("status.ron"),
            queue,
            attempts: attempts.to_owned(),
            sending: Arc::new(Mutex::new(())),
        })
    }

    fn entry_path(&self, record_id: &str) -> PathBuf {
        self.queue.join(format!("{}.ron", file_stem(record_id)))
    }

    /// Queues an attempt (again, if it was saved again). Call after saving
    /// the record into the attempts folder.
    pub fn enqueue(&self, record: &AttemptRecord) -> Result<(), OutboxError> {
        self.enqueue_id(&record.id)
    }

    /// Queues the attempt with this record id.
    pub fn enqueue_id(&self, record_id: &str) -> Result<(), OutboxError> {
        let path = self.entry_path(record_id);
        let entry = Entry {
            record: record_id.to_owned(),
            queued_at: Utc::now(),
        };
        let text = to_ron(&entry).map_err(|e| io_error(&path, e))?;
        write_atomic(&path, text.as_bytes()).map_err(|e| io_error(&path, e))
    }

    /// Queues every attempt in the attempts folder: for attempts saved
    /// before an LRS was configured. Returns how many were queued.
    pub fn enqueue_all_saved(&self) -> Result<usize, OutboxError> {
        let set = crate::records::load_records(&self.attempts)
            .map_err(|e| io_error(&self.attempts, e))?;
        for record in &set.records {
            self.enqueue(record)?;
        }
        Ok(set.records.len())
    }

    /// The queued entries, by file, in name order. Unreadable entry files
    /// are left alone and not listed.
    fn entries(&self) -> Vec<(PathBuf, Entry)> {
        let Ok(dir) = std::fs::read_dir(&self.queue) else {
            return Vec::new();
        };
        let mut entries: Vec<(PathBuf, Entry)> = dir
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .filter_map(|path| {
                let text = std::fs::read_to_string(&path).ok()?;
                let entry = parse_ron::<Entry>(&text).ok()?;
                Some((path, entry))
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries
    }

    /// The record ids waiting to be sent.
    pub fn queued(&self) -> Vec<String> {
        self.entries().into_iter().map(|(_, e)| e.record).collect()
    }

    /// The status line's figures.
    pub fn status(&self) -> OutboxStatus {
        let mut status = std::fs::read_to_string(&self.status)
            .ok()
            .and_then(|text| parse_ron::<OutboxStatus>(&text).ok())
            .unwrap_or_default();
        status.queued = self.entries().len();
        status
    }

    /// Sends every queued attempt (blocking: run it on a worker thread, or
    /// use [`Outbox::spawn_send_pending`]). Attempts the LRS now holds leave
    /// the queue; the rest stay, with the reason in the report and the status.
    pub fn send_pending(&self, client: &LrsClient, options: &XapiOptions<'_>) -> OutboxReport {
        let Ok(_guard) = self.sending.try_lock() else {
            return OutboxReport {
                busy: true,
                queued_after: self.entries().len(),
                ..OutboxReport::default()
            };
        };
        let entries = self.entries();
        let mut report = OutboxReport::default();
        let mut records = Vec::with_capacity(entries.len());
        let mut sendable = Vec::with_capacity(entries.len());
        for (path, entry) in entries {
            let Some(file) = find_record(&self.attempts, &entry.record) else {
                // The trainee deleted the attempt: nothing left to send.
                self.take_off(&path, &entry);
                continue;
            };
            match load_record(&file) {
                Ok(record) => {
                    records.push(record);
                    sendable.push((path, entry));
                }
                Err(error) => report.unreadable.push((entry.record, error.to_string())),
            }
        }
        report.send = send_records(client, &records, options, DEFAULT_BATCH);
        let queued: std::collections::HashSet<&str> = report
            .send
            .queued
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        for (path, entry) in &sendable {
            if !queued.contains(entry.record.as_str()) {
                self.take_off(path, entry);
            }
        }
        report.queued_after = self.entries().len();
        self.record_status(&report);
        report
    }

    /// Runs [`Outbox::send_pending`] on its own thread and returns at once;
    /// the handle gives the report (`is_finished` tells when it is there).
    pub fn spawn_send_pending(
        &self,
        config: LrsConfig,
        context: XapiContext,
    ) -> std::thread::JoinHandle<OutboxReport> {
        let outbox = self.clone();
        std::thread::spawn(move || {
            let client = LrsClient::new(config);
            outbox.send_pending(&client, &context.options())
        })
    }

    /// Removes an entry unless it was queued again since it was read.
    fn take_off(&self, path: &Path, read: &Entry) {
        let current = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| parse_ron::<Entry>(&text).ok());
        if current.as_ref() == Some(read) {
            let _ = std::fs::remove_file(path);
        }
    }

    fn record_status(&self, report: &OutboxReport) {
        let mut status = self.status();
        let now = Utc::now();
        status.last_try = Some(now);
        status.sent_total +=
            report.send.sent.len() + report.send.updated.len() + report.send.already.len();
        let first_reason = report
            .send
            .reasons()
            .first()
            .map(|(error, _, _)| error.to_string())
            .or_else(|| report.unreadable.first().map(|(_, reason)| reason.clone()));
        if first_reason.is_none() {
            status.last_complete = Some(now);
        }
        status.last_error = first_reason;
        if let Ok(text) = to_ron(&status) {
            let _ = write_atomic(&self.status, text.as_bytes());
        }
    }
}

/// A file name for a record id: ids are file-name safe when Rapport makes
/// them; anything else is replaced so an id can never name another folder.
fn file_stem(record_id: &str) -> String {
    let stem: String = record_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "_".to_owned()
    } else {
        stem
    }
}
