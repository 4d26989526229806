//! Rating the ten effective-therapist skills from the trainee's own turns:
//! which turns count as evidence for a skill, how each is measured, and the
//! rating, quotes and advice that follow.

use super::tips;
use crate::transcript::Turn;
use crate::vocab::{Intent, Skill};
use serde::{Deserialize, Serialize};

/// One quoted turn offered as evidence for a rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Index of the turn in the session (0-based).
    pub turn: usize,
    /// The trainee's words.
    pub text: String,
    /// How this turn measured on the skill, 0-100.
    pub measure: u8,
    /// Why it counted, when the scenario says.
    pub note: Option<String>,
}

/// A skill's rating with the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillRating {
    pub skill: Skill,
    /// 1-5, or `None` for "not observed".
    pub rating: Option<u8>,
    pub evidence: Vec<Quote>,
    pub done_well: Option<String>,
    pub try_next: String,
}

/// What the rating needs to know beyond the turns themselves.
pub struct SkillContext<'a> {
    pub turns: &'a [Turn],
    /// Skills the scenario says it exercises (all ten for an assessed transcript).
    pub exercised: &'a [Skill],
    /// Change in bond from the start to the end, for the alliance skills.
    pub bond_change: i32,
    /// Change in goals + tasks agreement from start to end.
    pub agreement_change: i32,
}

/// Rates all ten skills, in the list's order.
pub fn rate_all(context: &SkillContext<'_>) -> Vec<SkillRating> {
    Skill::ALL
        .iter()
        .map(|&skill| rate(skill, context))
        .collect()
}

/// How a turn measures on a skill, or `None` when it is no evidence for it.
fn measure(skill: Skill, turn: &Turn, exercised: bool) -> Option<u8> {
    let claimed = turn.shows.contains(&skill) || turn.opportunities.contains(&skill);
    let quality = turn.quality();
    match skill {
        Skill::VerbalFluency => Some(quality),
        Skill::Warmth => Some(turn.scores.warmth),
        Skill::Acceptance => Some(match turn.intent {
            Intent::Judgment | Intent::Minimizing | Intent::Persuasion => {
                turn.scores.warmth.min(20)
            }
            Intent::Validation | Intent::Normalizing | Intent::Affirmation => {
                turn.scores.warmth.max(70)
            }
            _ => turn.scores.warmth,
        }),
        Skill::Empathy => Some(turn.scores.empathy),
        Skill::IdentifyingFeelings => {
            let names_feeling = matches!(
                turn.intent,
                Intent::ReflectionSimple
                    | Intent::ReflectionComplex
                    | Intent::EmpathicReaction
                    | Intent::Validation
            ) || turn
                .epitome
                .is_some_and(|e| e.interpretation >= 1 || e.emotional_reaction >= 2);
            (names_feeling || turn.emotional_moment || claimed).then_some(turn.scores.empathy)
        }
        Skill::RangeOfClients => (claimed || exercised).then_some(quality),
        Skill::EngagingInWork => {
            let relevant = matches!(
                turn.intent,
                Intent::Rationale
                    | Intent::Frame
                    | Intent::AskingFeedback
                    | Intent::ChangeTask
                    | Intent::Summary
            );
            (relevant || claimed).then_some(quality)
        }
        Skill::TunedToProgress => {
            let relevant = matches!(
                turn.intent,
                Intent::AskingFeedback | Intent::Summary | Intent::Metacommunication
            );
            (relevant || claimed).then_some(quality)
        }
        Skill::ActingOnImpediments => {
            if let Some(repair) = turn.scores.repair {
                Some(repair)
            } else {
                claimed.then_some(quality)
            }
        }
        Skill::ChoosingApproach => claimed.then_some(quality),
    }
}

/// Maps a 0-100 measure to the 1-5 rating scale.
pub fn rating_for(measure: f32) -> u8 {
    (1.0 + (measure / 25.0).round()).clamp(1.0, 5.0) as u8
}

fn rate(skill: Skill, context: &SkillContext<'_>) -> SkillRating {
    let exercised = context.exercised.contains(&skill);
    let measured: Vec<(usize, &Turn, u8)> = context
        .turns
        .iter()
        .enumerate()
        .filter_map(|(i, t)| measure(skill, t, exercised).map(|m| (i, t, m)))
        .collect();
    if measured.is_empty() {
        return SkillRating {
            skill,
            rating: None,
            evidence: Vec::new(),
            done_well: None,
            try_next: tips::not_observed(skill).to_owned(),
        };
    }
    let mut mean =
        measured.iter().map(|(_, _, m)| f32::from(*m)).sum::<f32>() / measured.len() as f32;
    // The alliance skills are also judged by what happened to the alliance.
    match skill {
        Skill::RangeOfClients => {
            mean = (mean + (50.0 + 2.0 * context.bond_change as f32).clamp(0.0, 100.0)) / 2.0
        }
        Skill::EngagingInWork => {
            mean = (mean + (50.0 + context.agreement_change as f32).clamp(0.0, 100.0)) / 2.0
        }
        _ => {}
    }
    let best = measured
        .iter()
        .max_by_key(|(i, _, m)| (*m, std::cmp::Reverse(*i)));
    let worst = measured.iter().min_by_key(|(i, _, m)| (*m, *i));
    let quote = |(i, t, m): &(usize, &Turn, u8)| Quote {
        turn: *i,
        text: t.text.clone(),
        measure: *m,
        note: t.explain.clone(),
    };
    let mut evidence: Vec<Quote> = best.iter().map(|b| quote(b)).collect();
    if let Some(w) = worst
        && best.is_some_and(|b| b.0 != w.0)
    {
        evidence.push(quote(w));
    }
    let done_well = best
        .filter(|(_, _, m)| *m >= 60)
        .map(|(_, t, _)| tips::done_well(skill, &t.text));
    let try_next = tips::try_next(skill, worst.map(|(_, t, m)| (*t, *m)));
    SkillRating {
        skill,
        rating: Some(rating_for(mean)),
        evidence,
        done_well,
        try_next,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rating_scale_covers_one_to_five() {
        assert_eq!(rating_for(0.0), 1);
        assert_eq!(rating_for(30.0), 2);
        assert_eq!(rating_for(50.0), 3);
        assert_eq!(rating_for(70.0), 4);
        assert_eq!(rating_for(100.0), 5);
    }
}
