//! `rapport classify` and `rapport assess` as a script or a supervisor uses them.

use super::util::{fixture, json_lines, rapport_with_stdin};

#[test]
fn classify_answers_every_line_in_order_and_bad_lines_get_errors() {
    let input = concat!(
        r#"{"client": "My dad died in March and I still can't believe it.", "response": "You're still reeling from losing him."}"#,
        "\n",
        "this is not json\n",
        "\n",
        r#"{"client": "I don't know."}"#,
        "\n",
        r#"{"client": "This isn't helping.", "response": "You're right to tell me. What would make it more useful?"}"#,
        "\n",
    );
    let out = rapport_with_stdin(&["classify"], input);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 5);
    for key in [
        "intent", "empathy", "warmth", "repair", "epitome", "evidence",
    ] {
        assert!(lines[0].get(key).is_some(), "missing {key}: {}", lines[0]);
    }
    for (index, line) in lines.iter().enumerate().skip(1).take(3) {
        assert_eq!(line["line"], index + 1, "{line}");
        assert!(line["error"].is_string(), "{line}");
    }
    assert!(
        lines[4]["repair"].as_f64().is_some_and(|r| r > 0.4),
        "{}",
        lines[4]
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 of 5 lines"));
}

#[test]
fn classify_with_empty_input_prints_nothing() {
    let out = rapport_with_stdin(&["classify"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn assess_prints_the_debrief_of_a_role_play() {
    let out = rapport_with_stdin(&["assess", "docs/examples/role-play.json"], "");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Assessed 7 counselor turns"), "{text}");
    assert!(text.contains("rupture marker: minimal response"), "{text}");
    assert!(text.contains("== The ten skills =="), "{text}");
}

#[test]
fn assess_json_has_the_same_shape_as_play() {
    let out = rapport_with_stdin(&["assess", "docs/examples/role-play.json", "--json"], "");
    assert_eq!(out.status.code(), Some(0));
    let summary: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("--json prints one JSON object");
    for key in [
        "turns",
        "scores",
        "skills",
        "client_feedback",
        "alliance",
        "ruptures",
    ] {
        assert!(summary.get(key).is_some(), "missing {key}");
    }
    assert_eq!(summary["skills"].as_array().map(Vec::len), Some(10));
    assert!(
        summary["scores"]["repair"].is_number(),
        "a rupture occurred"
    );
}

#[test]
fn assess_reads_ron_and_says_where_a_file_is_broken() {
    let ron = fixture("transcripts/short.ron");
    let out = rapport_with_stdin(&["assess", ron.to_str().unwrap_or_default(), "--json"], "");
    assert_eq!(out.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert!(
        summary["scores"]["repair"].is_null(),
        "no rupture, no repair score"
    );

    let broken = fixture("transcripts/missing-comma.json");
    let out = rapport_with_stdin(&["assess", broken.to_str().unwrap_or_default()], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing-comma.json:3:"), "{err}");

    let out = rapport_with_stdin(&["assess", "no/such/transcript.json"], "");
    assert_eq!(out.status.code(), Some(2));
}
