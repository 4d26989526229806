//! The client's voice: answers to the five end-of-session feedback questions,
//! made from what actually happened, and the alliance as the client would
//! rate it (supportiveness and collaboration, after the helping-alliance
//! construct; no instrument's items are used).

use crate::scoring::MitiSummary;
use crate::transcript::{ClientState, Turn};
use crate::vocab::{Intent, Openness, Outcome};
use serde::{Deserialize, Serialize};

/// One feedback question and the client's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackAnswer {
    pub question: String,
    pub answer: String,
}

/// The five questions asked at the end of a session.
pub const QUESTIONS: [&str; 5] = [
    "What helped today?",
    "What worked for you in how we talked?",
    "What didn't work?",
    "Was anything unhelpful or annoying?",
    "What would you like more of, or less of?",
];

fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 14 {
        words.join(" ")
    } else {
        format!("{}...", words[..14].join(" "))
    }
}

fn felt(intent: Intent) -> &'static str {
    match intent {
        Intent::Advice => "like I was being told what to do before you knew the whole thing",
        Intent::Reassurance => "a bit brushed off, like I shouldn't feel what I feel",
        Intent::Minimizing => "like it didn't count for much",
        Intent::Judgment => "judged, honestly",
        Intent::Persuasion => "like I had to defend myself",
        Intent::ClosedQuestion => "like I was filling in a form",
        Intent::Greeting => "like we were wrapping up before we'd started",
        _ => "a bit lost, like we'd moved on from me",
    }
}

/// The client's answers to the five questions.
pub fn feedback(turns: &[Turn], miti: &MitiSummary, end: &ClientState) -> Vec<FeedbackAnswer> {
    let guarded = end.openness == Openness::Guarded;
    let best = turns.iter().max_by_key(|t| t.quality());
    let worst = turns.iter().min_by_key(|t| t.quality());
    let roadblocks: Vec<&Turn> = turns
        .iter()
        .filter(|t| t.intent.is_roadblock() || t.intent == Intent::Judgment)
        .collect();
    let unrepaired = turns
        .iter()
        .find(|t| t.answered_rupture.is_some() && t.scores.repair.is_some_and(|r| r < 50));
    let repaired = turns
        .iter()
        .find(|t| t.answered_rupture.is_some() && t.scores.repair.is_some_and(|r| r >= 60));
    let counts = &miti.counts;
    let reflections = counts.simple_reflections + counts.complex_reflections;
    let questions = counts.open_questions + counts.closed_questions;

    let helped = match best {
        Some(t) if t.quality() >= 60 => format!(
            "When you said \"{}\". I felt you actually got it.",
            short(&t.text)
        ),
        Some(_) if guarded => "I don't know. Not much, if I'm honest.".to_owned(),
        Some(_) => "Just having the time to say it out loud, I suppose.".to_owned(),
        None => "We didn't really get going.".to_owned(),
    };

    let worked = if let Some(t) = repaired {
        format!(
            "When things got awkward you didn't just carry on. \"{}\" made it easier to stay.",
            short(&t.text)
        )
    } else if reflections >= 2 && reflections >= questions {
        "You put what I said back to me in a way that made it clearer to me, not just repeated it."
            .to_owned()
    } else if turns.iter().any(|t| t.intent == Intent::AskingFeedback) {
        "Being asked what I thought about the session. Nobody usually asks.".to_owned()
    } else if turns.iter().any(|t| !t.frame.is_empty()) {
        "Knowing how it works: the time, what stays private. I like knowing where I stand."
            .to_owned()
    } else if guarded {
        "I'm not sure anything did yet.".to_owned()
    } else {
        "You let me talk without rushing me.".to_owned()
    };

    let did_not = match worst {
        Some(t) if t.quality() < 45 => format!(
            "When you said \"{}\". I felt {}.",
            short(&t.text),
            felt(t.intent)
        ),
        _ if questions > reflections + 2 => {
            "There were a lot of questions. I kept waiting for you to say something back."
                .to_owned()
        }
        _ => "Nothing stands out. Maybe it went quickly.".to_owned(),
    };

    let annoying = if let Some(t) = unrepaired {
        format!(
            "When I went quiet, or pushed back, and you said \"{}\", it felt like you hadn't noticed.",
            short(&t.text)
        )
    } else if roadblocks.len() >= 2 {
        "Being told how to feel better. I know it's meant kindly.".to_owned()
    } else if counts.closed_questions >= 3 {
        "All the yes-or-no questions. It felt like a checklist.".to_owned()
    } else {
        "No, not really.".to_owned()
    };

    let more_or_less = if roadblocks.len() >= 2 {
        "Less advice, more of you just understanding first.".to_owned()
    } else if questions > reflections + 1 {
        "Fewer questions, more of you telling me what you're hearing.".to_owned()
    } else if turns.iter().all(|t| t.intent != Intent::AskingFeedback) && turns.len() >= 4 {
        "More checking in with me about how it's going, maybe.".to_owned()
    } else {
        "More of the same, honestly.".to_owned()
    };

    [helped, worked, did_not, annoying, more_or_less]
        .into_iter()
        .zip(QUESTIONS)
        .map(|(answer, question)| FeedbackAnswer {
            question: question.to_owned(),
            answer,
        })
        .collect()
}

/// The alliance as the client would rate it, each part 0-100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AllianceRating {
    /// The counselor felt supportive and helpful (the first helping-alliance type).
    pub supportiveness: u8,
    /// We worked on this together (the second type).
    pub collaboration: u8,
    pub outcome: Option<Outcome>,
    pub dropout_risk: u8,
    /// One line in the client's words.
    pub summary: String,
}

/// Rates the alliance from the final state and the turns.
pub fn alliance(turns: &[Turn], end: &ClientState, outcome: Option<Outcome>) -> AllianceRating {
    let mean = |f: &dyn Fn(&Turn) -> u8| -> f32 {
        if turns.is_empty() {
            50.0
        } else {
            turns.iter().map(|t| f32::from(f(t))).sum::<f32>() / turns.len() as f32
        }
    };
    let warmth = mean(&|t| t.scores.warmth);
    let empathy = mean(&|t| t.scores.empathy);
    let supportiveness = (0.5 * end.bond as f32 + 0.25 * warmth + 0.25 * empathy)
        .round()
        .clamp(0.0, 100.0) as u8;
    let collaborative_moves = turns
        .iter()
        .filter(|t| {
            matches!(
                t.intent,
                Intent::AskingFeedback
                    | Intent::ChangeTask
                    | Intent::Rationale
                    | Intent::Summary
                    | Intent::Metacommunication
            )
        })
        .count() as f32;
    let collaboration = (0.35 * end.goals as f32
        + 0.35 * end.tasks as f32
        + (collaborative_moves * 10.0).min(30.0))
    .round()
    .clamp(0.0, 100.0) as u8;
    let summary = match (supportiveness >= 60, collaboration >= 60) {
        (true, true) => "I felt supported, and like we were in it together.",
        (true, false) => "You were kind, but I'm not sure where we're going with it.",
        (false, true) => "I can see the plan. I'm less sure you're on my side.",
        (false, false) => "I'm not sure this is for me.",
    };
    AllianceRating {
        supportiveness,
        collaboration,
        outcome,
        dropout_risk: end.dropout_risk().clamp(0, 100) as u8,
        summary: summary.to_owned(),
    }
}
