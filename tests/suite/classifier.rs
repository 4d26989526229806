//! The classifier against the labeled corpus `tests/data/responses.ron`:
//! per-intent precision, recall and F1, a confusion summary, and floors.
//! Run with `--nocapture` to see the tables.
//!
//! The floors sit roughly 0.05-0.15 below what the rules measured when they
//! were last tuned (1,327 entries: accuracy 0.80, macro-F1 0.79), leaving room
//! for new, unseen entries while a real regression still fails. The corpus was
//! also used to tune the rules, so these are optimistic: on the half of the
//! corpus held out during tuning (before its errors were inspected) strict
//! accuracy was 0.65; the odd-numbered half, whose error list later rounds
//! did not read, now measures 0.75. Real sessions will be harder still.

use proptest::prelude::*;
use rapport::classify::{Classification, classify};
use rapport::vocab::Intent;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct Entry {
    client: String,
    response: String,
    intent: Intent,
    #[serde(default)]
    also: Vec<Intent>,
}

const CORPUS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/responses.ron");

fn corpus() -> Vec<Entry> {
    let text = std::fs::read_to_string(CORPUS_PATH)
        .unwrap_or_else(|e| panic!("cannot read {CORPUS_PATH}: {e}"));
    ron::from_str(&text).unwrap_or_else(|e| panic!("{CORPUS_PATH} is not a valid corpus: {e}"))
}

/// Floors on macro-averaged F1 and on strict accuracy (primary intent exact).
const MACRO_F1_FLOOR: f64 = 0.70;
const ACCURACY_FLOOR: f64 = 0.72;
/// Lenient accuracy: the predicted primary is the labeled intent or one of its `also`.
const LENIENT_ACCURACY_FLOOR: f64 = 0.72;

/// Per-intent recall floors for the moves the debrief leans on most.
const RECALL_FLOORS: &[(Intent, f64)] = &[
    (Intent::ReflectionSimple, 0.65),
    (Intent::ReflectionComplex, 0.55),
    (Intent::Summary, 0.60),
    (Intent::OpenQuestion, 0.75),
    (Intent::ClosedQuestion, 0.75),
    (Intent::Affirmation, 0.65),
    (Intent::Validation, 0.60),
    (Intent::EmpathicReaction, 0.80),
    (Intent::Advice, 0.70),
    (Intent::Reassurance, 0.65),
    (Intent::Minimizing, 0.65),
    (Intent::Judgment, 0.75),
    (Intent::AcknowledgeOwnPart, 0.75),
    (Intent::Metacommunication, 0.55),
    (Intent::AskingFeedback, 0.60),
    (Intent::Frame, 0.60),
    (Intent::Facilitative, 0.80),
    (Intent::Greeting, 0.80),
];

