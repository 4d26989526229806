//! The debrief: the three scores, MITI counts, frame coverage, the ten skills
//! with quoted evidence and advice, the client's voice, and a side-by-side of
//! branches left by rewinding. Built the same way for a played scenario and for
//! an assessed transcript.

mod client_voice;
mod skills;
pub mod text;
mod tips;

pub use client_voice::{AllianceRating, FeedbackAnswer, QUESTIONS};
pub use skills::{Quote, SkillRating, rating_for};

use crate::scoring::{
    DimensionScores, FrameCoverage, MitiSummary, dimension_scores, frame_coverage, miti,
};
use crate::session::Session;
use crate::transcript::{ClientState, Turn, TurnScores};
use crate::vocab::{FrameItem, Outcome, Skill};
use serde::{Deserialize, Serialize};

/// The scores of one branch, for comparing a rewound branch with the one kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BranchComparison {
    /// The turn (0-based) where the branches part.
    pub from_turn: usize,
    pub kept: DimensionScores,
    pub abandoned: DimensionScores,
    pub kept_ending: Option<String>,
    pub abandoned_ending: Option<String>,
    /// The first answer on each branch at the parting turn.
    pub kept_answer: Option<String>,
    pub abandoned_answer: Option<String>,
}

/// Everything shown after a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub scores: DimensionScores,
    pub per_turn: Vec<TurnScores>,
    pub miti: MitiSummary,
    pub frame: Option<FrameCoverage>,
    pub skills: Vec<SkillRating>,
    pub client_feedback: Vec<FeedbackAnswer>,
    pub alliance: AllianceRating,
    pub branches: Vec<BranchComparison>,
}

/// The inputs of a debrief, independent of where the turns came from.
pub struct DebriefInput<'a> {
    pub turns: &'a [Turn],
    pub start: ClientState,
    pub end: ClientState,
    pub exercised: &'a [Skill],
    pub contracting: &'a [FrameItem],
    pub outcome: Option<Outcome>,
}

impl Debrief {
    /// Builds the debrief for a list of turns.
    pub fn build(input: &DebriefInput<'_>) -> Debrief {
        let miti = miti(input.turns);
        let skills = skills::rate_all(&skills::SkillContext {
            turns: input.turns,
            exercised: input.exercised,
            bond_change: input.end.bond - input.start.bond,
            agreement_change: (input.end.goals + input.end.tasks)
                - (input.start.goals + input.start.tasks),
        });
        Debrief {
            scores: dimension_scores(input.turns),
            per_turn: input.turns.iter().map(|t| t.scores).collect(),
            frame: frame_coverage(input.contracting, input.turns),
            skills,
            client_feedback: client_voice::feedback(input.turns, &miti, &input.end),
            alliance: client_voice::alliance(input.turns, &input.end, input.outcome),
            miti,
            branches: Vec::new(),
        }
    }

    /// The debrief of a played session, with its rewound branches compared.
    pub fn for_session(session: &Session) -> Debrief {
        let scenario = session.scenario();
        let start = session
            .state_history()
            .first()
            .copied()
            .unwrap_or(*session.state());
        let mut debrief = Debrief::build(&DebriefInput {
            turns: session.turns(),
            start,
            end: *session.state(),
            exercised: &scenario.meta.skills,
            contracting: &scenario.meta.contracting,
            outcome: session.ending().map(|e| e.outcome),
        });
        debrief.branches = session
            .abandoned()
            .iter()
            .map(|branch| {
                let prefix = &session.turns()[..branch.from_turn.min(session.turns().len())];
                let abandoned_turns: Vec<Turn> =
                    prefix.iter().chain(&branch.turns).cloned().collect();
                BranchComparison {
                    from_turn: branch.from_turn,
                    kept: dimension_scores(session.turns()),
                    abandoned: dimension_scores(&abandoned_turns),
                    kept_ending: session.ending().map(|e| e.id.clone()),
                    abandoned_ending: branch.ending.clone(),
                    kept_answer: session
                        .turns()
                        .get(branch.from_turn)
                        .map(|t| t.text.clone()),
                    abandoned_answer: branch.turns.first().map(|t| t.text.clone()),
                }
            })
            .collect();
        debrief
    }

    /// The rating of one skill.
    pub fn skill(&self, skill: Skill) -> Option<&SkillRating> {
        self.skills.iter().find(|s| s.skill == skill)
    }
}
