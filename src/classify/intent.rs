//! Decision rules: from features to intents.
//!
//! Every rule casts a *vote*: an intent, a strength (0-1), the tokens that
//! triggered it and the reason. Lexicon phrases vote with their set's weight;
//! the structural rules below vote for questions, reflections, summaries and
//! short acknowledgements. The strongest intent is primary; other intents with
//! a clear vote are secondary. Specific moves (owning a mistake, asking for
//! feedback) carry more weight than generic forms (a question, a reflection),
//! so "I noticed you went quiet. What happened just then?" is
//! metacommunication that happens to end in a question.

use super::features::{Analysis, QuestionKind, SentenceFeatures};
use super::lexicon::Cue;
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

    /// The strongest vote for an intent, if any.
    pub fn strength(&self, intent: Intent) -> f32 {
        self.votes
            .iter()
            .filter(|v| v.intent == intent)
            .map(|v| v.strength)
            .fold(0.0, f32::max)
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

/// Intents that are statements by nature: in a question they are only half meant
/// ("Have you managed to sleep?" is not an affirmation).
fn is_statement_move(intent: Intent) -> bool {
    matches!(
        intent,
        Intent::Affirmation
            | Intent::Validation
            | Intent::Normalizing
            | Intent::Reassurance
            | Intent::Information
            | Intent::SelfDisclosure
            | Intent::EmpathicReaction
            | Intent::Summary
    )
}

/// Intents that live happily in question form and make the question itself secondary.
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
    )
}

/// Runs every rule and picks the primary and secondary intents.
pub fn decide(analysis: &Analysis) -> Decision {
    let text = analysis.response;
    if text.word_count() == 0 {
        return Decision {
            primary: Intent::Other,
            secondary: Vec::new(),
            votes: Vec::new(),
        };
    }
    let mut votes = Vec::new();
    if let Some(vote) = facilitative(analysis) {
        votes.push(vote);
    }
    lexicon_votes(analysis, &mut votes);
    for sentence in &analysis.sentences {
        question_votes(analysis, sentence, &mut votes);
        reflection_vote(analysis, sentence, &mut votes);
    }
    summary_vote(analysis, &mut votes);
    suppress_overlaps(&mut votes);
    fallback_votes(analysis, &mut votes);
    let (primary, secondary) = choose(analysis, &votes);
    Decision {
        primary,
        secondary,
        votes,
    }
}

/// The whole response is backchannel: "Mm-hm." "Go on." "I see." "Right."
fn facilitative(analysis: &Analysis) -> Option<Vote> {
    let text = analysis.response;
    let words: Vec<usize> = (0..text.tokens.len()).filter(|&i| text.is_word(i)).collect();
    if words.is_empty() || words.len() > 7 {
        return None;
    }
    let all_backchannel = words.iter().all(|&i| BACKCHANNEL.contains(&text.norm(i)));
    // "I see" and "go on" are backchannel; "I" alone or "on" alone is not a turn.
    let has_core = words.iter().any(|&i| BACKCHANNEL_CORE.contains(&text.norm(i)));
    (all_backchannel && has_core).then(|| Vote {
        intent: Intent::Facilitative,
        strength: 0.95,
        tokens: words[0]..words[words.len() - 1] + 1,
        why: Cow::Borrowed("A short encourager that keeps the client talking without steering them."),
        rule: "facilitative.backchannel",
    })
}

/// Every word a minimal encourager can be made of.
const BACKCHANNEL: &[&str] = &[
    "mm", "uh", "huh", "okay", "right", "alright", "all", "i", "see", "yes", "yeah", "sure", "go",
    "on", "carry", "keep", "going", "and", "so", "really", "oh", "ah", "wow", "got", "it",
    "gotcha", "understand", "please", "continue", "then", "of", "course", "am", "listening",
    "take", "your", "time", "no", "rush", "absolutely", "exactly", "indeed", "true", "totally",
    "hear", "you", "with", "interesting", "fine", "good", "great", "ahh", "aha", "hmm", "sure",
    "there", "is", "that", "yep", "uh-huh", "definitely", "gosh", "ooh", "still",
];

/// Words that make a backchannel turn on their own.
const BACKCHANNEL_CORE: &[&str] = &[
    "mm", "uh", "huh", "okay", "right", "alright", "see", "yes", "yeah", "sure", "go", "carry",
    "continue", "listening", "rush", "time", "oh", "ah", "wow", "gotcha", "understand", "hear",
    "absolutely", "exactly", "indeed", "interesting", "course", "aha", "hmm", "yep", "keep",
    "got", "true",
];

