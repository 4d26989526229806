//! Playing a validated scenario: advancing through client lines, offering the
//! choices whose conditions hold, taking a choice or a typed response, and
//! rewinding. The session is a pure function of (scenario, seed, answers), so
//! saving it means saving the answers, and resuming means replaying them.

use super::order::shown_order;
use super::state::{Moment, TurnReading};
use crate::classify::classify;
use crate::scenario::{Choice, Condition, Ending, Node, NodeIndex, Route, Scenario, TraineeTurn};
use crate::transcript::{Answer, ClientState, Line, Turn, TurnScores};
use crate::vocab::{Intent, RuptureMarker};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use thiserror::Error;

/// Safety valve: a scenario whose authored loop never reaches a trainee turn
/// or an ending would otherwise spin forever.
const MAX_AUTOMATIC_STEPS: usize = 10_000;

/// What can go wrong while playing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SessionError {
    #[error("the session has ended")]
    Finished,
    #[error("\"{0}\" is not a choice on offer here")]
    NoSuchChoice(String),
    #[error("typed responses are not accepted at this turn")]
    TypingNotAllowed,
    #[error("the response is empty")]
    EmptyResponse,
    #[error("there is no trainee turn number {0} to rewind to")]
    NoSuchTurn(usize),
    #[error("the story loops without reaching a choice or an ending (at \"{0}\")")]
    Loop(String),
}

/// A branch the trainee left by rewinding, kept for comparison in the debrief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbandonedBranch {
    /// The trainee turn the branch left from (0-based).
    pub from_turn: usize,
    /// The answers given on the abandoned branch from that turn on.
    pub answers: Vec<Answer>,
    pub turns: Vec<Turn>,
    pub ending: Option<String>,
}

/// A session in progress (or finished).
#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    seed: u64,
    rng: ChaCha8Rng,
    answers: Vec<Answer>,
    current: NodeIndex,
    state: ClientState,
    flags: HashMap<String, bool>,
    visited: HashSet<String>,
    chosen: HashSet<String>,
    lines: Vec<Line>,
    turns: Vec<Turn>,
    states: Vec<ClientState>,
    moment: Moment,
    live_rupture: Option<RuptureMarker>,
    last_client_line: String,
    minute: u32,
    session_number: u32,
    abandoned: Vec<AbandonedBranch>,
}

