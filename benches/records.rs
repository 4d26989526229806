//! Loading a supervisor's folder of attempt records. Writes 2,000 and 5,000
//! realistic records (every bundled scenario, played best, worst and at
//! random, with reflections and assignment tags on some) into temporary
//! folders once, then times `load_records` on each folder. Criterion reports
//! records per second ("elements"); the target is 2,000 records in well under
//! a second, aiming at 0.3 s, in release.
//!
//! `cargo bench --no-default-features --bench records`

use chrono::{DateTime, Duration, Utc};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use rapport::records::{AttemptRecord, Reflection, load_records};
use rapport::scenario::{Scenario, load_file, ron_files_in};
use rapport::session::{Strategy, play_auto};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const SIZES: [usize; 2] = [2_000, 5_000];

fn bundled_scenarios() -> Vec<Arc<Scenario>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    ron_files_in(&dir)
        .expect("scenarios/ is readable")
        .iter()
        .filter_map(|path| load_file(path).scenario.map(Arc::new))
        .collect()
}

/// The `index`th attempt of a cohort of 40 trainees over a term.
fn attempt(scenarios: &[Arc<Scenario>], index: usize) -> AttemptRecord {
    let scenario = scenarios[index % scenarios.len()].clone();
    let strategy = [Strategy::Best, Strategy::Worst, Strategy::Random][index % 3];
    let session = play_auto(scenario, index as u64, strategy).expect("auto play finishes");
    let term = DateTime::parse_from_rfc3339("2026-01-12T09:00:00Z")
        .expect("a valid date")
        .with_timezone(&Utc);
    let started_at = term + Duration::minutes(37 * index as i64);
    let mut record =
        AttemptRecord::from_session(&session, &format!("trainee-{:02}", index % 40), started_at);
    record.id = format!("bench-{index:05}");
    record.ended_at = started_at + Duration::seconds(600 + (index % 900) as i64);
    if index.is_multiple_of(4) {
        record.assignment = Some("foundations".to_owned());
    }
    if index.is_multiple_of(3) {
        record.reflections.push(Reflection {
            prompt: "What would you do differently next time?".to_owned(),
            answer: "Slow down after the client's first disclosure and reflect before \
                     asking anything else. I moved to problem-solving too early."
                .to_owned(),
        });
    }
    record
}

/// A folder holding the first `n` of `records`.
fn folder_of(records: &[AttemptRecord], n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for record in &records[..n] {
        record.save(dir.path()).expect("the record is written");
    }
    dir
}

fn check(dir: &Path, n: usize) {
    let set = load_records(dir).expect("the folder is readable");
    assert_eq!(set.records.len(), n, "skipped: {:?}", set.skipped);
    assert!(set.skipped.is_empty());
}

fn bench_load_records(c: &mut Criterion) {
    let scenarios = bundled_scenarios();
    assert!(!scenarios.is_empty(), "no bundled scenarios");
    let largest = SIZES.iter().copied().max().unwrap_or(0);
    let records: Vec<AttemptRecord> = (0..largest).map(|i| attempt(&scenarios, i)).collect();
    let mut group = c.benchmark_group("load_records");
    group.sample_size(10);
    // A load takes a good fraction of a second: ten samples of the same few
    // loads each, not criterion's default of 5 s of ever longer samples.
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(std::time::Duration::from_secs(25));
    for n in SIZES {
        let dir = folder_of(&records, n);
        check(dir.path(), n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("{n}_records"), |b| {
            b.iter(|| black_box(load_records(black_box(dir.path())).expect("readable")))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_load_records);
criterion_main!(benches);
