//! Broken scenario fixtures: each reports the exact error kind at the exact place.

use super::util::fixture;
use rapport::scenario::{DiagnosticKind as K, Severity, load_bytes, load_file};

/// Kind, line, column and node of one diagnostic.
type Found = (K, Option<usize>, Option<usize>, Option<String>);

/// Loads a broken fixture and returns its diagnostics as (kind, line, col, node).
fn diagnostics(name: &str) -> Vec<Found> {
    let loaded = load_file(&fixture(&format!("broken/{name}.ron")));
    assert!(loaded.scenario.is_none(), "{name} should not load");
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.kind, d.line, d.col, d.node.clone()))
        .collect()
}

/// The first error of a file (warnings such as the menu lint may come before it).
fn first_error(loaded: &rapport::scenario::Loaded) -> &rapport::scenario::Diagnostic {
    loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .expect("the fixture has an error")
}

#[test]
fn minimal_fixture_is_clean() {
    let loaded = load_file(&fixture("minimal.ron"));
    assert!(loaded.scenario.is_some(), "{}", loaded.render());
    assert!(loaded.diagnostics.is_empty(), "{}", loaded.render());
}

#[test]
fn unknown_target_points_at_the_next_field() {
    assert_eq!(
        diagnostics("unknown_target"),
        vec![
            (K::UnknownTarget, Some(40), Some(27), Some("reply".into())),
            (K::UnreachableNode, Some(45), Some(20), Some("poor".into()))
        ]
    );
    let loaded = load_file(&fixture("broken/unknown_target.ron"));
    let first_error = first_error(&loaded);
    assert_eq!(first_error.choice.as_deref(), Some("reply-advice"));
    assert_eq!(first_error.help.as_deref(), Some("did you mean \"poor\"?"));
}

#[test]
fn duplicate_id_points_at_the_second_use() {
    let found = diagnostics("duplicate_id");
    assert!(
        found.contains(&(K::DuplicateId, Some(45), Some(20), Some("good".into()))),
        "{found:?}"
    );
}

#[test]
fn missing_comma_is_a_syntax_error_with_position() {
    let loaded = load_file(&fixture("broken/syntax_missing_comma.ron"));
    let d = &loaded.diagnostics[0];
    assert_eq!((d.kind, d.line, d.col), (K::Syntax, Some(4), Some(5)));
    assert!(d.message.contains("Expected comma"), "{}", d.message);
}

#[test]
fn wrong_type_says_what_was_expected_and_found() {
    let loaded = load_file(&fixture("broken/wrong_type.ron"));
    let d = &loaded.diagnostics[0];
    assert_eq!((d.kind, d.line, d.col), (K::Syntax, Some(5), Some(13)));
    assert_eq!(d.message, "Expected integer, found `\"two\"`");
}

#[test]
fn unknown_field_lists_the_allowed_fields() {
    let loaded = load_file(&fixture("broken/unknown_field.ron"));
    let d = &loaded.diagnostics[0];
    assert_eq!((d.kind, d.line), (K::Syntax, Some(6)));
    assert!(
        d.message.contains("`mood`") && d.message.contains("`Scenario`"),
        "{}",
        d.message
    );
}

#[test]
fn unknown_intent_lists_the_vocabulary() {
    let loaded = load_file(&fixture("broken/unknown_intent.ron"));
    let d = &loaded.diagnostics[0];
    assert_eq!((d.kind, d.line, d.col), (K::Syntax, Some(37), Some(29)));
    assert!(d.message.contains("`reflection_complex`"));
}

#[test]
fn missing_intent_names_the_choice() {
    let loaded = load_file(&fixture("broken/missing_intent.ron"));
    let d = first_error(&loaded);
    assert_eq!(
        (d.kind, d.line, d.col),
        (K::MissingIntent, Some(35), Some(25))
    );
    assert_eq!(d.choice.as_deref(), Some("reply-advice"));
}

#[test]
fn score_out_of_range_is_an_error() {
    assert_eq!(
        diagnostics("score_out_of_range"),
        vec![(K::ScoreOutOfRange, Some(27), Some(25), Some("reply".into()))]
    );
}

