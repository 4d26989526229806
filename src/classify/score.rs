//! Dimension scores: EPITOME levels, empathy, warmth and repair.
//!
//! * EPITOME (Sharma et al. 2020): emotional reaction, interpretation and
//!   exploration, each 0 (none), 1 (weak) or 2 (strong).
//! * Empathy combines the three, then drops for roadblocks, and drops more
//!   when the client has just said something painful (Gordon).
//! * Warmth is acceptance and caring minus judgement and roadblocks. A clear
//!   frame is part of a safe bond, so frame work adds a little, most when
//!   confidentiality comes with its limit; a promise of secrecy without the
//!   limit is one the counselor may not be able to keep, and costs a little.
//! * Repair is the use of 3RS resolution strategies, minus defending oneself,
//!   persuading and judging.

use super::Epitome;
use super::features::{Analysis, QuestionKind};
use super::intent::Decision;
use super::lexicon::Cue;
use crate::vocab::{FrameItem, Intent};

/// The four numbers and the EPITOME levels.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub empathy: f32,
    pub warmth: f32,
    pub repair: f32,
    pub epitome: Epitome,
}

/// Scores a decided response.
pub fn score(analysis: &Analysis, decision: &Decision) -> Scores {
    if decision.votes.is_empty() {
        // Nothing to score: empty input or stray symbols.
        return Scores::default();
    }
    let epitome = epitome(analysis, decision);
    Scores {
        empathy: round(empathy(analysis, decision, epitome)),
        warmth: round(warmth(analysis, decision)),
        repair: round(repair(analysis, decision)),
        epitome,
    }
}

