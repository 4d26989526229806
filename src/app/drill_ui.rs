//! The drills screen: deliberate practice on one skill. The trainee picks a
//! drill, reads one client statement, answers it (typed, or picked from
//! options), gets feedback at once with the evidence highlighted in their own
//! words, says how hard it felt (which moves the level) and keeps a practice
//! diary with notes and a chart of reps and scores per day. A presenter mode
//! hides feedback and model responses until an instructor reveals them.
//!
//! Everything a drill decides (feedback, statement order, levels, the diary
//! file) is the core's `rapport::drill`; this file only shows it.

use super::catalog::ScenariosDir;
use super::charts::{Axes, Series, chart_height, line_chart};
use super::screens::Screen;
use super::settings::{Settings, Theme};
use super::storage::Storage;
use super::theme::Palette;
use super::widgets::{chips, nav_bar, palette, root_ui, words};
use bevy::prelude::*;
use bevy_egui::egui::text::{LayoutJob, TextFormat};
use bevy_egui::egui::{self, Color32, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use chrono::{DateTime, NaiveDate, Utc};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use rapport::classify::Evidence;
use rapport::drill::{
    DiaryNote, DifficultyRating, Drill, Feedback, Level, LevelChange, LevelDecision, LoadedDrill,
    Performance, PracticeDiary, PracticeRun, Rep, RepOutcome, Statement, drill_files_in, feedback,
    load_file,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Evidence lines listed under the response; more repeats what is highlighted.
const MAX_EVIDENCE_LINES: usize = 8;
/// Notes listed in the diary panel, newest first.
const NOTES_SHOWN: usize = 5;

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
pub(super) fn diary_path(storage: &Storage) -> PathBuf {
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

/// Everything the drills screen keeps between frames and screens.
#[derive(Resource)]
struct DrillScreen {
    /// Every file of the drills folder, loaded or broken, in file-name order.
    files: Vec<LoadedDrill>,
    /// Why the drills folder itself could not be listed.
    folder_problem: Option<String>,
    diary: Diary,
    /// The drill being practised; `None` shows the picker.
    run: Option<Run>,
    presenter: bool,
    answer_mode: AnswerMode,
    typed: String,
    note: String,
    /// What just happened (a level change, a save that failed).
    notice: Option<(String, Tone)>,
    /// Focus the response box on the next frame (a new statement or a retry).
    focus_response: bool,
    /// Mixed into each statement's option order, so it differs between sittings.
    seed: u64,
}

/// The practice diary as the screen holds it.
enum Diary {
    NotRead,
    Ready(PracticeDiary),
    /// Unreadable (corrupt, or written by a newer Rapport): shown, and never
    /// overwritten, so a newer build's diary survives a visit to this one.
    Unavailable(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AnswerMode {
    Type,
    Options,
}

#[derive(Clone, Copy)]
enum Tone {
    Info,
    Problem,
}

/// One practice run on one drill.
///
/// The core's `PracticeRun` borrows its drill, and a Bevy resource must own
/// its data, so the run keeps what the core needs to rebuild it (start level,
/// earlier outcomes, every step since) and replays it on each action: one
/// cheap step per statement shown or rated this sitting, and only on a click.
struct Run {
    drill: Arc<Drill>,
    start: Level,
    resumed: Vec<RepOutcome>,
    steps: Vec<Step>,
    level: Level,
    /// The id of the statement showing.
    statement: Option<String>,
    /// Retries of the statement showing, so the options reshuffle.
    tries: u32,
    /// Model responses and pitfalls in a seeded shuffle, for answering by picking.
    options: Vec<String>,
    answer: Option<Answer>,
    /// Presenter mode: the instructor has revealed feedback and models.
    revealed: bool,
}

enum Step {
    Next,
    Rate(Level, Performance, DifficultyRating),
}

/// A response given to the statement showing, with its feedback.
struct Answer {
    response: String,
    feedback: Feedback,
    /// When its rep went into the diary (unrated), so rating it later updates
    /// that rep instead of adding a second one.
    recorded_at: Option<DateTime<Utc>>,
}

impl Run {
    fn new(drill: Arc<Drill>, diary: Option<&PracticeDiary>, seed: u64) -> Run {
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
    fn replay(&self) -> PracticeRun<'_> {
        let mut run = PracticeRun::resume(&self.drill, self.start, self.resumed.clone());
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

    fn statement(&self) -> Option<&Statement> {
        self.statement
            .as_deref()
            .and_then(|id| self.drill.statement(id))
    }

    /// Moves to the next statement at the current level.
    fn advance(&mut self, seed: u64) {
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
    fn retry(&mut self, seed: u64) {
        self.tries += 1;
        self.answer = None;
        self.revealed = false;
        self.shuffle(seed);
    }

    /// Rates the answered statement; the core decides the next level.
    fn rate(&mut self, rating: DifficultyRating) -> Option<LevelDecision> {
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

impl DrillScreen {
    fn new(seed: u64) -> DrillScreen {
        DrillScreen {
            files: Vec::new(),
            folder_problem: None,
            diary: Diary::NotRead,
            run: None,
            presenter: false,
            answer_mode: AnswerMode::Type,
            typed: String::new(),
            note: String::new(),
            notice: None,
            focus_response: false,
            seed,
        }
    }

    fn drills(&self) -> impl Iterator<Item = &Drill> {
        self.files.iter().filter_map(|f| f.drill.as_ref())
    }

    fn ready_diary(&self) -> Option<&PracticeDiary> {
        match &self.diary {
            Diary::Ready(diary) => Some(diary),
            _ => None,
        }
    }

    fn choose(&mut self, drill_id: &str) {
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
    fn submit(&mut self, response: String, path: &Path) {
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
    fn rate(&mut self, rating: DifficultyRating, path: &Path) {
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
        let moved = match decision.change {
            LevelChange::Up => format!("Up to {}.", decision.next),
            LevelChange::Down => format!("Down to {}.", decision.next),
            LevelChange::Stay => format!("Staying at {}.", decision.next),
        };
        self.notice = Some(match problem {
            Some(problem) => (problem, Tone::Problem),
            None => (format!("{moved} {}", decision.reason), Tone::Info),
        });
        run.advance(seed);
        self.typed.clear();
        self.focus_response = true;
    }

    fn retry(&mut self) {
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

    fn skip(&mut self) {
        let seed = self.seed;
        if let Some(run) = self.run.as_mut() {
            run.advance(seed);
            self.typed.clear();
            self.notice = None;
            self.focus_response = true;
        }
    }

    fn save_note(&mut self, path: &Path) {
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
}

fn draw_drills(
    mut contexts: EguiContexts,
    mut screen: ResMut<DrillScreen>,
    mut tour: ResMut<DrillTourRequest>,
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
    let palette = palette(&settings);
    let look = Look {
        palette,
        marks: Marks::for_theme(settings.theme),
        high_contrast: settings.theme == Theme::HighContrast,
        // The size egui actually uses, so anything that enlarges the text
        // (the setting, or a presenter mode elsewhere) scales this screen too.
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
        practice_view(&mut root, screen, &look, &path, &mut action);
    } else {
        picker_view(&mut root, screen, &look, &mut action);
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
        None => {}
    }
    Ok(())
}

/// The colours and sizes every part of the screen draws with.
struct Look {
    palette: Palette,
    marks: Marks,
    body: f32,
    high_contrast: bool,
}

impl Look {
    fn font(&self) -> egui::FontId {
        egui::FontId::proportional(self.body)
    }
}

/// What an evidence span shows, for its highlight colour.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// The move the response makes (an intent).
    Move,
    /// A roadblock, or a roadblock right after something painful.
    Roadblock,
    Feeling,
    ClientWords,
    Hedge,
    Frame,
}

impl Mark {
    fn of(label: &str) -> Mark {
        match label {
            "feeling_word" => Mark::Feeling,
            "client_words" => Mark::ClientWords,
            "hedge" => Mark::Hedge,
            "frame" => Mark::Frame,
            "painful_moment" => Mark::Roadblock,
            intent => match rapport::vocab::Intent::parse(intent) {
                Some(intent) if intent.is_roadblock() => Mark::Roadblock,
                _ => Mark::Move,
            },
        }
    }
}

/// Highlight fills per theme, each paired with a text colour that reads on
/// it: pale fills with dark text in the light theme, deep fills with white
/// text in the dark one, and saturated fills with black text in high contrast.
struct Marks {
    text: Color32,
    fills: [Color32; 6],
}

impl Marks {
    fn for_theme(theme: Theme) -> Marks {
        match theme {
            Theme::Light => Marks {
                text: Color32::from_rgb(20, 20, 24),
                fills: [
                    Color32::from_rgb(204, 222, 250),
                    Color32::from_rgb(250, 208, 202),
                    Color32::from_rgb(200, 236, 208),
                    Color32::from_rgb(252, 234, 168),
                    Color32::from_rgb(232, 216, 246),
                    Color32::from_rgb(196, 236, 236),
                ],
            },
            Theme::Dark => Marks {
                text: Color32::WHITE,
                fills: [
                    Color32::from_rgb(40, 72, 128),
                    Color32::from_rgb(120, 40, 40),
                    Color32::from_rgb(32, 96, 58),
                    Color32::from_rgb(104, 86, 18),
                    Color32::from_rgb(82, 52, 112),
                    Color32::from_rgb(24, 88, 94),
                ],
            },
            Theme::HighContrast => Marks {
                text: Color32::BLACK,
                fills: [
                    Color32::from_rgb(120, 200, 255),
                    Color32::from_rgb(255, 130, 130),
                    Color32::from_rgb(0, 255, 120),
                    Color32::from_rgb(255, 230, 0),
                    Color32::from_rgb(255, 170, 255),
                    Color32::from_rgb(0, 240, 240),
                ],
            },
        }
    }

    fn fill(&self, mark: Mark) -> Color32 {
        let index = match mark {
            Mark::Move => 0,
            Mark::Roadblock => 1,
            Mark::Feeling => 2,
            Mark::ClientWords => 3,
            Mark::Hedge => 4,
            Mark::Frame => 5,
        };
        self.fills[index]
    }

    fn format(&self, mark: Mark, font: egui::FontId) -> TextFormat {
        TextFormat {
            font_id: font,
            color: self.text,
            background: self.fill(mark),
            expand_bg: 1.5,
            ..TextFormat::default()
        }
    }
}

/// The response with every evidence span on its highlight colour. Spans may
/// nest (a feeling word inside a reflection); the innermost one wins, so the
/// finer evidence stays visible.
fn highlighted(
    response: &str,
    evidence: &[Evidence],
    marks: &Marks,
    font: egui::FontId,
) -> LayoutJob {
    let spans: Vec<(usize, usize, Mark)> = evidence
        .iter()
        .filter(|e| {
            e.start < e.end
                && response.is_char_boundary(e.start)
                && response.is_char_boundary(e.end)
        })
        .map(|e| (e.start, e.end, Mark::of(&e.label)))
        .collect();
    let mut cuts: Vec<usize> = spans
        .iter()
        .flat_map(|&(start, end, _)| [start, end])
        .chain([0, response.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let Some(text) = response.get(from..to) else {
            continue;
        };
        let innermost = spans
            .iter()
            .filter(|&&(start, end, _)| start <= from && to <= end)
            .min_by_key(|&&(start, end, _)| end - start);
        let format = match innermost {
            Some(&(_, _, mark)) => marks.format(mark, font.clone()),
            // PLACEHOLDER takes the theme's text colour when painted.
            None => TextFormat::simple(font.clone(), Color32::PLACEHOLDER),
        };
        job.append(text, 0.0, format);
    }
    job
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Beginner => "Beginner",
        Level::Intermediate => "Intermediate",
        Level::Advanced => "Advanced",
    }
}

/// The list of every drill, and the files that could not be loaded.
fn picker_view(
    root: &mut egui::Ui,
    screen: &DrillScreen,
    look: &Look,
    action: &mut Option<Action>,
) {
    let palette = &look.palette;
    egui::CentralPanel::default().show(root, |ui| {
        egui::ScrollArea::vertical()
            // Its own id: an unnamed one shares its scroll offset with other screens.
            .id_salt("drill-picker")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading("Drills");
                ui.label(
                    RichText::new(
                        "Short, repeated practice on one skill: a client statement, your \
                         response, feedback at once. Say how hard each one felt and the drill \
                         moves between three levels to keep you at the edge of what you can do.",
                    )
                    .color(palette.muted),
                );
                diary_problem(ui, &screen.diary, palette);
                if let Some(problem) = &screen.folder_problem {
                    ui.label(RichText::new(problem).color(palette.poor));
                }
                let broken = screen.files.iter().filter(|f| f.drill.is_none()).count();
                if broken > 0 {
                    // Said at the top too: the details sit below a dozen cards.
                    ui.label(
                        RichText::new(format!(
                            "{broken} drill file(s) could not be loaded: the problems are \
                             listed at the end."
                        ))
                        .color(palette.poor),
                    );
                }
                ui.add_space(6.0);
                for loaded in &screen.files {
                    let Some(drill) = &loaded.drill else { continue };
                    drill_card(ui, drill, loaded, screen.ready_diary(), look, action);
                    ui.add_space(6.0);
                }
                broken_drills(ui, &screen.files, palette);
                if screen.files.is_empty() && screen.folder_problem.is_none() {
                    ui.label(
                        RichText::new("There are no drills in the drills folder yet.")
                            .italics()
                            .color(palette.muted),
                    );
                }
            });
    });
}

fn drill_card(
    ui: &mut egui::Ui,
    drill: &Drill,
    loaded: &LoadedDrill,
    diary: Option<&PracticeDiary>,
    look: &Look,
    action: &mut Option<Action>,
) {
    let palette = &look.palette;
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(&drill.title).strong().size(look.body * 1.2));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Practise").clicked() {
                        *action = Some(Action::Choose(drill.id.clone()));
                    }
                });
            });
            ui.label(format!("The move: {}", drill.target_move));
            ui.label(RichText::new(&drill.summary).color(palette.muted));
            ui.horizontal_wrapped(|ui| {
                chips(ui, [drill.skill.label().to_owned()], palette);
                let progress = diary.and_then(|d| d.drills.get(&drill.id));
                let text = match progress {
                    Some(p) if !p.reps.is_empty() => format!(
                        "{} statements \u{2022} your level: {} \u{2022} {} rep{} so far",
                        drill.statements.len(),
                        p.current_level,
                        p.reps.len(),
                        if p.reps.len() == 1 { "" } else { "s" }
                    ),
                    _ => format!(
                        "{} statements \u{2022} not practised yet",
                        drill.statements.len()
                    ),
                };
                ui.label(RichText::new(text).color(palette.muted));
            });
            if loaded.warnings() > 0 {
                egui::CollapsingHeader::new(format!(
                    "{} warning(s) in this drill",
                    loaded.warnings()
                ))
                .id_salt(("drill-warnings", &drill.id))
                .show(ui, |ui| {
                    ui.label(RichText::new(loaded.render()).monospace());
                });
            }
        });
}

fn broken_drills(ui: &mut egui::Ui, files: &[LoadedDrill], palette: &Palette) {
    let broken: Vec<&LoadedDrill> = files.iter().filter(|f| f.drill.is_none()).collect();
    if broken.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "{} drill file(s) could not be loaded",
            broken.len()
        ))
        .strong()
        .color(palette.poor),
    );
    for loaded in broken {
        egui::CollapsingHeader::new(loaded.path.display().to_string())
            .default_open(true)
            .show(ui, |ui| {
                ui.label(RichText::new(loaded.render()).monospace());
            });
    }
}

