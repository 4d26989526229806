//! Reading records: one file, or a whole folder in parallel. What a file's
//! text means is [`super::format`]'s business.

use super::format::{LEGACY_RECORD_EXTENSION, RECORD_EXTENSION, decode};
use super::{AttemptRecord, RecordError};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Reads one record. A record written with a newer schema fails with
/// [`RecordError::NewerSchema`]; anything else that is not a readable record
/// fails with [`RecordError::Corrupt`] and the reason.
pub fn load_record(path: &Path) -> Result<AttemptRecord, RecordError> {
    let bytes = std::fs::read(path).map_err(|e| RecordError::Io(path.to_owned(), e.to_string()))?;
    decode(path, &bytes)
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

/// Reads every record in a folder (`*.json`, and `*.ron` from earlier
/// builds), several files at a time. A corrupt or foreign file is listed as
/// skipped with its reason, never fatal. The result does not depend on the
/// number of threads or their timing.
pub fn load_records(dir: &Path) -> Result<RecordSet, RecordError> {
    let paths = record_files(dir)?;
    let mut set = RecordSet::default();
    for (path, loaded) in paths.iter().zip(load_all(&paths)) {
        match loaded {
            Ok(record) => set.records.push(record),
            Err(error) => set.skipped.push((path.clone(), error.to_string())),
        }
    }
    // Records started at the same instant are ordered by id, as records
    // read from an LRS are.
    set.records
        .sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
    Ok(set)
}

/// The record files of a folder, in name order. A `.ron` record that has a
/// `.json` of the same name is left out: it is the older copy of a record
/// saved again since (saving removes it; a crash between the two steps can
/// leave it behind).
pub fn record_files(dir: &Path) -> Result<Vec<PathBuf>, RecordError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| RecordError::Io(dir.to_owned(), e.to_string()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == RECORD_EXTENSION || x == LEGACY_RECORD_EXTENSION)
                && p.is_file()
        })
        .collect();
    let current: HashSet<PathBuf> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == RECORD_EXTENSION))
        .map(|p| p.with_extension(""))
        .collect();
    paths.retain(|p| {
        p.extension().is_some_and(|x| x == RECORD_EXTENSION)
            || !current.contains(&p.with_extension(""))
    });
    paths.sort();
    Ok(paths)
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
