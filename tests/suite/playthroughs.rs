//! Replays every saved play-through in `tests/playthroughs/`.

use super::util::{bundled_scenarios, root, scenario};
use rapport::playthrough::Playthrough;
use rapport::scenario::parse_ron;
use std::collections::HashMap;

#[test]
fn every_saved_playthrough_replays() {
    let scenarios: HashMap<String, _> = bundled_scenarios()
        .iter()
        .map(|p| {
            let s = scenario(p);
            (s.meta.id.clone(), s)
        })
        .collect();
    let files = rapport::scenario::ron_files_in(&root().join("tests/playthroughs")).unwrap();
    assert!(!files.is_empty(), "no play-throughs found");
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let playthrough: Playthrough = match parse_ron(&text) {
            Ok(p) => p,
            Err(d) => {
                failures.push(format!("{}: {}", file.display(), d.message));
                continue;
            }
        };
        let Some(scenario) = scenarios.get(&playthrough.scenario) else {
            failures.push(format!(
                "{}: no scenario \"{}\"",
                file.display(),
                playthrough.scenario
            ));
            continue;
        };
        match playthrough.check(scenario.clone()) {
            Ok(problems) => failures.extend(
                problems
                    .into_iter()
                    .map(|p| format!("{}: {p}", file.display())),
            ),
            Err(e) => failures.push(format!("{}: {e}", file.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} play-through problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_scenario_has_best_and_worst_playthroughs() {
    let dir = root().join("tests/playthroughs");
    for path in bundled_scenarios() {
        let id = scenario(&path).meta.id.clone();
        for kind in ["best", "worst"] {
            let file = dir.join(format!("{id}-{kind}.ron"));
            assert!(file.is_file(), "missing {}", file.display());
        }
    }
}
