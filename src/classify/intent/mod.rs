//! Decision rules: from features to intents.
//!
//! Every rule casts a *vote*: an intent, a strength (0-1), the tokens that
//! triggered it and the reason. Lexicon phrases vote with their set's weight
//! ([`moves`]); structural rules vote for questions, reflections, summaries
//! and short acknowledgements ([`form`]); context rules then adjust votes for
//! what the client just said ([`context`]). The strongest intent is primary;
//! other intents with a clear vote are secondary. Specific moves (owning a
//! mistake, asking for feedback) carry more weight than generic forms (a
//! question, a reflection), so "I noticed you went quiet. What happened just
//! then?" is metacommunication that happens to end in a question.

mod context;
mod form;
mod moves;

use super::features::Analysis;
use crate::vocab::Intent;
use std::borrow::Cow;
use std::ops::Range;

/// One rule's support for an intent.
#[derive(Debug, Clone)]
pub struct Vote {
    pub intent: Intent,
    pub strength: f32,
    /// Token range of the response that triggered the vote.
    pub tokens: Range<usize>,
    pub why: Cow<'static, str>,
    /// The rule or phrase set that voted, for tests and debugging.
    pub rule: &'static str,
}

impl Vote {
    fn new(
        intent: Intent,
        strength: f32,
        tokens: Range<usize>,
        why: &'static str,
        rule: &'static str,
    ) -> Self {
        Vote {
            intent,
            strength,
            tokens,
            why: Cow::Borrowed(why),
            rule,
        }
    }
}

/// The outcome of the decision rules.
#[derive(Debug, Clone)]
pub struct Decision {
    pub primary: Intent,
    pub secondary: Vec<Intent>,
    pub votes: Vec<Vote>,
}

impl Decision {
    pub fn labels(&self) -> impl Iterator<Item = Intent> + '_ {
        std::iter::once(self.primary).chain(self.secondary.iter().copied())
    }

    pub fn has(&self, intent: Intent) -> bool {
        self.primary == intent || self.secondary.contains(&intent)
    }

    pub fn has_any(&self, test: impl Fn(Intent) -> bool) -> bool {
        self.labels().any(test)
    }
}

/// A secondary intent needs at least this much support.
const SECONDARY_FLOOR: f32 = 0.5;
/// At most this many secondary intents are reported.
const MAX_SECONDARY: usize = 3;

/// Ties go to the more specific move.
const PRECEDENCE: &[Intent] = &[
    Intent::AcknowledgeOwnPart,
    Intent::Metacommunication,
    Intent::AskingFeedback,
    Intent::Frame,
    Intent::Clarification,
    Intent::Rationale,
    Intent::ChangeTask,
    Intent::Judgment,
    Intent::Persuasion,
    Intent::Minimizing,
    Intent::Reassurance,
    Intent::Advice,
    Intent::SelfDisclosure,
    Intent::Summary,
    Intent::Validation,
    Intent::Normalizing,
    Intent::Affirmation,
    Intent::EmpathicReaction,
    Intent::ReflectionComplex,
    Intent::ReflectionSimple,
    Intent::Information,
    Intent::OpenQuestion,
    Intent::ClosedQuestion,
    Intent::Greeting,
    Intent::Facilitative,
    Intent::Other,
];

fn precedence(intent: Intent) -> usize {
    PRECEDENCE
        .iter()
        .position(|&i| i == intent)
        .unwrap_or(PRECEDENCE.len())
}

/// Intents that live happily in question form and make the question itself
/// secondary ("Have you tried...?" is advice first).
fn is_question_move(intent: Intent) -> bool {
    matches!(
        intent,
        Intent::Advice
            | Intent::Persuasion
            | Intent::Judgment
            | Intent::AskingFeedback
            | Intent::Metacommunication
            | Intent::Clarification
            | Intent::ChangeTask
            | Intent::Greeting
            | Intent::Other
    )
}

