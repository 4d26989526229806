//! The drill picker: a card for every drill with the trainee's progress on
//! it, and the files that could not be loaded.

use super::diary::diary_problem;
use super::state::DrillScreen;
use super::{Action, Look};
use crate::app::widgets::{chips, counted, unloadable_files};
use bevy_egui::egui::{self, RichText};
use rapport::drill::{Drill, LoadedDrill, PracticeDiary};
use std::path::Path;

/// The list of every drill, and the files that could not be loaded.
pub(super) fn picker_view(
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
                let broken: Vec<(&Path, String)> = screen
                    .files
                    .iter()
                    .filter(|f| f.drill.is_none())
                    .map(|f| (f.path.as_path(), f.render()))
                    .collect();
                if !broken.is_empty() {
                    // Said at the top too: the details sit below a dozen cards.
                    ui.label(
                        RichText::new(format!(
                            "{} drill file(s) could not be loaded: the problems are \
                             listed at the end.",
                            broken.len()
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
                unloadable_files(ui, "drill file(s)", &broken, palette);
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

/// One drill: its title, move and summary, the trainee's level and reps on
/// it, and its authoring warnings, folded.
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
                        "{} statements \u{2022} your level: {} \u{2022} {} so far",
                        drill.statements.len(),
                        p.current_level,
                        counted(p.reps.len(), "rep")
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
