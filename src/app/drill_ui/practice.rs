//! One drill in practice: the bar to switch drills and present, the client
//! statement, the answer (typed or picked from options) or its feedback, and
//! the rate, retry and skip bar.

use super::answer::answer_input;
use super::diary::{diary_panel, diary_problem};
use super::feedback::feedback_view;
use super::state::{DrillScreen, Tone};
use super::{Action, Look};
use crate::app::widgets::bubble;
use bevy_egui::egui::{self, RichText};
use rapport::drill::{DifficultyRating, Level, Statement};
use std::path::Path;

/// One drill in practice: the bar, the statement, the answer or its
/// feedback, the rating bar and the diary. `presenting` is the app-wide
/// presenter mode.
pub(super) fn practice_view(
    root: &mut egui::Ui,
    screen: &mut DrillScreen,
    presenting: bool,
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
                    for other in screen.drills() {
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
            let mut on = presenting;
            if ui
                .checkbox(&mut on, "Presenter mode")
                .on_hover_text(
                    "For a class watching on a projector: full screen, very large text, and \
                     feedback and model responses hidden until you reveal them.",
                )
                .changed()
            {
                *action = Some(Action::Present(on));
            }
        });
        ui.add_space(2.0);
    });

    let Some(run) = screen.run.as_ref() else {
        return;
    };
    if run.statement().is_some() {
        egui::Panel::bottom("drill-actions").show(root, |ui| {
            ui.add_space(4.0);
            action_bar(ui, run.answer.is_some(), look, action);
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
                practice_body(ui, screen, presenting, look, action);
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
    presenting: bool,
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
    let (hidden, tries) = (presenting && !run.revealed, run.tries);
    match &run.answer {
        Some(answer) if hidden => {
            ui.label(RichText::new("Your response").strong());
            bubble(ui, palette.trainee_bubble, look.bubble_edge, |ui| {
                ui.label(&answer.response);
            });
            presenter_curtain(ui, look, action);
        }
        Some(answer) => {
            feedback_view(ui, answer, look);
            ui.add_space(6.0);
            egui::CollapsingHeader::new("Every model response and pitfall for this statement")
                .id_salt(("drill-models", &statement.id, tries))
                .default_open(presenting)
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
                    .default_open(presenting)
                    .show(ui, |ui| all_models(ui, statement, look));
            }
        }
    }
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Beginner => "Beginner",
        Level::Intermediate => "Intermediate",
        Level::Advanced => "Advanced",
    }
}

/// The client's words in a bubble, under the level and the context.
fn statement_card(ui: &mut egui::Ui, statement: &Statement, look: &Look) {
    let palette = &look.palette;
    bubble(ui, palette.client_bubble, look.bubble_edge, |ui| {
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

/// Every model response with its style, then every pitfall with why it misses.
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
fn action_bar(ui: &mut egui::Ui, answered: bool, look: &Look, action: &mut Option<Action>) {
    let palette = &look.palette;
    ui.horizontal_wrapped(|ui| {
        if answered {
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
