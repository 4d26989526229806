//! The drills screen: deliberate practice on one skill. The trainee picks a
//! drill, reads one client statement, answers it (typed, or picked from
//! options), gets feedback at once with the evidence highlighted in their own
//! words, says how hard it felt (which moves the level) and keeps a practice
//! diary with notes and a chart of reps and scores per day. The app-wide
//! presenter mode hides feedback and model responses until an instructor
//! reveals them.
//!
//! Everything a drill decides (feedback, statement order, levels, the diary
//! file) is the core's `rapport::drill`; this module only shows it:
//!
//! - [`state`]: what the screen keeps between frames, and the trainee's
//!   actions on it (choose, submit, rate, retry, skip, save a note);
//! - [`run`]: the practice run on one drill, replayed through the core;
//! - [`picker`]: the list of drills;
//! - [`practice`]: the statement, the answer or its feedback, the action bar;
//! - [`answer`]: the answer box, typed or picked from options;
//! - [`feedback`]: the verdict, scores, evidence and the model compared;
//! - [`highlight`]: the evidence spans laid out on their colours;
//! - [`diary`]: the practice diary beside the practice.

mod answer;
pub(in crate::app) mod diary;
mod feedback;
mod highlight;
mod picker;
mod practice;
mod run;
mod state;

use super::catalog::ScenariosDir;
use super::presenter::Presenter;
use super::screens::Screen;
use super::settings::{Settings, Theme};
use super::storage::Storage;
use super::theme::Palette;
use super::widgets::{Edge, nav_bar, palette, root_ui};
use bevy::prelude::*;
use bevy_egui::egui;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use highlight::Marks;
use rapport::drill::{DifficultyRating, PracticeDiary, drill_files_in, load_file};
use state::{Diary, DrillScreen};
use std::path::PathBuf;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(DrillScreen::new(rand::random::<u64>()))
        .init_resource::<DrillTourRequest>()
        .add_systems(OnEnter(Screen::Drills), load_drills)
        .add_systems(
            EguiPrimaryContextPass,
            draw_drills.run_if(in_state(Screen::Drills)),
        );
}

/// Where the app keeps the trainee's practice diary.
pub(in crate::app) fn diary_path(storage: &Storage) -> PathBuf {
    storage.root.join("practice-diary.ron")
}

/// The screenshot tour's hook: choose a drill and submit one typed response,
/// as a trainee would, so the picture shows real feedback.
#[derive(Resource, Default)]
pub(super) struct DrillTourRequest(Option<(String, String)>);

impl DrillTourRequest {
    pub(super) fn request(&mut self, drill_id: &str, response: &str) {
        self.0 = Some((drill_id.to_owned(), response.to_owned()));
    }
}

/// The colours and sizes every part of the screen draws with.
struct Look {
    palette: Palette,
    marks: Marks,
    body: f32,
    bubble_edge: Edge,
}

impl Look {
    fn font(&self) -> egui::FontId {
        egui::FontId::proportional(self.body)
    }
}

/// What the trainee asked for this frame, applied after drawing.
enum Action {
    Choose(String),
    Picker,
    Submit(String),
    Rate(DifficultyRating),
    Retry,
    Skip,
    Reveal,
    SaveNote,
    /// Turn the app-wide presenter mode on or off.
    Present(bool),
}

/// Reads the drills folder and the diary each time the screen opens, so an
/// edited drill or a sitting in the terminal shows up. Drills are a dozen
/// small files, read with the core loader (which never panics).
fn load_drills(
    dir: Res<ScenariosDir>,
    storage: Res<Storage>,
    settings: Res<Settings>,
    mut screen: ResMut<DrillScreen>,
) {
    let folder = dir.0.join("drills");
    match drill_files_in(&folder) {
        Ok(files) => {
            screen.files = files.iter().map(|path| load_file(path)).collect();
            screen.folder_problem = None;
        }
        Err(error) => {
            screen.files.clear();
            screen.folder_problem = Some(format!(
                "The drills folder {} could not be read: {error}",
                folder.display()
            ));
        }
    }
    screen.diary = match PracticeDiary::load_or_new(&diary_path(&storage), &settings.trainee) {
        Ok(diary) => Diary::Ready(diary),
        Err(error) => Diary::Unavailable(error.to_string()),
    };
}

fn draw_drills(
    mut contexts: EguiContexts,
    mut screen: ResMut<DrillScreen>,
    mut tour: ResMut<DrillTourRequest>,
    mut presenter: ResMut<Presenter>,
    settings: Res<Settings>,
    storage: Res<Storage>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let path = diary_path(&storage);
    if let Some((drill_id, response)) = tour.0.take() {
        screen.choose(&drill_id);
        screen.submit(response, &path);
    }
    let ctx = contexts.ctx_mut()?;
    let look = Look {
        palette: palette(&settings),
        marks: Marks::for_theme(settings.theme),
        bubble_edge: if settings.theme == Theme::HighContrast {
            Edge::Outlined
        } else {
            Edge::Flat
        },
        // The size egui actually uses, so anything that enlarges the text
        // (the setting, or presenter mode) scales this screen too.
        body: ctx
            .global_style()
            .text_styles
            .get(&egui::TextStyle::Body)
            .map_or(settings.text_size.body_points(), |font| font.size),
    };
    let mut action = None;
    let mut root = root_ui(ctx);
    nav_bar(&mut root, Screen::Drills, &mut next);
    let screen = &mut *screen;
    if screen.run.is_some() {
        // Keys 1-3 rate an answered statement, when no text box is in use.
        let typing = ctx.memory(|m| m.focused().is_some());
        if !typing && screen.run.as_ref().is_some_and(|r| r.answer.is_some()) {
            ctx.input(|input| {
                for (key, rating) in [
                    (egui::Key::Num1, DifficultyRating::TooEasy),
                    (egui::Key::Num2, DifficultyRating::GoodChallenge),
                    (egui::Key::Num3, DifficultyRating::TooHard),
                ] {
                    if input.key_pressed(key) {
                        action = Some(Action::Rate(rating));
                    }
                }
            });
        }
        practice::practice_view(&mut root, screen, presenter.on, &look, &path, &mut action);
    } else {
        picker::picker_view(&mut root, screen, &look, &mut action);
    }
    match action {
        Some(Action::Choose(id)) => screen.choose(&id),
        Some(Action::Picker) => screen.run = None,
        Some(Action::Submit(response)) => screen.submit(response, &path),
        Some(Action::Rate(rating)) => screen.rate(rating, &path),
        Some(Action::Retry) => screen.retry(),
        Some(Action::Skip) => screen.skip(),
        Some(Action::Reveal) => {
            if let Some(run) = screen.run.as_mut() {
                run.revealed = true;
            }
        }
        Some(Action::SaveNote) => screen.save_note(&path),
        Some(Action::Present(on)) => {
            presenter.on = on;
            // As the session's "Present" button does: scores start hidden.
            if on {
                presenter.revealed = false;
            }
        }
        None => {}
    }
    Ok(())
}

/// A bundled drill file, for the tests of every part of the screen.
#[cfg(test)]
fn bundled(id: &str) -> rapport::drill::LoadedDrill {
    load_file(
        &rapport::cli::default_scenarios_dir()
            .join("drills")
            .join(format!("{id}.ron")),
    )
}