/// Votes from lexicon phrases, adjusted for form and context.
fn lexicon_votes(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let has_confidentiality = analysis.has(|c| {
        matches!(
            c,
            Cue::Frame(crate::vocab::FrameItem::Confidentiality)
        )
    });
    let painful = analysis.client.is_painful();
    for sentence in &analysis.sentences {
        let in_question = sentence.question.is_some();
        for hit in analysis.sentence_hits(sentence) {
            let set = hit.set();
            let (intent, mut strength) = match set.cue {
                Cue::Vote(intent) => (intent, set.weight),
                Cue::Frame(_) => (Intent::Frame, set.weight),
                Cue::ConfidentialityLimit if has_confidentiality => (Intent::Frame, set.weight),
                Cue::FrameOther => (Intent::Frame, 0.5),
                Cue::TopicShift if painful => (Intent::Minimizing, 0.8),
                Cue::TopicShift => (Intent::Other, 0.45),
                Cue::Defending => (Intent::Persuasion, 0.55),
                Cue::SmallTalk if painful => (Intent::Minimizing, 0.6),
                Cue::SmallTalk => (Intent::Other, set.weight),
                Cue::OpenLead if sentence.question.is_none() && !sentence.exclamation => {
                    (Intent::OpenQuestion, 0.65)
                }
                _ => continue,
            };
            if in_question && is_statement_move(intent) {
                strength *= 0.6;
            }
            votes.push(Vote {
                intent,
                strength,
                tokens: hit.tokens.clone(),
                why: Cow::Borrowed(set.why),
                rule: set.name,
            });
        }
    }
}

/// A question votes for its form: open or closed.
fn question_votes(analysis: &Analysis, sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
    let Some(kind) = sentence.question else {
        return;
    };
    if sentence.words.is_empty() {
        return;
    }
    let (intent, strength, why, rule) = match kind {
        QuestionKind::Open => (
            Intent::OpenQuestion,
            0.6,
            "An open question invites the client to tell their story in their own words.",
            "question.open",
        ),
        QuestionKind::Closed => (
            Intent::ClosedQuestion,
            0.55,
            "A closed question asks for a yes/no or a fact.",
            "question.closed",
        ),
    };
    // A statement-order question that echoes the client is often a reflection
    // with a rising tone ("You felt alone?"); the reflection rule handles that.
    let strength = if sentence.rising && (sentence.addresses_client && !sentence.echoes.is_empty()) {
        strength - 0.1
    } else {
        strength
    };
    let _ = analysis;
    votes.push(Vote {
        intent,
        strength,
        tokens: sentence.words.clone(),
        why: Cow::Borrowed(why),
        rule,
    });
}

/// A reflection offers back what the client said (simple) or what lies under it (complex).
fn reflection_vote(analysis: &Analysis, sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
    if sentence.words.is_empty() || sentence.exclamation {
        return;
    }
    if sentence.question.is_some() && !sentence.rising {
        return;
    }
    let text = analysis.response;
    let lead_hit = analysis
        .sentence_hits(sentence)
        .find(|h| h.cue() == Cue::ReflectLead);
    let complex_hit = analysis
        .sentence_hits(sentence)
        .find(|h| matches!(h.cue(), Cue::ComplexMarker | Cue::DoubleSided));
    let hedged = analysis.sentence_has(sentence, |c| c == Cue::Hedge);
    let named: Vec<_> = analysis.named_feelings(sentence.words.clone()).collect();
    let new_feeling = analysis.client.word_count > 0 && named.iter().any(|f| !f.from_client);
    let echoes = sentence.echoes.len();
    let starts_with_so = text.norm(sentence.words.start) == "so";
    let whole_echo = sentence.content > 0
        && sentence.content <= 4
        && echoes == sentence.content
        && analysis.sentences.len() == 1;

    // A sentence about the counselor ("I think you should", "My mum...") is not
    // a reflection unless it opens with a reflective stem ("I hear", "I wonder if").
    if sentence.about_self && lead_hit.is_none() && complex_hit.is_none() {
        return;
    }
    let candidate = lead_hit.is_some()
        || (sentence.addresses_client && (echoes >= 1 || !named.is_empty() || complex_hit.is_some()))
        || (echoes >= 2 && echoes * 2 >= sentence.content)
        || (starts_with_so && echoes >= 1)
        || whole_echo
        || (complex_hit.is_some() && !named.is_empty());
    if !candidate {
        return;
    }
    let mut strength: f32 = 0.5;
    if lead_hit.is_some() {
        strength += 0.12;
    }
    strength += 0.06 * echoes.min(2) as f32;
    if !named.is_empty() {
        strength += 0.1;
    }
    if complex_hit.is_some() {
        strength += 0.1;
    }
    if sentence.rising {
        strength -= 0.05;
    }
    let strength = strength.min(0.82);

    let adds_meaning = complex_hit.is_some()
        || new_feeling
        || (analysis.client.word_count > 0 && hedged && echoes == 0 && !named.is_empty())
        || (analysis.client.word_count > 0
            && lead_hit.is_some()
            && echoes == 0
            && sentence.content >= 2);
    let (intent, why, rule) = if adds_meaning {
        let why = if let Some(feeling) = named.iter().find(|f| !f.from_client) {
            format!(
                "Names a feeling the client had not put into words ({}), reading between the lines.",
                feeling.family.label()
            )
        } else {
            "Goes beyond the client's words to a meaning or feeling underneath.".to_string()
        };
        (Intent::ReflectionComplex, Cow::Owned(why), "reflection.complex")
    } else {
        (
            Intent::ReflectionSimple,
            Cow::Borrowed("Gives the client's own words or feeling back to them, so they know they were heard."),
            "reflection.simple",
        )
    };
    let tokens = complex_hit
        .or(lead_hit)
        .map(|h| h.tokens.clone())
        .unwrap_or_else(|| sentence.words.clone());
    votes.push(Vote {
        intent,
        strength,
        tokens,
        why,
        rule,
    });
}

