//! Session-level scores: empathy, warmth and rupture repair (0-100, repair
//! null when no rupture occurred), MITI-style counts and ratios, and frame
//! coverage. Definitions in `docs/scoring.md`.

use crate::transcript::Turn;
use crate::vocab::{FrameItem, Intent};
use serde::{Deserialize, Serialize};

/// The three dimensions over a whole session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionScores {
    /// Null when there were no trainee turns at all.
    pub empathy: Option<u8>,
    pub warmth: Option<u8>,
    /// Null ("not observed") when no rupture occurred: never a free 100.
    pub repair: Option<u8>,
}

/// Scores every dimension over a list of turns.
pub fn dimension_scores(turns: &[Turn]) -> DimensionScores {
    DimensionScores {
        empathy: mean(turns.iter().map(|t| t.scores.empathy)),
        warmth: mean(turns.iter().map(|t| t.scores.warmth)),
        repair: mean(turns.iter().filter_map(|t| t.scores.repair)),
    }
}

fn mean(values: impl Iterator<Item = u8>) -> Option<u8> {
    let (sum, count) = values.fold((0u32, 0u32), |(s, c), v| (s + u32::from(v), c + 1));
    (count > 0).then(|| ((sum as f32 / count as f32).round()) as u8)
}

/// MITI 4.2-style behaviour counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MitiCounts {
    pub simple_reflections: u32,
    pub complex_reflections: u32,
    pub open_questions: u32,
    pub closed_questions: u32,
    pub affirmations: u32,
    pub giving_information: u32,
    pub persuasion: u32,
    /// Confronting: judging, moralising, minimising.
    pub confrontations: u32,
    /// Seeking collaboration: asking for feedback, agreeing tasks.
    pub seeking_collaboration: u32,
}

/// MITI summary ratios. Each is null when its denominator is zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MitiSummary {
    pub counts: MitiCounts,
    /// Reflections per question (MITI: 1.0 fair, 2.0 good).
    pub reflection_to_question: Option<f32>,
    /// Share of reflections that are complex, 0-100 (MITI: 40 fair, 50 good).
    pub percent_complex_reflections: Option<f32>,
}

/// Counts MITI behaviours over the turns (primary and secondary intents).
pub fn miti(turns: &[Turn]) -> MitiSummary {
    let mut counts = MitiCounts::default();
    for turn in turns {
        for intent in std::iter::once(turn.intent).chain(turn.secondary.iter().copied()) {
            match intent {
                Intent::ReflectionSimple => counts.simple_reflections += 1,
                Intent::ReflectionComplex | Intent::Summary => counts.complex_reflections += 1,
                Intent::OpenQuestion => counts.open_questions += 1,
                Intent::ClosedQuestion => counts.closed_questions += 1,
                Intent::Affirmation => counts.affirmations += 1,
                Intent::Information | Intent::Rationale => counts.giving_information += 1,
                Intent::Persuasion | Intent::Advice => counts.persuasion += 1,
                Intent::Judgment | Intent::Minimizing => counts.confrontations += 1,
                Intent::AskingFeedback | Intent::ChangeTask => counts.seeking_collaboration += 1,
                _ => {}
            }
        }
    }
    let reflections = counts.simple_reflections + counts.complex_reflections;
    let questions = counts.open_questions + counts.closed_questions;
    MitiSummary {
        counts,
        reflection_to_question: (questions > 0).then(|| reflections as f32 / questions as f32),
        percent_complex_reflections: (reflections > 0)
            .then(|| 100.0 * counts.complex_reflections as f32 / reflections as f32),
    }
}

/// Which of the frame items the scenario asked for were covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameCoverage {
    pub covered: Vec<FrameItem>,
    pub missing: Vec<FrameItem>,
}

/// Frame coverage, or `None` when the scenario asks for no contracting.
pub fn frame_coverage(asked: &[FrameItem], turns: &[Turn]) -> Option<FrameCoverage> {
    if asked.is_empty() {
        return None;
    }
    let (covered, missing) = asked
        .iter()
        .copied()
        .partition(|item| turns.iter().any(|t| t.frame.contains(item)));
    Some(FrameCoverage { covered, missing })
}

/// A score as text: the number, or "not observed".
pub fn describe(score: Option<u8>) -> String {
    score.map_or_else(|| "not observed".to_owned(), |s| s.to_string())
}
