//! The debrief's words of advice, drawn from the techniques (creating a bond,
//! asking for feedback, preparing for empathy) and the six reflections for
//! when the alliance seems to fail. Written for a trainee, in plain words.

use crate::transcript::Turn;
use crate::vocab::{Intent, Skill};

/// What a trainee did well, quoting their own words.
pub fn done_well(skill: Skill, words: &str) -> String {
    let quoted = quote(words);
    let why = match skill {
        Skill::VerbalFluency => "it was clear, unhurried and easy for the client to take in",
        Skill::Warmth => "it carried a natural, caring response rather than a technique",
        Skill::Acceptance => "it took the client's experience as it was, without judging it",
        Skill::Empathy => "it showed you had stepped into the client's experience",
        Skill::IdentifyingFeelings => "it put words to a feeling the client was living with",
        Skill::RangeOfClients => "it met this particular client on their own terms",
        Skill::EngagingInWork => "it made the work something you do together",
        Skill::TunedToProgress => "it checked how the work was landing instead of assuming",
        Skill::ActingOnImpediments => {
            "it turned towards the strain in the relationship instead of around it"
        }
        Skill::ChoosingApproach => "it fitted the approach to what this client needs now",
    };
    format!("{quoted}: {why}.")
}

/// One concrete thing to try next time, chosen from the weakest evidence.
pub fn try_next(skill: Skill, weakest: Option<(&Turn, u8)>) -> String {
    if let Some((turn, measure)) = weakest
        && measure < 50
    {
        if turn.intent.is_roadblock() && turn.emotional_moment {
            return format!(
                "When you said {}, the client had just shared something painful. Next time, hold back the fix or the comfort for one turn and reflect the feeling first; prepare for empathy by noticing your own urge to make it better.",
                quote(&turn.text)
            );
        }
        if turn.answered_rupture.is_some() {
            return format!(
                "{} came right after a sign of strain. Try naming what you notice between you (\"I wonder if I pushed too quickly just now\") or owning your part before going on.",
                capitalise(&quote(&turn.text))
            );
        }
        if turn.intent == Intent::ClosedQuestion {
            return format!(
                "{} could be answered in a word. Try turning it into an open question or a reflection, so the client leads.",
                capitalise(&quote(&turn.text))
            );
        }
    }
    general_tip(skill).to_owned()
}

fn general_tip(skill: Skill) -> &'static str {
    match skill {
        Skill::VerbalFluency => {
            "Keep responses short, one idea at a time, in the client's own words; a single reflection lands better than three sentences."
        }
        Skill::Warmth => {
            "Let a natural human response show: a brief \"that sounds really hard\" before any question tells the client their life matters to you."
        }
        Skill::Acceptance => {
            "Practise suspending judgement: before you answer, notice any reaction of your own and set it aside; take what stays with you to supervision."
        }
        Skill::Empathy => {
            "Try reflecting the feeling under the words, not only the facts: \"you sound worn down by it\" rather than \"so it happened again\"."
        }
        Skill::IdentifyingFeelings => {
            "Name a specific feeling tentatively (\"I wonder if part of that is shame?\") and let the client correct you; the correction is useful too."
        }
        Skill::RangeOfClients => {
            "Ask this client how they prefer to talk and what would make the time useful, and adapt your language to theirs rather than the other way round."
        }
        Skill::EngagingInWork => {
            "Agree the goal and the next task together, and give the reason for any task you suggest, so the client chooses the work rather than complying with it."
        }
        Skill::TunedToProgress => {
            "Before the session ends, ask what helped, what did not, and what the client would like more or less of, then act on the answer next time."
        }
        Skill::ActingOnImpediments => {
            "When the client goes quiet or pushes back, stop and ask about it: invite talk about what is happening between you, and acknowledge your own part."
        }
        Skill::ChoosingApproach => {
            "Check the pace against the phase: build safety and stability before challenging, and explain why when you change the task."
        }
    }
}

/// The advice for a skill the session gave no chance to show.
pub fn not_observed(skill: Skill) -> &'static str {
    match skill {
        Skill::ActingOnImpediments => {
            "No strain in the relationship showed up this time, so repair was not observed. Try a rupture scenario to practise it."
        }
        Skill::ChoosingApproach => {
            "This session did not call for a choice of approach. Try a working-phase scenario, where pace and method matter."
        }
        Skill::RangeOfClients => {
            "Not observed here. Try the scenario with a client whose age, culture or way of talking differs from yours."
        }
        Skill::TunedToProgress => {
            "Not observed: there was no moment of checking how the work was going. Ask for feedback before the end of the session."
        }
        _ => "Not observed in this session.",
    }
}

fn quote(words: &str) -> String {
    let trimmed = words.trim();
    let short: String = trimmed.chars().take(140).collect();
    if short.len() < trimmed.len() {
        format!("\u{201c}{}\u{2026}\u{201d}", short.trim_end())
    } else {
        format!("\u{201c}{short}\u{201d}")
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}
