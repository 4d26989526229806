//! Rules about the *form* of a response: minimal encouragers, questions (open
//! or closed), reflections (simple or complex), summaries, and the weak
//! default readings (a neutral statement of fact, or nothing recognisable).

use super::Vote;
use crate::classify::features::{Analysis, QuestionKind, SentenceFeatures};
use crate::classify::lexicon::Cue;
use crate::vocab::Intent;
use std::borrow::Cow;

/// Every word a minimal encourager can be made of.
const BACKCHANNEL: &[&str] = &[
    "mm",
    "uh",
    "huh",
    "okay",
    "right",
    "alright",
    "all",
    "i",
    "see",
    "yes",
    "yeah",
    "sure",
    "go",
    "on",
    "carry",
    "keep",
    "going",
    "and",
    "so",
    "really",
    "oh",
    "ah",
    "wow",
    "got",
    "it",
    "gotcha",
    "understand",
    "please",
    "continue",
    "then",
    "of",
    "course",
    "am",
    "listening",
    "take",
    "your",
    "time",
    "no",
    "rush",
    "absolutely",
    "exactly",
    "indeed",
    "true",
    "totally",
    "hear",
    "you",
    "with",
    "interesting",
    "fine",
    "good",
    "great",
    "ahh",
    "aha",
    "sure",
    "there",
    "is",
    "that",
    "definitely",
    "gosh",
    "ooh",
    "still",
    "ahead",
    "for",
    "hmm",
];

/// Words that make a backchannel turn on their own.
const BACKCHANNEL_CORE: &[&str] = &[
    "mm",
    "uh",
    "huh",
    "okay",
    "right",
    "alright",
    "see",
    "yes",
    "yeah",
    "sure",
    "go",
    "carry",
    "continue",
    "listening",
    "rush",
    "time",
    "oh",
    "ah",
    "wow",
    "gotcha",
    "understand",
    "hear",
    "absolutely",
    "exactly",
    "indeed",
    "interesting",
    "course",
    "aha",
    "keep",
    "got",
    "true",
    "ahead",
];

/// The whole response is backchannel ("Mm-hm." "Go on." "I see." "Right.") or
/// a short invitation to carry on ("Take your time.").
pub fn facilitative(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    let words: Vec<usize> = (0..text.tokens.len())
        .filter(|&i| text.is_word(i))
        .collect();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return;
    };
    let why = "A short encourager that keeps the client talking without steering them.";
    if words.len() <= 7
        && words.iter().all(|&i| BACKCHANNEL.contains(&text.norm(i)))
        && words
            .iter()
            .any(|&i| BACKCHANNEL_CORE.contains(&text.norm(i)))
    {
        votes.push(Vote::new(
            Intent::Facilitative,
            0.95,
            first..last + 1,
            why,
            "facilitative.backchannel",
        ));
        return;
    }
    if words.len() <= 10 {
        for hit in analysis.hits.iter().filter(|h| h.cue() == Cue::Encourager) {
            votes.push(Vote::new(
                Intent::Facilitative,
                0.78,
                hit.tokens.clone(),
                why,
                "facilitative.encourager",
            ));
        }
    }
}

/// A question votes for its form: open or closed.
pub fn question_votes(sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
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
    let strength = if sentence.rising && sentence.addresses_client && !sentence.echoes.is_empty() {
        strength - 0.1
    } else {
        strength
    };
    votes.push(Vote::new(
        intent,
        strength,
        sentence.words.clone(),
        why,
        rule,
    ));
}

