//! Turns a [`RawAssignmentSet`] into an [`AssignmentSet`], reporting every
//! problem with its position: unknown scenario ids, criteria no attempt can
//! meet, an attempt allowance of zero, a due date that is not a date.

use super::catalog::ScenarioCatalog;
use super::format::{RawAssignmentSet, RawCriteria};
use super::locate::SourceMap;
use super::{AssignmentSet, Criteria, SkillMinimum};
use crate::scenario::{Diagnostic, DiagnosticKind as K};
use chrono::NaiveDate;
use std::collections::HashSet;

/// Validates a parsed set. The set comes back only when there are no errors;
/// warnings come along with it. With a catalog, scenario ids are checked
/// against it; without one, only the set's own shape is checked.
pub fn validate_set(
    raw: RawAssignmentSet,
    source: &str,
    catalog: Option<&ScenarioCatalog>,
) -> (Option<AssignmentSet>, Vec<Diagnostic>) {
    let mut check = SetCheck {
        map: SourceMap::new(source),
        diagnostics: Vec::new(),
    };
    check.id(&raw.id);
    if raw.title.trim().is_empty() {
        check.push(
            Diagnostic::error(K::EmptyText, "the set has no title")
                .with_help("write `title: \"...\"`"),
            "title",
            0,
        );
    }
    check.scenarios(&raw.scenarios, catalog);
    let criteria = check.criteria(&raw.criteria);
    let attempts_allowed = check.attempts_allowed(raw.attempts_allowed);
    let due = check.due(raw.due.as_deref());
    check.repair_can_be_measured(&raw, catalog);
    let SetCheck { diagnostics, .. } = check;
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (None, diagnostics);
    }
    let set = AssignmentSet {
        id: raw.id,
        title: raw.title,
        instructions: raw.instructions,
        scenarios: raw.scenarios,
        criteria,
        attempts_allowed,
        reflection_required: raw.reflection_required,
        due,
    };
    (Some(set), diagnostics)
}

/// Diagnostics collected while checking one set.
struct SetCheck<'a> {
    map: SourceMap<'a>,
    diagnostics: Vec<Diagnostic>,
}

