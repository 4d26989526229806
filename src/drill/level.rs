//! Adaptive difficulty: after each statement the trainee says how hard it felt,
//! and that rating, weighed against how the response scored, moves the drill
//! up a level, down a level or keeps it where it is.
//!
//! Deliberate practice works best at the edge of ability: hard enough to
//! stretch, not so hard that it overwhelms. The trainee's own rating leads;
//! the scores keep it honest ("too easy" after a response that missed stays put,
//! and a run of strong responses at a good challenge earns the next level).

use super::format::Level;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How hard the statement felt to the trainee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifficultyRating {
    TooEasy,
    GoodChallenge,
    TooHard,
}

impl DifficultyRating {
    /// The spelling in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DifficultyRating::TooEasy => "too_easy",
            DifficultyRating::GoodChallenge => "good_challenge",
            DifficultyRating::TooHard => "too_hard",
        }
    }
}

impl fmt::Display for DifficultyRating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How well one response did, from its feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Performance {
    /// Not a fitting move, or little empathy and warmth.
    Missed,
    /// A fitting move with moderate empathy and warmth.
    Adequate,
    /// A fitting move with high empathy and warmth.
    Strong,
}

/// Mean of empathy and warmth at or above which a fitting response is strong.
pub const STRONG_MEAN: f32 = 0.6;
/// Mean of empathy and warmth below which any response counts as missed.
pub const MISSED_MEAN: f32 = 0.35;

impl Performance {
    /// Grades a response from whether its intent fits the statement and its
    /// empathy and warmth (each 0-1).
    pub fn grade(fits: bool, empathy: f32, warmth: f32) -> Performance {
        let mean = (empathy + warmth) / 2.0;
        if !fits || mean < MISSED_MEAN {
            Performance::Missed
        } else if mean >= STRONG_MEAN {
            Performance::Strong
        } else {
            Performance::Adequate
        }
    }
}

/// One finished rep as the level logic sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepOutcome {
    pub level: Level,
    pub performance: Performance,
    pub rating: DifficultyRating,
}

/// Which way the level moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelChange {
    Up,
    Stay,
    Down,
}

/// The level to practise next and why, in words a trainee can read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelDecision {
    pub next: Level,
    pub change: LevelChange,
    pub reason: String,
}

impl LevelDecision {
    /// The decision in a sentence for the trainee: where they go and why.
    pub fn describe(&self) -> String {
        let moved = match self.change {
            LevelChange::Up => "Up to",
            LevelChange::Down => "Down to",
            LevelChange::Stay => "Staying at",
        };
        format!("{moved} {}. {}", self.next, self.reason)
    }
}

/// Strong responses in a row, rated a good challenge, that earn the next level.
pub const STRONG_RUN_TO_ADVANCE: usize = 3;
/// Missed responses in a row, rated a good challenge, that drop a level.
pub const MISSED_RUN_TO_EASE: usize = 2;

/// Decides the next level from the reps so far at the current level, most
/// recent last. Only the trailing reps at `current` count; an empty history
/// keeps the level.
///
/// * too hard: down a level, unless the response was strong anyway (then stay:
///   feeling stretched while doing well is the zone practice aims for);
/// * too easy: up a level when the response was fitting, otherwise stay;
/// * a good challenge: up after [`STRONG_RUN_TO_ADVANCE`] strong responses in a
///   row, down after [`MISSED_RUN_TO_EASE`] missed ones in a row, else stay.
pub fn next_level(current: Level, history: &[RepOutcome]) -> LevelDecision {
    let at_level: Vec<&RepOutcome> = history
        .iter()
        .rev()
        .take_while(|rep| rep.level == current)
        .collect();
    let Some(last) = at_level.first() else {
        return stay(current, "No reps at this level yet.");
    };
    let run_of = |performance: Performance| {
        at_level
            .iter()
            .take_while(|rep| {
                rep.performance == performance && rep.rating == DifficultyRating::GoodChallenge
            })
            .count()
    };
    match (last.rating, last.performance) {
        (DifficultyRating::TooHard, Performance::Strong) => stay(
            current,
            "It felt hard, but the response was strong: this level is the right stretch.",
        ),
        (DifficultyRating::TooHard, _) => down(
            current,
            "It felt too hard, so the next statement is gentler.",
        ),
        (DifficultyRating::TooEasy, Performance::Missed) => stay(
            current,
            "It felt easy, but the response missed what this statement needs; stay here and compare with the models.",
        ),
        (DifficultyRating::TooEasy, _) => up(
            current,
            "It felt too easy and the response fitted, so the next statement is harder.",
        ),
        (DifficultyRating::GoodChallenge, Performance::Strong)
            if run_of(Performance::Strong) >= STRONG_RUN_TO_ADVANCE =>
        {
            up(
                current,
                "Several strong responses in a row: time for a harder level.",
            )
        }
        (DifficultyRating::GoodChallenge, Performance::Missed)
            if run_of(Performance::Missed) >= MISSED_RUN_TO_EASE =>
        {
            down(
                current,
                "Two misses in a row: an easier level to consolidate the move.",
            )
        }
        (DifficultyRating::GoodChallenge, _) => {
            stay(current, "A good challenge: staying at this level.")
        }
    }
}

