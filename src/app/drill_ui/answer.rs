//! The answer box: type a response (Enter submits, Shift+Enter starts a new
//! line), or, for a trainee not ready to type, pick one of the statement's
//! model responses and pitfalls in a shuffled order.

use super::state::{AnswerMode, DrillScreen};
use super::{Action, Look};
use bevy_egui::egui::{self, RichText};

/// Typing, or picking one of the shuffled options.
pub(super) fn answer_input(
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

#[cfg(test)]
mod tests {
    use super::super::highlight::Marks;
    use super::*;
    use crate::app::settings::Theme;
    use crate::app::theme::Palette;
    use crate::app::widgets::Edge;

    #[test]
    fn enter_submits_and_shift_enter_starts_a_new_line() {
        let ctx = egui::Context::default();
        let look = Look {
            palette: Palette::for_theme(Theme::Light),
            marks: Marks::for_theme(Theme::Light),
            body: 16.0,
            bubble_edge: Edge::Flat,
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
}