fn diary_problem(ui: &mut egui::Ui, diary: &Diary, palette: &Palette) {
    if let Diary::Unavailable(problem) = diary {
        ui.label(
            RichText::new(format!(
                "Your practice diary could not be read, so this practice is not being \
                 recorded (the file is left as it is): {problem}"
            ))
            .color(palette.poor),
        );
    }
}

/// One drill in practice: the bar, the statement, the answer or its
/// feedback, the rating bar and the diary.
fn practice_view(
    root: &mut egui::Ui,
    screen: &mut DrillScreen,
    look: &Look,
    path: &Path,
    action: &mut Option<Action>,
) {
    let Some(run) = screen.run.as_ref() else {
        return;
    };
    let drill = run.drill.clone();
    egui::Panel::top("drill-bar").show(root, |ui| {
        ui.add_space(2.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("All drills").clicked() {
                *action = Some(Action::Picker);
            }
            ui.add_space(8.0);
            ui.label("Drill");
            egui::ComboBox::from_id_salt("drill-choice")
                .selected_text(&drill.title)
                .width(look.body * 15.0)
                .show_ui(ui, |ui| {
                    for other in screen.files.iter().filter_map(|f| f.drill.as_ref()) {
                        if ui
                            .selectable_label(other.id == drill.id, &other.title)
                            .clicked()
                            && other.id != drill.id
                        {
                            *action = Some(Action::Choose(other.id.clone()));
                        }
                    }
                });
            ui.add_space(8.0);
            ui.checkbox(&mut screen.presenter, "Presenter mode")
                .on_hover_text(
                    "For a class watching on a projector: feedback and model responses stay \
                 hidden until you reveal them.",
                );
        });
        ui.add_space(2.0);
    });

    let Some(run) = screen.run.as_ref() else {
        return;
    };
    if run.statement().is_some() {
        egui::Panel::bottom("drill-actions").show(root, |ui| {
            ui.add_space(4.0);
            action_bar(ui, run, look, action);
            ui.add_space(4.0);
        });
    }

    // The diary sits beside the practice when there is room for both at this
    // text size, and below it otherwise (projector sizes).
    let width = root.ctx().viewport_rect().width();
    let side_by_side = width >= look.body * 60.0;
    if side_by_side {
        egui::Panel::right("drill-diary")
            .resizable(false)
            .exact_size((width * 0.3).max(look.body * 16.0))
            .show(root, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("drill-diary")
                    .auto_shrink([false, false])
                    .show(ui, |ui| diary_panel(ui, screen, &drill, look, path, action));
            });
    }
    egui::CentralPanel::default().show(root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("drill-practice")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                practice_body(ui, screen, look, action);
                if !side_by_side {
                    ui.add_space(10.0);
                    ui.separator();
                    diary_panel(ui, screen, &drill, look, path, action);
                }
                ui.add_space(10.0);
            });
    });
}