/// A long response that gathers several things the client said is a summary.
fn summary_vote(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let words = analysis.response.word_count();
    let reflective_sentences = analysis
        .sentences
        .iter()
        .filter(|s| s.question.is_none() && (s.addresses_client || !s.echoes.is_empty()))
        .count();
    let echoes = analysis.echo_count();
    let joins = (0..analysis.response.tokens.len())
        .filter(|&i| analysis.response.is_word(i) && matches!(analysis.response.norm(i), "and" | "also"))
        .count();
    if words >= 25 && echoes >= 4 && (reflective_sentences >= 2 || joins >= 2) {
        votes.push(Vote {
            intent: Intent::Summary,
            strength: 0.74,
            tokens: 0..analysis.response.tokens.len(),
            why: Cow::Borrowed("Pulls together several things the client said into one picture."),
            rule: "summary.structure",
        });
    }
}

/// Drops votes that another, more specific phrase explains away.
fn suppress_overlaps(votes: &mut Vec<Vote>) {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let own_part: Vec<Range<usize>> = votes
        .iter()
        .filter(|v| v.intent == Intent::AcknowledgeOwnPart)
        .map(|v| v.tokens.clone())
        .collect();
    let frame: Vec<Range<usize>> = votes
        .iter()
        .filter(|v| v.intent == Intent::Frame)
        .map(|v| v.tokens.clone())
        .collect();
    let change_task: Vec<Range<usize>> = votes
        .iter()
        .filter(|v| v.intent == Intent::ChangeTask)
        .map(|v| v.tokens.clone())
        .collect();
    votes.retain(|v| match v.intent {
        // "I'm sorry I rushed you" apologises for the counselor's part; it is not
        // sympathy for the client's situation.
        Intent::EmpathicReaction => !own_part.iter().any(|r| overlaps(r, &v.tokens)),
        // "This stays between us" is confidentiality, not talk about the relationship.
        Intent::Metacommunication => !frame.iter().any(|r| overlaps(r, &v.tokens)),
        // "Shall we try..." proposes a task; "try" there is not advice.
        Intent::Advice => !change_task.iter().any(|r| overlaps(r, &v.tokens)),
        _ => true,
    });
}

/// Weak default readings so that every response gets some label.
fn fallback_votes(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    // A neutral statement of fact that reflects nothing and addresses no one
    // reads as information.
    for sentence in &analysis.sentences {
        if sentence.question.is_some() || sentence.exclamation || sentence.words.len() < 4 {
            continue;
        }
        let generic = !sentence.addresses_client
            && !sentence.about_self
            && sentence.echoes.len() <= 1
            && sentence
                .words
                .clone()
                .any(|i| matches!(text.norm(i), "is" | "are" | "can" | "usually" | "often" | "tends" | "tend" | "means" | "helps"));
        if generic {
            votes.push(Vote {
                intent: Intent::Information,
                strength: 0.3,
                tokens: sentence.words.clone(),
                why: Cow::Borrowed("A general statement of fact rather than a response to the client's experience."),
                rule: "information.generic_statement",
            });
        }
    }
    votes.push(Vote {
        intent: Intent::Other,
        strength: 0.2,
        tokens: 0..text.tokens.len(),
        why: Cow::Borrowed("No counseling move was recognised here."),
        rule: "other.fallback",
    });
}

/// Sums up the votes per intent and picks primary and secondary intents.
fn choose(analysis: &Analysis, votes: &[Vote]) -> (Intent, Vec<Intent>) {
    let mut totals: Vec<(Intent, f32, usize)> = Vec::new();
    for vote in votes {
        match totals.iter_mut().find(|(i, _, _)| *i == vote.intent) {
            Some((_, best, count)) => {
                *best = best.max(vote.strength);
                *count += 1;
            }
            None => totals.push((vote.intent, vote.strength, 1)),
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
                && !(question_carries_move && intent.is_question() && analysis.sentences.iter().filter(|s| s.question.is_some()).count() <= 1)
        })
        .map(|s| s.0)
        .collect();
    // A complex reflection already includes the simple one.
    if primary == Intent::ReflectionComplex || secondary.contains(&Intent::ReflectionComplex) {
        secondary.retain(|&i| i != Intent::ReflectionSimple);
    }
    if primary == Intent::Summary {
        secondary.retain(|&i| !i.is_reflection());
    }
    secondary.truncate(MAX_SECONDARY);
    (primary, secondary)
}
