//! The supervisor's view: open a folder of attempt records (a cohort's, or
//! your own), filter by trainee, scenario and assignment set, and read any
//! attempt's transcript and debrief. Files that are not readable records are
//! listed with the reason, never fatal.

use super::screens::Screen;
use super::settings::Settings;
use super::storage::Storage;
use super::theme::Palette;
use super::widgets::{nav_bar, palette, rating_text, root_ui, score_bar, words};
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use rapport::records::{AttemptRecord, RecordSet, load_records};
use rapport::scoring::describe;
use rapport::transcript::Line;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What the records screen has open and how it is filtered.
#[derive(Resource, Default)]
pub struct RecordsView {
    /// The folder typed in the box; empty means the app's own attempts.
    pub folder: String,
    pub loaded: Option<LoadedFolder>,
    pub error: Option<String>,
    pub trainee: Option<String>,
    pub scenario: Option<String>,
    pub set: Option<String>,
    /// Index into `loaded.set.records`.
    pub selected: Option<usize>,
    /// A folder being read in the background: thousands of records take a
    /// moment, and the window must stay responsive meanwhile.
    pending: Option<PendingFolder>,
}

struct PendingFolder {
    folder: PathBuf,
    started: Instant,
    reader: JoinHandle<Result<RecordSet, String>>,
}

/// A folder as read, with how long it took (shown: supervisors open thousands).
pub struct LoadedFolder {
    pub folder: PathBuf,
    pub set: RecordSet,
    pub took: Duration,
    /// What the filters offer, gathered once: the screen redraws on every
    /// hover, and a cohort folder holds thousands of records.
    pub choices: FilterChoices,
}

/// The distinct trainees, scenarios (id, title) and sets in a folder.
#[derive(Default)]
pub struct FilterChoices {
    pub trainees: BTreeSet<String>,
    pub scenarios: BTreeSet<(String, String)>,
    pub sets: BTreeSet<String>,
}

impl FilterChoices {
    fn of(set: &RecordSet) -> FilterChoices {
        let mut choices = FilterChoices::default();
        for record in &set.records {
            choices.trainees.insert(record.trainee.clone());
            choices
                .scenarios
                .insert((record.scenario_id.clone(), record.scenario_title.clone()));
            if let Some(assignment) = &record.assignment {
                choices.sets.insert(assignment.clone());
            }
        }
        choices
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<RecordsView>()
        .add_systems(OnEnter(Screen::Records), open_default_folder)
        .add_systems(
            EguiPrimaryContextPass,
            draw_records.run_if(in_state(Screen::Records)),
        );
}

/// The first visit shows the trainee's own attempts.
fn open_default_folder(mut view: ResMut<RecordsView>, storage: Res<Storage>) {
    if view.loaded.is_none() && view.error.is_none() && !view.is_reading() {
        view.open(storage.attempts_dir());
    }
}

impl RecordsView {
    /// Starts reading a folder in the background; [`Self::poll`] picks it up.
    pub fn open(&mut self, folder: PathBuf) {
        self.folder = folder.display().to_string();
        let reading = folder.clone();
        // Opening another folder meanwhile drops this handle; the thread ends
        // on its own and its result is discarded.
        let reader = std::thread::spawn(move || load_records(&reading).map_err(|e| e.to_string()));
        self.pending = Some(PendingFolder {
            folder,
            started: Instant::now(),
            reader,
        });
    }

    /// Reads a folder and waits for it: for the screenshot tour, which must
    /// show a loaded folder on a known frame.
    pub fn open_and_wait(&mut self, folder: PathBuf) {
        self.open(folder);
        while self.is_reading() {
            std::thread::sleep(Duration::from_millis(5));
            self.poll();
        }
    }

    /// Index of the newest record, if any.
    pub fn newest(&self) -> Option<usize> {
        self.loaded
            .as_ref()
            .and_then(|l| l.set.records.len().checked_sub(1))
    }