/// The drill's heading, the statement and the answer or its feedback.
fn practice_body(
    ui: &mut egui::Ui,
    screen: &mut DrillScreen,
    look: &Look,
    action: &mut Option<Action>,
) {
    let palette = &look.palette;
    let Some(run) = screen.run.as_ref() else {
        return;
    };
    let drill = &run.drill;
    ui.heading(&drill.title);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Skill").strong());
        ui.label(drill.skill.label());
        ui.label(RichText::new("\u{2022} Move").strong());
        ui.label(&drill.target_move);
        ui.label(RichText::new("\u{2022} Level").strong());
        ui.label(
            RichText::new(level_name(run.level))
                .color(palette.accent)
                .strong(),
        );
    });
    ui.label(RichText::new(&drill.instructions).color(palette.muted));
    if let Some((notice, tone)) = &screen.notice {
        let colour = match tone {
            Tone::Info => palette.accent,
            Tone::Problem => palette.poor,
        };
        ui.label(RichText::new(notice).color(colour));
    }
    diary_problem(ui, &screen.diary, palette);
    ui.add_space(6.0);
    // A copy, so the answer box below can borrow the screen mutably.
    let Some(statement) = run.statement().cloned() else {
        ui.label(
            RichText::new("This drill has no statements at this level.")
                .italics()
                .color(palette.muted),
        );
        return;
    };
    let statement = &statement;
    statement_card(ui, statement, look);
    ui.add_space(6.0);
    let (hidden, tries) = (screen.presenter && !run.revealed, run.tries);
    match &run.answer {
        Some(answer) if hidden => {
            ui.label(RichText::new("Your response").strong());
            bubble(ui, palette.trainee_bubble, look, |ui| {
                ui.label(&answer.response);
            });
            presenter_curtain(ui, look, action);
        }
        Some(answer) => {
            feedback_view(ui, answer, look);
            ui.add_space(6.0);
            egui::CollapsingHeader::new("Every model response and pitfall for this statement")
                .id_salt(("drill-models", &statement.id, run.tries))
                .default_open(screen.presenter)
                .show(ui, |ui| all_models(ui, statement, look));
        }
        None => {
            answer_input(ui, screen, look, action);
            ui.add_space(6.0);
            if hidden {
                presenter_curtain(ui, look, action);
            } else {
                egui::CollapsingHeader::new("Stuck? Read the model responses")
                    .id_salt(("drill-peek", &statement.id, tries))
                    .default_open(screen.presenter)
                    .show(ui, |ui| all_models(ui, statement, look));
            }
        }
    }
}