impl Session {
    /// Starts a scenario with a seed for every random draw.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Result<Self, SessionError> {
        let state = ClientState::from_initial(&scenario.client.initial);
        let flags = scenario.flags.iter().cloned().collect();
        let session_number = scenario.meta.session_number;
        let mut session = Session {
            current: scenario.start,
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            answers: Vec::new(),
            state,
            flags,
            visited: HashSet::new(),
            chosen: HashSet::new(),
            lines: Vec::new(),
            turns: Vec::new(),
            states: vec![state],
            moment: Moment::default(),
            live_rupture: None,
            last_client_line: String::new(),
            minute: 0,
            session_number,
            abandoned: Vec::new(),
            scenario,
        };
        session.advance()?;
        Ok(session)
    }

    /// Rebuilds a session by replaying answers from the start.
    pub fn replay(
        scenario: Arc<Scenario>,
        seed: u64,
        answers: &[Answer],
    ) -> Result<Self, SessionError> {
        let mut session = Session::new(scenario, seed)?;
        for answer in answers {
            session.answer(answer.clone())?;
        }
        Ok(session)
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Every answer given on the current branch, in order.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    pub fn state(&self) -> &ClientState {
        &self.state
    }

    /// The client's state before the first turn and after each turn.
    pub fn state_history(&self) -> &[ClientState] {
        &self.states
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    pub fn abandoned(&self) -> &[AbandonedBranch] {
        &self.abandoned
    }

    /// Story time elapsed in minutes.
    pub fn minute(&self) -> u32 {
        self.minute
    }

    /// The session number in the course of therapy (changes in multi-session arcs).
    pub fn session_number(&self) -> u32 {
        self.session_number
    }

    /// The rupture marker the trainee is answering now, if any.
    pub fn live_rupture(&self) -> Option<RuptureMarker> {
        self.live_rupture
    }

    /// The ending reached, once the session is over.
    pub fn ending(&self) -> Option<&Ending> {
        match self.scenario.node(self.current) {
            Node::Ending(ending) => Some(ending),
            _ => None,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.ending().is_some()
    }

    /// The trainee turn waiting for an answer.
    pub fn pending_turn(&self) -> Option<&TraineeTurn> {
        match self.scenario.node(self.current) {
            Node::Trainee(turn) => Some(turn),
            _ => None,
        }
    }

    /// The choices on offer now, conditions applied, in the order they are
    /// shown: drawn from the seed and the turn (see [`super::order`]), so
    /// keys 1-9 follow this order and a rewind or resume shows it again.
    pub fn choices(&self) -> Vec<&Choice> {
        self.pending_turn()
            .map(|turn| {
                shown_order(self.seed, &turn.id, turn.choices.len())
                    .into_iter()
                    .filter_map(|at| turn.choices.get(at))
                    .filter(|c| self.holds(c.when.as_ref()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the trainee may type a response now.
    pub fn accepts_typing(&self) -> bool {
        self.pending_turn().is_some_and(|t| t.typed.is_some())
    }

    /// Answers the pending turn.
    pub fn answer(&mut self, answer: Answer) -> Result<&Turn, SessionError> {
        match &answer {
            Answer::Choice(id) => self.choose(id),
            Answer::Typed(text) => self.respond(text),
        }
    }

    /// Takes a menu choice by id.
    pub fn choose(&mut self, choice_id: &str) -> Result<&Turn, SessionError> {
        if self.is_finished() {
            return Err(SessionError::Finished);
        }
        let choice = self
            .choices()
            .into_iter()
            .find(|c| c.id == choice_id)
            .cloned()
            .ok_or_else(|| SessionError::NoSuchChoice(choice_id.to_owned()))?;
        let node = self.scenario.node(self.current).id().to_owned();
        let scores = TurnScores {
            empathy: choice.scores.empathy,
            warmth: choice.scores.warmth,
            repair: self.live_rupture.map(|_| {
                choice
                    .scores
                    .repair
                    .unwrap_or_else(|| default_repair(choice.intent))
            }),
        };
        self.state.apply(&choice.effects);
        self.apply_flags(&choice.effects.set, &choice.effects.clear);
        self.chosen.insert(choice.id.clone());
        let turn = Turn {
            node,
            answer: Answer::Choice(choice.id.clone()),
            text: choice.text.clone(),
            client_line: self.last_client_line.clone(),
            intent: choice.intent,
            secondary: Vec::new(),
            scores,
            epitome: None,
            evidence: Vec::new(),
            answered_rupture: self.live_rupture,
            emotional_moment: self.moment.disclosure || self.moment.intense,
            explain: choice.explain.clone(),
            shows: choice.shows.clone(),
            opportunities: self.opportunities(),
            frame: choice.frame.clone(),
            state_after: self.state,
            minute: self.minute,
        };
        self.finish_turn(turn, choice.next)
    }

    /// Takes a typed response: the classifier reads it, its intent picks the
    /// route, and its scores become the turn's scores.
    pub fn respond(&mut self, text: &str) -> Result<&Turn, SessionError> {
        if self.is_finished() {
            return Err(SessionError::Finished);
        }
        let typed = self
            .pending_turn()
            .and_then(|t| t.typed.clone())
            .ok_or(SessionError::TypingNotAllowed)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(SessionError::EmptyResponse);
        }
        let reading = classify(&self.last_client_line, text);
        let route: &Route = typed
            .routes
            .iter()
            .find(|r| r.intents.contains(&reading.intent))
            .unwrap_or(&typed.fallback);
        let scores = TurnScores::from_classification(&reading, self.live_rupture.is_some());
        self.state.apply(&route.effects);
        self.apply_flags(&route.effects.set, &route.effects.clear);
        let turn = Turn {
            node: self.scenario.node(self.current).id().to_owned(),
            answer: Answer::Typed(text.to_owned()),
            text: text.to_owned(),
            client_line: self.last_client_line.clone(),
            intent: reading.intent,
            secondary: reading.secondary.clone(),
            scores,
            epitome: Some(reading.epitome),
            evidence: reading.evidence.clone(),
            answered_rupture: self.live_rupture,
            emotional_moment: self.moment.disclosure || self.moment.intense,
            explain: route.explain.clone(),
            shows: Vec::new(),
            opportunities: self.opportunities(),
            frame: reading.frame.clone(),
            state_after: self.state,
            minute: self.minute,
        };
        let next = route.next;
        self.finish_turn(turn, next)
    }

    /// Goes back to before trainee turn `turn_index` (0-based), keeping the
    /// branch being left so the debrief can compare the two.
    pub fn rewind_to(&mut self, turn_index: usize) -> Result<(), SessionError> {
        if turn_index >= self.turns.len() {
            return Err(SessionError::NoSuchTurn(turn_index));
        }
        let branch = AbandonedBranch {
            from_turn: turn_index,
            answers: self.answers[turn_index..].to_vec(),
            turns: self.turns[turn_index..].to_vec(),
            ending: self.ending().map(|e| e.id.clone()),
        };
        let mut abandoned = std::mem::take(&mut self.abandoned);
        abandoned.push(branch);
        let mut replayed = Session::replay(
            self.scenario.clone(),
            self.seed,
            &self.answers[..turn_index],
        )?;
        replayed.abandoned = abandoned;
        *self = replayed;
        Ok(())
    }

    /// Restores branches left earlier (used when resuming a saved session).
    pub fn restore_abandoned(&mut self, branches: Vec<AbandonedBranch>) {
        self.abandoned = branches;
    }

    fn finish_turn(&mut self, mut turn: Turn, next: NodeIndex) -> Result<&Turn, SessionError> {
        self.state.apply_general_rules(
            &self.moment,
            &TurnReading {
                intent: turn.intent,
                empathy: turn.scores.empathy,
                repair: turn.scores.repair,
            },
        );
        turn.state_after = self.state;
        self.states.push(self.state);
        self.answers.push(turn.answer.clone());
        let index = self.turns.len();
        self.lines.push(Line::Trainee {
            node: turn.node.clone(),
            turn: index,
            text: turn.text.clone(),
            minute: self.minute,
        });
        self.turns.push(turn);
        self.live_rupture = None;
        self.moment = Moment::default();
        self.minute += 2;
        self.current = next;
        self.advance()?;
        Ok(&self.turns[index])
    }

    /// Every skill some choice at the pending turn demonstrates.
    fn opportunities(&self) -> Vec<crate::vocab::Skill> {
        let mut skills: Vec<_> = self
            .pending_turn()
            .map(|t| {
                t.choices
                    .iter()
                    .flat_map(|c| c.shows.iter().copied())
                    .collect()
            })
            .unwrap_or_default();
        skills.sort();
        skills.dedup();
        skills
    }

    fn apply_flags(&mut self, set: &[String], clear: &[String]) {
        for name in set {
            self.flags.insert(name.clone(), true);
        }
        for name in clear {
            self.flags.insert(name.clone(), false);
        }
    }

    /// Moves through client lines and narration until a trainee turn or an ending.
    fn advance(&mut self) -> Result<(), SessionError> {
        for _ in 0..MAX_AUTOMATIC_STEPS {
            let node = self.scenario.node(self.current).clone();
            self.visited.insert(node.id().to_owned());
            match node {
                Node::Client(turn) => {
                    let pool = match self.state.openness {
                        crate::vocab::Openness::Guarded if !turn.says_if_guarded.is_empty() => {
                            &turn.says_if_guarded
                        }
                        crate::vocab::Openness::Open if !turn.says_if_open.is_empty() => {
                            &turn.says_if_open
                        }
                        _ => &turn.says,
                    };
                    let text = pool[self.rng.random_range(0..pool.len())].clone();
                    self.state.apply(&turn.effects);
                    self.apply_flags(&turn.effects.set, &turn.effects.clear);
                    self.moment = Moment {
                        rupture_live: turn.rupture.is_some(),
                        disclosure: turn.disclosure,
                        intense: turn.emotion.is_intense(),
                    };
                    self.live_rupture = turn.rupture;
                    self.last_client_line = text.clone();
                    self.lines.push(Line::Client {
                        node: turn.id,
                        text,
                        cue: turn.cue,
                        emotion: turn.emotion,
                        rupture: turn.rupture,
                        minute: self.minute,
                    });
                    self.minute += 1;
                    self.current = turn.next;
                }
                Node::Narration(narration) => {
                    self.state.apply(&narration.effects);
                    self.apply_flags(&narration.effects.set, &narration.effects.clear);
                    if let Some(number) = narration.session {
                        self.session_number = number;
                        self.minute = 0;
                    }
                    self.lines.push(Line::Narration {
                        node: narration.id,
                        text: narration.text,
                        session: narration.session,
                    });
                    self.current = narration.next;
                }
                Node::Ending(ending) => {
                    self.lines.push(Line::Ending {
                        node: ending.id,
                        outcome: ending.outcome,
                        title: ending.title,
                        text: ending.text,
                    });
                    return Ok(());
                }
                Node::Trainee(_) => return Ok(()),
            }
        }
        Err(SessionError::Loop(
            self.scenario.node(self.current).id().to_owned(),
        ))
    }

    fn holds(&self, condition: Option<&Condition>) -> bool {
        let Some(condition) = condition else {
            return true;
        };
        match condition {
            Condition::Flag(name) => self.flags.get(name).copied().unwrap_or(false),
            Condition::NotFlag(name) => !self.flags.get(name).copied().unwrap_or(false),
            Condition::AtLeast(var, value) => self.state.get(*var) >= *value,
            Condition::Below(var, value) => self.state.get(*var) < *value,
            Condition::OpennessAtLeast(level) => self.state.openness.rank() >= level.rank(),
            Condition::Visited(id) => self.visited.contains(id),
            Condition::Chose(id) => self.chosen.contains(id),
            Condition::All(items) => items.iter().all(|c| self.holds(Some(c))),
            Condition::Any(items) => items.iter().any(|c| self.holds(Some(c))),
            Condition::Not(inner) => !self.holds(Some(inner)),
        }
    }
}

/// Repair credited to a menu choice that answers a rupture without an authored
/// repair score: resolution strategies earn most, roadblocks least.
fn default_repair(intent: Intent) -> u8 {
    if intent.is_repair_move() {
        70
    } else if intent.is_roadblock() || intent == Intent::Judgment {
        10
    } else if intent.is_reflection() || intent == Intent::EmpathicReaction {
        50
    } else {
        25
    }
}