#[derive(Default, Clone, Copy)]
struct Counts {
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }
    fn recall(self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn support(self) -> usize {
        self.true_positive + self.false_negative
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

struct Report {
    counts: BTreeMap<Intent, Counts>,
    confusions: BTreeMap<(Intent, Intent), usize>,
    total: usize,
    correct: usize,
    lenient: usize,
    macro_f1: f64,
}

fn evaluate(entries: &[Entry]) -> Report {
    let mut counts: BTreeMap<Intent, Counts> = Intent::ALL
        .iter()
        .map(|&i| (i, Counts::default()))
        .collect();
    let mut confusions = BTreeMap::new();
    let (mut correct, mut lenient) = (0, 0);
    for entry in entries {
        let got = classify(&entry.client, &entry.response).intent;
        if got == entry.intent {
            correct += 1;
            lenient += 1;
            counts.entry(got).or_default().true_positive += 1;
        } else {
            if entry.also.contains(&got) {
                lenient += 1;
            }
            counts.entry(got).or_default().false_positive += 1;
            counts.entry(entry.intent).or_default().false_negative += 1;
            *confusions.entry((entry.intent, got)).or_insert(0) += 1;
        }
    }
    let present: Vec<Counts> = counts
        .values()
        .copied()
        .filter(|c| c.support() > 0)
        .collect();
    let macro_f1 = present.iter().map(|c| c.f1()).sum::<f64>() / present.len().max(1) as f64;
    Report {
        counts,
        confusions,
        total: entries.len(),
        correct,
        lenient,
        macro_f1,
    }
}

fn print_report(report: &Report) {
    println!("\nclassifier on {} corpus entries", report.total);
    println!(
        "{:<22} {:>7} {:>7} {:>7} {:>8}",
        "intent", "prec", "recall", "f1", "support"
    );
    for (intent, c) in &report.counts {
        println!(
            "{:<22} {:>7.2} {:>7.2} {:>7.2} {:>8}",
            intent.as_str(),
            c.precision(),
            c.recall(),
            c.f1(),
            c.support()
        );
    }
    println!(
        "accuracy {:.3}  lenient accuracy (primary in intent or also) {:.3}  macro-F1 {:.3}",
        ratio(report.correct, report.total),
        ratio(report.lenient, report.total),
        report.macro_f1
    );
    let mut worst: Vec<_> = report.confusions.iter().collect();
    worst.sort_by(|a, b| b.1.cmp(a.1));
    println!("most frequent confusions (labeled -> predicted):");
    for ((expected, got), n) in worst.iter().take(25) {
        println!("  {n:>4}  {expected} -> {got}");
    }
}

#[test]
fn corpus_is_large_and_covers_every_intent() {
    let entries = corpus();
    assert!(
        entries.len() >= 1000,
        "corpus has only {} entries",
        entries.len()
    );
    for intent in Intent::ALL {
        assert!(
            entries.iter().any(|e| e.intent == *intent),
            "no corpus entry is labeled {intent}"
        );
    }
}

#[test]
fn classifier_meets_its_floors_on_the_corpus() {
    let entries = corpus();
    let report = evaluate(&entries);
    print_report(&report);
    // The entries at odd indices (2nd, 4th, ...) were held out of later tuning rounds.
    let held_out: Vec<Entry> = entries.into_iter().skip(1).step_by(2).collect();
    let held = evaluate(&held_out);
    println!(
        "held-out odd half: accuracy {:.3}  macro-F1 {:.3}",
        ratio(held.correct, held.total),
        held.macro_f1
    );
    let accuracy = ratio(report.correct, report.total);
    let lenient = ratio(report.lenient, report.total);
    let mut failures = Vec::new();
    if report.macro_f1 < MACRO_F1_FLOOR {
        failures.push(format!(
            "macro-F1 {:.3} < {MACRO_F1_FLOOR}",
            report.macro_f1
        ));
    }
    if accuracy < ACCURACY_FLOOR {
        failures.push(format!("accuracy {accuracy:.3} < {ACCURACY_FLOOR}"));
    }
    if lenient < LENIENT_ACCURACY_FLOOR {
        failures.push(format!(
            "lenient accuracy {lenient:.3} < {LENIENT_ACCURACY_FLOOR}"
        ));
    }
    for (intent, floor) in RECALL_FLOORS {
        let recall = report.counts[intent].recall();
        if recall < *floor {
            failures.push(format!("{intent} recall {recall:.2} < {floor}"));
        }
    }
    assert!(
        failures.is_empty(),
        "below the floors:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_reported_label_has_evidence_inside_the_response() {
    for entry in corpus() {
        let c = classify(&entry.client, &entry.response);
        check_spans(&entry.response, &c);
        if entry.response.trim().is_empty() {
            continue;
        }
        for label in std::iter::once(c.intent).chain(c.secondary.iter().copied()) {
            assert!(
                c.evidence.iter().any(|e| e.label == label.as_str()),
                "no evidence for {label} in {:?}",
                entry.response
            );
        }
    }
}

fn check_spans(response: &str, c: &Classification) {
    for e in &c.evidence {
        assert!(
            e.start <= e.end && e.end <= response.len(),
            "span {}..{} outside {response:?}",
            e.start,
            e.end
        );
        assert!(response.is_char_boundary(e.start) && response.is_char_boundary(e.end));
        assert_eq!(&response[e.start..e.end], e.text);
        assert!(!e.why.is_empty());
    }
    for v in [c.empathy, c.warmth, c.repair] {
        assert!((0.0..=1.0).contains(&v), "score {v} out of range");
    }
    for level in [
        c.epitome.emotional_reaction,
        c.epitome.interpretation,
        c.epitome.exploration,
    ] {
        assert!(level <= 2);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_spans_stay_on_char_boundaries(client in any::<String>(), response in any::<String>()) {
        let c = classify(&client, &response);
        check_spans(&response, &c);
    }

    #[test]
    fn never_panics_on_wordy_text(
        client in "[a-zA-Z' ,.?!’é-]{0,80}",
        response in "[a-zA-Z' ,.?!’é\u{2014}-]{0,120}",
    ) {
        let c = classify(&client, &response);
        check_spans(&response, &c);
    }
}

const REALISTIC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/realistic.ron");

/// Counselor turns written in the style of real session transcripts (fillers, run-ons,
/// stacked questions, typos, rupture repair), labelled from docs/intents.md before the
/// classifier was run on them. Before any fix the rules scored 0.812 strict (0.824
/// lenient, macro-F1 0.812): that is the honest unseen figure. One round of general
/// fixes (no sentence matches) read its error list and reached 0.906 / 0.906 / 0.909,
/// so this set is no longer unseen; the floors sit about five points under that, so a
/// regression fails while new entries have some room.
const REALISTIC_ACCURACY_FLOOR: f64 = 0.85;
const REALISTIC_LENIENT_FLOOR: f64 = 0.85;
const REALISTIC_MACRO_F1_FLOOR: f64 = 0.84;

#[test]
fn classifier_generalises_to_transcript_style_turns() {
    let text = std::fs::read_to_string(REALISTIC_PATH)
        .unwrap_or_else(|e| panic!("cannot read {REALISTIC_PATH}: {e}"));
    let entries: Vec<Entry> =
        ron::from_str(&text).unwrap_or_else(|e| panic!("{REALISTIC_PATH} is not a valid set: {e}"));
    assert!(entries.len() >= 150, "only {} entries", entries.len());
    let report = evaluate(&entries);
    print_report(&report);
    println!("per-intent accuracy on realistic.ron (correct / labelled):");
    for (intent, c) in &report.counts {
        if c.support() > 0 {
            println!(
                "  {:<22} {:>3}/{:<3} {:.2}",
                intent.as_str(),
                c.true_positive,
                c.support(),
                c.recall()
            );
        }
    }
    for entry in &entries {
        let c = classify(&entry.client, &entry.response);
        if c.intent != entry.intent {
            let cues: Vec<String> = c
                .evidence
                .iter()
                .map(|e| format!("{}:{:?}", e.label, e.text))
                .collect();
            println!(
                "  MISS {} -> {}: {:?}\n       {}",
                entry.intent,
                c.intent,
                entry.response,
                cues.join(" ")
            );
        }
    }
    let accuracy = ratio(report.correct, report.total);
    let lenient = ratio(report.lenient, report.total);
    assert!(
        accuracy >= REALISTIC_ACCURACY_FLOOR,
        "realistic accuracy {accuracy:.3} < {REALISTIC_ACCURACY_FLOOR}"
    );
    assert!(
        lenient >= REALISTIC_LENIENT_FLOOR,
        "realistic lenient accuracy {lenient:.3} < {REALISTIC_LENIENT_FLOOR}"
    );
    assert!(
        report.macro_f1 >= REALISTIC_MACRO_F1_FLOOR,
        "realistic macro-F1 {:.3} < {REALISTIC_MACRO_F1_FLOOR}",
        report.macro_f1
    );
}