fn statement_card(ui: &mut egui::Ui, statement: &Statement, look: &Look) {
    let palette = &look.palette;
    bubble(ui, palette.client_bubble, look, |ui| {
        ui.label(
            RichText::new(format!(
                "{} \u{2022} {}",
                level_name(statement.level),
                statement.context
            ))
            .italics()
            .color(palette.muted),
        );
        ui.add_space(2.0);
        ui.label(
            RichText::new(format!("\u{201c}{}\u{201d}", statement.statement))
                .size(look.body * 1.25),
        );
    });
}

/// Typing, or picking one of the shuffled options.
fn answer_input(
    ui: &mut egui::Ui,
    screen: &mut DrillScreen,
    look: &Look,
    action: &mut Option<Action>,
) {
    let palette = &look.palette;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Your response").strong());
        ui.add_space(8.0);
        ui.selectable_value(&mut screen.answer_mode, AnswerMode::Type, "Type it");
        ui.selectable_value(
            &mut screen.answer_mode,
            AnswerMode::Options,
            "Choose from options",
        )
        .on_hover_text("Not ready to type? Pick the response you would give.");
    });
    match screen.answer_mode {
        AnswerMode::Type => {
            let edit = ui.add(
                egui::TextEdit::multiline(&mut screen.typed)
                    .id(egui::Id::new("drill-response"))
                    .hint_text("What would you say to the client?")
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    // Enter submits; Shift+Enter is the new line.
                    .return_key(egui::KeyboardShortcut::new(
                        egui::Modifiers::SHIFT,
                        egui::Key::Enter,
                    )),
            );
            if std::mem::take(&mut screen.focus_response) {
                edit.request_focus();
            }
            let enter = edit.has_focus()
                && ui.input(|i| {
                    i.events.iter().any(|e| {
                        matches!(
                            e,
                            egui::Event::Key {
                                key: egui::Key::Enter,
                                pressed: true,
                                modifiers,
                                ..
                            } if !modifiers.shift
                        )
                    })
                });
            let ready = !screen.typed.trim().is_empty();
            ui.horizontal_wrapped(|ui| {
                let clicked = ui
                    .add_enabled(ready, egui::Button::new(RichText::new("Submit").strong()))
                    .clicked();
                if ready && (clicked || enter) {
                    *action = Some(Action::Submit(screen.typed.trim().to_owned()));
                }
                ui.label(
                    RichText::new("Enter submits \u{2022} Shift+Enter starts a new line")
                        .small()
                        .color(palette.muted),
                );
            });
        }
        AnswerMode::Options => {
            screen.focus_response = false;
            let Some(run) = screen.run.as_ref() else {
                return;
            };
            ui.label(
                RichText::new("Pick the response you would give. Some of these miss.")
                    .color(palette.muted),
            );
            for (i, option) in run.options.iter().enumerate() {
                let button = egui::Button::new(format!("{}.  {option}", i + 1))
                    .wrap()
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                if ui.add(button).clicked() {
                    *action = Some(Action::Submit(option.clone()));
                }
            }
        }
    }
}

