//! Past attempts with dates and scores, and the trend of each skill over time.

use super::practice::Attempts;
use super::screens::Screen;
use super::settings::Settings;
use super::widgets::{nav_bar, palette, root_ui, words};
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use egui_plot::{Legend, Line, Plot, PlotPoints};
use rapport::scoring::describe;
use rapport::vocab::Skill;

/// The skill whose trend is charted.
#[derive(Resource)]
pub struct TrendSkill(pub Skill);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(TrendSkill(Skill::Empathy)).add_systems(
        EguiPrimaryContextPass,
        draw_history.run_if(in_state(Screen::History)),
    );
}

fn draw_history(
    mut contexts: EguiContexts,
    attempts: Res<Attempts>,
    settings: Res<Settings>,
    mut trend: ResMut<TrendSkill>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let palette = palette(&settings);
    let mut root = root_ui(ctx);
    nav_bar(&mut root, Screen::History, &mut next);
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
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
                    let height = (ui.text_style_height(&egui::TextStyle::Body) * 11.0).max(160.0);
                    ui.columns(2, |columns| {
                        columns[0].label("Your three scores, attempt by attempt");
                        let series = |f: &dyn Fn(
                            &rapport::scoring::DimensionScores,
                        ) -> Option<u8>|
                         -> Vec<[f64; 2]> {
                            records
                                .iter()
                                .enumerate()
                                .filter_map(|(i, r)| {
                                    f(&r.debrief.scores).map(|v| [(i + 1) as f64, f64::from(v)])
                                })
                                .collect()
                        };
                        Plot::new("history-scores")
                            .height(height)
                            .legend(Legend::default())
                            .include_y(0.0)
                            .include_y(100.0)
                            .allow_zoom(false)
                            .allow_drag(false)
                            .allow_scroll(false)
                            .show(&mut columns[0], |plot| {
                                plot.line(
                                    Line::new("Empathy", PlotPoints::from(series(&|s| s.empathy)))
                                        .color(palette.accent)
                                        .width(2.5),
                                );
                                plot.line(
                                    Line::new("Warmth", PlotPoints::from(series(&|s| s.warmth)))
                                        .color(palette.good)
                                        .width(2.0),
                                );
                                plot.line(
                                    Line::new("Repair", PlotPoints::from(series(&|s| s.repair)))
                                        .color(palette.poor)
                                        .width(2.0),
                                );
                            });
                        let ui = &mut columns[1];
                        egui::ComboBox::from_label("Skill trend")
                            .selected_text(trend.0.label())
                            .show_ui(ui, |ui| {
                                for skill in Skill::ALL {
                                    ui.selectable_value(&mut trend.0, *skill, skill.label());
                                }
                            });
                        let skill = trend.0;
                        let points: Vec<[f64; 2]> = records
                            .iter()
                            .enumerate()
                            .filter_map(|(i, r)| {
                                r.debrief
                                    .skill(skill)
                                    .and_then(|s| s.rating)
                                    .map(|v| [(i + 1) as f64, f64::from(v)])
                            })
                            .collect();
                        Plot::new("history-skill")
                            .height(height - ui.text_style_height(&egui::TextStyle::Body) * 2.0)
                            .include_y(1.0)
                            .include_y(5.0)
                            .allow_zoom(false)
                            .allow_drag(false)
                            .allow_scroll(false)
                            .show(ui, |plot| {
                                plot.line(
                                    Line::new(skill.label(), PlotPoints::from(points))
                                        .color(palette.accent)
                                        .width(2.5),
                                );
                            });
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
