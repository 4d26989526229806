//! Past attempts with dates and scores, and the trend of each skill over time.

use super::charts::{Axes, Series, chart_height, line_chart, score_series};
use super::drill_ui::diary::drill_charts;
use super::drill_ui::diary_path;
use super::practice::Attempts;
use super::screens::Screen;
use super::settings::Settings;
use super::storage::Storage;
use super::theme::Palette;
use super::widgets::{nav_bar, palette, root_ui, words};
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use rapport::drill::PracticeDiary;
use rapport::scoring::describe;
use rapport::vocab::Skill;

/// The skill whose trend is charted.
#[derive(Resource)]
pub struct TrendSkill(pub Skill);

/// The practice diary as read when the history screen opened, and the drill
/// whose reps are charted.
#[derive(Resource, Default)]
pub struct DrillHistory {
    pub diary: Option<Result<PracticeDiary, String>>,
    pub drill: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(TrendSkill(Skill::Empathy))
        .init_resource::<DrillHistory>()
        .add_systems(OnEnter(Screen::History), read_diary)
        .add_systems(
            EguiPrimaryContextPass,
            draw_history.run_if(in_state(Screen::History)),
        );
}

/// Rereads the diary each time the screen opens: drills add reps in between.
fn read_diary(storage: Res<Storage>, mut history: ResMut<DrillHistory>) {
    let path = diary_path(&storage);
    history.diary = if path.exists() {
        Some(PracticeDiary::load(&path).map_err(|e| e.to_string()))
    } else {
        None
    };
    let practised = history
        .diary
        .as_ref()
        .and_then(|d| d.as_ref().ok())
        .map(|d| d.drills.keys().cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    if history
        .drill
        .as_ref()
        .is_none_or(|id| !practised.contains(id))
    {
        history.drill = practised.first().cloned();
    }
}

fn draw_history(
    mut contexts: EguiContexts,
    attempts: Res<Attempts>,
    settings: Res<Settings>,
    mut trend: ResMut<TrendSkill>,
    mut drills: ResMut<DrillHistory>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let palette = palette(&settings);
    let mut root = root_ui(ctx);
    nav_bar(&mut root, Screen::History, &mut next);
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("history-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading("Your practice history");
                let records = &attempts.set.records;
                if records.is_empty() {
                    ui.label(
                        RichText::new(
                            "No attempts yet. Finish a scenario and it will appear here.",
                        )
                        .color(palette.muted),
                    );
                }
                if !records.is_empty() {
                    let height = chart_height(ui);
                    let attempts_shown = records.len() as f64;
                    let per_attempt = |f: &dyn Fn(
                        &rapport::records::AttemptRecord,
                    ) -> Option<u8>|
                     -> Vec<[f64; 2]> {
                        records
                            .iter()
                            .enumerate()
                            .filter_map(|(i, r)| f(r).map(|v| [(i + 1) as f64, f64::from(v)]))
                            .collect()
                    };
                    ui.columns(2, |columns| {
                        columns[0].label("Your three scores, attempt by attempt");
                        line_chart(
                            &mut columns[0],
                            "history-scores",
                            height,
                            &Axes {
                                x_label: "attempt",
                                x_range: (0.5, attempts_shown + 0.5),
                                y_range: (0.0, 100.0),
                            },
                            score_series(
                                &palette,
                                per_attempt(&|r| r.debrief.scores.empathy),
                                per_attempt(&|r| r.debrief.scores.warmth),
                                Some(per_attempt(&|r| r.debrief.scores.repair)),
                            ),
                        );
                        let ui = &mut columns[1];
                        ui.horizontal(|ui| {
                            ui.label("Trend of one skill (1-5):");
                            egui::ComboBox::from_id_salt("trend-skill")
                                .selected_text(trend.0.label())
                                .show_ui(ui, |ui| {
                                    for skill in Skill::ALL {
                                        ui.selectable_value(&mut trend.0, *skill, skill.label());
                                    }
                                });
                        });
                        let skill = trend.0;
                        let ratings =
                            per_attempt(&|r| r.debrief.skill(skill).and_then(|s| s.rating));
                        line_chart(
                            ui,
                            "history-skill",
                            height - ui.text_style_height(&egui::TextStyle::Body) * 1.5,
                            &Axes {
                                x_label: "attempt",
                                x_range: (0.5, attempts_shown + 0.5),
                                y_range: (1.0, 5.0),
                            },
                            vec![Series {
                                name: skill.label(),
                                colour: palette.accent,
                                points: ratings,
                            }],
                        );
                    });
                    ui.add_space(8.0);
                    egui::Grid::new("attempts")
                        .striped(true)
                        .num_columns(6)
                        .spacing([18.0, 6.0])
                        .show(ui, |ui| {
                            for header in
                                ["Date", "Scenario", "Ending", "Empathy", "Warmth", "Repair"]
                            {
                                ui.label(RichText::new(header).strong());
                            }
                            ui.end_row();
                            for record in records.iter().rev() {
                                ui.label(record.ended_at.format("%Y-%m-%d %H:%M").to_string());
                                ui.label(&record.scenario_title);
                                ui.label(
                                    record.ending.as_ref().map_or("unfinished".to_owned(), |e| {
                                        words(e.outcome.as_str())
                                    }),
                                );
                                let s = &record.debrief.scores;
                                ui.label(describe(s.empathy));
                                ui.label(describe(s.warmth));
                                ui.label(describe(s.repair));
                                ui.end_row();
                            }
                        });
                }
                drill_section(ui, &mut drills, &palette);
                if !attempts.set.skipped.is_empty() {
                    ui.add_space(8.0);
                    ui.label(
                        RichText::new(format!(
                            "{} file(s) in your attempts folder could not be read:",
                            attempts.set.skipped.len()
                        ))
                        .color(palette.poor),
                    );
                    for (path, reason) in &attempts.set.skipped {
                        ui.label(RichText::new(format!("{}: {reason}", path.display())).small());
                    }
                }
            });
    });
    Ok(())
}

/// Reps and mean scores per day on one drill, from the practice diary.
fn drill_section(ui: &mut egui::Ui, history: &mut DrillHistory, palette: &Palette) {
    ui.add_space(12.0);
    ui.heading("Drill practice");
    let diary = match &history.diary {
        None => {
            ui.label(
                RichText::new("No drill practice yet. Reps from the Drills screen appear here.")
                    .color(palette.muted),
            );
            return;
        }
        Some(Err(problem)) => {
            ui.label(
                RichText::new(format!("Your practice diary could not be read: {problem}"))
                    .color(palette.poor),
            );
            return;
        }
        Some(Ok(diary)) => diary,
    };
    let mut chosen = history.drill.clone();
    ui.horizontal(|ui| {
        ui.label("Drill");
        let title = chosen
            .as_ref()
            .and_then(|id| diary.drills.get(id))
            .map_or("none".to_owned(), |p| p.title.clone());
        egui::ComboBox::from_id_salt("history-drill")
            .selected_text(title)
            .show_ui(ui, |ui| {
                for (id, progress) in &diary.drills {
                    ui.selectable_value(&mut chosen, Some(id.clone()), &progress.title);
                }
            });
    });
    if let Some(progress) = chosen.as_ref().and_then(|id| diary.drills.get(id)) {
        ui.label(format!(
            "{} reps \u{2022} highest level {} \u{2022} next time at {}",
            progress.reps.len(),
            progress.highest_level,
            progress.current_level
        ));
        drill_charts(ui, &progress.reps, palette);
    }
    history.drill = chosen;
}
