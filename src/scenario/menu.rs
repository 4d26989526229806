//! How a trainee turn's options compare with each other: whether the form of
//! a menu gives its best option away (it is much longer than the rest), and
//! whether a supervisor would defend more than one option. The linter warns
//! from these figures and `rapport check --json` counts them per scenario.
//!
//! "Best" is the `--auto best` rule: the highest empathy + warmth + repair,
//! ties going to the smallest id, so the lint and automatic play agree.

use super::diagnostic::{Diagnostic, DiagnosticKind};
use super::model::{Choice, Node, Scenario};
use super::raw::{RawChoice, RawTraineeTurn};
use crate::vocab::Intent;
use serde::Serialize;

/// The best option may be at most this many times the median length of the others.
pub const LENGTH_GIVEAWAY_RATIO: f64 = 1.3;
/// An option a supervisor would defend scores at least this overall.
pub const DEFENSIBLE_OVERALL: f64 = 60.0;
/// A menu should offer at least this many defensible options.
pub const MIN_DEFENSIBLE: usize = 2;

/// What the comparison needs from one option.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionFigures<'a> {
    pub id: &'a str,
    /// Length of the text in characters.
    pub chars: usize,
    pub intent: Option<Intent>,
    pub empathy: i32,
    pub warmth: i32,
    pub repair: Option<i32>,
}

impl<'a> OptionFigures<'a> {
    /// The figures of an option as written in the file.
    pub fn of_raw(choice: &'a RawChoice) -> Self {
        OptionFigures {
            id: &choice.id,
            chars: choice.text.chars().count(),
            intent: choice.intent,
            empathy: choice.scores.empathy,
            warmth: choice.scores.warmth,
            repair: choice.scores.repair,
        }
    }

    /// The figures of a validated option.
    pub fn of_choice(choice: &'a Choice) -> Self {
        OptionFigures {
            id: &choice.id,
            chars: choice.text.chars().count(),
            intent: Some(choice.intent),
            empathy: i32::from(choice.scores.empathy),
            warmth: i32::from(choice.scores.warmth),
            repair: choice.scores.repair.map(i32::from),
        }
    }

    /// Empathy + warmth + repair: what `--auto best` maximises.
    pub fn total(&self) -> i32 {
        self.empathy + self.warmth + self.repair.unwrap_or(0)
    }

    /// The mean of empathy, warmth and (when scored) repair.
    pub fn overall(&self) -> f64 {
        match self.repair {
            Some(repair) => f64::from(self.empathy + self.warmth + repair) / 3.0,
            None => f64::from(self.empathy + self.warmth) / 2.0,
        }
    }
}

/// The position of the best of `(id, total)` pairs: the highest total, ties
/// to the smallest id, so the answer does not depend on the order shown.
pub fn best_position<'a>(options: impl IntoIterator<Item = (&'a str, i32)>) -> Option<usize> {
    options
        .into_iter()
        .enumerate()
        .max_by(|(_, (a_id, a_total)), (_, (b_id, b_total))| {
            a_total.cmp(b_total).then_with(|| b_id.cmp(a_id))
        })
        .map(|(position, _)| position)
}

/// How one menu's options compare.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuFigures<'a> {
    /// The best option (the `--auto best` rule).
    pub best: OptionFigures<'a>,
    /// The median length of the other options, in characters.
    pub others_median_chars: f64,
    /// The best option's length over that median.
    pub length_ratio: f64,
    /// No other option is longer than the best one.
    pub longest_is_best: bool,
    /// How many options score [`DEFENSIBLE_OVERALL`] or more overall.
    pub defensible: usize,
}

impl MenuFigures<'_> {
    /// The best option stands out by its length alone.
    pub fn length_giveaway(&self) -> bool {
        self.length_ratio > LENGTH_GIVEAWAY_RATIO
    }

    /// Fewer than [`MIN_DEFENSIBLE`] options a supervisor would defend.
    pub fn too_few_defensible(&self) -> bool {
        self.defensible < MIN_DEFENSIBLE
    }

    /// The best move is owning your part.
    pub fn own_part_best(&self) -> bool {
        self.best.intent == Some(Intent::AcknowledgeOwnPart)
    }
}

/// Compares a menu's options; `None` for a menu of fewer than two (nothing to compare).
pub fn compare<'a>(options: &[OptionFigures<'a>]) -> Option<MenuFigures<'a>> {
    if options.len() < 2 {
        return None;
    }
    let best_at = best_position(options.iter().map(|o| (o.id, o.total())))?;
    let best = options[best_at].clone();
    let mut other_lengths: Vec<usize> = options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best_at)
        .map(|(_, o)| o.chars)
        .collect();
    other_lengths.sort_unstable();
    let middle = other_lengths.len() / 2;
    let others_median_chars = if other_lengths.len() % 2 == 1 {
        other_lengths[middle] as f64
    } else {
        (other_lengths[middle - 1] + other_lengths[middle]) as f64 / 2.0
    };
    let length_ratio = if others_median_chars > 0.0 {
        best.chars as f64 / others_median_chars
    } else {
        f64::INFINITY
    };
    Some(MenuFigures {
        longest_is_best: options.iter().all(|o| o.chars <= best.chars),
        defensible: options
            .iter()
            .filter(|o| o.overall() >= DEFENSIBLE_OVERALL)
            .count(),
        best,
        others_median_chars,
        length_ratio,
    })
}