    /// Whether a folder is still being read.
    pub fn is_reading(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes a finished background read, replacing what was open.
    pub fn poll(&mut self) {
        if !self
            .pending
            .as_ref()
            .is_some_and(|pending| pending.reader.is_finished())
        {
            return;
        }
        let Some(pending) = self.pending.take() else {
            return;
        };
        let outcome = pending.reader.join().unwrap_or_else(|_| {
            Err("reading the folder failed unexpectedly; no record was changed".to_owned())
        });
        match outcome {
            Ok(set) => {
                self.loaded = Some(LoadedFolder {
                    folder: pending.folder,
                    choices: FilterChoices::of(&set),
                    set,
                    took: pending.started.elapsed(),
                });
                self.error = None;
            }
            Err(error) => {
                self.loaded = None;
                self.error = Some(error);
            }
        }
        self.trainee = None;
        self.scenario = None;
        self.set = None;
        self.selected = None;
    }

    /// Indices of the records passing the filters, newest first.
    fn visible(&self) -> Vec<usize> {
        let Some(loaded) = &self.loaded else {
            return Vec::new();
        };
        let keep = |record: &AttemptRecord| {
            self.trainee.as_ref().is_none_or(|t| &record.trainee == t)
                && self
                    .scenario
                    .as_ref()
                    .is_none_or(|s| &record.scenario_id == s)
                && self
                    .set
                    .as_ref()
                    .is_none_or(|s| record.assignment.as_ref() == Some(s))
        };
        let mut indices: Vec<usize> = (0..loaded.set.records.len())
            .filter(|&i| keep(&loaded.set.records[i]))
            .collect();
        indices.reverse();
        indices
    }
}

fn draw_records(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut view: ResMut<RecordsView>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let palette = palette(&settings);
    view.poll();
    if view.is_reading() {
        // Reactive mode sleeps without input: keep checking until the read ends.
        ctx.request_repaint_after(Duration::from_millis(50));
    }
    let mut root = root_ui(ctx);
    nav_bar(&mut root, Screen::Records, &mut next);
    egui::Panel::top("records-folder").show(&mut root, |ui| {
        ui.add_space(4.0);
        ui.heading("Attempt records");
        ui.horizontal(|ui| {
            ui.label("Folder");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut view.folder)
                    .hint_text("a folder of .ron attempt records, e.g. a cohort's shared folder")
                    .desired_width((ui.available_width() - 120.0).max(200.0)),
            );
            let submitted = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Open").clicked() || submitted {
                let folder = PathBuf::from(view.folder.trim());
                view.open(folder);
            }
        });
        if view.is_reading() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the records...");
            });
        }
        if let Some(error) = &view.error {
            ui.label(
                RichText::new(format!("Could not open the folder: {error}")).color(palette.poor),
            );
        }
        if let Some(loaded) = &view.loaded {
            ui.label(
                RichText::new(format!(
                    "{} records read from {} in {:.2} s; {} file(s) skipped",
                    loaded.set.records.len(),
                    loaded.folder.display(),
                    loaded.took.as_secs_f64(),
                    loaded.set.skipped.len()
                ))
                .small()
                .color(palette.muted),
            );
        }
        filters(ui, &mut view);
        ui.add_space(4.0);
    });
    let visible = view.visible();
    egui::Panel::left("records-list")
        .resizable(true)
        .default_size((ctx.viewport_rect().width() * 0.42).clamp(320.0, 700.0))
        .show(&mut root, |ui| {
            ui.label(RichText::new(format!("{} attempts", visible.len())).strong());
            let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
            let mut clicked = None;
            if let Some(loaded) = &view.loaded {
                // Only the rows on screen are laid out, so thousands scroll smoothly.
                egui::ScrollArea::vertical()
                    .id_salt("records-list-scroll")
                    .auto_shrink([false, false])
                    .show_rows(ui, row_height, visible.len(), |ui, rows| {
                        for &index in &visible[rows] {
                            let record = &loaded.set.records[index];
                            let s = &record.debrief.scores;
                            let text = format!(
                                "{}  {}  {}  E {} W {} R {}",
                                record.started_at.format("%Y-%m-%d %H:%M"),
                                record.trainee,
                                record.scenario_title,
                                describe(s.empathy),
                                describe(s.warmth),
                                describe(s.repair)
                            );
                            let selected = view.selected == Some(index);
                            if ui
                                .add(egui::Button::selectable(selected, text).truncate())
                                .clicked()
                            {
                                clicked = Some(index);
                            }
                        }
                    });
            }
            if clicked.is_some() {
                view.selected = clicked;
            }
        });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("record-detail-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let Some(loaded) = &view.loaded else {
                    return;
                };
                match view.selected.and_then(|i| loaded.set.records.get(i)) {
                    Some(record) => attempt_detail(ui, record, &palette),
                    None => {
                        ui.label(
                            RichText::new("Pick an attempt to read its transcript and debrief.")
                                .color(palette.muted),
                        );
                    }
                }
                if !loaded.set.skipped.is_empty() {
                    ui.add_space(12.0);
                    egui::CollapsingHeader::new(
                        RichText::new(format!("{} file(s) skipped", loaded.set.skipped.len()))
                            .color(palette.poor),
                    )
                    .show(ui, |ui| {
                        for (path, reason) in &loaded.set.skipped {
                            ui.label(
                                RichText::new(format!("{}: {reason}", path.display())).small(),
                            );
                        }
                    });
                }
            });
    });
    Ok(())
}