fn round(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

/// Words that show a question is about the client's own experience.
const EXPERIENCE_WORDS: &[&str] = &[
    "feel",
    "feeling",
    "felt",
    "like",
    "mean",
    "experience",
    "affect",
    "affected",
    "impact",
    "cope",
    "coping",
    "manage",
    "inside",
    "going",
    "happening",
    "notice",
    "sense",
    "hardest",
    "worst",
    "want",
    "need",
    "hope",
    "fear",
    "matter",
    "matters",
    "important",
    "body",
    "react",
];

fn epitome(analysis: &Analysis, decision: &Decision) -> Epitome {
    let text = analysis.response;
    let names_feeling = analysis
        .named_feelings(0..text.tokens.len())
        .next()
        .is_some();
    let names_difficulty = analysis.has(|c| c == Cue::Difficulty);
    let warm_cue = analysis.has(|c| c == Cue::Appreciation);
    let harsh = decision.has_any(|i| {
        matches!(
            i,
            Intent::Judgment | Intent::Persuasion | Intent::Minimizing
        )
    });

    // Emotional reaction: the counselor's own warmth and compassion.
    let mut emotional_reaction = 0;
    if decision.has(Intent::EmpathicReaction) {
        emotional_reaction = if names_feeling || names_difficulty {
            2
        } else {
            1
        };
    } else if decision.has(Intent::Validation) {
        emotional_reaction = if names_feeling { 2 } else { 1 };
    } else if decision.has(Intent::Affirmation)
        || warm_cue
        || decision.has(Intent::AcknowledgeOwnPart)
    {
        emotional_reaction = 1;
    } else if decision.has(Intent::Reassurance) && !analysis.client.is_painful() {
        // EPITOME counts generic comfort as a weak reaction, but not when it
        // brushes past a painful disclosure.
        emotional_reaction = 1;
    }
    if harsh {
        emotional_reaction = 0;
    }

    // Interpretation: understanding shown, strongest when it names a specific
    // feeling or experience.
    let mut interpretation = 0;
    if decision.has(Intent::ReflectionComplex) {
        interpretation = 2;
    } else if decision.has_any(|i| {
        matches!(
            i,
            Intent::ReflectionSimple | Intent::Summary | Intent::Validation
        )
    }) {
        interpretation = if names_feeling { 2 } else { 1 };
    } else if decision.has_any(|i| {
        matches!(
            i,
            Intent::Normalizing | Intent::SelfDisclosure | Intent::EmpathicReaction
        )
    }) || analysis.has(|c| c == Cue::Understanding)
    {
        interpretation = 1;
    }
    if harsh {
        interpretation = interpretation.min(1);
    }

    // Exploration: questions, strongest when they probe the client's own experience.
    let mut exploration = 0;
    let roadblock_question = decision.has_any(|i| i.is_roadblock());
    for sentence in &analysis.sentences {
        let asks =
            sentence.question.is_some() || analysis.sentence_has(sentence, |c| c == Cue::OpenLead);
        if !asks || roadblock_question {
            continue;
        }
        // "How did that feel?", "Tell me more about what's been feeling off"
        // ask about the client's experience without a "you"; other questions
        // need one to be about the client.
        let lead = text.sentences[text.tokens[sentence.words.start].sentence].lead;
        let how_question = sentence.question == Some(QuestionKind::Open)
            && text.norm(lead) == "how"
            && lead + 1 < sentence.words.end
            && text.norm(lead + 1) != "about";
        let asks_feeling = (how_question
            || analysis.sentence_has(sentence, |c| c == Cue::OpenLead))
            && sentence
                .words
                .clone()
                .any(|i| matches!(text.norm(i), "feel" | "feels" | "felt" | "feeling"));
        let probes_experience = asks_feeling
            || (sentence.addresses_client
                && (!sentence.echoes.is_empty()
                    || analysis
                        .named_feelings(sentence.words.clone())
                        .next()
                        .is_some()
                    || sentence
                        .words
                        .clone()
                        .any(|i| EXPERIENCE_WORDS.contains(&text.norm(i)))));
        let level = if probes_experience
            && (sentence.question == Some(QuestionKind::Open)
                || sentence.question.is_none()
                || !sentence.echoes.is_empty())
        {
            2
        } else {
            1
        };
        exploration = exploration.max(level);
    }
    if decision.has(Intent::Metacommunication) {
        exploration = exploration.max(1);
    }
    if decision.primary == Intent::Facilitative {
        exploration = exploration.max(1);
    }

    Epitome {
        emotional_reaction,
        interpretation,
        exploration,
    }
}

fn empathy(analysis: &Analysis, decision: &Decision, e: Epitome) -> f32 {
    let reaction = 0.3 * e.emotional_reaction as f32;
    let interpretation = 0.35 * e.interpretation as f32;
    let exploration = 0.3 * e.exploration as f32;
    let mut empathy = 1.0 - (1.0 - reaction) * (1.0 - interpretation) * (1.0 - exploration);
    if decision.primary == Intent::Facilitative {
        empathy = empathy.max(0.2);
    }
    let painful = analysis.client.is_painful();
    if decision.has(Intent::Judgment) {
        empathy *= if painful { 0.2 } else { 0.3 };
    } else if decision.has_any(|i| i.is_roadblock()) {
        // The same words cost more right after a painful disclosure.
        let primary_roadblock = decision.primary.is_roadblock();
        empathy *= match (painful, primary_roadblock) {
            (true, true) => 0.35,
            (true, false) => 0.6,
            (false, true) => 0.6,
            (false, false) => 0.8,
        };
    }
    if decision.has(Intent::Minimizing) && painful {
        empathy = empathy.min(0.2);
    }
    empathy
}

fn warmth(analysis: &Analysis, decision: &Decision) -> f32 {
    let painful = analysis.client.is_painful();
    // A neutral, polite turn starts at 0.4: roadblocks take it down, care and
    // acceptance take it up.
    let mut warmth: f32 = 0.4;
    let add = |intent: Intent| -> f32 {
        match intent {
            Intent::EmpathicReaction => 0.3,
            Intent::Validation => 0.3,
            Intent::Affirmation => 0.25,
            Intent::AcknowledgeOwnPart => 0.3,
            Intent::ReflectionComplex => 0.2,
            Intent::ReflectionSimple => 0.15,
            Intent::Summary => 0.15,
            Intent::Greeting => 0.2,
            Intent::Normalizing => 0.15,
            Intent::Metacommunication => 0.15,
            Intent::AskingFeedback => 0.15,
            Intent::Facilitative => 0.1,
            Intent::ChangeTask => 0.1,
            Intent::OpenQuestion => 0.05,
            Intent::Clarification => 0.05,
            Intent::Rationale => 0.05,
            Intent::SelfDisclosure => 0.05,
            Intent::Judgment => -0.55,
            Intent::Persuasion => -0.3,
            Intent::Advice if painful => -0.3,
            Intent::Advice => -0.15,
            Intent::Minimizing if painful => -0.4,
            Intent::Minimizing => -0.25,
            Intent::Reassurance if painful => -0.2,
            _ => 0.0,
        }
    };
    for intent in decision.labels() {
        warmth += add(intent);
    }
    if decision.has(Intent::Frame) {
        warmth += frame_warmth(analysis);
    }
    if analysis.has(|c| c == Cue::Appreciation) {
        warmth += 0.1;
    }
    if analysis.has(|c| c == Cue::Hedge) && !decision.has_any(|i| i.is_roadblock()) {
        warmth += 0.05;
    }
    if analysis
        .named_feelings(0..analysis.response.tokens.len())
        .next()
        .is_some()
    {
        warmth += 0.05;
    }
    if analysis.has(|c| c == Cue::Defending) {
        warmth -= 0.25;
    }
    if decision.primary == Intent::Judgment {
        warmth = warmth.min(0.3);
    }
    warmth
}

/// Warmth of frame work: honest about confidentiality's limit, or agreeing
/// another part of the frame, it makes the room safer.
fn frame_warmth(analysis: &Analysis) -> f32 {
    let confidentiality = analysis.has(|c| c == Cue::Frame(FrameItem::Confidentiality));
    let limit = analysis.has(|c| {
        matches!(
            c,
            Cue::ConfidentialityLimit | Cue::Frame(FrameItem::ConfidentialityLimit)
        )
    });
    match (confidentiality, limit) {
        (true, true) => 0.15,
        (true, false) => -0.1,
        (false, _) => 0.1,
    }
}

fn repair(analysis: &Analysis, decision: &Decision) -> f32 {
    let self_disclosure_of_interaction = decision
        .votes
        .iter()
        .any(|v| v.rule == "self_disclosure.of_interaction");
    let value = |intent: Intent| -> f32 {
        match intent {
            Intent::AcknowledgeOwnPart => 0.9,
            Intent::Metacommunication => 0.8,
            Intent::AskingFeedback => 0.65,
            Intent::Validation => 0.6,
            Intent::Clarification => 0.6,
            Intent::ChangeTask => 0.6,
            Intent::Rationale => 0.55,
            Intent::SelfDisclosure if self_disclosure_of_interaction => 0.5,
            Intent::EmpathicReaction => 0.2,
            Intent::ReflectionComplex | Intent::ReflectionSimple | Intent::Summary => 0.2,
            _ => 0.0,
        }
    };
    let mut values: Vec<f32> = decision.labels().map(value).collect();
    values.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let mut repair = values.first().copied().unwrap_or(0.0);
    // Combining strategies ("You're right, I rushed you. What would help now?")
    // repairs more than one alone.
    repair += 0.1 * values.iter().skip(1).filter(|&&v| v >= 0.5).count() as f32;
    if analysis.client.rupture && repair >= 0.5 {
        repair += 0.1;
    }
    if analysis.has(|c| c == Cue::Defending) {
        repair -= 0.4;
    }
    for intent in decision.labels() {
        repair -= match intent {
            Intent::Judgment => 0.4,
            Intent::Persuasion => 0.3,
            Intent::Minimizing => 0.2,
            Intent::Advice if analysis.client.rupture => 0.2,
            Intent::Advice => 0.1,
            _ => 0.0,
        };
    }
    repair
}
