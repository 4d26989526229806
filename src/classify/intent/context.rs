//! Context rules: the same words do different things depending on what the
//! client just said and on the phrases around them.
//!
//! * After a complaint about the counselor, "I'm sorry" is an apology (owning
//!   one's part), not sympathy, and "that wasn't okay" judges the counselor's
//!   own act.
//! * A suggestion framed with "we" ("Would it help if we...") is about the
//!   joint work: changing the task, not advising.
//! * "This stays between us" is confidentiality, not relationship talk.
//! * "See you same time next week" is a goodbye, not contracting.
//! * "I'd talk to you first" tells the client what the counselor would do,
//!   not what the client should do.
//! * "Of course you're nervous" says the feeling makes sense; it does not
//!   promise that things will be fine.

use super::Vote;
use crate::classify::features::Analysis;
use crate::vocab::Intent;
use std::borrow::Cow;
use std::ops::Range;

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn ranges(votes: &[Vote], test: impl Fn(&Vote) -> bool) -> Vec<Range<usize>> {
    votes
        .iter()
        .filter(|v| test(v))
        .map(|v| v.tokens.clone())
        .collect()
}

/// Applies every context rule to the votes.
pub fn adjust(analysis: &Analysis, votes: &mut Vec<Vote>) {
    own_part_after_complaint(analysis, votes);
    counselor_own_conduct(analysis, votes);
    feeling_after_of_course(analysis, votes);
    moving_past_pain(analysis, votes);
    collaborative_suggestions(analysis, votes);
    asking_what_happened(analysis, votes);
    drop_explained_away(analysis, votes);
}

/// "Have you thought about how you would do it?" "Did you try it this week?":
/// after the lead, a question word or a pronoun for something already named
/// asks about the client's thinking or what they did, not a new suggestion.
/// "Have you thought about telling her?" still suggests.
fn asking_what_happened(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    votes.retain(|v| {
        if v.rule != "advice.disguised_question" || v.tokens.end >= text.tokens.len() {
            return true;
        }
        let lead = text.norm(v.tokens.start);
        let next = v.tokens.end;
        let same_sentence = text.tokens[next].sentence == text.tokens[v.tokens.start].sentence;
        let about_facts = matches!(
            text.norm(next),
            "how" | "what" | "whether" | "why" | "when" | "where" | "who" | "it"
        );
        !(matches!(lead, "have" | "had" | "did") && same_sentence && about_facts)
    });
}

/// Replies to a complaint about the counselor: apologies and self-criticism
/// are the counselor owning their part.
fn own_part_after_complaint(analysis: &Analysis, votes: &mut [Vote]) {
    // Defending oneself ("I was only trying to help") is the opposite of owning.
    if !(analysis.client.blames_counselor || analysis.client.rupture)
        || analysis.has(|c| c == crate::classify::lexicon::Cue::Defending)
    {
        return;
    }
    let owned_sentences: Vec<Range<usize>> = analysis
        .sentences
        .iter()
        .filter(|s| owns_an_action(analysis, s))
        .map(|s| s.words.clone())
        .collect();
    let text = analysis.response;
    let owns = analysis.sentences.iter().any(|s| {
        s.about_self
            || s.words.clone().any(|i| {
                matches!(
                    text.norm(i),
                    "sorry" | "apologize" | "right" | "true" | "fair"
                )
            })
    });
    if !owns {
        return;
    }
    for vote in votes.iter_mut() {
        let converts = match vote.intent {
            // "I'm sorry" apologises; "I can hear how scared you are" does not.
            Intent::EmpathicReaction => {
                vote.rule == "empathic_reaction.sorry"
                    && vote
                        .tokens
                        .clone()
                        .any(|i| matches!(text.norm(i), "sorry" | "apologize"))
            }
            Intent::Judgment => true,
            Intent::SelfDisclosure | Intent::ReflectionSimple | Intent::ReflectionComplex => {
                owned_sentences.iter().any(|r| overlaps(r, &vote.tokens))
            }
            _ => false,
        };
        if converts {
            vote.intent = Intent::AcknowledgeOwnPart;
            vote.strength = vote.strength.max(0.84);
            vote.why = Cow::Borrowed(
                "Owns your part in what went wrong for the client, which is the strongest way to repair a rupture.",
            );
        }
    }
}

/// Verbs after "I" that report what the counselor did: "I did", "I forgot", "I was".
const OWN_ACTIONS: &[&str] = &[
    "did",
    "was",
    "should",
    "talked",
    "got",
    "forgot",
    "missed",
    "rushed",
    "pushed",
    "went",
    "asked",
    "brought",
    "opened",
    "lost",
    "let",
    "made",
    "took",
    "interrupted",
    "kept",
    "do",
    "said",
    "jumped",
    "moved",
    "cut",
    "have",
    "had",
    "came",
    "think",
    "clearly",
    "really",
];

/// "I did, and I feel bad about that." The sentence reports the counselor's own act.
fn owns_an_action(
    analysis: &Analysis,
    sentence: &crate::classify::features::SentenceFeatures,
) -> bool {
    let text = analysis.response;
    let index = text.tokens[sentence.words.start].sentence;
    let lead = text.sentences[index].lead;
    // "I lost my mum when I was twenty" tells of a loss; "I lost my temper" owns one.
    let bereaved = lead + 3 < sentence.words.end
        && text.norm(lead + 1) == "lost"
        && text.norm(lead + 2) == "my"
        && !matches!(
            text.norm(lead + 3),
            "temper" | "patience" | "cool" | "focus" | "thread" | "train" | "way" | "place"
        );
    sentence.about_self
        && text.norm(lead) == "i"
        && lead + 1 < sentence.words.end
        && OWN_ACTIONS.contains(&text.norm(lead + 1))
        && !bereaved
}

