//! Menu options are shown in an order drawn from the attempt's seed and the
//! turn: different across seeds, the same within an attempt (rewind, resume,
//! replay), and answers name options by id so replays still match.

use super::util::{bundled_scenarios, fixture, root, scenario};
use rapport::scenario::{Node, Scenario};
use rapport::session::{Session, Strategy, play_auto};
use std::collections::HashSet;
use std::sync::Arc;

fn quiet_tuesday() -> Arc<Scenario> {
    scenario(&root().join("scenarios/quiet-tuesday.ron"))
}

fn shown(session: &Session) -> Vec<String> {
    session.choices().iter().map(|c| c.id.clone()).collect()
}

/// The ids of a trainee turn in file order.
fn file_order(scenario: &Scenario, node: &str) -> Vec<String> {
    match scenario.find(node).map(|i| scenario.node(i)) {
        Some(Node::Trainee(turn)) => turn.choices.iter().map(|c| c.id.clone()).collect(),
        _ => panic!("{node} is not a trainee turn"),
    }
}

#[test]
fn the_order_varies_with_the_seed() {
    let scenario = scenario(&fixture("minimal.ron"));
    let orders: HashSet<Vec<String>> = (0..40)
        .map(|seed| shown(&Session::new(scenario.clone(), seed).unwrap()))
        .collect();
    // Three options have six orders; forty seeds show most of them.
    assert!(orders.len() >= 4, "{orders:?}");
    let firsts: HashSet<String> = orders.iter().map(|o| o[0].clone()).collect();
    assert_eq!(firsts.len(), 3, "each option is shown first for some seed");
    for order in &orders {
        let mut sorted = order.clone();
        sorted.sort();
        let mut expected = file_order(&scenario, "reply");
        expected.sort();
        assert_eq!(sorted, expected, "the order is a permutation of the menu");
    }
}

#[test]
fn the_file_order_is_not_what_the_library_shows() {
    // Over the whole library, the option written first is shown first in
    // about one menu in three or four, not in every menu.
    let (mut menus, mut first_kept) = (0, 0);
    for path in bundled_scenarios() {
        let scenario = scenario(&path);
        let mut session = Session::new(scenario.clone(), 11).unwrap();
        // Authored loops could go on for ever: a few dozen turns is plenty.
        for _ in 0..40 {
            let Some(turn) = session.pending_turn().cloned() else {
                break;
            };
            let offered = shown(&session);
            if turn.choices.len() >= 2 && offered.len() == turn.choices.len() {
                menus += 1;
                first_kept += usize::from(offered[0] == turn.choices[0].id);
            }
            let Some(first) = offered.first().cloned() else {
                break;
            };
            session.choose(&first).unwrap();
        }
    }
    assert!(menus >= 30, "{menus} menus");
    assert!(
        first_kept * 2 < menus,
        "{first_kept} of {menus} menus show the file's first option first"
    );
}

#[test]
fn the_same_seed_gives_the_same_order_at_every_turn() {
    let scenario = quiet_tuesday();
    let a = play_auto(scenario.clone(), 5, Strategy::Best).unwrap();
    let mut b = Session::new(scenario.clone(), 5).unwrap();
    let mut c = Session::new(scenario, 5).unwrap();
    for answer in a.answers() {
        assert_eq!(shown(&b), shown(&c));
        b.answer(answer.clone()).unwrap();
        c.answer(answer.clone()).unwrap();
    }
    assert_eq!(b.lines(), a.lines());
}

#[test]
fn rewind_and_resume_show_the_same_order() {
    let scenario = quiet_tuesday();
    let mut session = Session::new(scenario.clone(), 21).unwrap();
    let first = shown(&session);
    let second_ids = {
        session.choose("open-notice").unwrap();
        shown(&session)
    };
    let resumed = Session::resume(scenario, &session.to_saved()).unwrap();
    assert_eq!(shown(&resumed), second_ids);
    session.choose(&second_ids[0]).unwrap();
    session.rewind_to(1).unwrap();
    assert_eq!(shown(&session), second_ids);
    session.rewind_to(0).unwrap();
    assert_eq!(shown(&session), first);
}

#[test]
fn answers_name_options_by_id_whatever_the_order() {
    // The same answers replay under any seed: the order changes, the ids do not.
    let scenario = quiet_tuesday();
    let best = play_auto(scenario.clone(), 1, Strategy::Best).unwrap();
    let ending = best.ending().map(|e| e.id.clone());
    for seed in [2, 3, 99] {
        let replayed = Session::replay(scenario.clone(), seed, best.answers()).unwrap();
        assert_eq!(replayed.ending().map(|e| e.id.clone()), ending);
        assert_eq!(replayed.turns().len(), best.turns().len());
    }
}
