//! The bundled scenario library lints clean and meets the curriculum's bar.

use super::util::{bundled_scenarios, scenario};
use rapport::scenario::{DiagnosticKind, Node, load_file};
use std::collections::HashSet;

#[test]
fn every_bundled_scenario_lints_clean_without_warnings() {
    let files = bundled_scenarios();
    assert!(files.len() >= 2, "expected bundled scenarios");
    for path in files {
        let mut loaded = load_file(&path);
        // The menu giveaway warnings are left out while the writers rewrite the
        // shipped menus (issue 14). The coordinator removes this exclusion when
        // the rewrite lands, so the library is held to them too.
        loaded.diagnostics.retain(|d| {
            !matches!(
                d.kind,
                DiagnosticKind::MenuLengthGiveaway | DiagnosticKind::MenuFewDefensible
            )
        });
        assert!(loaded.diagnostics.is_empty(), "{}", loaded.render());
    }
}

#[test]
fn scenario_ids_match_file_names_and_are_unique() {
    let mut seen = HashSet::new();
    for path in bundled_scenarios() {
        let s = scenario(&path);
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        assert_eq!(s.meta.id, stem, "{}", path.display());
        assert!(seen.insert(s.meta.id.clone()));
    }
}

#[test]
fn every_scenario_has_three_distinct_endings_and_typed_moments() {
    for path in bundled_scenarios() {
        let s = scenario(&path);
        let outcomes: HashSet<_> = s
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Ending(e) => Some(e.outcome),
                _ => None,
            })
            .collect();
        assert!(
            outcomes.len() >= 3,
            "{}: {} distinct outcomes",
            path.display(),
            outcomes.len()
        );
        let typed = s
            .nodes
            .iter()
            .filter(|n| matches!(n, Node::Trainee(t) if t.typed.is_some()))
            .count();
        assert!(typed >= 1, "{}: no typed-response moment", path.display());
    }
}

#[test]
fn menu_counts_agree_with_the_menu_warnings() {
    use rapport::scenario::menu::MenuStats;
    for path in bundled_scenarios() {
        let loaded = load_file(&path);
        let stats = MenuStats::of(loaded.scenario.as_ref().expect("loads"));
        let count =
            |kind: DiagnosticKind| loaded.diagnostics.iter().filter(|d| d.kind == kind).count();
        assert_eq!(
            (stats.length_giveaway, stats.few_defensible),
            (
                count(DiagnosticKind::MenuLengthGiveaway),
                count(DiagnosticKind::MenuFewDefensible)
            ),
            "{}",
            path.display()
        );
        assert!(stats.longest_best <= stats.count && stats.own_part_best <= stats.count);
    }
}
