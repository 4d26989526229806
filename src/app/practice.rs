//! The practice in progress: which scenario is open, the session being
//! played, the attempt record it produces, and the trainee's past attempts.

use super::screens::Screen;
use super::storage::{PausedSession, Storage};
use bevy::prelude::*;
use chrono::{DateTime, Utc};
use rapport::debrief::Debrief;
use rapport::records::{AttemptRecord, RecordSet, Reflection};
use rapport::scenario::Scenario;
use rapport::session::Session;
use std::sync::Arc;

/// Prompts the trainee answers in writing after the debrief.
pub const REFLECTION_PROMPTS: [&str; 3] = [
    "At the moment you found hardest, what do you think was happening for the client?",
    "Which response would you change, and what would you say instead?",
    "What did you notice in yourself during the session (a judgement, an urge to fix, discomfort)? Is any of it worth taking to supervision?",
];

/// The state shared by the briefing, session and debrief screens.
#[derive(Resource, Default)]
pub struct Practice {
    pub scenario: Option<Arc<Scenario>>,
    pub session: Option<Session>,
    pub started_at: Option<DateTime<Utc>>,
    /// Text in the typed-response box.
    pub typed: String,
    /// The highlighted menu choice (keyboard 1-9 or a click).
    pub selected: Option<usize>,
    /// The attempt's record once the session has ended.
    pub record: Option<AttemptRecord>,
    pub debrief: Option<Debrief>,
    pub reflections: [String; 3],
    /// A message for the trainee (saved, or what went wrong).
    pub notice: Option<String>,
    /// The assignment set this attempt counts for, if any.
    pub assignment: Option<String>,
}

impl Practice {
    /// Opens a scenario's briefing.
    pub fn open(&mut self, scenario: Arc<Scenario>) {
        *self = Practice {
            scenario: Some(scenario),
            ..Practice::default()
        };
    }

    /// Starts a new session with a fresh seed.
    pub fn begin(&mut self) -> Result<(), String> {
        let scenario = self.scenario.clone().ok_or("no scenario is open")?;
        let seed = u64::from(rand::random::<u32>());
        self.session = Some(Session::new(scenario, seed).map_err(|e| e.to_string())?);
        self.started_at = Some(Utc::now());
        self.record = None;
        self.debrief = None;
        self.typed.clear();
        self.selected = None;
        self.notice = None;
        Ok(())
    }

    /// Resumes a paused session.
    pub fn resume(
        &mut self,
        scenario: Arc<Scenario>,
        paused: &PausedSession,
    ) -> Result<(), String> {
        let session =
            Session::resume(scenario.clone(), &paused.saved).map_err(|e| e.to_string())?;
        self.open(scenario);
        self.session = Some(session);
        self.started_at = Some(paused.started_at);
        self.assignment = paused.assignment.clone();
        Ok(())
    }

    /// Builds (or rebuilds, after a rewind) the attempt record and saves it.
    pub fn record_attempt(&mut self, storage: &Storage, trainee: &str) {
        let Some(session) = &self.session else { return };
        let started = self.started_at.unwrap_or_else(Utc::now);
        let mut record =
            AttemptRecord::from_session(session, trainee_or_anonymous(trainee), started);
        record.assignment = self.assignment.clone();
        if let Some(previous) = &self.record {
            // The same attempt, continued after a rewind: keep its identity.
            record.id = previous.id.clone();
            record.reflections = previous.reflections.clone();
        }
        self.debrief = Some(record.debrief.clone());
        self.notice = Some(match storage.save_attempt(&record) {
            Ok(_) => "Attempt saved.".to_owned(),
            Err(error) => format!("The attempt could not be saved: {error}"),
        });
        self.record = Some(record);
        storage.clear_paused();
    }

    /// Saves the written reflections with the attempt.
    pub fn save_reflections(&mut self, storage: &Storage) {
        let Some(record) = &mut self.record else {
            return;
        };
        record.reflections = REFLECTION_PROMPTS
            .iter()
            .zip(&self.reflections)
            .filter(|(_, answer)| !answer.trim().is_empty())
            .map(|(prompt, answer)| Reflection {
                prompt: (*prompt).to_owned(),
                answer: answer.trim().to_owned(),
            })
            .collect();
        self.notice = Some(match storage.save_attempt(record) {
            Ok(_) => format!(
                "{} reflection(s) saved with the attempt.",
                record.reflections.len()
            ),
            Err(error) => format!("The reflections could not be saved: {error}"),
        });
    }

    /// Saves the session in progress to resume later.
    pub fn pause(&mut self, storage: &Storage) -> Result<(), String> {
        let session = self.session.as_ref().ok_or("no session to pause")?;
        storage.save_paused(&PausedSession {
            saved: session.to_saved(),
            started_at: self.started_at.unwrap_or_else(Utc::now),
            scenario_title: session.scenario().meta.title.clone(),
            assignment: self.assignment.clone(),
        })
    }
}

fn trainee_or_anonymous(name: &str) -> &str {
    if name.trim().is_empty() {
        "anonymous"
    } else {
        name.trim()
    }
}

/// The trainee's past attempts, read from disk when the history or library needs them.
#[derive(Resource, Default)]
pub struct Attempts {
    pub set: RecordSet,
    pub stale: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Practice>()
        .insert_resource(Attempts {
            stale: true,
            ..default()
        })
        .add_systems(Update, reload_attempts_when_stale)
        .add_systems(OnEnter(Screen::History), mark_attempts_stale)
        .add_systems(OnEnter(Screen::Library), mark_attempts_stale);
}

fn mark_attempts_stale(mut attempts: ResMut<Attempts>) {
    attempts.stale = true;
}

fn reload_attempts_when_stale(mut attempts: ResMut<Attempts>, storage: Res<Storage>) {
    if attempts.stale {
        attempts.set = storage.load_attempts();
        attempts.stale = false;
    }
}
