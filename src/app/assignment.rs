//! Assignment sets in the app: the sets bundled beside the scenarios (and the
//! one named by `--assignment FILE`), the one the trainee is working on, and
//! their progress through it against the supervisor's pass criteria.

use super::catalog::ScenariosDir;
use super::practice::Attempts;
use super::settings::Settings;
use super::theme::Palette;
use super::widgets::words;
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use rapport::assign::{
    AssignmentSet, ScenarioCatalog, SetLibrary, load_set_file, trainee_progress,
};
use std::path::PathBuf;

/// The set given on the command line, read at start-up.
#[derive(Resource, Default)]
pub struct AssignmentArg(pub Option<PathBuf>);

/// Every set the app knows, and the one in use.
#[derive(Resource, Default)]
pub struct Assignments {
    pub library: SetLibrary,
    pub active: Option<String>,
    /// Set files that could not be used, rendered as diagnostics.
    pub problems: Vec<String>,
}

impl Assignments {
    pub fn active_set(&self) -> Option<&AssignmentSet> {
        self.active.as_ref().and_then(|id| self.library.get(id))
    }

    /// The active set's id when it includes this scenario: the tag an attempt carries.
    pub fn tag_for(&self, scenario_id: &str) -> Option<String> {
        self.active_set()
            .filter(|set| set.includes(scenario_id))
            .map(|set| set.id.clone())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Assignments>()
        .add_systems(Startup, load_assignments);
}

fn load_assignments(
    dir: Res<ScenariosDir>,
    arg: Res<AssignmentArg>,
    mut assignments: ResMut<Assignments>,
) {
    let catalog = ScenarioCatalog::load_or_empty(&dir.0);
    let (library, failed) = SetLibrary::load_dir(&dir.0.join("sets"), Some(&catalog));
    assignments.library = library;
    assignments.problems = failed.iter().map(|set| set.render()).collect();
    if let Some(path) = &arg.0 {
        let loaded = load_set_file(path, Some(&catalog));
        match loaded.set {
            Some(set) => {
                assignments.active = Some(set.id.clone());
                assignments.library.insert_primary(set);
            }
            None => assignments.problems.push(loaded.render()),
        }
    }
}

/// The assignment panel on the library screen: pick a set, read its
/// instructions, see each scenario's status and which criteria are met.
/// Returns the id of a scenario the trainee asked to open.
pub fn assignment_panel(
    ui: &mut egui::Ui,
    assignments: &mut Assignments,
    attempts: &Attempts,
    settings: &Settings,
    palette: &Palette,
    title_of: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let mut open = None;
    let titles: Vec<(String, String)> = assignments
        .library
        .iter()
        .map(|set| (set.id.clone(), set.title.clone()))
        .collect();
    if titles.is_empty() && assignments.problems.is_empty() {
        return None;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Assignment").strong());
        let selected = assignments
            .active_set()
            .map_or("none: free practice".to_owned(), |s| s.title.clone());
        egui::ComboBox::from_id_salt("assignment-set")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut assignments.active, None, "none: free practice");
                for (id, title) in &titles {
                    ui.selectable_value(&mut assignments.active, Some(id.clone()), title);
                }
            });
    });
    for problem in &assignments.problems {
        ui.label(RichText::new(problem).small().color(palette.poor));
    }
    let set = assignments.active_set()?;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if !set.instructions.is_empty() {
            ui.label(&set.instructions);
        }
        let mut facts = Vec::new();
        if let Some(due) = set.due {
            facts.push(format!("due {due}"));
        }
        if let Some(n) = set.attempts_allowed {
            facts.push(format!("{n} attempt(s) allowed per scenario"));
        }
        if set.reflection_required {
            facts.push("a written reflection is required".to_owned());
        }
        if !facts.is_empty() {
            ui.label(RichText::new(facts.join(" \u{2022} ")).color(palette.muted));
        }
        let trainee = if settings.trainee.trim().is_empty() {
            "anonymous"
        } else {
            settings.trainee.trim()
        };
        let records: Vec<_> = attempts.set.records.iter().collect();
        let progress = trainee_progress(set, trainee, &records, None);
        ui.label(
            RichText::new(format!(
                "{} of {} scenarios passed",
                progress.passed_count(),
                progress.scenarios.len()
            ))
            .strong(),
        );
        egui::Grid::new("assignment-progress")
            .num_columns(3)
            .spacing([16.0, 6.0])
            // Wide enough that "not started" never breaks mid-word.
            .min_col_width(ui.text_style_height(&egui::TextStyle::Body) * 6.0)
            .show(ui, |ui| {
                for scenario in &progress.scenarios {
                    ui.label(
                        title_of(&scenario.scenario_id)
                            .unwrap_or_else(|| words(&scenario.scenario_id)),
                    );
                    let status = scenario.status.label();
                    let colour = if scenario.passed() {
                        palette.good
                    } else {
                        palette.muted
                    };
                    let checks = scenario
                        .best_attempt()
                        .map(|best| {
                            best.checks
                                .iter()
                                .map(|check| {
                                    format!("{} {}", check.criterion.label(), check.describe())
                                })
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                        .unwrap_or_default();
                    ui.vertical(|ui| {
                        ui.label(RichText::new(status).color(colour).strong());
                        if !checks.is_empty() {
                            ui.label(RichText::new(checks).small());
                        }
                    });
                    if ui.button("Open briefing").clicked() {
                        open = Some(scenario.scenario_id.clone());
                    }
                    ui.end_row();
                }
            });
    });
    open
}