#[test]
fn typed_without_fallback_is_an_error() {
    assert_eq!(
        diagnostics("typed_without_fallback"),
        vec![(
            K::TypedWithoutFallback,
            Some(24),
            Some(17),
            Some("reply".into())
        )]
    );
}

#[test]
fn unreachable_node_is_reported() {
    assert_eq!(
        diagnostics("unreachable"),
        vec![(
            K::UnreachableNode,
            Some(45),
            Some(20),
            Some("orphan".into())
        )]
    );
}

#[test]
fn unknown_flag_is_reported() {
    assert_eq!(
        diagnostics("unknown_flag"),
        vec![(K::UnknownFlag, Some(40), Some(32), None)]
    );
}

#[test]
fn loop_without_exit_cannot_reach_an_ending() {
    let found = diagnostics("cannot_reach_ending");
    let kinds: Vec<K> = found.iter().map(|d| d.0).collect();
    assert!(kinds.contains(&K::CannotReachEnding), "{found:?}");
    assert!(found.iter().any(|d| d.3.as_deref() == Some("loop")));
}

#[test]
fn empty_trainee_turn_is_a_dead_end() {
    let found = diagnostics("dead_end");
    assert!(
        found
            .iter()
            .any(|d| d.0 == K::DeadEnd && d.3.as_deref() == Some("reply")),
        "{found:?}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let source = std::fs::read_to_string(fixture("minimal.ron")).unwrap();
    let broken = source
        .replace("next: \"poor\",", "next: \"nowhere\",")
        .replace("intent: advice,\n", "")
        .replace("empathy: 80", "empathy: 101");
    let loaded = rapport::scenario::load_str(&broken, "many.ron");
    let kinds: Vec<K> = loaded.diagnostics.iter().map(|d| d.kind).collect();
    for expected in [
        K::UnknownTarget,
        K::MissingIntent,
        K::ScoreOutOfRange,
        K::UnreachableNode,
    ] {
        assert!(
            kinds.contains(&expected),
            "{expected:?} missing from {kinds:?}"
        );
    }
}

#[test]
fn warnings_do_not_stop_loading() {
    let source = std::fs::read_to_string(fixture("minimal.ron")).unwrap();
    let smelly = source.replace("                    explain: \"Advice too soon.\",\n", "");
    let loaded = rapport::scenario::load_str(&smelly, "smelly.ron");
    assert!(loaded.scenario.is_some());
    assert_eq!(loaded.warnings(), 1);
    assert_eq!(loaded.diagnostics[0].kind, K::MissingExplanation);
}

#[test]
fn non_utf8_bytes_are_reported_not_fatal() {
    let loaded = load_bytes(&[0x28, 0xff, 0xfe, 0x29], "bytes.ron");
    assert_eq!(loaded.diagnostics[0].kind, K::Syntax);
    assert!(loaded.diagnostics[0].message.contains("not UTF-8"));
}

#[test]
fn missing_file_is_an_io_error() {
    let loaded = load_file(&fixture("does-not-exist.ron"));
    assert_eq!(loaded.diagnostics[0].kind, K::Io);
}

#[test]
fn menu_giveaways_are_warned_with_exact_figures() {
    let loaded = load_file(&fixture("menu_giveaway.ron"));
    assert!(loaded.scenario.is_some(), "{}", loaded.render());
    let found: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.severity,
                d.kind,
                d.message.as_str(),
                d.node.as_deref(),
                d.choice.as_deref(),
                d.line,
                d.col,
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                Severity::Warning,
                K::MenuLengthGiveaway,
                "the best option \"long-best\" is 6.7 times the median length of the others (74 against 11 characters)",
                Some("long"),
                Some("long-best"),
                Some(33),
                Some(25),
            ),
            (
                Severity::Warning,
                K::MenuFewDefensible,
                "1 of 2 options score 60 or more overall (the mean of empathy, warmth and repair); a menu needs 2",
                Some("few"),
                None,
                Some(52),
                Some(17),
            ),
        ]
    );
}