/// Presenter mode: what the class sees until the instructor reveals.
fn presenter_curtain(ui: &mut egui::Ui, look: &Look, action: &mut Option<Action>) {
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(
                    "Presenter mode: feedback and model responses are hidden so the class \
                     can discuss first.",
                )
                .color(look.palette.muted),
            );
            if ui
                .button(RichText::new("Reveal model responses").strong())
                .clicked()
            {
                *action = Some(Action::Reveal);
            }
        });
}

/// The feedback on one answer: the highlighted response, the verdict and
/// scores, the evidence and what the closest model does differently.
fn feedback_view(ui: &mut egui::Ui, answer: &Answer, look: &Look) {
    let palette = &look.palette;
    let result = &answer.feedback;
    ui.label(RichText::new("Your response").strong());
    bubble(ui, palette.trainee_bubble, look, |ui| {
        ui.label(highlighted(
            &answer.response,
            &result.evidence,
            &look.marks,
            look.font(),
        ));
    });
    ui.horizontal_wrapped(|ui| {
        let (grade, colour) = match result.performance {
            Performance::Strong => ("Strong", palette.good),
            Performance::Adequate => ("Adequate", palette.accent),
            Performance::Missed => ("Missed", palette.poor),
        };
        ui.label(RichText::new(grade).strong().color(colour));
        ui.label(format!(
            "\u{2022} read as {}",
            words(result.intent.as_str())
        ));
        if result.fits {
            ui.label(RichText::new("\u{2022} fits this statement").color(palette.good));
        } else {
            ui.label(
                RichText::new(format!(
                    "\u{2022} does not fit: this statement calls for {}",
                    result
                        .fitting
                        .iter()
                        .map(|i| words(i.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .color(palette.poor),
            );
        }
        if !result.secondary.is_empty() {
            ui.label(
                RichText::new(format!(
                    "\u{2022} also {}",
                    result
                        .secondary
                        .iter()
                        .map(|i| words(i.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .color(palette.muted),
            );
        }
    });
    // One row when it fits, so the comparison with the model stays in view.
    ui.horizontal_wrapped(|ui| {
        score(ui, "Empathy", result.empathy, look);
        ui.add_space(look.body);
        score(ui, "Warmth", result.warmth, look);
        ui.add_space(look.body);
        score(ui, "Repair", result.repair, look);
    });
    ui.add_space(6.0);
    evidence_list(ui, answer, look);
    ui.add_space(6.0);
    ui.label(RichText::new(format!("A model response ({})", result.model.style)).strong());
    bubble(ui, palette.client_bubble, look, |ui| {
        ui.label(&result.model.text);
        ui.label(
            RichText::new(format!(
                "read as {} \u{2022} empathy {} \u{2022} warmth {}",
                words(result.model.intent.as_str()),
                (result.model.empathy * 100.0).round(),
                (result.model.warmth * 100.0).round()
            ))
            .small()
            .color(palette.muted),
        );
    });
    if result.differences.is_empty() {
        ui.label("Your response already does what this model does.");
    } else {
        ui.label(RichText::new("What the model does differently").strong());
        for difference in &result.differences {
            ui.label(format!("\u{2022} {difference}"));
        }
    }
    if let Some(pitfall) = &result.pitfall {
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!(
                "It resembles a common pitfall: \u{201c}{}\u{201d} {}",
                pitfall.text, pitfall.why
            ))
            .color(palette.poor),
        );
    }
}

/// A 0-1 score as 0-100: the number as text beside a plain bar, so it reads
/// in every theme (a number printed on the bar is lost on high contrast's
/// bright fills). The colour bands are the other screens' score bars'.
fn score(ui: &mut egui::Ui, label: &str, value: f32, look: &Look) {
    let value = (value.clamp(0.0, 1.0) * 100.0).round() as u8;
    let colour = if value >= 60 {
        look.palette.good
    } else if value >= 40 {
        look.palette.accent
    } else {
        look.palette.poor
    };
    ui.label(RichText::new(format!("{label} {value}")).strong());
    ui.add(
        egui::ProgressBar::new(f32::from(value) / 100.0)
            .desired_width(look.body * 7.0)
            .desired_height(look.body * 0.6)
            .fill(colour),
    );
}

/// Each distinct piece of evidence: the words on their highlight colour and why they counted.
fn evidence_list(ui: &mut egui::Ui, answer: &Answer, look: &Look) {
    let evidence = &answer.feedback.evidence;
    if evidence.is_empty() {
        return;
    }
    ui.label(RichText::new("Why it was read that way").strong());
    let mut shown: Vec<(&str, &str)> = Vec::new();
    for item in evidence {
        let key = (item.text.as_str(), item.why.as_str());
        if shown.len() == MAX_EVIDENCE_LINES || shown.contains(&key) {
            continue;
        }
        shown.push(key);
        ui.horizontal_wrapped(|ui| {
            let mut quote = LayoutJob::default();
            quote.append(
                &format!("\u{201c}{}\u{201d}", item.text),
                0.0,
                look.marks.format(Mark::of(&item.label), look.font()),
            );
            ui.label(quote);
            ui.label(&item.why);
        });
    }
}

fn all_models(ui: &mut egui::Ui, statement: &Statement, look: &Look) {
    let palette = &look.palette;
    for model in &statement.models {
        ui.label(RichText::new(format!(
            "{}: \u{201c}{}\u{201d}",
            model.style, model.text
        )));
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Pitfalls").strong());
    for pitfall in &statement.pitfalls {
        ui.label(format!("\u{201c}{}\u{201d}", pitfall.text));
        ui.label(RichText::new(&pitfall.why).color(palette.poor));
    }
}

/// Rate, retry or skip: always in reach at the bottom of the window.
fn action_bar(ui: &mut egui::Ui, run: &Run, look: &Look, action: &mut Option<Action>) {
    let palette = &look.palette;
    ui.horizontal_wrapped(|ui| {
        if run.answer.is_some() {
            ui.label(RichText::new("How hard was that?").strong());
            for (label, rating) in [
                ("1  Too easy", DifficultyRating::TooEasy),
                ("2  A good challenge", DifficultyRating::GoodChallenge),
                ("3  Too hard", DifficultyRating::TooHard),
            ] {
                if ui.button(label).clicked() {
                    *action = Some(Action::Rate(rating));
                }
            }
            ui.add_space(12.0);
            if ui
                .button("Try again")
                .on_hover_text("Answer the same statement again")
                .clicked()
            {
                *action = Some(Action::Retry);
            }
            if ui
                .button("Skip rating")
                .on_hover_text("Move on without rating; the level stays where it is")
                .clicked()
            {
                *action = Some(Action::Skip);
            }
        } else {
            if ui
                .button("Skip this statement")
                .on_hover_text("Move on to another statement at this level")
                .clicked()
            {
                *action = Some(Action::Skip);
            }
            ui.label(
                RichText::new("After your response, say how hard it felt; that sets the level.")
                    .small()
                    .color(palette.muted),
            );
        }
    });
}

/// The diary for the drill: level, a chart of reps and mean scores per
/// day, and the trainee's notes.
fn diary_panel(
    ui: &mut egui::Ui,
    screen: &mut DrillScreen,
    drill: &Drill,
    look: &Look,
    path: &Path,
    action: &mut Option<Action>,
) {
    let palette = &look.palette;
    ui.heading("Practice diary");
    let diary = match &screen.diary {
        Diary::Ready(diary) => diary,
        Diary::Unavailable(_) => {
            ui.label(
                RichText::new("The diary could not be read; see the note on the left.")
                    .color(palette.poor),
            );
            return;
        }
        Diary::NotRead => return,
    };
    let progress = diary.drills.get(&drill.id);
    let reps = progress.map_or(&[][..], |p| p.reps.as_slice());
    let days = per_day(reps);
    match progress {
        Some(p) if !reps.is_empty() => {
            ui.label(format!(
                "{} rep{} on {} day{} \u{2022} highest level {}",
                reps.len(),
                if reps.len() == 1 { "" } else { "s" },
                days.len(),
                if days.len() == 1 { "" } else { "s" },
                p.highest_level
            ));
        }
        _ => {
            ui.label(
                RichText::new(
                    "No reps of this drill yet. Each response you give is recorded here.",
                )
                .color(palette.muted),
            );
        }
    }
    if !days.is_empty() {
        chart_section(ui, &days, look);
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Your notes").strong());
    ui.add(
        egui::TextEdit::multiline(&mut screen.note)
            .id(egui::Id::new("drill-note"))
            .hint_text("What did you notice? What will you try next time?")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    if ui
        .add_enabled(
            !screen.note.trim().is_empty(),
            egui::Button::new("Save note"),
        )
        .clicked()
    {
        *action = Some(Action::SaveNote);
    }
    if let Some(progress) = progress {
        for note in progress.notes.iter().rev().take(NOTES_SHOWN) {
            ui.label(
                RichText::new(
                    note.at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                )
                .small()
                .color(palette.muted),
            );
            ui.label(&note.text);
        }
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!("Kept on this computer only, in {}", path.display()))
            .small()
            .color(palette.muted),
    );
}

/// One day of practice on a drill.
struct Day {
    /// Days since the first day of practice, plus one.
    number: f64,
    reps: usize,
    empathy: f64,
    warmth: f64,
}

/// Reps grouped by local calendar day, oldest first.
fn per_day(reps: &[Rep]) -> Vec<Day> {
    let mut by_day: BTreeMap<NaiveDate, (usize, f64, f64)> = BTreeMap::new();
    for rep in reps {
        let day = rep.at.with_timezone(&chrono::Local).date_naive();
        let entry = by_day.entry(day).or_default();
        entry.0 += 1;
        entry.1 += f64::from(rep.empathy);
        entry.2 += f64::from(rep.warmth);
    }
    let Some(first) = by_day.keys().next().copied() else {
        return Vec::new();
    };
    by_day
        .into_iter()
        .map(|(day, (reps, empathy, warmth))| Day {
            number: ((day - first).num_days() + 1) as f64,
            reps,
            empathy: empathy / reps as f64 * 100.0,
            warmth: warmth / reps as f64 * 100.0,
        })
        .collect()
}

fn chart_section(ui: &mut egui::Ui, days: &[Day], look: &Look) {
    let palette = &look.palette;
    let height = chart_height(ui) * 0.8;
    let last = days.last().map_or(1.0, |d| d.number);
    let most = days.iter().map(|d| d.reps).max().unwrap_or(0).max(5) as f64;
    let x_label = "day (1 = your first day on this drill)";
    ui.add_space(4.0);
    ui.label("Reps per day");
    line_chart(
        ui,
        "drill-reps",
        height,
        &Axes {
            x_label,
            x_range: (0.5, last + 0.5),
            y_range: (0.0, most),
        },
        vec![Series {
            name: "Reps",
            colour: palette.accent,
            points: days.iter().map(|d| [d.number, d.reps as f64]).collect(),
        }],
    );
    ui.label("Mean scores per day (0-100)");
    line_chart(
        ui,
        "drill-scores",
        height,
        &Axes {
            x_label,
            x_range: (0.5, last + 0.5),
            y_range: (0.0, 100.0),
        },
        vec![
            Series {
                name: "Empathy",
                colour: palette.accent,
                points: days.iter().map(|d| [d.number, d.empathy]).collect(),
            },
            Series {
                name: "Warmth",
                colour: palette.good,
                points: days.iter().map(|d| [d.number, d.warmth]).collect(),
            },
        ],
    );
}

fn bubble(ui: &mut egui::Ui, fill: Color32, look: &Look, add: impl FnOnce(&mut egui::Ui)) {
    // High contrast's bubbles are as black as the panel: an outline shows the card.
    let stroke = if look.high_contrast {
        ui.visuals().widgets.noninteractive.bg_stroke
    } else {
        egui::Stroke::NONE
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(8.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui);
        });
    ui.add_space(4.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(label: &str, start: usize, end: usize, text: &str) -> Evidence {
        Evidence {
            label: label.into(),
            start,
            end,
            text: text.into(),
            why: "because".into(),
        }
    }

    #[test]
    fn nested_spans_highlight_the_innermost_and_keep_every_byte() {
        let response = "It sounds like you're exhausted.";
        let marks = Marks::for_theme(Theme::Light);
        let job = highlighted(
            response,
            &[
                evidence(
                    "reflection_simple",
                    0,
                    31,
                    "It sounds like you're exhausted",
                ),
                evidence("feeling_word", 22, 31, "exhausted"),
            ],
            &marks,
            egui::FontId::proportional(16.0),
        );
        assert_eq!(job.text, response);
        let backgrounds: Vec<(&str, Color32)> = job
            .sections
            .iter()
            .map(|s| {
                (
                    &job.text[s.byte_range.start.0..s.byte_range.end.0],
                    s.format.background,
                )
            })
            .collect();
        assert_eq!(
            backgrounds,
            [
                ("It sounds like you're ", marks.fill(Mark::Move)),
                ("exhausted", marks.fill(Mark::Feeling)),
                (".", Color32::TRANSPARENT),
            ]
        );
    }

    #[test]
    fn spans_off_a_character_boundary_are_ignored() {
        let response = "Ça va?";
        let job = highlighted(
            response,
            &[
                evidence("open_question", 1, 3, "?"),
                evidence("hedge", 0, 99, ""),
            ],
            &Marks::for_theme(Theme::HighContrast),
            egui::FontId::proportional(16.0),
        );
        assert_eq!(job.text, response);
        assert_eq!(job.sections.len(), 1);
    }

    #[test]
    fn reps_group_by_day_with_mean_scores() {
        // Fixed mid-January noons: no daylight-saving change between them in
        // any time zone, so the local calendar days stay three apart.
        let rep = |day: u32, empathy: f32| Rep {
            at: chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 1, day, 12, 0, 0)
                .single()
                .expect("a valid time"),
            statement_id: "b1".into(),
            level: Level::Beginner,
            response: "r".into(),
            intent: rapport::vocab::Intent::ReflectionSimple,
            fits: true,
            empathy,
            warmth: 0.5,
            repair: 0.0,
            performance: Performance::Adequate,
            rating: None,
        };
        let days = per_day(&[rep(10, 0.2), rep(10, 0.4), rep(13, 0.9)]);
        assert_eq!(days.len(), 2);
        assert_eq!((days[0].number, days[0].reps), (1.0, 2));
        assert!((days[0].empathy - 30.0).abs() < 1e-3);
        assert_eq!(days[1].number, 4.0);
    }

    fn bundled(id: &str) -> LoadedDrill {
        load_file(
            &rapport::cli::default_scenarios_dir()
                .join("drills")
                .join(format!("{id}.ron")),
        )
    }

    #[test]
    fn enter_submits_and_shift_enter_starts_a_new_line() {
        let ctx = egui::Context::default();
        let look = Look {
            palette: Palette::for_theme(Theme::Light),
            marks: Marks::for_theme(Theme::Light),
            body: 16.0,
            high_contrast: false,
        };
        let mut screen = DrillScreen::new(1);
        screen.typed = "You sound tired".into();
        screen.focus_response = true;
        let enter = |modifiers| egui::Event::Key {
            key: egui::Key::Enter,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        };
        let frame = |events: Vec<egui::Event>, screen: &mut DrillScreen| {
            let mut action = None;
            let input = egui::RawInput {
                events,
                ..Default::default()
            };
            let mut output = ctx.run_ui(input, |ui| answer_input(ui, screen, &look, &mut action));
            // No renderer here to take the font texture.
            output.textures_delta.clear();
            action
        };
        assert!(frame(Vec::new(), &mut screen).is_none(), "focus only");
        assert!(frame(vec![enter(egui::Modifiers::SHIFT)], &mut screen).is_none());
        assert!(screen.typed.contains('\n'), "{:?}", screen.typed);
        match frame(vec![enter(egui::Modifiers::NONE)], &mut screen) {
            Some(Action::Submit(text)) => assert_eq!(text, "You sound tired"),
            _ => panic!("Enter did not submit"),
        }
    }

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