/// Runs every rule and picks the primary and secondary intents.
pub fn decide(analysis: &Analysis) -> Decision {
    let text = analysis.response;
    if text.word_count() == 0 {
        // "..." on its own is a pause: silence that leaves room for the client.
        let silence = !text.tokens.is_empty()
            && text
                .original
                .trim()
                .chars()
                .all(|c| c == '.' || c == '\u{2026}');
        if silence {
            let vote = Vote::new(
                Intent::Facilitative,
                0.9,
                0..text.tokens.len(),
                "A pause gives the client room to go on in their own time.",
                "facilitative.silence",
            );
            return Decision {
                primary: Intent::Facilitative,
                secondary: Vec::new(),
                votes: vec![vote],
            };
        }
        return Decision {
            primary: Intent::Other,
            secondary: Vec::new(),
            votes: Vec::new(),
        };
    }
    let mut votes = Vec::new();
    form::facilitative(analysis, &mut votes);
    moves::lexicon_votes(analysis, &mut votes);
    moves::structural_votes(analysis, &mut votes);
    for sentence in &analysis.sentences {
        form::question_votes(sentence, &mut votes);
        form::reflection_vote(analysis, sentence, &mut votes);
    }
    form::summary_vote(analysis, &mut votes);
    context::adjust(analysis, &mut votes);
    form::fallback_votes(analysis, &mut votes);
    let (primary, secondary) = choose(analysis, &votes);
    Decision {
        primary,
        secondary,
        votes,
    }
}

/// Sums up the votes per intent and picks primary and secondary intents.
fn choose(analysis: &Analysis, votes: &[Vote]) -> (Intent, Vec<Intent>) {
    // A short opening sentence ("That's good.", "Fair enough.") leads in to
    // the move that follows; the later sentence says what the turn does.
    let text = analysis.response;
    let last_sentence = analysis.sentences.len().saturating_sub(1);
    let weight = |vote: &Vote| -> f32 {
        let sentence =
            text.tokens[vote.tokens.start.min(text.tokens.len().saturating_sub(1))].sentence;
        let words = analysis
            .sentences
            .get(sentence)
            .map_or(0, |s| s.words.len());
        if sentence < last_sentence && words <= 5 && vote.tokens.len() < text.tokens.len() {
            vote.strength * 0.85
        } else {
            vote.strength
        }
    };
    let mut totals: Vec<(Intent, f32, usize)> = Vec::new();
    for vote in votes {
        let strength = weight(vote);
        match totals.iter_mut().find(|(i, _, _)| *i == vote.intent) {
            Some((_, best, count)) => {
                *best = best.max(strength);
                *count += 1;
            }
            None => totals.push((vote.intent, strength, 1)),
        }
    }
    // Several independent signs of the same move add a little confidence.
    let mut scored: Vec<(Intent, f32)> = totals
        .into_iter()
        .map(|(intent, best, count)| (intent, best + 0.04 * (count.min(3) - 1) as f32))
        .collect();
    scored.sort_by(|a, b| {
        b.1.partial_cmp(&a.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(precedence(a.0).cmp(&precedence(b.0)))
    });
    let primary = scored.first().map(|s| s.0).unwrap_or(Intent::Other);

    // The question form is secondary to a move that uses it ("Have you tried...?").
    let questions = analysis
        .sentences
        .iter()
        .filter(|s| s.question.is_some())
        .count();
    let question_carries_move = analysis.sentences.iter().any(|s| {
        s.question.is_some()
            && votes.iter().any(|v| {
                is_question_move(v.intent)
                    && v.strength >= 0.6
                    && v.tokens.start >= s.words.start
                    && v.tokens.end <= s.words.end
            })
    });
    let mut secondary: Vec<Intent> = scored
        .iter()
        .skip(1)
        .filter(|(intent, strength)| {
            *strength >= SECONDARY_FLOOR
                && *intent != Intent::Other
                && !(question_carries_move && intent.is_question() && questions <= 1)
        })
        .map(|s| s.0)
        .collect();
    // A complex reflection already includes the simple one.
    if primary == Intent::ReflectionComplex || secondary.contains(&Intent::ReflectionComplex) {
        secondary.retain(|&i| i != Intent::ReflectionSimple);
    }
    if primary == Intent::ReflectionSimple {
        secondary.retain(|&i| i != Intent::ReflectionComplex);
    }
    if primary == Intent::Summary {
        secondary.retain(|&i| !i.is_reflection());
    }
    secondary.truncate(MAX_SECONDARY);
    (primary, secondary)
}
