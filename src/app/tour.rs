//! `rapport --screenshot-tour DIR`: walks every screen in the real window,
//! saves one PNG per screen and exits. Used by the tests and for the README.

use super::catalog::{Catalog, ScenarioAsset, ScenariosDir};
use super::drill_ui::{DrillTourRequest, diary_path};
use super::practice::Practice;
use super::presenter::Presenter;
use super::screens::Screen;
use super::settings::{Settings, Theme};
use super::storage::Storage;
use super::supervisor_ui::RecordsView;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::winit::WinitSettings;
use rapport::drill::{DiaryNote, DifficultyRating, Level, PracticeDiary, Rep};
use rapport::records::AttemptRecord;
use rapport::session::{Session, Strategy, play_auto};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Frames to let a screen settle (layout, fonts, plots) before capturing it.
const SETTLE_FRAMES: u32 = 20;
/// Give up if a screenshot has not appeared on disk after this many frames.
const MAX_WAIT_FRAMES: u32 = 1200;

/// The scenario the tour plays, when present.
const TOUR_SCENARIO: &str = "quiet-tuesday";

/// The drill the tour practises, and a trainee's typed response to its first
/// statement: a fitting reflection that names no feeling, so the feedback has
/// something to teach.
const TOUR_DRILL: &str = "reflecting-feelings";
const TOUR_DRILL_RESPONSE: &str = "It sounds like work never stops, from seven in the morning to ten at night. Do you ever get a break?";

#[derive(Resource)]
struct Tour {
    dir: PathBuf,
    step: usize,
    frames: u32,
    waiting_for: Option<PathBuf>,
}

const SHOTS: [&str; 9] = [
    "01-library.png",
    "02-briefing.png",
    "03-session.png",
    "04-debrief.png",
    "05-history.png",
    "06-settings.png",
    "07-session-projector.png",
    "08-drill.png",
    "09-records.png",
];

pub(super) fn plugin(dir: PathBuf) -> impl Fn(&mut App) {
    move |app: &mut App| {
        // The tour must keep rendering without input.
        app.insert_resource(WinitSettings::game())
            .insert_resource(Tour {
                dir: dir.clone(),
                step: 0,
                frames: 0,
                waiting_for: None,
            })
            .add_systems(Update, run_tour);
    }
}

/// The app state a tour step reads and sets up.
#[derive(SystemParam)]
struct TourWorld<'w> {
    catalog: Res<'w, Catalog>,
    assets: Res<'w, Assets<ScenarioAsset>>,
    storage: Res<'w, Storage>,
    practice: ResMut<'w, Practice>,
    settings: ResMut<'w, Settings>,
    presenter: ResMut<'w, Presenter>,
    next: ResMut<'w, NextState<Screen>>,
    scenarios: Res<'w, ScenariosDir>,
    drill: ResMut<'w, DrillTourRequest>,
    records: ResMut<'w, RecordsView>,
}

fn run_tour(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    mut world: TourWorld,
    mut exit: MessageWriter<AppExit>,
) {
    tour.frames += 1;
    if let Some(path) = tour.waiting_for.clone() {
        if std::fs::metadata(&path).is_ok_and(|m| m.len() > 0) {
            tour.waiting_for = None;
            tour.step += 1;
            tour.frames = 0;
            if tour.step == SHOTS.len() {
                info!("screenshot tour finished: {}", tour.dir.display());
                exit.write(AppExit::Success);
            }
        } else if tour.frames > MAX_WAIT_FRAMES {
            error!("screenshot {} never appeared", path.display());
            exit.write(AppExit::error());
        }
        return;
    }
    if tour.step >= SHOTS.len() {
        return;
    }
    if tour.frames == 1 {
        if !world.catalog.all_loaded(&world.assets) || world.catalog.handles.is_empty() {
            tour.frames = 0;
            if world.catalog.generation > 10_000 {
                exit.write(AppExit::error());
            }
            return;
        }
        if let Err(message) = prepare_step(tour.step, &mut world) {
            error!("screenshot tour: {message}");
            exit.write(AppExit::error());
            return;
        }
    }
    if tour.frames >= SETTLE_FRAMES {
        let path = tour.dir.join(SHOTS[tour.step]);
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path.clone()));
        tour.waiting_for = Some(path);
        tour.frames = 0;
    }
}

fn prepare_step(step: usize, world: &mut TourWorld) -> Result<(), String> {
    let TourWorld {
        catalog,
        assets,
        storage,
        practice,
        settings,
        presenter,
        next,
        scenarios,
        drill,
        records,
    } = world;
    match step {
        0 => next.set(Screen::Library),
        1 => {
            let scenarios: Vec<_> = catalog
                .entries(assets)
                .filter_map(|l| l.scenario.clone())
                .collect();
            let scenario = scenarios
                .iter()
                .find(|s| s.meta.id == TOUR_SCENARIO)
                .or(scenarios.first())
                .cloned()
                .ok_or("no scenario loaded")?;
            practice.open(Arc::new(scenario));
            next.set(Screen::Briefing);
        }
        2 => {
            practice.begin()?;
            let session = practice.session.as_mut().ok_or("no session")?;
            play_some(session)?;
            next.set(Screen::Session);
        }
        3 => {
            let session = practice.session.as_mut().ok_or("no session")?;
            finish(session)?;
            practice.record_attempt(storage, "tour");
            practice.reflections[0] =
                "They expected me to be disappointed, and went quiet to protect themselves."
                    .to_owned();
            next.set(Screen::Debrief);
        }
        4 => {
            earlier_attempts(catalog, assets, storage)?;
            next.set(Screen::History);
        }
        5 => next.set(Screen::Settings),
        6 => {
            // Presenter mode: projector text, scores hidden, the branch map open.
            presenter.on = true;
            presenter.show_map = true;
            settings.theme = Theme::HighContrast;
            practice.begin()?;
            let session = practice.session.as_mut().ok_or("no session")?;
            play_some(session)?;
            next.set(Screen::Session);
        }
        7 => {
            // Back in the window and the light theme: a trainee practising alone.
            presenter.on = false;
            presenter.show_map = false;
            settings.theme = Theme::Light;
            earlier_drill_practice(&scenarios.0, storage)?;
            drill.request(TOUR_DRILL, TOUR_DRILL_RESPONSE);
            next.set(Screen::Drills);
        }
        8 => {
            // A supervisor reading the attempts folder, the newest attempt open.
            records.open_and_wait(storage.attempts_dir());
            records.selected = records.newest();
            next.set(Screen::Records);
        }
        _ => {}
    }
    Ok(())
}