/// The giveaway warnings for one trainee turn, each with the id it is about
/// (the best option for the length, the turn for the count) so the linter
/// can point at it.
pub fn warnings(turn: &RawTraineeTurn) -> Vec<(Diagnostic, String)> {
    let options: Vec<OptionFigures> = turn.choices.iter().map(OptionFigures::of_raw).collect();
    let Some(menu) = compare(&options) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if menu.length_giveaway() {
        out.push((
            Diagnostic::warning(
                DiagnosticKind::MenuLengthGiveaway,
                format!(
                    "the best option \"{}\" is {:.1} times the median length of the others ({} against {} characters)",
                    menu.best.id,
                    menu.length_ratio,
                    menu.best.chars,
                    menu.others_median_chars
                ),
            )
            .at_node(&turn.id)
            .at_choice(menu.best.id)
            .with_help(format!(
                "a trainee can find the best option by its length; keep it within {LENGTH_GIVEAWAY_RATIO} times the others"
            )),
            menu.best.id.to_owned(),
        ));
    }
    if menu.too_few_defensible() {
        out.push((
            Diagnostic::warning(
                DiagnosticKind::MenuFewDefensible,
                format!(
                    "{} of {} options score {DEFENSIBLE_OVERALL} or more overall (the mean of empathy, warmth and repair); a menu needs {MIN_DEFENSIBLE}",
                    menu.defensible,
                    options.len()
                ),
            )
            .at_node(&turn.id)
            .with_help(
                "offer a second move a supervisor would defend, scored accordingly, and make the wrong options the plausible moves a novice makes",
            ),
            turn.id.clone(),
        ));
    }
    out
}

/// A scenario's menus counted, as `rapport check --json` reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MenuStats {
    /// Trainee turns with at least two options.
    pub count: usize,
    /// Menus warned for `menu-length-giveaway`.
    pub length_giveaway: usize,
    /// Menus warned for `menu-few-defensible`.
    pub few_defensible: usize,
    /// Menus whose best option is the longest.
    pub longest_best: usize,
    /// Menus whose best option is `acknowledge_own_part`.
    pub own_part_best: usize,
}

impl MenuStats {
    /// Counts the menus of a validated scenario. Every option of a turn
    /// counts, whatever its `when`: the author wrote them as one menu.
    pub fn of(scenario: &Scenario) -> MenuStats {
        let mut stats = MenuStats::default();
        for node in &scenario.nodes {
            let Node::Trainee(turn) = node else { continue };
            let options: Vec<OptionFigures> =
                turn.choices.iter().map(OptionFigures::of_choice).collect();
            if let Some(menu) = compare(&options) {
                stats.add(&menu);
            }
        }
        stats
    }

    fn add(&mut self, menu: &MenuFigures<'_>) {
        self.count += 1;
        self.length_giveaway += usize::from(menu.length_giveaway());
        self.few_defensible += usize::from(menu.too_few_defensible());
        self.longest_best += usize::from(menu.longest_is_best);
        self.own_part_best += usize::from(menu.own_part_best());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(id: &str, chars: usize, empathy: i32, warmth: i32) -> OptionFigures<'_> {
        OptionFigures {
            id,
            chars,
            intent: Some(Intent::ReflectionSimple),
            empathy,
            warmth,
            repair: None,
        }
    }

    #[test]
    fn best_is_the_highest_total_with_ties_to_the_smallest_id() {
        assert_eq!(best_position([("b", 10), ("a", 10), ("c", 5)]), Some(1));
        assert_eq!(best_position([("b", 10), ("a", 9)]), Some(0));
        assert_eq!(best_position(std::iter::empty()), None);
    }

    #[test]
    fn the_ratio_is_over_the_median_of_the_others() {
        let options = [
            option("best", 130, 80, 80),
            option("x", 100, 40, 40),
            option("y", 90, 30, 30),
            option("z", 300, 20, 20),
        ];
        let menu = compare(&options).unwrap();
        assert_eq!(menu.best.id, "best");
        assert_eq!(menu.others_median_chars, 100.0);
        assert!((menu.length_ratio - 1.3).abs() < 1e-9);
        // Exactly 1.3 is allowed: the warning is for "more than".
        assert!(!menu.length_giveaway());
        assert!(!menu.longest_is_best);
        assert_eq!(menu.defensible, 1);
        assert!(menu.too_few_defensible());
    }

    #[test]
    fn an_even_number_of_others_takes_the_mean_of_the_middle_two() {
        let options = [
            option("best", 100, 80, 80),
            option("x", 40, 61, 59),
            option("y", 60, 10, 10),
        ];
        let menu = compare(&options).unwrap();
        assert_eq!(menu.others_median_chars, 50.0);
        assert!(menu.length_giveaway());
        assert!(menu.longest_is_best);
        assert_eq!(menu.defensible, 2);
        assert!(!menu.too_few_defensible());
    }

    #[test]
    fn repair_counts_in_the_overall_score_when_present() {
        let mut repaired = option("r", 10, 60, 60);
        repaired.repair = Some(30);
        assert_eq!(repaired.overall(), 50.0);
        assert_eq!(repaired.total(), 150);
    }

    #[test]
    fn a_single_option_is_not_a_menu() {
        assert!(compare(&[option("only", 10, 50, 50)]).is_none());
    }
}