/// "I'd talk to you first", "I would tell you before anything happened": the
/// counselor says what they themself would do with the client. "If I were you
/// I'd talk to your mum" still advises, as does "I'd tell you to leave".
fn counselor_own_conduct(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    let own_conduct = |vote: &Vote| -> bool {
        if vote.intent != Intent::Advice
            || vote.tokens.is_empty()
            || text.norm(vote.tokens.start) != "i"
        {
            return false;
        }
        // "I'd recommend doing it before you go in" still advises.
        if vote.tokens.clone().any(|i| {
            matches!(
                text.norm(i),
                "recommend" | "suggest" | "advise" | "urge" | "encourage"
            )
        }) {
            return false;
        }
        let sentence = text.tokens[vote.tokens.start].sentence;
        let clause_end = (vote.tokens.end..text.tokens.len())
            .take(6)
            .find(|&i| {
                text.tokens[i].sentence != sentence
                    || !text.is_word(i)
                    || text.tokens[i].clause_start
            })
            .unwrap_or_else(|| (vote.tokens.end + 6).min(text.tokens.len()));
        (vote.tokens.end..clause_end)
            .any(|i| text.norm(i) == "you" && (i + 1 >= clause_end || text.norm(i + 1) != "to"))
    };
    votes.retain(|v| !own_conduct(v));
}

/// "Of course you're nervous": the phrase that can promise ("Of course you'll
/// pass") here goes on to name the client's feeling, which validates it.
fn feeling_after_of_course(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    votes.retain(|v| {
        if v.intent != Intent::Reassurance
            || v.tokens.is_empty()
            || text.norm(v.tokens.start) != "of"
        {
            return true;
        }
        let sentence = text.tokens[v.tokens.start].sentence;
        let after = v.tokens.end..(v.tokens.end + 3).min(text.tokens.len());
        !analysis
            .named_feelings(after)
            .any(|f| text.tokens[f.tokens.start].sentence == sentence)
    });
}

/// Right after something painful, switching task or topic with no word for
/// the pain closes it down ("Shall we move on to your goals?").
fn moving_past_pain(analysis: &Analysis, votes: &mut Vec<Vote>) {
    if analysis.client.distress < 3 {
        return;
    }
    let acknowledges = votes.iter().any(|v| {
        v.intent.is_reflection()
            || matches!(
                v.intent,
                Intent::EmpathicReaction
                    | Intent::Validation
                    | Intent::Metacommunication
                    | Intent::AcknowledgeOwnPart
            )
    });
    if acknowledges {
        return;
    }
    let shift = votes
        .iter()
        .find(|v| {
            v.intent == Intent::ChangeTask
                || (v.intent == Intent::Other && v.rule == "minimizing.topic_shift")
        })
        .map(|v| v.tokens.clone());
    if let Some(tokens) = shift {
        votes.push(Vote {
            intent: Intent::Minimizing,
            strength: 0.82,
            tokens,
            why: Cow::Borrowed(
                "Moves on straight after something painful, which can feel like being brushed off.",
            ),
            rule: "minimizing.moving_past_pain",
        });
    }
}

/// "Would it help if we slowed down?" proposes a change to the joint work.
fn collaborative_suggestions(analysis: &Analysis, votes: &mut [Vote]) {
    let text = analysis.response;
    for sentence in &analysis.sentences {
        let joint = sentence
            .words
            .clone()
            .any(|i| matches!(text.norm(i), "we" | "us" | "our"));
        if !joint {
            continue;
        }
        for vote in votes.iter_mut() {
            // "You should give it more time before we switch" still tells
            // the client what to do.
            if vote.intent == Intent::Advice
                && vote.tokens.start >= sentence.words.start
                && vote.tokens.end <= sentence.words.end
                && text.norm(vote.tokens.start) != "you"
            {
                vote.intent = Intent::ChangeTask;
                vote.why =
                    Cow::Borrowed("Proposes a change to what you do together in the session.");
            }
        }
    }
}

/// Drops votes that another, more specific phrase explains away.
fn drop_explained_away(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let own_part = ranges(votes, |v| v.intent == Intent::AcknowledgeOwnPart);
    let frame = ranges(votes, |v| v.intent == Intent::Frame);
    let change_task = ranges(votes, |v| v.intent == Intent::ChangeTask);
    let goodbyes: Vec<usize> = votes
        .iter()
        .filter(|v| v.rule == "greeting.goodbye")
        .map(|v| analysis.response.tokens[v.tokens.start].sentence)
        .collect();
    votes.retain(|v| match v.intent {
        // "I'm sorry I rushed you" apologises for the counselor's part; it is not
        // sympathy for the client's situation.
        Intent::EmpathicReaction => !own_part.iter().any(|r| overlaps(r, &v.tokens)),
        // "This stays between us" is confidentiality, not talk about the relationship.
        Intent::Metacommunication => !frame.iter().any(|r| overlaps(r, &v.tokens)),
        // "Shall we try..." proposes a task; "try" there is not advice.
        Intent::Advice => !change_task.iter().any(|r| overlaps(r, &v.tokens)),
        // "See you same time next week" says goodbye.
        Intent::Frame => !goodbyes.contains(&analysis.response.tokens[v.tokens.start].sentence),
        _ => true,
    });
}
