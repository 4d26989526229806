//! The library of scenarios (search, filters, best results, broken files with
//! their diagnostics) and the briefing before a session.

use super::assignment::{Assignments, assignment_panel};
use super::catalog::{Catalog, ScenarioAsset};
use super::practice::{Attempts, Practice};
use super::screens::Screen;
use super::settings::Settings;
use super::storage::{PausedSession, Storage};
use super::widgets::{chips, nav_bar, palette, root_ui, unloadable_files, words};
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use rapport::scenario::{Loaded, Scenario};
use rapport::scoring::DimensionScores;
use rapport::vocab::{AlliancePhase, Skill};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// The library's search and filters.
#[derive(Resource, Default)]
pub struct LibraryFilter {
    pub search: String,
    pub phase: Option<AlliancePhase>,
    pub skill: Option<Skill>,
}

/// The session paused on disk, read when the library opens rather than on
/// every frame it draws.
#[derive(Resource, Default)]
pub struct PausedOnDisk(pub Option<PausedSession>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LibraryFilter>()
        .init_resource::<PausedOnDisk>()
        .add_systems(OnEnter(Screen::Library), read_paused)
        .add_systems(
            EguiPrimaryContextPass,
            (
                draw_library.run_if(in_state(Screen::Library)),
                draw_briefing.run_if(in_state(Screen::Briefing)),
            ),
        );
}

fn read_paused(storage: Res<Storage>, mut paused: ResMut<PausedOnDisk>) {
    paused.0 = storage.load_paused();
}

fn matches(scenario: &Scenario, filter: &LibraryFilter) -> bool {
    let needle = filter.search.trim().to_lowercase();
    let text_ok = needle.is_empty()
        || [
            &scenario.meta.title,
            &scenario.meta.summary,
            &scenario.client.name,
            &scenario.client.presenting_problem,
        ]
        .iter()
        .any(|t| t.to_lowercase().contains(&needle))
        || scenario
            .meta
            .tags
            .iter()
            .any(|t| t.to_lowercase().contains(&needle));
    text_ok
        && filter.phase.is_none_or(|p| scenario.meta.phase == p)
        && filter.skill.is_none_or(|s| scenario.exercises(s))
}

#[allow(clippy::too_many_arguments)]
fn draw_library(
    mut contexts: EguiContexts,
    catalog: Res<Catalog>,
    assets: Res<Assets<ScenarioAsset>>,
    attempts: Res<Attempts>,
    settings: Res<Settings>,
    paused: Res<PausedOnDisk>,
    mut filter: ResMut<LibraryFilter>,
    mut practice: ResMut<Practice>,
    mut next: ResMut<NextState<Screen>>,
    mut assignments: ResMut<Assignments>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let palette = palette(&settings);
    let mut root = root_ui(ctx);
    nav_bar(&mut root, Screen::Library, &mut next);
    // Borrowed, not cloned: this runs every frame, and a scenario is cloned
    // only when the trainee opens it.
    let scenarios: Vec<&Scenario> = catalog
        .entries(&assets)
        .filter_map(|l| l.scenario.as_ref())
        .collect();
    // The scenario whose briefing the trainee asked for, opened after drawing.
    let mut to_open: Option<String> = None;
    let best = best_results(&attempts);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading("Scenario library");
        if let Some(paused) = &paused.0 {
            ui.group(|ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!(
                        "You paused \u{201c}{}\u{201d}.",
                        paused.scenario_title
                    ));
                    let scenario = scenarios
                        .iter()
                        .find(|s| s.meta.id == paused.saved.scenario_id);
                    if let Some(scenario) = scenario
                        && ui.button("Resume where you left off").clicked()
                    {
                        match practice.resume(Arc::new((*scenario).clone()), paused) {
                            Ok(()) => next.set(Screen::Session),
                            Err(e) => {
                                practice.notice =
                                    Some(format!("The paused session could not be resumed: {e}"))
                            }
                        }
                    }
                });
            });
        }
        if let Some(notice) = &practice.notice {
            ui.label(RichText::new(notice).color(palette.accent));
        }
        let title_of = |id: &str| {
            scenarios
                .iter()
                .find(|s| s.meta.id == id)
                .map(|s| s.meta.title.clone())
        };
        if let Some(id) = assignment_panel(
            ui,
            &mut assignments,
            &attempts,
            &settings,
            &palette,
            title_of,
        ) {
            to_open = Some(id);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut filter.search)
                    .hint_text("title, client, tag...")
                    .desired_width(260.0),
            );
            ui.add_space(12.0);
            ui.label("Phase");
            egui::ComboBox::from_id_salt("phase-filter")
                .selected_text(
                    filter
                        .phase
                        .map_or("Any phase".to_owned(), |p| words(p.as_str())),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.phase, None, "Any phase");
                    for phase in AlliancePhase::ALL {
                        ui.selectable_value(&mut filter.phase, Some(*phase), words(phase.as_str()));
                    }
                });
            ui.add_space(12.0);
            ui.label("Skill");
            egui::ComboBox::from_id_salt("skill-filter")
                .selected_text(filter.skill.map_or("Any skill", |s| s.label()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.skill, None, "Any skill");
                    for skill in Skill::ALL {
                        ui.selectable_value(&mut filter.skill, Some(*skill), skill.label());
                    }
                });
        });
        ui.separator();
        if !catalog.all_loaded(&assets) {
            ui.spinner();
        }
        egui::ScrollArea::vertical()
            .id_salt("library-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let entries: Vec<&Loaded> = catalog.entries(&assets).collect();
                for loaded in &entries {
                    let Some(scenario) = &loaded.scenario else {
                        continue;
                    };
                    if !matches(scenario, &filter) {
                        continue;
                    }
                    egui::Frame::group(ui.style())
                        .inner_margin(10.0)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.horizontal(|ui| {
                                ui.label(
                                    RichText::new(&scenario.meta.title)
                                        .strong()
                                        .size(ui.text_style_height(&egui::TextStyle::Body) * 1.2),
                                );
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        if ui.button("Open briefing").clicked() {
                                            to_open = Some(scenario.meta.id.clone());
                                        }
                                    },
                                );
                            });
                            let c = &scenario.client;
                            ui.label(format!(
                                "{} ({}, {}) \u{2022} {} \u{2022} session {} \u{2022} about {} min",
                                c.name,
                                c.age,
                                c.pronouns,
                                words(scenario.meta.phase.as_str()),
                                scenario.meta.session_number,
                                scenario.meta.minutes
                            ));
                            ui.label(RichText::new(&scenario.meta.summary).color(palette.muted));
                            chips(
                                ui,
                                scenario.meta.skills.iter().map(|s| s.label().to_owned()),
                                &palette,
                            );
                            if !scenario.meta.tags.is_empty() {
                                ui.label(
                                    RichText::new(format!(
                                        "Tags: {}",
                                        scenario.meta.tags.join(", ")
                                    ))
                                    .small()
                                    .color(palette.muted),
                                );
                            }
                            match best.get(scenario.meta.id.as_str()) {
                                Some(scores) => ui.label(format!(
                                    "Your best: empathy {}, warmth {}, repair {}",
                                    show(scores.empathy),
                                    show(scores.warmth),
                                    show(scores.repair)
                                )),
                                None => ui.label(
                                    RichText::new("Not attempted yet")
                                        .italics()
                                        .color(palette.muted),
                                ),
                            };
                        });
                    ui.add_space(6.0);
                }
                let broken: Vec<(&Path, String)> = entries
                    .iter()
                    .filter(|l| l.scenario.is_none())
                    .map(|l| (l.path.as_path(), l.render()))
                    .collect();
                unloadable_files(ui, "file(s)", &broken, &palette);
            });
    });
    if let Some(scenario) = to_open.and_then(|id| scenarios.into_iter().find(|s| s.meta.id == id)) {
        practice.open(Arc::new(scenario.clone()));
        practice.assignment = assignments.tag_for(&scenario.meta.id);
        next.set(Screen::Briefing);
    }
    Ok(())
}

