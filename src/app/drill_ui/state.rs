//! What the drills screen keeps between frames and screens, and the
//! trainee's actions on it: choose a drill, submit a response, rate it,
//! retry, skip, save a note. Each action that changes the diary saves it.

use super::run::{Answer, Run};
use bevy::prelude::*;
use rapport::drill::{
    DiaryNote, DifficultyRating, Drill, LoadedDrill, PracticeDiary, Rep, feedback,
};
use std::path::Path;
use std::sync::Arc;

/// Everything the drills screen keeps between frames and screens.
#[derive(Resource)]
pub(super) struct DrillScreen {
    /// Every file of the drills folder, loaded or broken, in file-name order.
    pub(super) files: Vec<LoadedDrill>,
    /// Why the drills folder itself could not be listed.
    pub(super) folder_problem: Option<String>,
    pub(super) diary: Diary,
    /// The drill being practised; `None` shows the picker.
    pub(super) run: Option<Run>,
    pub(super) answer_mode: AnswerMode,
    pub(super) typed: String,
    pub(super) note: String,
    /// What just happened (a level change, a save that failed).
    pub(super) notice: Option<(String, Tone)>,
    /// Focus the response box on the next frame (a new statement or a retry).
    pub(super) focus_response: bool,
    /// Mixed into each statement's option order, so it differs between sittings.
    seed: u64,
}

