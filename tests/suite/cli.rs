//! The command line as a user meets it: exit codes, JSON shapes, bad input.

use super::util::{CHECK_JSON_KEYS, fixture, rapport, rapport_bin, root, stderr, stdout};
use std::process::Command;

#[test]
fn check_is_clean_on_the_bundled_scenarios() {
    let out = rapport(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(" 0 errors, "), "{err}");
    // The menu giveaway warnings are allowed while the writers rewrite the
    // shipped menus (issue 14); the coordinator removes this exclusion when the
    // rewrite lands and puts back "0 errors, 0 warnings".
    let other_warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("warning["))
        .filter(|l| {
            !l.starts_with("warning[menu-length-giveaway]")
                && !l.starts_with("warning[menu-few-defensible]")
        })
        .collect();
    assert!(other_warnings.is_empty(), "{other_warnings:?}");
}

#[test]
fn check_json_counts_menu_giveaways_per_scenario() {
    let out = rapport(&[
        "check",
        "--json",
        fixture("menu_giveaway.ron").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let line: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(
        line["menus"],
        serde_json::json!({
            "count": 2,
            "length_giveaway": 1,
            "few_defensible": 1,
            "longest_best": 2,
            "own_part_best": 0,
        })
    );
    assert_eq!(line["warnings"], 2);
}

#[test]
fn check_exits_one_on_errors_and_renders_a_diagnostic() {
    let path = fixture("broken/unknown_target.ron");
    let out = rapport(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error[unknown-target]"), "{err}");
    assert!(err.contains("unknown_target.ron:40:27"), "{err}");
}

#[test]
fn check_json_has_one_object_per_file() {
    let dir = fixture("broken");
    let out = rapport(&["check", "--json", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), std::fs::read_dir(&dir).unwrap().count());
    for line in &lines {
        for key in CHECK_JSON_KEYS {
            assert!(line.get(key).is_some(), "missing {key} in {line}");
        }
        assert!(line["errors"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(rapport(&["check", "no/such/path"]).status.code(), Some(2));
    assert_eq!(rapport(&["check", "--bogus"]).status.code(), Some(2));
    assert_eq!(rapport(&["graph"]).status.code(), Some(2));
    assert_eq!(
        rapport(&["play", "missing.ron", "--auto", "best"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        rapport(&["play", "scenarios/quiet-tuesday.ron", "--auto", "sideways"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(rapport(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn graph_prints_dot_and_mermaid() {
    let dot = rapport(&["graph", "scenarios/quiet-tuesday.ron"]);
    assert_eq!(dot.status.code(), Some(0));
    let text = stdout(&dot);
    assert!(text.starts_with("digraph \"quiet-tuesday\""));
    assert!(text.contains("\"open\" -> \"admits\" [label=\"open-notice (metacommunication)\"]"));
    let mermaid = stdout(&rapport(&[
        "graph",
        "scenarios/quiet-tuesday.ron",
        "--format",
        "mermaid",
    ]));
    assert!(mermaid.starts_with("flowchart TD"));
    assert!(mermaid.contains("typed: anything else"));
}

#[test]
fn graph_refuses_a_broken_scenario() {
    let out = rapport(&["graph", fixture("broken/unreachable.ron").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unreachable-node"));
}

#[test]
fn play_auto_json_has_the_documented_fields() {
    let out = rapport(&[
        "play",
        "scenarios/quiet-tuesday.ron",
        "--auto",
        "best",
        "--seed",
        "9",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["scenario"], "quiet-tuesday");
    assert_eq!(v["seed"], 9);
    assert!(v["turns"].as_array().unwrap().len() >= 3);
    for key in ["empathy", "warmth", "repair"] {
        assert!(v["scores"][key].is_number(), "{key}");
    }
    let skills = v["skills"].as_array().unwrap();
    assert_eq!(skills.len(), 10);
    for skill in skills {
        assert!(
            skill.get("skill").is_some()
                && skill.get("rating").is_some()
                && skill.get("evidence").is_some()
        );
    }
    assert_eq!(v["client_feedback"].as_array().unwrap().len(), 5);
    assert_eq!(v["ending"]["id"], "engaged-end");
}

#[test]
fn play_auto_without_rupture_reports_repair_as_null() {
    let out = rapport(&[
        "play",
        fixture("minimal.ron").to_str().unwrap(),
        "--auto",
        "worst",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v["scores"]["repair"].is_null());
}

#[test]
fn play_with_save_writes_a_private_record() {
    let dir = tempfile::tempdir().unwrap();
    let out = rapport(&[
        "play",
        "scenarios/quiet-tuesday.ron",
        "--auto",
        "random",
        "--seed",
        "4",
        "--trainee",
        "sam",
        "--save",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let set = rapport::records::load_records(dir.path()).unwrap();
    assert_eq!(set.records.len(), 1);
    assert_eq!(set.records[0].trainee, "sam");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = std::fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        assert_eq!(
            std::fs::metadata(file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn interactive_play_takes_numbers_and_survives_bad_input() {
    use std::io::Write;
    // The options are shown in an order drawn from the seed: find the number
    // of each best-path option as the terminal will show it.
    let scenario = super::util::scenario(&root().join("scenarios/quiet-tuesday.ron"));
    let best =
        rapport::session::play_auto(scenario.clone(), 2, rapport::session::Strategy::Best).unwrap();
    let mut replay = rapport::session::Session::new(scenario, 2).unwrap();
    let mut numbers = Vec::new();
    for answer in best.answers() {
        let rapport::transcript::Answer::Choice(id) = answer else {
            panic!("the best path types nothing")
        };
        let shown = replay.choices().iter().position(|c| &c.id == id).unwrap();
        numbers.push(format!("{}\n", shown + 1));
        replay.choose(id).unwrap();
    }
    assert!(numbers.len() >= 2 && numbers.len() < 7);
    // Bad input first and between the answers: a number out of range, an
    // empty line and a rewind to a turn that does not exist.
    let last = numbers.pop().unwrap();
    let input = format!("9\n{}\n:rewind 7\n{last}", numbers.join("\n"));
    let mut child = Command::new(rapport_bin())
        .args(["play", "scenarios/quiet-tuesday.ron", "--seed", "2"])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Pick a number from 1 to 3."), "{text}");
    assert!(
        text.contains("Give the number of one of your earlier turns"),
        "{text}"
    );
    assert!(text.contains("== Ending: Back in the room"), "{text}");
    assert!(text.contains("== The ten skills =="));
}

#[test]
fn interactive_play_with_no_input_leaves_cleanly() {
    let out = Command::new(rapport_bin())
        .args(["play", "scenarios/quiet-tuesday.ron"])
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Input ended"));
}