impl SetCheck<'_> {
    /// Adds a diagnostic placed at the value of the `nth` `key:`.
    fn push(&mut self, diagnostic: Diagnostic, key: &str, nth: usize) {
        let placed = match self.map.key(key, nth) {
            Some((line, col)) => diagnostic.at(line, col),
            None => diagnostic,
        };
        self.diagnostics.push(placed);
    }

    fn id(&mut self, id: &str) {
        let plain = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !plain {
            self.push(
                Diagnostic::error(
                    K::BadId,
                    format!("the set id \"{id}\" should use only a-z, 0-9, `_` and `-`"),
                )
                .with_help(
                    "attempt records name their set by this id, so keep it plain and stable",
                ),
                "id",
                0,
            );
        }
    }

    fn scenarios(&mut self, scenarios: &[String], catalog: Option<&ScenarioCatalog>) {
        if scenarios.is_empty() {
            self.push(
                Diagnostic::error(K::EmptyText, "the set lists no scenarios").with_help(
                    "write `scenarios: [\"scenario-id\", ...]` in the order they are played",
                ),
                "scenarios",
                0,
            );
        }
        let mut seen = HashSet::new();
        for (index, id) in scenarios.iter().enumerate() {
            let position = self.map.string_after("scenarios", index);
            let mut problem = None;
            if !seen.insert(id.as_str()) {
                problem = Some(
                    Diagnostic::error(
                        K::DuplicateId,
                        format!("the scenario \"{id}\" is listed twice"),
                    )
                    .with_help(
                        "list each scenario once; attempts_allowed sets how often it may be played",
                    ),
                );
            } else if let Some(catalog) = catalog
                && catalog.get(id).is_none()
            {
                problem = Some(
                    Diagnostic::error(K::UnknownTarget, format!("no scenario has the id \"{id}\""))
                        .with_help(unknown_scenario_help(id, catalog)),
                );
            }
            if let Some(diagnostic) = problem {
                self.diagnostics.push(match position {
                    Some((line, col)) => diagnostic.at(line, col),
                    None => diagnostic,
                });
            }
        }
    }

    fn criteria(&mut self, raw: &RawCriteria) -> Criteria {
        let mut criteria = Criteria {
            empathy: self.score_minimum("empathy", raw.empathy),
            warmth: self.score_minimum("warmth", raw.warmth),
            repair: self.score_minimum("repair", raw.repair),
            skills: Vec::new(),
        };
        let mut seen = HashSet::new();
        for (index, minimum) in raw.skills.iter().enumerate() {
            if !seen.insert(minimum.skill) {
                self.push(
                    Diagnostic::error(
                        K::DuplicateId,
                        format!("the skill `{}` has two minimum ratings", minimum.skill),
                    )
                    .with_help("keep one `(skill: ..., min_rating: ...)` per skill"),
                    "skill",
                    index,
                );
                continue;
            }
            match u8::try_from(minimum.min_rating) {
                Ok(rating @ 1..=5) => criteria.skills.push(SkillMinimum {
                    skill: minimum.skill,
                    min_rating: rating,
                }),
                _ => self.push(
                    Diagnostic::error(
                        K::ScoreOutOfRange,
                        format!(
                            "a minimum rating of {} for `{}` is impossible: skills are rated 1 to 5",
                            minimum.min_rating, minimum.skill
                        ),
                    )
                    .with_help("use a minimum from 1 to 5 (3 is a solid pass)"),
                    "min_rating",
                    index,
                ),
            }
        }
        criteria
    }

    fn score_minimum(&mut self, dimension: &str, minimum: Option<i64>) -> Option<u8> {
        let minimum = minimum?;
        match u8::try_from(minimum) {
            Ok(score @ 0..=100) => Some(score),
            _ => {
                self.push(
                    Diagnostic::error(
                        K::ScoreOutOfRange,
                        format!("a minimum {dimension} of {minimum} is impossible: scores run from 0 to 100"),
                    )
                    .with_help("use a minimum from 0 to 100, or leave the criterion out"),
                    dimension,
                    0,
                );
                None
            }
        }
    }

    fn attempts_allowed(&mut self, attempts: Option<i64>) -> Option<u32> {
        let attempts = attempts?;
        match u32::try_from(attempts) {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                self.push(
                    Diagnostic::error(
                        K::ScoreOutOfRange,
                        format!("attempts_allowed is {attempts}: no attempt could ever count"),
                    )
                    .with_help(
                        "allow at least 1 attempt, or leave attempts_allowed out for no limit",
                    ),
                    "attempts_allowed",
                    0,
                );
                None
            }
        }
    }

    fn due(&mut self, due: Option<&str>) -> Option<NaiveDate> {
        let text = due?;
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(error) => {
                self.push(
                    Diagnostic::error(
                        K::Syntax,
                        format!("the due date \"{text}\" is not a date ({error})"),
                    )
                    .with_help("write the date as YYYY-MM-DD, e.g. \"2026-12-15\""),
                    "due",
                    0,
                );
                None
            }
        }
    }

    /// A repair minimum on a set where no scenario can rupture is never judged.
    fn repair_can_be_measured(
        &mut self,
        raw: &RawAssignmentSet,
        catalog: Option<&ScenarioCatalog>,
    ) {
        let Some(catalog) = catalog else { return };
        if raw.criteria.repair.is_none() {
            return;
        }
        let entries: Vec<_> = raw
            .scenarios
            .iter()
            .filter_map(|id| catalog.get(id))
            .collect();
        if !entries.is_empty() && entries.iter().all(|entry| !entry.can_rupture) {
            self.push(
                Diagnostic::warning(
                    K::RepairWithoutRupture,
                    "a repair minimum is set, but no scenario in the set has a rupture to repair",
                )
                .with_help("remove the repair minimum, or add a scenario with rupture markers"),
                "repair",
                0,
            );
        }
    }
}

/// "Did you mean" for an unknown scenario id, and where ids were looked up.
fn unknown_scenario_help(id: &str, catalog: &ScenarioCatalog) -> String {
    let nearest = catalog
        .ids()
        .map(|known| (edit_distance(id, known), known))
        .min_by_key(|&(distance, _)| distance)
        .filter(|&(distance, known)| distance <= known.len().max(id.len()) / 3);
    let folder = catalog.dir().display();
    match nearest {
        Some((_, known)) => {
            format!("did you mean \"{known}\"? (scenarios are looked up in {folder})")
        }
        None if catalog.is_empty() => {
            format!("no scenarios were found in {folder}; pass --scenarios DIR")
        }
        None => format!(
            "scenarios are looked up in {folder}; run `rapport check` there to list their ids"
        ),
    }
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("quiet-tuesday", "quiet-tuesday"), 0);
        assert_eq!(edit_distance("quiet-tusday", "quiet-tuesday"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