/// The practice diary as the screen holds it.
pub(super) enum Diary {
    NotRead,
    Ready(PracticeDiary),
    /// Unreadable (corrupt, or written by a newer Rapport): shown, and never
    /// overwritten, so a newer build's diary survives a visit to this one.
    Unavailable(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum AnswerMode {
    Type,
    Options,
}

#[derive(Clone, Copy)]
pub(super) enum Tone {
    Info,
    Problem,
}

impl DrillScreen {
    pub(super) fn new(seed: u64) -> DrillScreen {
        DrillScreen {
            files: Vec::new(),
            folder_problem: None,
            diary: Diary::NotRead,
            run: None,
            answer_mode: AnswerMode::Type,
            typed: String::new(),
            note: String::new(),
            notice: None,
            focus_response: false,
            seed,
        }
    }

    /// The drills that loaded, in file-name order.
    pub(super) fn drills(&self) -> impl Iterator<Item = &Drill> {
        self.files.iter().filter_map(|f| f.drill.as_ref())
    }

    pub(super) fn ready_diary(&self) -> Option<&PracticeDiary> {
        match &self.diary {
            Diary::Ready(diary) => Some(diary),
            _ => None,
        }
    }

    pub(super) fn choose(&mut self, drill_id: &str) {
        let Some(drill) = self.drills().find(|d| d.id == drill_id).cloned() else {
            return;
        };
        self.run = Some(Run::new(Arc::new(drill), self.ready_diary(), self.seed));
        self.typed.clear();
        self.notice = None;
        self.focus_response = true;
    }

    /// Gives feedback on a response at once and records it in the diary,
    /// unrated, so it is kept even if the trainee never rates it.
    pub(super) fn submit(&mut self, response: String, path: &Path) {
        let Some(run) = self.run.as_mut() else { return };
        let Some(statement) = run.statement() else {
            return;
        };
        let result = feedback(statement, &response);
        let mut recorded_at = None;
        if let Diary::Ready(diary) = &mut self.diary {
            let rep = Rep::from_feedback(&response, &result, None);
            recorded_at = Some(rep.at);
            diary.record(&run.drill, rep, run.level);
            self.notice = save(diary, path).map(|p| (p, Tone::Problem));
        }
        run.answer = Some(Answer {
            response,
            feedback: result,
            recorded_at,
        });
    }

    /// Rates the answer, moves the level and shows the next statement.
    pub(super) fn rate(&mut self, rating: DifficultyRating, path: &Path) {
        let seed = self.seed;
        let Some(run) = self.run.as_mut() else { return };
        let Some(decision) = run.rate(rating) else {
            return;
        };
        let Some(answer) = run.answer.take() else {
            return;
        };
        let mut problem = None;
        if let Diary::Ready(diary) = &mut self.diary {
            let mut rep = take_recorded_rep(diary, &run.drill.id, &answer)
                .unwrap_or_else(|| Rep::from_feedback(&answer.response, &answer.feedback, None));
            rep.rating = Some(rating);
            diary.record(&run.drill, rep, decision.next);
            problem = save(diary, path);
        }
        self.notice = Some(match problem {
            Some(problem) => (problem, Tone::Problem),
            None => (decision.describe(), Tone::Info),
        });
        run.advance(seed);
        self.typed.clear();
        self.focus_response = true;
    }

    pub(super) fn retry(&mut self) {
        let seed = self.seed;
        if let Some(run) = self.run.as_mut() {
            // The unrated rep stays in the diary, as in the terminal; the
            // response stays in the box to revise.
            if let Some(answer) = run.answer.take() {
                self.typed = answer.response;
            }
            run.retry(seed);
            self.notice = None;
            self.focus_response = true;
        }
    }

    pub(super) fn skip(&mut self) {
        let seed = self.seed;
        if let Some(run) = self.run.as_mut() {
            run.advance(seed);
            self.typed.clear();
            self.notice = None;
            self.focus_response = true;
        }
    }

    pub(super) fn save_note(&mut self, path: &Path) {
        let text = self.note.trim().to_owned();
        let (Some(run), Diary::Ready(diary)) = (&self.run, &mut self.diary) else {
            return;
        };
        if text.is_empty() {
            return;
        }
        diary
            .progress_mut(&run.drill)
            .notes
            .push(DiaryNote::now(&text));
        match save(diary, path) {
            Some(problem) => self.notice = Some((problem, Tone::Problem)),
            None => self.note.clear(),
        }
    }
}

/// The unrated rep this answer put in the diary, taken back out to be
/// recorded again with its rating; `None` if it is no longer the last one.
fn take_recorded_rep(diary: &mut PracticeDiary, drill_id: &str, answer: &Answer) -> Option<Rep> {
    let at = answer.recorded_at?;
    let reps = &mut diary.drills.get_mut(drill_id)?.reps;
    let last = reps.last()?;
    if last.at == at && last.response == answer.response && last.rating.is_none() {
        reps.pop()
    } else {
        None
    }
}

/// Saves the diary (atomically, owner-only: the core's save); a problem in words.
fn save(diary: &PracticeDiary, path: &Path) -> Option<String> {
    diary
        .save(path)
        .err()
        .map(|e| format!("The practice diary could not be saved: {e}"))
}

#[cfg(test)]
mod tests {
    use super::super::bundled;
    use super::*;
    use rapport::drill::Level;

    #[test]
    fn a_rated_rep_is_saved_once_with_its_rating_and_a_retry_keeps_it_unrated() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("practice-diary.ron");
        let mut screen = DrillScreen::new(3);
        screen.files = vec![bundled("reflecting-feelings")];
        screen.diary = Diary::Ready(PracticeDiary::new("sam"));
        screen.choose("reflecting-feelings");
        let model = |screen: &DrillScreen| {
            screen
                .run
                .as_ref()
                .and_then(Run::statement)
                .map(|s| s.models[0].text.clone())
                .expect("a statement")
        };
        let reps = || {
            PracticeDiary::load(&path).expect("saved").drills["reflecting-feelings"]
                .reps
                .clone()
        };
        screen.submit(model(&screen), &path);
        assert_eq!(reps().len(), 1);
        assert_eq!(reps()[0].rating, None, "kept at once, unrated");
        screen.rate(DifficultyRating::TooEasy, &path);
        let saved = reps();
        assert_eq!(saved.len(), 1, "rating updates the rep, not a second one");
        assert_eq!(saved[0].rating, Some(DifficultyRating::TooEasy));
        let diary = PracticeDiary::load(&path).expect("saved");
        assert_eq!(
            diary.drills["reflecting-feelings"].current_level,
            Level::Intermediate
        );
        assert_eq!(
            screen.run.as_ref().map(|r| r.level),
            Some(Level::Intermediate)
        );

        let response = model(&screen);
        screen.submit(response.clone(), &path);
        screen.retry();
        assert_eq!(screen.typed, response, "the response stays to revise");
        let saved = reps();
        assert_eq!(saved.len(), 2);
        assert_eq!(saved[1].rating, None);
        assert!(screen.run.as_ref().is_some_and(|r| r.answer.is_none()));
    }

    #[test]
    fn an_unreadable_diary_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("practice-diary.ron");
        std::fs::write(&path, "PracticeDiary(schema: 99)").expect("write");
        let error = PracticeDiary::load_or_new(&path, "sam").expect_err("newer schema");
        let mut screen = DrillScreen::new(3);
        screen.files = vec![bundled("validating")];
        screen.diary = Diary::Unavailable(error.to_string());
        screen.choose("validating");
        screen.submit("That makes sense.".into(), &path);
        assert!(screen.run.as_ref().is_some_and(|r| r.answer.is_some()));
        screen.rate(DifficultyRating::GoodChallenge, &path);
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "PracticeDiary(schema: 99)"
        );
    }
}