fn show(value: Option<u8>) -> String {
    value.map_or("not observed".to_owned(), |v| v.to_string())
}

/// The best (highest mean) attempt per scenario.
fn best_results(attempts: &Attempts) -> HashMap<&str, DimensionScores> {
    let mut best: HashMap<&str, (f32, DimensionScores)> = HashMap::new();
    for record in &attempts.set.records {
        let s = record.debrief.scores;
        let values: Vec<f32> = [s.empathy, s.warmth, s.repair]
            .iter()
            .flatten()
            .map(|v| f32::from(*v))
            .collect();
        let mean = if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f32>() / values.len() as f32
        };
        let entry = best.entry(record.scenario_id.as_str()).or_insert((-1.0, s));
        if mean > entry.0 {
            *entry = (mean, s);
        }
    }
    best.into_iter().map(|(k, (_, v))| (k, v)).collect()
}

fn draw_briefing(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut practice: ResMut<Practice>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let palette = palette(&settings);
    let mut root = root_ui(ctx);
    nav_bar(&mut root, Screen::Briefing, &mut next);
    let Some(scenario) = practice.scenario.clone() else {
        next.set(Screen::Library);
        return Ok(());
    };
    egui::Panel::bottom("briefing-actions").show(&mut root, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Back to the library").clicked() {
                next.set(Screen::Library);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let begin = ui.add(
                    egui::Button::new(RichText::new("Begin the session").strong())
                        .fill(palette.accent),
                );
                if begin.clicked() {
                    match practice.begin() {
                        Ok(()) => next.set(Screen::Session),
                        Err(e) => practice.notice = Some(e),
                    }
                }
            });
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("briefing-scroll").auto_shrink([false, false]).show(ui, |ui| {
            let meta = &scenario.meta;
            let client = &scenario.client;
            ui.heading(&meta.title);
            ui.label(RichText::new(&meta.summary).color(palette.muted));
            ui.add_space(8.0);
            ui.horizontal_top(|ui| {
                super::portrait::draw(ui, &client.portrait, rapport::vocab::Emotion::Neutral, client.initial.openness, 150.0);
                ui.vertical(|ui| {
                    ui.label(RichText::new(format!("{}, {} ({})", client.name, client.age, client.pronouns)).strong());
                    ui.label(format!("Why they came: {}", client.presenting_problem));
                    if !client.background.is_empty() {
                        ui.label(&client.background);
                    }
                });
            });
            ui.add_space(8.0);
            ui.label(RichText::new("The frame").strong());
            ui.label(format!(
                "Session {} \u{2022} {} \u{2022} {} approach \u{2022} allow about {} minutes to play",
                meta.session_number,
                words(meta.phase.as_str()),
                words(client.approach.as_str()),
                meta.minutes
            ));
            if !meta.objectives.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new("Learning objectives").strong());
                for objective in &meta.objectives {
                    ui.label(format!("\u{2022} {objective}"));
                }
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Skills in focus").strong());
            chips(ui, meta.skills.iter().map(|s| s.label().to_owned()), &palette);
            if !meta.contracting.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new("Agree the frame with the client").strong());
                chips(ui, meta.contracting.iter().map(|f| f.label().to_owned()), &palette);
            }
            if !meta.content_notes.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(format!("Content notes: {}", meta.content_notes.join(", "))).color(palette.poor));
            }
        });
    });
    Ok(())
}
