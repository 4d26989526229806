//! Rules for what a response *does*: votes from lexicon phrases, and
//! structural rules built from word classes where a phrase list would be
//! endless: imperatives (advice), critical labels (judgment), named strengths
//! (affirmation), personal statements (self-disclosure), talk about "you and
//! me" (metacommunication), evaluating the work (asking for feedback),
//! explaining after a "why?" (rationale) and either/or checks (clarification).

use super::Vote;
use crate::classify::features::{Analysis, QuestionKind, SentenceFeatures};
use crate::classify::lexicon::{Cue, Hit};
use crate::vocab::{FrameItem, Intent};
use std::borrow::Cow;

/// Intents that are statements by nature: in a question they are only half
/// meant ("Have you managed to sleep?" is not an affirmation).
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

/// Votes from lexicon phrases, adjusted for sentence form and context.
pub fn lexicon_votes(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let has_confidentiality = analysis.has(|c| c == Cue::Frame(FrameItem::Confidentiality));
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
                strength *= 0.5;
            }
            // "What have you tried so far?" asks; it does not suggest trying.
            // "What about making a list?" is the suggestion itself.
            if intent == Intent::Advice
                && sentence.question == Some(QuestionKind::Open)
                && !opens_with(analysis, sentence, "why")
                && !matches!(analysis.response.norm(hit.tokens.start), "what" | "how")
            {
                strength *= 0.5;
            }
            // "How have you been spending your days?" is not a greeting.
            if intent == Intent::Greeting
                && sentence.words.len() >= 6
                && hit.tokens.len() * 2 < sentence.words.len()
            {
                strength *= 0.6;
            }
            // "He says you're controlling": a label the client reported, not the counselor's.
            if intent == Intent::Judgment && reported(analysis, sentence, hit.tokens.start) {
                continue;
            }
            // "...what everyone tells you you should feel", "You say it's no big
            // deal": a roadblock in someone else's mouth, quoted back.
            if intent.is_roadblock()
                && intent != Intent::Judgment
                && others_words(analysis, sentence, hit.tokens.start)
            {
                continue;
            }
            // "Have I missed anything?" checks a summary; it owns no mistake.
            if intent == Intent::AcknowledgeOwnPart
                && in_question
                && hit.tokens.start > sentence.words.start
                && matches!(
                    analysis.response.norm(hit.tokens.start - 1),
                    "have" | "did" | "do" | "am" | "was" | "could" | "would" | "should"
                )
            {
                continue;
            }
            // "You must be so proud" guesses at a feeling and "You shouldn't
            // have to remind me" validates: the longer phrase from the same
            // word says what the modal is doing, and it is no instruction.
            if intent == Intent::Advice
                && analysis.sentence_hits(sentence).any(|h| {
                    matches!(h.cue(), Cue::ReflectLead | Cue::Vote(Intent::Validation))
                        && h.tokens.start == hit.tokens.start
                        && h.tokens.end > hit.tokens.end
                })
            {
                continue;
            }
            // "It sounds like it's easier to blame yourself": the reasoning
            // offered back after a reflective lead is the client's, not an
            // argument against them.
            if intent == Intent::Persuasion
                && analysis
                    .sentence_hits(sentence)
                    .any(|h| h.cue() == Cue::ReflectLead && h.tokens.end <= hit.tokens.start)
            {
                continue;
            }
            // "When you say you don't see the point, what's that like for
            // you?" explores the experience more than it checks the meaning.
            if set.name == "clarification.check"
                && analysis.sentence_has(sentence, |c| c == Cue::OpenLead)
            {
                strength *= 0.6;
            }
            // "I notice you moved to my weekend": naming a shift away from
            // something hard is not small talk.
            if set.cue == Cue::SmallTalk && notices(analysis, sentence) {
                continue;
            }
            // "let down by so many people": the many people are in the client's
            // story, not a claim that many people feel this way.
            if set.name == "normalizing.many_people" && in_the_story(analysis, sentence, hit) {
                continue;
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

fn opens_with(analysis: &Analysis, sentence: &SentenceFeatures, word: &str) -> bool {
    let text = analysis.response;
    text.sentences
        .get(text.tokens[sentence.words.start].sentence)
        .is_some_and(|s| text.norm(s.lead) == word)
}

/// A critical word that someone else used, or that is negated, within four
/// words before it: "he says you're", "you worry you're being", "not".
fn reported(analysis: &Analysis, sentence: &SentenceFeatures, start: usize) -> bool {
    let text = analysis.response;
    (start.saturating_sub(4).max(sentence.words.start)..start).any(|i| {
        REPORTING.contains(&text.norm(i)) || matches!(text.norm(i), "not" | "never" | "no")
    })
}

/// Verbs that put words in someone's mouth: "everyone tells you", "you say".
const SPEECH_VERBS: &[&str] = &[
    "tell", "tells", "told", "telling", "say", "says", "said", "saying", "think", "thinks",
    "thought", "expect", "expects", "expected", "reckon", "reckons", "believe", "believes", "keep",
    "keeps",
];

/// A phrase that opens what someone other than the counselor says or thinks,
/// within three words after their verb: "everyone tells you (you should)",
/// "you say (it's no big deal)". "I think you should" is the counselor's own.
/// In a question, "Have you told your mum you need to..." and "Don't you
/// think you should..." are the counselor's own suggestion.
fn others_words(analysis: &Analysis, sentence: &SentenceFeatures, start: usize) -> bool {
    let text = analysis.response;
    if matches!(text.norm(start), "i" | "we") {
        return false;
    }
    (start.saturating_sub(3).max(sentence.words.start)..start).any(|verb| {
        let subject = verb.saturating_sub(2).max(sentence.words.start)..verb;
        SPEECH_VERBS.contains(&text.norm(verb))
            && !subject.clone().any(|i| matches!(text.norm(i), "i" | "we"))
            && !(sentence.question.is_some() && subject.clone().any(|i| text.norm(i) == "you"))
    })
}

/// "let down by so many people", "you've had a lot of people...": a quantity
/// of people who act in the client's story (after a preposition or a verb of
/// having), not a claim about how people in general feel.
fn in_the_story(analysis: &Analysis, sentence: &SentenceFeatures, hit: &Hit) -> bool {
    let text = analysis.response;
    let mut before = hit.tokens.start;
    while before > sentence.words.start {
        before -= 1;
        let word = text.norm(before);
        if matches!(word, "so" | "too" | "very" | "a" | "lot" | "of" | "such") {
            continue;
        }
        return matches!(
            word,
            "by" | "from"
                | "with"
                | "to"
                | "for"
                | "around"
                | "about"
                | "had"
                | "have"
                | "met"
                | "seen"
                | "lost"
                | "known"
        );
    }
    false
}

/// "I notice...", "I'm noticing...": the counselor observing the conversation.
fn notices(analysis: &Analysis, sentence: &SentenceFeatures) -> bool {
    let text = analysis.response;
    let lead = text.sentences[text.tokens[sentence.words.start].sentence].lead;
    text.norm(lead) == "i"
        && (lead + 1..(lead + 3).min(sentence.words.end)).any(|i| {
            matches!(
                text.norm(i),
                "notice" | "noticed" | "noticing" | "wonder" | "wondering"
            )
        })
}

/// The structural rules, sentence by sentence.
pub fn structural_votes(analysis: &Analysis, votes: &mut Vec<Vote>) {
    for (index, sentence) in analysis.sentences.iter().enumerate() {
        imperative_advice(analysis, index, sentence, votes);
        critical_label(analysis, index, sentence, votes);
        reaction_to_difficulty(analysis, sentence, votes);
        named_strength(analysis, index, sentence, votes);
        personal_statement(analysis, index, sentence, votes);
        relational_talk(analysis, sentence, votes);
        evaluating_the_work(analysis, sentence, votes);
        either_or_check(analysis, sentence, votes);
        universal_claim(analysis, sentence, votes);
    }
    explanation_after_why(analysis, votes);
    arguing_a_case(analysis, votes);
    cheering_past_a_reservation(analysis, votes);
    answering_a_frame_question(analysis, votes);
}

/// Verbs that, opening a clause, tell the client what to do.
const IMPERATIVE_VERBS: &[&str] = &[
    "count",
    "walk",
    "open",
    "take",
    "write",
    "look",
    "try",
    "go",
    "get",
    "make",
    "stop",
    "start",
    "ask",
    "call",
    "ring",
    "text",
    "speak",
    "put",
    "keep",
    "find",
    "join",
    "ignore",
    "avoid",
    "leave",
    "give",
    "set",
    "book",
    "read",
    "eat",
    "drink",
    "sleep",
    "rest",
    "exercise",
    "breathe",
    "relax",
    "calm",
    "focus",
    "forget",
    "accept",
    "move",
    "stay",
    "spend",
    "use",
    "buy",
    "sign",
    "plan",
    "journal",
    "meditate",
    "pray",
    "cut",
    "limit",
    "reduce",
    "delete",
    "block",
    "unfollow",
    "switch",
    "check",
    "email",
    "visit",
    "consider",
    "treat",
    "reward",
    "schedule",
    "prepare",
    "pick",
    "choose",
    "decide",
    "draw",
    "download",
    "apply",
    "contact",
    "report",
    "confront",
    "apologize",
    "forgive",
    "stand",
    "push",
    "learn",
    "study",
    "wake",
    "turn",
    "reach",
    "lean",
    "stick",
    "do",
    "be",
    "remember",
    "think",
    "tell",
    "say",
    "talk",
    "cheer",
    "chill",
    "quit",
    "drop",
    "let",
    "send",
    "bring",
    "hang",
    "get",
    "sort",
    "tidy",
    "clean",
    "run",
    "swim",
    "cook",
    "listen",
    "trust",
    "believe",
    "prioritize",
    "delegate",
    "pull",
    "break",
    "split",
    "wait",
    "slow",
    "sit",
    "lie",
    "phone",
    "note",
    "list",
    "track",
    "swap",
    "replace",
    "allow",
    "spend",
    "practice",
    "organize",
    "eat",
];

/// Continuations that make an imperative something else: "tell *me*", "take *your time*".
fn imperative_exception(verb: &str, next: &str, after: &str) -> bool {
    matches!(
        (verb, next),
        (
            "tell" | "talk" | "walk" | "let" | "give" | "show",
            "me" | "us"
        ) | ("take", "your" | "care" | "a")
            | ("go", "on" | "ahead")
            | (
                "start" | "begin" | "go",
                "wherever" | "whenever" | "anywhere"
            )
            | ("keep", "going")
            | ("say", "more" | "a" | "whatever")
            | ("look", "")
            | ("think", "")
            | ("do", "you" | "not")
            | ("be", "")
            | ("get", "it")
            | ("trust", "me")
            | ("believe", "me")
    ) || (verb == "take" && next == "a" && matches!(after, "seat" | "moment" | "breath"))
}

/// "Count to ten and walk out." "Next time, take the phone off him."
fn imperative_advice(
    analysis: &Analysis,
    index: usize,
    sentence: &SentenceFeatures,
    votes: &mut Vec<Vote>,
) {
    if sentence.question.is_some() || sentence.words.is_empty() {
        return;
    }
    let text = analysis.response;
    let lead = text.sentences[index].lead;
    for i in sentence.words.clone() {
        let opens = i == lead || (text.tokens[i].clause_start && i > sentence.words.start);
        if !opens {
            continue;
        }
        // "Maybe look for...", "Just take...", "Please try..."
        let verb_at = if matches!(
            text.norm(i),
            "maybe" | "perhaps" | "just" | "please" | "definitely" | "honestly" | "simply"
        ) && i + 1 < sentence.words.end
        {
            i + 1
        } else {
            i
        };
        let verb = text.norm(verb_at);
        if !IMPERATIVE_VERBS.contains(&verb) {
            continue;
        }
        let next = if verb_at + 1 < sentence.words.end {
            text.norm(verb_at + 1)
        } else {
            ""
        };
        let after = if verb_at + 2 < sentence.words.end {
            text.norm(verb_at + 2)
        } else {
            ""
        };
        if imperative_exception(verb, next, after) || next == "you" || next.is_empty() {
            continue;
        }
        votes.push(Vote::new(
            Intent::Advice,
            0.72,
            verb_at..sentence.words.end,
            "An instruction tells the client what to do rather than helping them find their own way.",
            "advice.imperative",
        ));
        return;
    }
    suggested_action(analysis, index, sentence, votes);
}

/// Verbs that after "you could" report what the client perceives or might
/// say ("You could tell he was upset"), not an action proposed to them.
const PERCEIVING_VERBS: &[&str] = &[
    "tell", "say", "think", "be", "look", "do", "get", "let", "make", "feel", "see", "hear",
    "sense", "imagine",
];

/// "You could take up golf." "You might join a club." A suggestion in the
/// form of a possibility is still advice.
fn suggested_action(
    analysis: &Analysis,
    index: usize,
    sentence: &SentenceFeatures,
    votes: &mut Vec<Vote>,
) {
    let text = analysis.response;
    let lead = text.sentences[index].lead;
    let word = |i: usize| {
        if i < sentence.words.end {
            text.norm(i)
        } else {
            ""
        }
    };
    if word(lead) != "you" || !matches!(word(lead + 1), "could" | "might") {
        return;
    }
    let mut verb_at = lead + 2;
    while matches!(
        word(verb_at),
        "just" | "always" | "maybe" | "perhaps" | "also" | "even"
    ) {
        verb_at += 1;
    }
    let verb = word(verb_at);
    if !IMPERATIVE_VERBS.contains(&verb) || PERCEIVING_VERBS.contains(&verb) {
        return;
    }
    votes.push(Vote::new(
        Intent::Advice,
        0.72,
        lead..sentence.words.end,
        "Suggests what the client could do rather than helping them find their own way.",
        "advice.suggested_action",
    ));
}

/// Verbs after which a critical word is the client's own or someone else's
/// ("you worry you're being selfish", "he called you lazy"): a reflection, not a judgment.
const REPORTING: &[&str] = &[
    "feel", "feeling", "felt", "feels", "worried", "worry", "worrying", "afraid", "scared",
    "think", "thinking", "thought", "call", "calls", "called", "says", "said", "told", "tells",
    "telling", "saying", "fear", "believe", "like", "seen", "judged", "labelled", "labeled",
    "thinks", "reckons", "reckon", "driving", "drive", "drives", "going", "go", "makes", "made",
    "tell", "say", "accused", "accuses", "blame", "blames", "treated", "treats",
];

/// "That was reckless." "You're being dramatic." A critical label aimed at the client.
fn critical_label(
    analysis: &Analysis,
    index: usize,
    sentence: &SentenceFeatures,
    votes: &mut Vec<Vote>,
) {
    if sentence.question.is_some() && !sentence.rising {
        return;
    }
    let text = analysis.response;
    let lead = text.norm(text.sentences[index].lead);
    // About someone else ("he's so selfish") or the counselor: not aimed at the client.
    if matches!(
        lead,
        "he" | "she" | "they" | "i" | "my" | "his" | "her" | "their" | "we" | "people"
    ) {
        return;
    }
    for hit in analysis
        .sentence_hits(sentence)
        .filter(|h| h.cue() == Cue::Label)
    {
        if reported(analysis, sentence, hit.tokens.start) {
            continue;
        }
        votes.push(Vote::new(
            Intent::Judgment,
            0.86,
            hit.tokens.clone(),
            "Labels the client or what they did in a critical way, which makes people defensive.",
            "judgment.label_word",
        ));
        return;
    }
}

/// Intensifiers that may stand between a frame and its adjective.
const INTENSIFIERS: &[&str] = &[
    "really",
    "so",
    "very",
    "incredibly",
    "truly",
    "such",
    "just",
    "quite",
    "pretty",
    "a",
    "an",
    "bit",
    "little",
    "extremely",
    "awfully",
    "terribly",
    "absolutely",
    "utterly",
    "also",
    "genuinely",
    "deeply",
    "rather",
    "especially",
    "properly",
    "seriously",
];

/// "That sounds really hard." "It must have been terrifying." A frame on the
/// client's experience followed by a word for how hard it is.
fn reaction_to_difficulty(analysis: &Analysis, sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    for frame in analysis
        .sentence_hits(sentence)
        .filter(|h| h.cue() == Cue::ExperienceFrame)
    {
        let mut i = frame.tokens.end;
        while i < sentence.words.end && INTENSIFIERS.contains(&text.norm(i)) {
            i += 1;
        }
        let difficulty = analysis.sentence_hits(sentence).find(|h| {
            h.tokens.start == i
                && (h.cue() == Cue::Difficulty
                    || matches!(h.cue(), Cue::Feeling(family, _) if family.is_painful()))
        });
        if let Some(word) = difficulty {
            votes.push(Vote::new(
                Intent::EmpathicReaction,
                0.75,
                frame.tokens.start..word.tokens.end,
                "Expresses your own care and compassion for what the client is going through.",
                "empathic_reaction.experience_frame",
            ));
            return;
        }
    }
}

/// "That honesty took guts." "You're a really loyal friend." A strength named.
fn named_strength(
    analysis: &Analysis,
    index: usize,
    sentence: &SentenceFeatures,
    votes: &mut Vec<Vote>,
) {
    if sentence.question.is_some() {
        return;
    }
    let text = analysis.response;
    let lead = text.norm(text.sentences[index].lead);
    let about_client_or_act = sentence.addresses_client
        || matches!(
            lead,
            "that"
                | "this"
                | "it"
                | "what"
                | "which"
                | "with"
                | "from"
                | "despite"
                | "even"
                | "taking"
                | "doing"
                | "being"
        );
    if !about_client_or_act || sentence.about_self {
        return;
    }
    if analysis.sentence_has(sentence, |c| matches!(c, Cue::Label | Cue::ReflectLead)) {
        return;
    }
    // "She should make more of an effort" asks for a strength; it names none.
    if sentence
        .words
        .clone()
        .any(|i| matches!(text.norm(i), "should" | "ought"))
    {
        return;
    }
    // A strength word inside a painful feeling ("you feel weak") is not praise.
    let painful_feeling = analysis
        .named_feelings(sentence.words.clone())
        .any(|f| f.family.is_painful());
    for hit in analysis
        .sentence_hits(sentence)
        .filter(|h| h.cue() == Cue::Strength)
    {
        let negated = hit.tokens.start > sentence.words.start
            && matches!(text.norm(hit.tokens.start - 1), "not" | "no" | "never");
        if negated || (painful_feeling && !sentence.addresses_client) {
            continue;
        }
        votes.push(Vote::new(
            Intent::Affirmation,
            0.72,
            hit.tokens.clone(),
            "Recognises the client's strength, effort or values.",
            "affirmation.strength_word",
        ));
        return;
    }
}

/// What a counselor says about the conversation itself after "I": not personal.
const PROCESS_WORDS: &[&str] = &[
    "wonder",
    "wondering",
    "think",
    "thinking",
    "notice",
    "noticed",
    "noticing",
    "hear",
    "heard",
    "hearing",
    "understand",
    "see",
    "imagine",
    "guess",
    "sense",
    "sensing",
    "feel",
    "know",
    "want",
    "wanted",
    "would",
    "can",
    "could",
    "will",
    "appreciate",
    "apologize",
    "agree",
    "suggest",
    "believe",
    "get",
    "got",
    "mean",
    "meant",
    "ask",
    "asked",
    "asking",
    "hope",
    "wish",
    "just",
    "really",
    "might",
    "may",
    "should",
    "must",
    "need",
    "sorry",
    "glad",
    "here",
    "curious",
    "not",
    "aware",
    "listening",
    "struck",
    "interested",
    "happy",
    "going",
    "so",
    "trying",
    "concerned",
    "conscious",
    "with",
    "remember",
    "find",
    "did",
    "was",
    "have",
    "am",
    "do",
    "had",
    "like",
    "love",
    "care",
    "missed",
    "pushed",
    "rushed",
    "said",
    "should",
    "worry",
    "worried",
    "wanting",
    "also",
    "too",
    "still",
    "totally",
    "completely",
    "honestly",
    "definitely",
    "certainly",
    "absolutely",
    "pleased",
    "reckon",
    "suppose",
    "doubt",
    "understood",
    "follow",
    "value",
    "respect",
    "admire",
    "feeling",
    "felt",
    "sometimes",
    "sure",
    "certain",
    "confident",
    "afraid",
    "able",
    "unable",
    "available",
    "noticed",
    "realize",
    "sensing",
    "picking",
    "getting",
    "struck",
    "touched",
    "moved",
    "left",
];

/// Nouns after "my" that are about the counselor's role, not their life.
const PROCESS_NOUNS: &[&str] = &[
    "question",
    "questions",
    "sense",
    "guess",
    "fault",
    "mistake",
    "understanding",
    "hope",
    "concern",
    "worry",
    "job",
    "role",
    "aim",
    "thinking",
    "reason",
    "point",
    "suggestion",
    "impression",
    "apologies",
    "bad",
    "advice",
    "feeling",
    "notes",
    "time",
    "part",
    "own",
    "responsibility",
    "misjudgment",
    "error",
    "view",
    "experience",
    "hunch",
    "thought",
    "thoughts",
    "head",
    "mind",
    "focus",
    "words",
    "door",
    "number",
    "email",
    "phone",
    "office",
];

/// Roles the counselor may say they are or are not ("I'm not the expert on
/// you"): talk about the working relationship, not about their private life.
const ROLE_NOUNS: &[&str] = &[
    "expert",
    "professional",
    "therapist",
    "counselor",
    "judge",
    "police",
    "boss",
    "teacher",
    "doctor",
    "authority",
    "one",
];

/// Words of talk about the conversation itself: "I've been doing a lot of
/// the talking", "I was asking a lot of questions".
const TALK_WORDS: &[&str] = &[
    "talking",
    "explaining",
    "asking",
    "questions",
    "listening",
    "session",
    "sessions",
];

/// "I'm not a great flyer myself." "My first manager made my life a misery."
fn personal_statement(
    analysis: &Analysis,
    index: usize,
    sentence: &SentenceFeatures,
    votes: &mut Vec<Vote>,
) {
    if !sentence.about_self || sentence.question.is_some() {
        return;
    }
    // How the counselor works (notes, supervision, who they would contact),
    // said in the first person, is the frame, not a personal disclosure; so
    // is an answer to the client's question about the arrangements.
    if analysis.client.asked_frame
        || analysis.sentence_has(sentence, |c| {
            matches!(
                c,
                Cue::Frame(_) | Cue::FrameOther | Cue::ConfidentialityLimit | Cue::HereAndNow
            )
        })
    {
        return;
    }
    let text = analysis.response;
    if sentence
        .words
        .clone()
        .any(|i| TALK_WORDS.contains(&text.norm(i)))
    {
        return;
    }
    let lead = text.sentences[index].lead;
    let word = |i: usize| {
        if i < sentence.words.end {
            text.norm(i)
        } else {
            ""
        }
    };
    // "I'm not the expert on you", "I'm your counselor": the counselor's role.
    let after_am = if word(lead + 2) == "not" {
        lead + 3
    } else {
        lead + 2
    };
    if word(lead) == "i"
        && word(lead + 1) == "am"
        && matches!(word(after_am), "the" | "a" | "an" | "your" | "just")
        && ROLE_NOUNS.contains(&word(after_am + 1))
    {
        return;
    }
    let personal = match word(lead) {
        "my" => !PROCESS_NOUNS.contains(&word(lead + 1)),
        "i" => {
            let next = word(lead + 1);
            if matches!(
                next,
                "am" | "was"
                    | "have"
                    | "had"
                    | "do"
                    | "did"
                    | "used"
                    | "grew"
                    | "went"
                    | "got"
                    | "lost"
                    | "live"
                    | "lived"
                    | "also"
                    | "too"
                    | "still"
            ) {
                let after = word(lead + 2);
                let then = word(lead + 3);
                !PROCESS_WORDS.contains(&after)
                    || (matches!(after, "not" | "also" | "too" | "still")
                        && !PROCESS_WORDS.contains(&then))
                    || (after.is_empty() && analysis.client.asked_counselor)
            } else {
                !PROCESS_WORDS.contains(&next)
            }
        }
        _ => false,
    };
    let personal_marker = sentence
        .words
        .clone()
        .any(|i| matches!(text.norm(i), "myself" | "too" | "personally"));
    if !(personal || (personal_marker && analysis.client.asked_counselor)) {
        return;
    }
    let strength = if analysis.client.asked_counselor || personal_marker {
        0.78
    } else {
        0.62
    };
    votes.push(Vote::new(
        Intent::SelfDisclosure,
        strength,
        sentence.words.clone(),
        "Shares something from your own life; keep the focus on the client afterwards.",
        "self_disclosure.personal_statement",
    ));
}

/// Talk about the relationship: the client and the counselor in one breath
/// ("What's it like for you when I do that?", "how you see me").
fn relational_talk(analysis: &Analysis, sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
    if !(sentence.addresses_client || analysis.sentence_has(sentence, |c| c == Cue::HereAndNow)) {
        return;
    }
    let text = analysis.response;
    let words = sentence.words.clone();
    let relational = words.clone().any(|i| {
        let word = text.norm(i);
        let before = if i > words.start {
            text.norm(i - 1)
        } else {
            ""
        };
        let after = if i + 1 < words.end {
            text.norm(i + 1)
        } else {
            ""
        };
        match word {
            // "with me", "about me", "see me" but not "tell me", "let me", "help me understand".
            "me" => {
                !matches!(
                    before,
                    "tell"
                        | "let"
                        | "help"
                        | "give"
                        | "show"
                        | "walk"
                        | "talk"
                        | "remind"
                        | "excuse"
                        | "for"
                        | "told"
                        | "telling"
                        | "asked"
                        | "ask"
                        | "sent"
                        | "showed"
                        | "called"
                        | "texted"
                        | "emailed"
                ) && (before != "to" || after != "about")
            }
            "both" => before == "we" || after == "of",
            // "my silence", "my questions": the counselor's own behaviour here.
            "my" => matches!(
                after,
                "silence"
                    | "question"
                    | "questions"
                    | "comment"
                    | "comments"
                    | "words"
                    | "suggestion"
                    | "suggestions"
                    | "approach"
                    | "style"
                    | "reaction"
                    | "response"
                    | "tone"
                    | "pace"
                    | "interruptions"
            ),
            // "when I do that", "I went quiet", "I could care": the counselor's own behaviour.
            "i" => {
                (matches!(after, "am" | "was" | "keep" | "kept") && i + 2 < words.end && {
                    let verb_at = if text.norm(i + 2) == "not" && i + 3 < words.end {
                        i + 3
                    } else {
                        i + 2
                    };
                    let verb = text.norm(verb_at);
                    !PROCESS_WORDS.contains(&verb)
                        && (verb.ends_with("ing") || matches!(verb, "really" | "being"))
                }) || (after == "feel" && i + 2 < words.end && text.norm(i + 2) == "about")
                    // "when I do that", "I didn't mean to", but not "I don't
                    // know" or "I don't think", which are no act of the counselor's.
                    || (matches!(after, "do" | "did")
                        && !(i + 3 < words.end
                            && text.norm(i + 2) == "not"
                            && matches!(
                                text.norm(i + 3),
                                "know" | "think" | "believe" | "understand"
                            )))
                    || matches!(
                        after,
                        "said"
                            | "say"
                            | "asked"
                            | "ask"
                            | "went"
                            | "smiled"
                            | "smile"
                            | "pushed"
                            | "suggested"
                            | "mentioned"
                            | "interrupted"
                            | "see"
                            | "saw"
                            | "care"
                            | "could"
                            | "might"
                            | "repeat"
                            | "summarize"
                            | "react"
                            | "reacted"
                            | "respond"
                            | "responded"
                            | "came"
                            | "sound"
                            | "seem"
                            | "look"
                            | "remember"
                            | "forgot"
                            | "made"
                            | "brought"
                            | "raised"
                            | "offered"
                            | "explained"
                            | "tried"
                            | "put"
                            | "gave"
                            | "used"
                            | "named"
                            | "linked"
                            | "jumped"
                            | "moved"
                            | "changed"
                    )
            }
            // "It gives us a way to see...", "that helps us": the task, not the relationship.
            "us" => !matches!(
                before,
                "let"
                    | "help"
                    | "give"
                    | "tell"
                    | "gives"
                    | "gave"
                    | "helps"
                    | "lets"
                    | "tells"
                    | "shows"
                    | "show"
            ),
            "our" => matches!(
                after,
                "sessions" | "session" | "relationship" | "work" | "conversations"
            ),
            _ => false,
        }
    });
    if !relational {
        return;
    }
    let invites = sentence.question.is_some()
        || analysis.sentence_has(sentence, |c| {
            matches!(
                c,
                Cue::HereAndNow | Cue::OpenLead | Cue::Hedge | Cue::ReflectLead
            )
        })
        || words.clone().any(|i| {
            matches!(
                text.norm(i),
                "wonder" | "wondering" | "curious" | "notice" | "noticing" | "understand" | "know"
            )
        });
    if !invites {
        return;
    }
    // Here-and-now words ("right now", "in here") make it unmistakable.
    let strength = if analysis.sentence_has(sentence, |c| c == Cue::HereAndNow) {
        0.86
    } else {
        0.8
    };
    votes.push(Vote::new(
        Intent::Metacommunication,
        strength,
        words,
        "Talks about what is happening between you and the client, which opens the relationship up for discussion.",
        "metacommunication.relational",
    ));
}

/// "Was the pace okay?" "How useful are you finding it when I summarise?"
fn evaluating_the_work(analysis: &Analysis, sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    let evaluations: Vec<&Hit> = analysis
        .sentence_hits(sentence)
        .filter(|h| h.cue() == Cue::FeedbackEval)
        .collect();
    // "How are you feeling about it today?" asks about the client's news; a
    // feeling about the work needs the work named, not just a time.
    let only_feeling = evaluations.iter().all(|h| {
        matches!(
            text.norm(h.tokens.start),
            "feel" | "feels" | "feeling" | "felt"
        )
    });
    let evaluates = !evaluations.is_empty();
    let about_work = analysis.sentence_hits(sentence).any(|h| {
        h.cue() == Cue::SessionRef
            && !(only_feeling && matches!(text.norm(h.tokens.start), "today" | "so"))
    });
    if !(evaluates && about_work) {
        return;
    }
    let asks = sentence.question.is_some()
        || sentence.words.clone().any(|i| {
            matches!(
                text.norm(i),
                "know" | "tell" | "hear" | "wondering" | "wonder" | "curious"
            )
        });
    if !asks {
        return;
    }
    votes.push(Vote::new(
        Intent::AskingFeedback,
        0.8,
        sentence.words.clone(),
        "Asks the client how the work is going for them, so you can act on what helps and what does not.",
        "asking_feedback.evaluation",
    ));
}

/// "The end of this month, or the end of the tenancy?" "Last year?" A check on
/// which of two readings the client meant, or an echo asking to confirm.
fn either_or_check(analysis: &Analysis, sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
    if sentence.question.is_none() || sentence.echoes.is_empty() {
        return;
    }
    let text = analysis.response;
    let has_or = sentence.words.clone().any(|i| text.norm(i) == "or");
    let short_echo = sentence.rising && !sentence.addresses_client && sentence.words.len() <= 6;
    if has_or || short_echo {
        votes.push(Vote::new(
            Intent::Clarification,
            0.66,
            sentence.words.clone(),
            "Checks which meaning the client intended, using their own words.",
            "clarification.either_or",
        ));
    }
}

/// "All parents shout sometimes." "Every marriage has rough patches." A claim
/// about everyone shrinks the problem; about everyone's *feelings* it normalises.
fn universal_claim(analysis: &Analysis, sentence: &SentenceFeatures, votes: &mut Vec<Vote>) {
    let Some(hit) = analysis
        .sentence_hits(sentence)
        .find(|h| h.cue() == Cue::Universal)
    else {
        return;
    };
    let text = analysis.response;
    // "just", "only", "though" shrink even a claim about feelings.
    let shrinks = sentence
        .words
        .clone()
        .any(|i| matches!(text.norm(i), "just" | "only" | "though" | "nah"));
    let about_feelings = !shrinks
        && (analysis
            .named_feelings(sentence.words.clone())
            .next()
            .is_some()
            || sentence
                .words
                .clone()
                .any(|i| matches!(text.norm(i), "feel" | "feels" | "feeling" | "felt")));
    let (intent, why, rule) = if about_feelings {
        (
            Intent::Normalizing,
            "Tells the client that many people feel this way, so they are not odd or alone.",
            "normalizing.universal",
        )
    } else {
        (
            Intent::Minimizing,
            "Treats the problem as something everyone does, which can shrink what the client is facing.",
            "minimizing.universal",
        )
    };
    votes.push(Vote::new(intent, 0.72, hit.tokens.clone(), why, rule));
}

/// Arguing a case: contrast, consequences, rhetorical questions, evidence.
/// Two signs, or one after the client defended their position, make persuasion.
fn arguing_a_case(analysis: &Analysis, votes: &mut Vec<Vote>) {
    let text = analysis.response;
    let mut starts: Vec<usize> = analysis
        .hits
        .iter()
        .filter(|h| h.cue() == Cue::Argument)
        // "What would actually help?" asks for the client's real answer; only
        // in a statement does "actually" contradict them.
        .filter(|h| {
            let sentence = &analysis.sentences[text.tokens[h.tokens.start].sentence];
            !(sentence.question == Some(QuestionKind::Open)
                && text.norm(h.tokens.start) == "actually")
        })
        .map(|h| h.tokens.start)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let needed = if analysis.client.sustain_talk { 1 } else { 2 };
    if starts.len() < needed {
        return;
    }
    let strength = if starts.len() >= 3 { 0.76 } else { 0.68 };
    let first = starts[0];
    let last_sentence = analysis.response.tokens[*starts.last().unwrap_or(&first)].sentence;
    let end = analysis.sentences[last_sentence].words.end.max(first + 1);
    votes.push(Vote::new(
        Intent::Persuasion,
        strength,
        first..end,
        "Argues with the client to change their mind; people tend to dig in when pushed.",
        "persuasion.argument",
    ));
}

/// "The doctors say I'm fine. Physically, anyway." "That's great news!" Cheering
/// the good side when the client hinted at something harder looks on the
/// bright side too early. (After good news with no such hint, it celebrates.)
fn cheering_past_a_reservation(analysis: &Analysis, votes: &mut Vec<Vote>) {
    if !analysis.client.reservation {
        return;
    }
    let Some(cheer) = analysis.hits.iter().find(|h| h.cue() == Cue::Cheer) else {
        return;
    };
    votes.push(Vote::new(
        Intent::Minimizing,
        0.8,
        cheer.tokens.clone(),
        "Cheers the good side when the client hinted at something harder, which can close the harder part down.",
        "minimizing.cheering",
    ));
}

/// The client asked about the arrangements and the response states them.
fn answering_a_frame_question(analysis: &Analysis, votes: &mut Vec<Vote>) {
    if !analysis.client.asked_frame {
        return;
    }
    let Some(first) = analysis.sentences.first() else {
        return;
    };
    if first.question.is_some() && !first.rising {
        return;
    }
    votes.push(Vote::new(
        Intent::Frame,
        0.64,
        first.words.clone(),
        "Answers the client's question about the practical arrangements of the work.",
        "frame.answers_question",
    ));
}

/// Words that mark an explanation: "because", "it helps", "so that", "means".
const EXPLAINING: &[&str] = &[
    "because",
    "helps",
    "help",
    "means",
    "mean",
    "so",
    "idea",
    "point",
    "gives",
    "lets",
    "allows",
    "otherwise",
    "reason",
    "purpose",
    "aim",
    "way",
    "builds",
    "shows",
];

/// The client asked why (or what a task is for) and the response explains.
fn explanation_after_why(analysis: &Analysis, votes: &mut Vec<Vote>) {
    if !analysis.client.asked_why {
        return;
    }
    let text = analysis.response;
    let Some(first) = analysis.sentences.first() else {
        return;
    };
    if first.question.is_some() {
        return;
    }
    let explains =
        (0..text.tokens.len()).any(|i| text.is_word(i) && EXPLAINING.contains(&text.norm(i)));
    if explains {
        votes.push(Vote::new(
            Intent::Rationale,
            0.76,
            0..text.tokens.len(),
            "Explains why you work this way, answering the client's question about it.",
            "rationale.answers_why",
        ));
    }
}