/// A reflection offers back what the client said (simple) or what lies under it (complex).
pub fn reflection_vote(analysis: &Analysis, sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
    if sentence.words.is_empty() || sentence.exclamation {
        return;
    }
    if sentence.question.is_some() && !sentence.rising {
        return;
    }
    let text = analysis.response;
    // "You should..." tells; it does not reflect. A critical word that cast no
    // vote (the client's own, as in "as if feeling it makes you a bad wife")
    // does not stop one.
    let roadblock = analysis.sentence_hits(sentence).any(|h| {
        matches!(h.cue(), Cue::Vote(intent) if intent.is_roadblock())
            && votes
                .iter()
                .any(|v| v.rule == h.set().name && v.tokens == h.tokens)
    });
    if roadblock {
        return;
    }
    let lead_hit = analysis
        .sentence_hits(sentence)
        .find(|h| h.cue() == Cue::ReflectLead);
    let complex_hit = analysis
        .sentence_hits(sentence)
        .find(|h| matches!(h.cue(), Cue::ComplexMarker | Cue::DoubleSided));
    let hedged = analysis.sentence_has(sentence, |c| c == Cue::Hedge);
    let named: Vec<_> = analysis.named_feelings(sentence.words.clone()).collect();
    let has_context = analysis.client.word_count > 0;
    let new_feeling = has_context && named.iter().any(|f| !f.from_client);
    let echoes = sentence.echoes.len();
    let starts_with_so = matches!(text.norm(sentence.words.start), "so" | "and" | "like");
    let whole_echo = sentence.content > 0
        && sentence.content <= 4
        && echoes == sentence.content
        && analysis.sentences.len() <= 2;

    // A sentence about the counselor ("I think you should", "My mum...") is not
    // a reflection unless it opens with a reflective stem ("I hear", "I wonder if").
    if sentence.about_self && lead_hit.is_none() && complex_hit.is_none() {
        return;
    }
    let first_declarative = analysis
        .sentences
        .iter()
        .all(|s| s.question.is_none() || s.rising);
    let lead = text.sentences[text.tokens[sentence.words.start].sentence].lead;
    let opens_with_you = text.norm(lead) == "you";
    // "You can tell me anything", "You're going to make yourself ill": a modal
    // after "you" tells or predicts; it reflects only what it echoes.
    let you_modal = opens_with_you && lead + 1 < sentence.words.end && {
        let next = text.norm(lead + 1);
        let then = if lead + 2 < sentence.words.end {
            text.norm(lead + 2)
        } else {
            ""
        };
        MODALS.contains(&next)
            || (matches!(next, "have" | "need" | "ought") && matches!(then, "to" | "got"))
            || (next == "are"
                && (then == "gonna"
                    || (then == "going"
                        && lead + 3 < sentence.words.end
                        && text.norm(lead + 3) == "to")))
    };
    // "And the next thing I wanted to explain is...": the counselor's own plan,
    // not the client's experience.
    let counselor_agenda = !sentence.addresses_client
        && sentence
            .words
            .clone()
            .any(|i| matches!(text.norm(i), "i" | "we"));
    if counselor_agenda && lead_hit.is_none() && complex_hit.is_none() {
        return;
    }
    let candidate = lead_hit.is_some()
        || (opens_with_you && sentence.question.is_none() && !you_modal)
        || (first_declarative
            && !analysis.client.asked_question
            && !analysis.sentence_has(sentence, |c| c == Cue::Vote(Intent::Information))
            && echoes >= 1
            && sentence.content >= 3
            && !sentence
                .words
                .clone()
                .any(|i| GENERAL_TRUTH.contains(&text.norm(i))))
        || (starts_with_so && !named.is_empty())
        || (sentence.addresses_client
            && (echoes >= 1 || !named.is_empty() || complex_hit.is_some()))
        || (echoes >= 2 && echoes * 2 >= sentence.content)
        || (starts_with_so && (echoes >= 1 || sentence.addresses_client))
        || whole_echo
        || (complex_hit.is_some() && (!named.is_empty() || sentence.addresses_client));
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

    // Many content words of the counselor's own, few of the client's: the
    // reflection says something the client did not.
    let own_words = sentence.content.saturating_sub(echoes);
    let adds_meaning = complex_hit.is_some()
        || new_feeling
        || (has_context && own_words >= 3 && own_words > echoes)
        || (has_context && hedged && echoes == 0 && !named.is_empty())
        || (has_context && lead_hit.is_some() && echoes == 0 && sentence.content >= 2);
    let (intent, why, rule) = if adds_meaning {
        let why = match named.iter().find(|f| !f.from_client) {
            Some(feeling) if has_context => Cow::Owned(format!(
                "Names a feeling the client had not put into words ({}), reading between the lines.",
                feeling.family.label()
            )),
            _ => {
                Cow::Borrowed("Goes beyond the client's words to a meaning or feeling underneath.")
            }
        };
        (Intent::ReflectionComplex, why, "reflection.complex")
    } else {
        (
            Intent::ReflectionSimple,
            Cow::Borrowed(
                "Gives the client's own words or feeling back to them, so they know they were heard.",
            ),
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

/// Modal verbs that, after "you", tell or predict rather than reflect.
const MODALS: &[&str] = &[
    "can", "could", "should", "must", "will", "might", "may", "shall",
];

/// Separators that join the items of a list: commas and "and"/"then"/"also".
fn list_items(analysis: &Analysis, sentence: &SentenceFeatures) -> usize {
    let text = analysis.response;
    let separators = sentence
        .words
        .clone()
        .skip(1)
        .filter(|&i| text.tokens[i].clause_start || matches!(text.norm(i), "and" | "then" | "plus"))
        .count();
    separators + 1
}

/// A response that gathers several things the client said is a summary: a
/// list of the client's experiences ("you moved here, you've found it hard to
/// make friends, and your grades are slipping"), or a long answer echoing
/// much of what the client just said.
pub fn summary_vote(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    let words = text.word_count();
    if words < 15 {
        return;
    }
    let why = "Pulls together several things the client said into one picture.";
    let all = 0..text.tokens.len();
    let longest_list = analysis
        .sentences
        .iter()
        .filter(|s| s.question.is_none() && !s.about_self)
        .map(|s| (list_items(analysis, s), s.addresses_client))
        .max_by_key(|&(items, _)| items);
    let addresses = analysis.sentences.iter().any(|s| s.addresses_client);
    let declarative_items: usize = analysis
        .sentences
        .iter()
        .filter(|s| s.question.is_none() && !s.about_self)
        .map(|s| list_items(analysis, s))
        .sum();
    let long_list = longest_list.is_some_and(|(items, _)| items >= 4)
        || (declarative_items >= 6 && words >= 25);
    if long_list && addresses {
        // The client's last words are short ("Yeah, that's it"): a list now
        // gathers the whole conversation. A closing check ("Have I got that
        // right?") is part of the summary, not a separate move.
        let checks = analysis
            .hits
            .iter()
            .any(|h| h.set().name == "clarification.check");
        let strength = if checks {
            0.88
        } else if analysis.client.word_count <= 8 {
            0.8
        } else {
            0.72
        };
        votes.push(Vote::new(
            Intent::Summary,
            strength,
            all,
            why,
            "summary.list",
        ));
        return;
    }
    let reflective_sentences = analysis
        .sentences
        .iter()
        .filter(|s| s.question.is_none() && (s.addresses_client || !s.echoes.is_empty()))
        .count();
    if words >= 25 && analysis.echo_count() >= 4 && reflective_sentences >= 2 {
        votes.push(Vote::new(Intent::Summary, 0.72, all, why, "summary.echoes"));
    }
}

/// Weak default readings so that every response gets some label.
pub fn fallback_votes(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    let client_asked_fact = analysis.client.asked_question && !analysis.client.asked_counselor;
    for (index, sentence) in analysis.sentences.iter().enumerate() {
        if sentence.question.is_some() || sentence.exclamation || sentence.words.len() < 4 {
            continue;
        }
        let lead = text.norm(text.sentences[index].lead);
        let personal_lead = matches!(
            lead,
            "you" | "i" | "we" | "my" | "your" | "so" | "that" | "it" | "sounds" | "like"
        );
        let names_feeling = analysis
            .named_feelings(sentence.words.clone())
            .next()
            .is_some();
        // A neutral statement of fact that reflects nothing and is about no one
        // in the room reads as information.
        let generic = !personal_lead
            && !sentence.about_self
            && sentence.echoes.len() <= 2
            && !names_feeling
            && sentence
                .words
                .clone()
                .any(|i| GENERIC_VERBS.contains(&text.norm(i)));
        if generic || (client_asked_fact && index == 0 && !sentence.about_self && !names_feeling) {
            let strength = if client_asked_fact { 0.5 } else { 0.4 };
            votes.push(Vote::new(
                Intent::Information,
                strength,
                sentence.words.clone(),
                "A statement of fact rather than a response to the client's experience.",
                "information.generic_statement",
            ));
        }
    }
    votes.push(Vote::new(
        Intent::Other,
        0.2,
        0..text.tokens.len(),
        "No counseling move was recognised here.",
        "other.fallback",
    ));
}

/// Words of general truths ("Alcohol *can*...", "it *usually*...") rather than
/// of this client's experience.
const GENERAL_TRUTH: &[&str] = &[
    "can",
    "usually",
    "often",
    "tends",
    "tend",
    "typically",
    "generally",
    "normally",
    "research",
    "people",
    "most",
    "many",
    "studies",
    "common",
];

/// Verbs of general statements: "Alcohol *is* a depressant", "it *tends* to".
const GENERIC_VERBS: &[&str] = &[
    "is",
    "are",
    "can",
    "usually",
    "often",
    "tends",
    "tend",
    "means",
    "helps",
    "causes",
    "changes",
    "affects",
    "makes",
    "works",
    "offer",
    "offers",
    "shift",
    "shifts",
    "varies",
    "brings",
    "teaches",
    "typically",
    "generally",
    "normally",
];
