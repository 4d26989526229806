//! Assessing a real transcript (a role-play, a recorded session): every
//! counselor turn is classified in the context of what the client had just
//! said, the client's alliance moves by the same general rules as in a played
//! scenario, and the result is the same debrief.

mod markers;
mod transcript;

pub use transcript::{Speaker, Syntax, TranscriptError, Utterance, parse_transcript};

use crate::classify::{classify, read_client};
use crate::debrief::{Debrief, DebriefInput};
use crate::session::{Moment, TurnReading};
use crate::transcript::{Answer, ClientState, Turn, TurnScores};
use crate::vocab::{Intent, RuptureMarker, Skill};
use serde::Serialize;

/// A rupture marker found in the client's words, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundRupture {
    /// The counselor turn (0-based) that answered it.
    pub turn: usize,
    pub marker: RuptureMarker,
    pub client: String,
}

/// A scored transcript.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub turns: Vec<Turn>,
    pub ruptures: Vec<FoundRupture>,
    pub start: ClientState,
    pub end: ClientState,
    pub debrief: Debrief,
}

/// Scores a transcript. Consecutive lines by one speaker count as one turn.
pub fn assess(utterances: &[Utterance]) -> Assessment {
    let mut state = ClientState::NEUTRAL;
    let mut turns = Vec::new();
    let mut ruptures = Vec::new();
    let mut client_turn = String::new();
    let mut counselor_asked = false;
    for (speaker, text) in merged_turns(utterances) {
        match speaker {
            Speaker::Client => client_turn = text,
            Speaker::Counselor => {
                let reading = read_client(&client_turn);
                let marker = if client_turn.is_empty() {
                    None
                } else {
                    markers::detect(&client_turn, &reading, counselor_asked)
                };
                let classification = classify(&client_turn, &text);
                let moment = Moment {
                    rupture_live: marker.is_some(),
                    disclosure: reading.distress >= 3,
                    intense: reading.distress >= 2,
                };
                let scores = TurnScores::from_classification(&classification, marker.is_some());
                state.apply_general_rules(
                    &moment,
                    &TurnReading {
                        intent: classification.intent,
                        empathy: scores.empathy,
                        repair: scores.repair,
                    },
                );
                if let Some(marker) = marker {
                    ruptures.push(FoundRupture {
                        turn: turns.len(),
                        marker,
                        client: client_turn.clone(),
                    });
                }
                counselor_asked =
                    text.contains('?') || asks(classification.intent, &classification.secondary);
                turns.push(Turn {
                    node: format!("turn-{}", turns.len() + 1),
                    answer: Answer::Typed(text.clone()),
                    text,
                    client_line: std::mem::take(&mut client_turn),
                    intent: classification.intent,
                    secondary: classification.secondary,
                    scores,
                    epitome: Some(classification.epitome),
                    evidence: classification.evidence,
                    answered_rupture: marker,
                    emotional_moment: moment.disclosure || moment.intense,
                    explain: None,
                    shows: Vec::new(),
                    opportunities: Vec::new(),
                    frame: classification.frame,
                    state_after: state,
                    // A real session's clock is unknown; two minutes a turn, as in play.
                    minute: 2 * turns.len() as u32,
                });
            }
        }
    }
    let debrief = Debrief::build(&DebriefInput {
        turns: &turns,
        start: ClientState::NEUTRAL,
        end: state,
        exercised: Skill::ALL,
        contracting: &[],
        outcome: None,
    });
    Assessment {
        turns,
        ruptures,
        start: ClientState::NEUTRAL,
        end: state,
        debrief,
    }
}

/// Joins consecutive lines by the same speaker, skipping blank ones.
fn merged_turns(utterances: &[Utterance]) -> Vec<(Speaker, String)> {
    let mut merged: Vec<(Speaker, String)> = Vec::new();
    for utterance in utterances {
        let text = utterance.text.trim();
        if text.is_empty() {
            continue;
        }
        match merged.last_mut() {
            Some((speaker, joined)) if *speaker == utterance.speaker => {
                joined.push(' ');
                joined.push_str(text);
            }
            _ => merged.push((utterance.speaker, text.to_owned())),
        }
    }
    merged
}

fn asks(intent: Intent, secondary: &[Intent]) -> bool {
    let question = |i: &Intent| {
        matches!(
            i,
            Intent::OpenQuestion
                | Intent::ClosedQuestion
                | Intent::AskingFeedback
                | Intent::Clarification
        )
    };
    question(&intent) || secondary.iter().any(question)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(speaker: Speaker, text: &str) -> Utterance {
        Utterance {
            speaker,
            text: text.to_owned(),
        }
    }

    #[test]
    fn repair_is_scored_only_after_a_rupture() {
        use Speaker::*;
        let calm = assess(&[
            line(
                Client,
                "My sister has been helping with the kids since the divorce.",
            ),
            line(
                Counselor,
                "It sounds like she has been a real support to you.",
            ),
        ]);
        assert_eq!(calm.debrief.scores.repair, None);
        let strained = assess(&[
            line(
                Client,
                "Honestly, this isn't helping. You just keep asking the same questions.",
            ),
            line(
                Counselor,
                "You're right to say so, and I'm glad you did. I have been asking a lot of questions. What would make this more useful for you?",
            ),
        ]);
        assert_eq!(strained.ruptures.len(), 1);
        assert!(strained.debrief.scores.repair.is_some_and(|r| r >= 50));
    }

    #[test]
    fn consecutive_lines_form_one_turn_and_every_skill_is_rated() {
        use Speaker::*;
        let result = assess(&[
            line(Counselor, "Hi, come on in."),
            line(Counselor, "What brings you here today?"),
            line(
                Client,
                "I can't sleep. I keep thinking about losing my job.",
            ),
            line(
                Counselor,
                "You're worried, and it's keeping you up at night.",
            ),
        ]);
        assert_eq!(result.turns.len(), 2);
        assert_eq!(result.turns[0].client_line, "");
        assert_eq!(result.debrief.skills.len(), 10);
    }
}
