//! Reading records: one file, or a whole folder in parallel.
//!
//! A file is parsed once, straight into an [`AttemptRecord`]. Only when that
//! fails is it read a second time, for its schema number alone, so the reason
//! given is the most useful one: "written by a newer Rapport" rather than a
//! missing-field error deep inside a record whose shape has moved on.

use super::{AttemptRecord, RECORD_SCHEMA, RecordError};
use crate::scenario::{parse_ron, ron_options};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Only the schema number. Serde skips every other field, so any record
/// shape, older or newer, parses.
#[derive(Deserialize)]
#[serde(rename = "AttemptRecord")]
struct SchemaProbe {
    schema: u32,
}

/// Reads one record. A record written with a newer schema fails with
/// [`RecordError::NewerSchema`]; anything else that is not a readable record
/// fails with [`RecordError::Corrupt`] and the reason.
pub fn load_record(path: &Path) -> Result<AttemptRecord, RecordError> {
    let bytes = std::fs::read(path).map_err(|e| RecordError::Io(path.to_owned(), e.to_string()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| RecordError::Corrupt(path.to_owned(), "not UTF-8 text".to_owned()))?;
    parse_record(path, &text)
}

fn parse_record(path: &Path, text: &str) -> Result<AttemptRecord, RecordError> {
    let corrupt = |reason: String| RecordError::Corrupt(path.to_owned(), reason);
    if text.trim().is_empty() {
        return Err(corrupt("the file is empty".to_owned()));
    }
    let diagnostic = match parse_ron::<AttemptRecord>(text) {
        Ok(record) if record.schema > RECORD_SCHEMA => {
            return Err(RecordError::NewerSchema {
                path: path.to_owned(),
                found: record.schema,
            });
        }
        Ok(record) => return Ok(record),
        Err(diagnostic) => diagnostic,
    };
    // The slow path, for files that are not current records: say why.
    let at = format!(
        "{}:{}: {}",
        diagnostic.line.unwrap_or(0),
        diagnostic.col.unwrap_or(0),
        diagnostic.message
    );
    match ron_options().from_str::<SchemaProbe>(text) {
        Ok(probe) if probe.schema > RECORD_SCHEMA => Err(RecordError::NewerSchema {
            path: path.to_owned(),
            found: probe.schema,
        }),
        Ok(probe) if probe.schema < RECORD_SCHEMA => Err(corrupt(format!(
            "written by an older Rapport with record schema {}, which this build (schema {RECORD_SCHEMA}) cannot read: {at}",
            probe.schema
        ))),
        Ok(_) => Err(corrupt(at)),
        // Not even the schema number: a syntax error or a foreign file. The
        // probe's error comes first in the file, so it is the one to report.
        Err(e) => Err(corrupt(format!(
            "{}:{}: {}",
            e.span.start.line, e.span.start.col, e.code
        ))),
    }
}

/// Reads one file of a folder, turning a panic in the parser into a skipped
/// file so one strange file never takes the whole folder down.
fn load_one(path: &Path) -> Result<AttemptRecord, RecordError> {
    std::panic::catch_unwind(|| load_record(path)).unwrap_or_else(|_| {
        Err(RecordError::Corrupt(
            path.to_owned(),
            "the reader failed on this file".to_owned(),
        ))
    })
}

/// The result of reading a folder of records: what loaded and what was skipped.
#[derive(Debug, Default)]
pub struct RecordSet {
    /// The records, oldest first (by `started_at`, then file name).
    pub records: Vec<AttemptRecord>,
    /// Files that were not records, with the reason, in file-name order.
    pub skipped: Vec<(PathBuf, String)>,
}

/// Reads every `*.ron` record in a folder, several files at a time. A corrupt
/// or foreign file is listed as skipped with its reason, never fatal. The
/// result does not depend on the number of threads or their timing.
pub fn load_records(dir: &Path) -> Result<RecordSet, RecordError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| RecordError::Io(dir.to_owned(), e.to_string()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    paths.sort();
    let mut set = RecordSet::default();
    for (path, loaded) in paths.iter().zip(load_all(&paths)) {
        match loaded {
            Ok(record) => set.records.push(record),
            Err(error) => set.skipped.push((path.clone(), error.to_string())),
        }
    }
    // Stable, so records started at the same instant stay in file-name order.
    set.records.sort_by_key(|record| record.started_at);
    Ok(set)
}

/// Loads `paths` on up to one thread per core; the results are in the order
/// of `paths`.
fn load_all(paths: &[PathBuf]) -> Vec<Result<AttemptRecord, RecordError>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(paths.len());
    if threads <= 1 {
        return paths.iter().map(|path| load_one(path)).collect();
    }
    // Each thread takes the next file not yet taken, so a few large files
    // do not leave the other threads idle.
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<AttemptRecord, RecordError>>> =
        std::iter::repeat_with(|| None).take(paths.len()).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(index) else {
                            return done;
                        };
                        done.push((index, load_one(path)));
                    }
                })
            })
            .collect();
        for worker in workers {
            // `load_one` catches panics, so a worker only ends by returning.
            let done = worker.join().unwrap_or_default();
            for (index, loaded) in done {
                results[index] = Some(loaded);
            }
        }
    });
    paths
        .iter()
        .zip(results)
        .map(|(path, loaded)| {
            loaded.unwrap_or_else(|| Err(RecordError::Io(path.clone(), "not read".to_owned())))
        })
        .collect()
}