/// Two attempts dated earlier in the week, so the history screen shows a trend
/// as a trainee who has practised a few times would see it.
fn earlier_attempts(
    catalog: &Catalog,
    assets: &Assets<ScenarioAsset>,
    storage: &Storage,
) -> Result<(), String> {
    let scenario = catalog
        .entries(assets)
        .filter_map(|l| l.scenario.clone())
        .find(|s| s.meta.id == TOUR_SCENARIO)
        .ok_or("the tour scenario is not loaded")?;
    let scenario = Arc::new(scenario);
    for (days_ago, strategy) in [(6, Strategy::Worst), (3, Strategy::Random)] {
        let session = play_auto(scenario.clone(), 7, strategy).map_err(|e| e.to_string())?;
        let started = chrono::Utc::now() - chrono::Duration::days(days_ago);
        let mut record = AttemptRecord::from_session(&session, "tour", started);
        record.ended_at = started + chrono::Duration::minutes(12);
        storage.save_attempt(&record)?;
    }
    Ok(())
}

/// Reps of the tour drill on three earlier days, improving, with a note, so
/// the drill's diary chart shows what a few days of practice look like.
fn earlier_drill_practice(scenarios: &Path, storage: &Storage) -> Result<(), String> {
    let path = scenarios.join("drills").join(format!("{TOUR_DRILL}.ron"));
    let drill = rapport::drill::load_file(&path)
        .drill
        .ok_or("the tour drill does not load")?;
    let statements: Vec<_> = drill.at_level(Level::Beginner).collect();
    let mut diary = PracticeDiary::new("tour");
    for (day, days_ago) in [5i64, 3, 1].into_iter().enumerate() {
        for rep_index in 0..2 + day {
            let statement = statements
                .get(rep_index % statements.len().max(1))
                .ok_or("the tour drill has no beginner statements")?;
            // Pitfalls more often on the first day, models later on.
            let text = match statement.pitfalls.first() {
                Some(pitfall) if rep_index + day < 2 => &pitfall.text,
                _ => {
                    &statement
                        .models
                        .get(rep_index % statement.models.len().max(1))
                        .ok_or("a tour drill statement has no models")?
                        .text
                }
            };
            let result = rapport::drill::feedback(statement, text);
            let mut rep = Rep::from_feedback(text, &result, Some(DifficultyRating::GoodChallenge));
            rep.at = chrono::Utc::now() - chrono::Duration::days(days_ago)
                + chrono::Duration::minutes(rep_index as i64 * 4);
            diary.record(&drill, rep, Level::Beginner);
        }
    }
    diary.progress_mut(&drill).notes.push(DiaryNote {
        at: chrono::Utc::now() - chrono::Duration::days(1),
        text: "Naming the feeling first felt clumsy, but the client said more when I did."
            .to_owned(),
    });
    diary.save(&diary_path(storage)).map_err(|e| e.to_string())
}

/// One typed response and a couple of choices, leaving the session open.
fn play_some(session: &mut Session) -> Result<(), String> {
    if session.accepts_typing() {
        session
            .respond("You seem a bit quieter today. I'm wondering what it's like for you to be here this morning.")
            .map_err(|e| e.to_string())?;
    }
    for _ in 0..2 {
        if session.is_finished() {
            break;
        }
        let Some(id) = best_choice(session) else {
            break;
        };
        let before = session.clone();
        session.choose(&id).map_err(|e| e.to_string())?;
        if session.is_finished() {
            // Keep the session open for the picture.
            *session = before;
            break;
        }
    }
    Ok(())
}

fn finish(session: &mut Session) -> Result<(), String> {
    for _ in 0..rapport::session::MAX_AUTO_TURNS {
        if session.is_finished() {
            return Ok(());
        }
        match best_choice(session) {
            Some(id) => session.choose(&id).map(|_| ()),
            None => session.respond("Mm.").map(|_| ()),
        }
        .map_err(|e| e.to_string())?;
    }
    Err("the scenario did not end".to_owned())
}

fn best_choice(session: &Session) -> Option<String> {
    session
        .choices()
        .iter()
        .max_by_key(|c| {
            u32::from(c.scores.empathy)
                + u32::from(c.scores.warmth)
                + u32::from(c.scores.repair.unwrap_or(0))
        })
        .map(|c| c.id.clone())
}
