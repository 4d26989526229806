//! Property tests: random walks over every bundled scenario, and a loader fed
//! arbitrary bytes and mutated scenarios.

use super::util::{bundled_scenarios, scenario};
use proptest::prelude::*;
use rapport::debrief::Debrief;
use rapport::scenario::load_bytes;
use rapport::session::{Strategy, play_auto};
use rapport::vocab::Skill;

/// Random walks per scenario. Thousands in all across the library.
const WALKS: u64 = 300;

#[test]
fn random_walks_end_with_scores_in_range_and_a_complete_debrief() {
    for path in bundled_scenarios() {
        let scenario = scenario(&path);
        for seed in 0..WALKS {
            let session = play_auto(scenario.clone(), seed, Strategy::Random)
                .unwrap_or_else(|e| panic!("{}: seed {seed}: {e}", path.display()));
            assert!(
                session.is_finished(),
                "{}: seed {seed} did not end",
                path.display()
            );
            let debrief = Debrief::for_session(&session);
            for score in [
                debrief.scores.empathy,
                debrief.scores.warmth,
                debrief.scores.repair,
            ]
            .into_iter()
            .flatten()
            {
                assert!(score <= 100);
            }
            for turn in session.turns() {
                assert!(turn.scores.empathy <= 100 && turn.scores.warmth <= 100);
                assert_eq!(
                    turn.scores.repair.is_some(),
                    turn.answered_rupture.is_some()
                );
                let s = turn.state_after;
                for v in [s.bond, s.goals, s.tasks, s.distress, s.dropout_risk()] {
                    assert!(
                        (0..=100).contains(&v),
                        "{}: state out of range: {s:?}",
                        path.display()
                    );
                }
            }
            assert_eq!(debrief.skills.len(), 10);
            assert_eq!(debrief.client_feedback.len(), 5);
            assert!(debrief.client_feedback.iter().all(|f| !f.answer.is_empty()));
            for rating in &debrief.skills {
                if let Some(r) = rating.rating {
                    assert!((1..=5).contains(&r));
                    assert!(
                        !rating.evidence.is_empty(),
                        "{:?} rated without evidence",
                        rating.skill
                    );
                }
            }
        }
    }
}

#[test]
fn best_scores_above_worst_on_every_exercised_dimension() {
    for path in bundled_scenarios() {
        let scenario = scenario(&path);
        for seed in 0..20 {
            let best =
                Debrief::for_session(&play_auto(scenario.clone(), seed, Strategy::Best).unwrap());
            let worst =
                Debrief::for_session(&play_auto(scenario.clone(), seed, Strategy::Worst).unwrap());
            let name = path.display();
            assert!(
                best.scores.empathy > worst.scores.empathy,
                "{name}: empathy best {:?} <= worst {:?}",
                best.scores.empathy,
                worst.scores.empathy
            );
            assert!(best.scores.warmth > worst.scores.warmth, "{name}: warmth");
            if let (Some(b), Some(w)) = (best.scores.repair, worst.scores.repair) {
                assert!(b > w, "{name}: repair best {b} <= worst {w}");
            }
            if scenario.exercises(Skill::ActingOnImpediments) {
                assert!(
                    best.scores.repair.is_some() || worst.scores.repair.is_some(),
                    "{name}: a repair scenario never measured repair"
                );
            }
        }
    }
}

#[test]
fn same_seed_and_answers_replay_identically() {
    for path in bundled_scenarios() {
        let scenario = scenario(&path);
        let a = play_auto(scenario.clone(), 42, Strategy::Random).unwrap();
        let b = play_auto(scenario.clone(), 42, Strategy::Random).unwrap();
        assert_eq!(a.lines(), b.lines());
        let replayed = rapport::session::Session::replay(scenario, 42, a.answers()).unwrap();
        assert_eq!(replayed.lines(), a.lines());
    }
}

fn valid_source() -> String {
    std::fs::read_to_string(super::util::fixture("minimal.ron")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn loader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_bytes(&bytes, "fuzz.ron");
    }

    #[test]
    fn loader_never_panics_on_mutated_scenarios(
        cut in 0usize..2000,
        len in 0usize..40,
        insert in "[ -~\n]{0,12}",
    ) {
        let source = valid_source();
        let start = cut.min(source.len());
        let end = (start + len).min(source.len());
        let (start, end) = (floor_char(&source, start), floor_char(&source, end));
        let mutated = format!("{}{}{}", &source[..start], insert, &source[end..]);
        let loaded = load_bytes(mutated.as_bytes(), "mutated.ron");
        // A mutation that still loads must still be a valid scenario.
        if let Some(s) = loaded.scenario {
            prop_assert!(!s.nodes.is_empty());
        } else {
            prop_assert!(loaded.errors() > 0);
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
