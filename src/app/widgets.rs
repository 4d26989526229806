//! Small pieces shared by the screens: the root UI, the navigation bar,
//! score bars and labelled chips.

use super::screens::Screen;
use super::settings::Settings;
use super::theme::Palette;
use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText, Ui};

/// A UI covering the whole window, to hang panels on (egui 0.36 panels take a `Ui`).
pub fn root_ui(ctx: &egui::Context) -> Ui {
    Ui::new(
        ctx.clone(),
        "rapport-root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// The top bar: the app's name and the main screens.
pub fn nav_bar(root: &mut Ui, current: Screen, next: &mut NextState<Screen>) {
    egui::Panel::top("nav").show(root, |ui| {
        ui.horizontal(|ui| {
            ui.add_space(4.0);
            ui.label(
                RichText::new("Rapport")
                    .strong()
                    .size(ui.text_style_height(&egui::TextStyle::Heading) * 0.85),
            );
            ui.add_space(16.0);
            for (screen, label) in [
                (Screen::Library, "Library"),
                (Screen::Drills, "Drills"),
                (Screen::History, "History"),
                (Screen::Records, "Records"),
                (Screen::Settings, "Settings"),
            ] {
                if ui.selectable_label(current == screen, label).clicked() && current != screen {
                    next.set(screen);
                }
            }
        });
    });
}

/// A labelled 0-100 bar; `None` shows "not observed".
pub fn score_bar(ui: &mut Ui, label: &str, value: Option<u8>, palette: &Palette) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(label).strong());
        match value {
            Some(v) => {
                let colour = if v >= 60 {
                    palette.good
                } else if v >= 40 {
                    palette.accent
                } else {
                    palette.poor
                };
                ui.add(
                    egui::ProgressBar::new(f32::from(v) / 100.0)
                        .desired_width(ui.available_width().min(220.0))
                        .fill(colour)
                        .text(RichText::new(format!("{v}")).color(Color32::WHITE).strong()),
                );
            }
            None => {
                ui.label(RichText::new("not observed").italics().color(palette.muted));
            }
        }
    });
}

/// A row of small framed labels (tags, skills).
pub fn chips(ui: &mut Ui, items: impl IntoIterator<Item = String>, palette: &Palette) {
    ui.horizontal_wrapped(|ui| {
        for item in items {
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, palette.muted))
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(6, 2))
                .show(ui, |ui| {
                    ui.label(RichText::new(item).small());
                });
        }
    });
}

/// A rating of 1-5 in words, or "not observed". Words rather than symbols:
/// the bundled fonts have no reliable star or dot glyphs.
pub fn rating_text(rating: Option<u8>) -> String {
    match rating {
        Some(r) => {
            let word = match r {
                1 => "a first step",
                2 => "developing",
                3 => "solid",
                4 => "strong",
                _ => "excellent",
            };
            format!("{r}/5, {word}")
        }
        None => "not observed".to_owned(),
    }
}

/// The palette for the current settings.
pub fn palette(settings: &Settings) -> Palette {
    Palette::for_theme(settings.theme)
}

/// Turns a snake_case vocabulary word into words ("dropout_risk" -> "dropout risk").
pub fn words(text: &str) -> String {
    text.replace('_', " ")
}
