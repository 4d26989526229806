//! One practice run on one drill: the statement showing, its shuffled
//! options, the answer given and the level, kept by replaying the core's
//! `PracticeRun`.

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use rapport::drill::{
    DifficultyRating, Drill, Feedback, Level, LevelDecision, Performance, PracticeDiary,
    PracticeRun, RepOutcome, Statement,
};
use std::sync::Arc;

/// One practice run on one drill.
///
/// The run keeps what the core needs to rebuild its `PracticeRun` (start
/// level, earlier outcomes, every step since) and replays it on each action:
/// one cheap step per statement shown or rated this sitting, and only on a
/// click. (The core's run now owns its drill, so it could be held directly.)
pub(super) struct Run {
    pub(super) drill: Arc<Drill>,
    start: Level,
    resumed: Vec<RepOutcome>,
    steps: Vec<Step>,
    pub(super) level: Level,
    /// The id of the statement showing.
    statement: Option<String>,
    /// Retries of the statement showing, so the options reshuffle.
    pub(super) tries: u32,
    /// Model responses and pitfalls in a seeded shuffle, for answering by picking.
    pub(super) options: Vec<String>,
    pub(super) answer: Option<Answer>,
    /// Presenter mode: the instructor has revealed feedback and models.
    pub(super) revealed: bool,
}

enum Step {
    Next,
    Rate(Level, Performance, DifficultyRating),
}

/// A response given to the statement showing, with its feedback.
pub(super) struct Answer {
    pub(super) response: String,
    pub(super) feedback: Feedback,
    /// When its rep went into the diary (unrated), so rating it later updates
    /// that rep instead of adding a second one.
    pub(super) recorded_at: Option<DateTime<Utc>>,
}

impl Run {
    pub(super) fn new(drill: Arc<Drill>, diary: Option<&PracticeDiary>, seed: u64) -> Run {
        // Resume where the diary left off, as `rapport drill --diary` does.
        let progress = diary.and_then(|d| d.drills.get(&drill.id));
        let start = progress.map_or(Level::Beginner, |p| p.current_level);
        let resumed = progress.map(|p| p.outcomes()).unwrap_or_default();
        let mut run = Run {
            drill,
            start,
            resumed,
            steps: Vec::new(),
            level: start,
            statement: None,
            tries: 0,
            options: Vec::new(),
            answer: None,
            revealed: false,
        };
        run.advance(seed);
        run
    }

    /// The core's run, rebuilt from the steps so far.
    fn replay(&self) -> PracticeRun {
        let mut run =
            PracticeRun::resume(Arc::clone(&self.drill), self.start, self.resumed.clone());
        for step in &self.steps {
            match *step {
                Step::Next => {
                    run.next_statement();
                }
                Step::Rate(level, performance, rating) => {
                    run.rate(level, performance, rating);
                }
            }
        }
        run
    }

    pub(super) fn statement(&self) -> Option<&Statement> {
        self.statement
            .as_deref()
            .and_then(|id| self.drill.statement(id))
    }

    /// Moves to the next statement at the current level.
    pub(super) fn advance(&mut self, seed: u64) {
        let (next, level) = {
            let mut run = self.replay();
            let next = run.next_statement().map(|s| s.id.clone());
            (next, run.level())
        };
        self.steps.push(Step::Next);
        self.statement = next;
        self.level = level;
        self.tries = 0;
        self.answer = None;
        self.revealed = false;
        self.shuffle(seed);
    }

    /// The same statement again: a fresh answer, options reshuffled.
    pub(super) fn retry(&mut self, seed: u64) {
        self.tries += 1;
        self.answer = None;
        self.revealed = false;
        self.shuffle(seed);
    }

    /// Rates the answered statement; the core decides the next level.
    pub(super) fn rate(&mut self, rating: DifficultyRating) -> Option<LevelDecision> {
        let answer = self.answer.as_ref()?;
        let (level, performance) = (answer.feedback.level, answer.feedback.performance);
        let decision = self.replay().rate(level, performance, rating);
        self.steps.push(Step::Rate(level, performance, rating));
        self.level = decision.next;
        Some(decision)
    }

    fn shuffle(&mut self, seed: u64) {
        let options = match self.statement() {
            Some(statement) => {
                let mut options: Vec<String> = statement
                    .models
                    .iter()
                    .map(|m| m.text.clone())
                    .chain(statement.pitfalls.iter().map(|p| p.text.clone()))
                    .collect();
                let mut rng = ChaCha8Rng::seed_from_u64(
                    seed ^ stable_hash(&statement.id) ^ u64::from(self.tries).rotate_left(32),
                );
                options.shuffle(&mut rng);
                options
            }
            None => Vec::new(),
        };
        self.options = options;
    }
}

/// FNV-1a: a hash that is the same on every build, unlike `DefaultHasher`.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::super::bundled;
    use super::*;
    use rapport::drill::feedback;

    #[test]
    fn a_run_replays_the_core_and_rates_through_next_level() {
        let drill = bundled("reflecting-feelings")
            .drill
            .expect("the bundled drill loads");
        let mut run = Run::new(Arc::new(drill), None, 7);
        assert_eq!(run.level, Level::Beginner);
        let first = run.statement.clone();
        assert!(first.is_some());
        assert_eq!(run.options.len(), 5, "three models and two pitfalls");
        let statement = run.statement().cloned().expect("a statement");
        run.answer = Some(Answer {
            response: statement.models[0].text.clone(),
            feedback: feedback(&statement, &statement.models[0].text),
            recorded_at: None,
        });
        let decision = run.rate(DifficultyRating::TooEasy).expect("rated");
        assert_eq!(decision.next, Level::Intermediate);
        run.advance(7);
        assert_eq!(run.level, Level::Intermediate);
        assert_eq!(run.statement().map(|s| s.level), Some(Level::Intermediate));
        assert_ne!(run.statement, first);
    }
}
