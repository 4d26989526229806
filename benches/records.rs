//! A supervisor's folder of attempt records at cohort scale: 200 trainees x
//! 50 attempts = 10,000. Writes 2,000, 5,000 and 10,000 realistic records
//! (every bundled scenario, played best, worst and at random, with
//! reflections and assignment tags on some) into temporary folders once,
//! then times `load_records` on each folder, and the whole of
//! `rapport report` on the largest: load, render the HTML and write it.
//! Criterion reports records per second ("elements"); the target is the
//! 10,000-attempt report in under 2 s, in release.
//!
//! `cargo bench --no-default-features --bench records`

use chrono::{DateTime, Duration, Utc};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use rapport::assign::SetLibrary;
use rapport::records::{AttemptRecord, Reflection, load_records, write_atomic};
use rapport::report::{ReportInput, render_report};
use rapport::scenario::{Scenario, load_file, ron_files_in};
use rapport::session::{Strategy, play_auto};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const SIZES: [usize; 3] = [2_000, 5_000, 10_000];
const TRAINEES: usize = 200;

fn bundled_scenarios() -> Vec<Arc<Scenario>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    ron_files_in(&dir)
        .expect("scenarios/ is readable")
        .iter()
        .filter_map(|path| load_file(path).scenario.map(Arc::new))
        .collect()
}

/// One attempt per bundled scenario and strategy, played once: the
/// transcripts of the cohort (playing 10,000 sessions would time the engine,
/// not the records).
fn templates(scenarios: &[Arc<Scenario>]) -> Vec<AttemptRecord> {
    let mut templates = Vec::new();
    for (index, scenario) in scenarios.iter().enumerate() {
        for strategy in [Strategy::Best, Strategy::Worst, Strategy::Random] {
            let session =
                play_auto(scenario.clone(), index as u64, strategy).expect("auto play finishes");
            templates.push(AttemptRecord::from_session(&session, "t", Utc::now()));
        }
    }
    templates
}

/// The `index`th attempt of a cohort of 200 trainees over a term.
fn attempt(templates: &[AttemptRecord], index: usize) -> AttemptRecord {
    let term = DateTime::parse_from_rfc3339("2026-01-12T09:00:00Z")
        .expect("a valid date")
        .with_timezone(&Utc);
    let mut record = templates[index % templates.len()].clone();
    record.id = format!("bench-{index:05}");
    record.trainee = format!("trainee-{:03}", index % TRAINEES);
    record.seed = index as u64;
    record.started_at = term + Duration::minutes(7 * index as i64);
    record.ended_at = record.started_at + Duration::seconds(600 + (index % 900) as i64);
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

/// What `rapport report DIR --out FILE` does, minus argument parsing.
fn report(dir: &Path, out: &Path, sets: &SetLibrary) -> usize {
    let folder = load_records(dir).expect("readable");
    let html = render_report(&ReportInput {
        source: "bench",
        records: &folder.records,
        skipped: &folder.skipped,
        sets,
        catalog: None,
        generated_at: Utc::now(),
    });
    write_atomic(out, html.as_bytes()).expect("the report is written");
    html.len()
}

fn bench_records(c: &mut Criterion) {
    let scenarios = bundled_scenarios();
    assert!(!scenarios.is_empty(), "no bundled scenarios");
    let templates = templates(&scenarios);
    let largest = SIZES.iter().copied().max().unwrap_or(0);
    let records: Vec<AttemptRecord> = (0..largest).map(|i| attempt(&templates, i)).collect();
    let folders: Vec<(usize, tempfile::TempDir)> = SIZES
        .iter()
        .map(|&n| {
            let dir = folder_of(&records, n);
            check(dir.path(), n);
            (n, dir)
        })
        .collect();

    let mut group = c.benchmark_group("load_records");
    group.sample_size(10);
    // A load takes a good fraction of a second: ten samples of the same few
    // loads each, not criterion's default of 5 s of ever longer samples.
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(std::time::Duration::from_secs(30));
    for (n, dir) in &folders {
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_function(format!("{n}_records"), |b| {
            b.iter(|| black_box(load_records(black_box(dir.path())).expect("readable")))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("report_from_folder");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(std::time::Duration::from_secs(40));
    let sets = SetLibrary::default();
    let out = tempfile::tempdir().expect("a temporary folder");
    let (n, dir) = folders.last().expect("a folder");
    group.throughput(Throughput::Elements(*n as u64));
    group.bench_function(format!("{n}_attempts"), |b| {
        b.iter(|| black_box(report(dir.path(), &out.path().join("report.html"), &sets)))
    });
    group.finish();
}

criterion_group!(benches, bench_records);
criterion_main!(benches);