/// The trainee, scenario and set filters, from what the folder holds.
fn filters(ui: &mut egui::Ui, view: &mut RecordsView) {
    let Some(loaded) = &view.loaded else {
        return;
    };
    let FilterChoices {
        trainees,
        scenarios,
        sets,
    } = &loaded.choices;
    let mut trainee = view.trainee.clone();
    let mut scenario = view.scenario.clone();
    let mut set = view.set.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label("Trainee");
        egui::ComboBox::from_id_salt("filter-trainee")
            .selected_text(trainee.clone().unwrap_or_else(|| "everyone".to_owned()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut trainee, None, "everyone");
                for name in trainees {
                    ui.selectable_value(&mut trainee, Some(name.clone()), name);
                }
            });
        ui.add_space(12.0);
        ui.label("Scenario");
        let scenario_title = scenario
            .as_ref()
            .and_then(|id| scenarios.iter().find(|(s, _)| s == id))
            .map_or("all".to_owned(), |(_, title)| title.clone());
        egui::ComboBox::from_id_salt("filter-scenario")
            .selected_text(scenario_title)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut scenario, None, "all");
                for (id, title) in scenarios {
                    ui.selectable_value(&mut scenario, Some(id.clone()), title);
                }
            });
        ui.add_space(12.0);
        ui.label("Set");
        egui::ComboBox::from_id_salt("filter-set")
            .selected_text(set.clone().unwrap_or_else(|| "any".to_owned()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut set, None, "any");
                for id in sets {
                    ui.selectable_value(&mut set, Some(id.clone()), id);
                }
            });
    });
    if (&trainee, &scenario, &set) != (&view.trainee, &view.scenario, &view.set) {
        view.trainee = trainee;
        view.scenario = scenario;
        view.set = set;
        view.selected = None;
    }
}

/// One attempt: who, what, the scores, the skills and the transcript.
fn attempt_detail(ui: &mut egui::Ui, record: &AttemptRecord, palette: &Palette) {
    ui.heading(&record.scenario_title);
    ui.label(format!(
        "{} \u{2022} {} \u{2022} seed {}{}",
        record.trainee,
        record.started_at.format("%Y-%m-%d %H:%M"),
        record.seed,
        record
            .assignment
            .as_ref()
            .map(|a| format!(" \u{2022} set {a}"))
            .unwrap_or_default()
    ));
    if let Some(ending) = &record.ending {
        ui.label(format!(
            "Ending: {} ({})",
            ending.title,
            words(ending.outcome.as_str())
        ));
    } else {
        ui.label(RichText::new("Unfinished").italics());
    }
    ui.add_space(6.0);
    let scores = &record.debrief.scores;
    score_bar(ui, "Empathy", scores.empathy, palette);
    score_bar(ui, "Warmth", scores.warmth, palette);
    score_bar(ui, "Repair", scores.repair, palette);
    ui.add_space(6.0);
    egui::CollapsingHeader::new(RichText::new("The ten skills").strong())
        .default_open(true)
        .show(ui, |ui| {
            for rating in &record.debrief.skills {
                ui.label(format!(
                    "{}: {}",
                    rating.skill.label(),
                    rating_text(rating.rating)
                ));
                if let Some(quote) = rating.evidence.first() {
                    ui.label(
                        RichText::new(format!("    \u{201c}{}\u{201d}", quote.text))
                            .small()
                            .color(palette.muted),
                    );
                }
            }
        });
    if !record.reflections.is_empty() {
        egui::CollapsingHeader::new(RichText::new("Written reflections").strong())
            .default_open(true)
            .show(ui, |ui| {
                for reflection in &record.reflections {
                    ui.label(RichText::new(&reflection.prompt).italics());
                    ui.label(&reflection.answer);
                    ui.add_space(4.0);
                }
            });
    }
    egui::CollapsingHeader::new(RichText::new("Transcript").strong())
        .default_open(true)
        .show(ui, |ui| {
            for line in &record.lines {
                match line {
                    Line::Client { text, .. } => {
                        ui.label(format!("Client: {text}"));
                    }
                    Line::Trainee { text, turn, .. } => {
                        let scored = record.turns.get(*turn).map(|t| {
                            format!(
                                "  [{} \u{2022} empathy {} \u{2022} warmth {}]",
                                words(t.intent.as_str()),
                                t.scores.empathy,
                                t.scores.warmth
                            )
                        });
                        ui.label(RichText::new(format!("Trainee: {text}")).strong());
                        if let Some(scored) = scored {
                            ui.label(RichText::new(scored).small().color(palette.muted));
                        }
                    }
                    Line::Narration { text, .. } => {
                        ui.label(RichText::new(text).italics().color(palette.muted));
                    }
                    Line::Ending { title, text, .. } => {
                        ui.label(RichText::new(format!("{title}. {text}")).italics());
                    }
                }
            }
        });
}