fn stay(current: Level, reason: &str) -> LevelDecision {
    LevelDecision {
        next: current,
        change: LevelChange::Stay,
        reason: reason.to_owned(),
    }
}

fn up(current: Level, reason: &str) -> LevelDecision {
    match current.harder() {
        Some(next) => LevelDecision {
            next,
            change: LevelChange::Up,
            reason: reason.to_owned(),
        },
        None => stay(current, "Already at the advanced level: staying here."),
    }
}

fn down(current: Level, reason: &str) -> LevelDecision {
    match current.easier() {
        Some(next) => LevelDecision {
            next,
            change: LevelChange::Down,
            reason: reason.to_owned(),
        },
        None => stay(
            current,
            "Already at the beginner level: staying here; the model responses may help.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DifficultyRating::*;
    use Level::*;
    use Performance::*;

    fn rep(level: Level, performance: Performance, rating: DifficultyRating) -> RepOutcome {
        RepOutcome {
            level,
            performance,
            rating,
        }
    }

    #[test]
    fn grading_needs_a_fitting_intent_and_scores() {
        assert_eq!(Performance::grade(true, 0.8, 0.7), Strong);
        assert_eq!(Performance::grade(true, 0.5, 0.45), Adequate);
        assert_eq!(Performance::grade(true, 0.2, 0.3), Missed);
        assert_eq!(Performance::grade(false, 0.9, 0.9), Missed);
    }

    #[test]
    fn no_history_stays() {
        assert_eq!(next_level(Beginner, &[]).change, LevelChange::Stay);
    }

    #[test]
    fn too_hard_moves_down_unless_strong() {
        let decision = next_level(Intermediate, &[rep(Intermediate, Adequate, TooHard)]);
        assert_eq!(
            (decision.next, decision.change),
            (Beginner, LevelChange::Down)
        );
        let decision = next_level(Intermediate, &[rep(Intermediate, Strong, TooHard)]);
        assert_eq!(
            (decision.next, decision.change),
            (Intermediate, LevelChange::Stay)
        );
    }

    #[test]
    fn too_easy_moves_up_only_when_the_response_fitted() {
        assert_eq!(
            next_level(Beginner, &[rep(Beginner, Adequate, TooEasy)]).next,
            Intermediate
        );
        assert_eq!(
            next_level(Beginner, &[rep(Beginner, Missed, TooEasy)]).next,
            Beginner
        );
    }

    #[test]
    fn the_ends_saturate() {
        let top = next_level(Advanced, &[rep(Advanced, Strong, TooEasy)]);
        assert_eq!((top.next, top.change), (Advanced, LevelChange::Stay));
        let bottom = next_level(Beginner, &[rep(Beginner, Missed, TooHard)]);
        assert_eq!((bottom.next, bottom.change), (Beginner, LevelChange::Stay));
    }

    #[test]
    fn a_good_challenge_advances_after_a_strong_run() {
        let mut history = vec![
            rep(Beginner, Strong, GoodChallenge),
            rep(Beginner, Strong, GoodChallenge),
        ];
        assert_eq!(next_level(Beginner, &history).change, LevelChange::Stay);
        history.push(rep(Beginner, Strong, GoodChallenge));
        assert_eq!(next_level(Beginner, &history).next, Intermediate);
        // An adequate rep breaks the run.
        let broken = vec![
            rep(Beginner, Strong, GoodChallenge),
            rep(Beginner, Adequate, GoodChallenge),
            rep(Beginner, Strong, GoodChallenge),
        ];
        assert_eq!(next_level(Beginner, &broken).change, LevelChange::Stay);
    }

    #[test]
    fn only_reps_at_the_current_level_count() {
        let history = vec![
            rep(Beginner, Strong, GoodChallenge),
            rep(Beginner, Strong, GoodChallenge),
            rep(Intermediate, Strong, GoodChallenge),
        ];
        assert_eq!(next_level(Intermediate, &history).change, LevelChange::Stay);
    }

    #[test]
    fn repeated_misses_at_a_good_challenge_ease_off() {
        let once = vec![rep(Advanced, Missed, GoodChallenge)];
        assert_eq!(next_level(Advanced, &once).change, LevelChange::Stay);
        let twice = vec![
            rep(Advanced, Missed, GoodChallenge),
            rep(Advanced, Missed, GoodChallenge),
        ];
        assert_eq!(next_level(Advanced, &twice).next, Intermediate);
    }
}
