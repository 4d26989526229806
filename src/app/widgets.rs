//! Small pieces shared by the screens: the root UI, the navigation bar,
//! score bars, labelled chips, speech bubbles and the list of files that
//! could not be loaded.

use super::screens::Screen;
use super::settings::Settings;
use super::theme::Palette;
use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText, Ui};
use std::path::Path;

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
                ui.add(
                    egui::ProgressBar::new(f32::from(v) / 100.0)
                        .desired_width(ui.available_width().min(220.0))
                        .fill(score_colour(v, palette))
                        .text(
                            RichText::new(format!("{v}"))
                                .color(palette.on_fill)
                                .strong(),
                        ),
                );
            }
            None => {
                ui.label(RichText::new("not observed").italics().color(palette.muted));
            }
        }
    });
}

/// The colour band of a 0-100 score, the same on every screen's score bars.
pub fn score_colour(value: u8, palette: &Palette) -> Color32 {
    if value >= 60 {
        palette.good
    } else if value >= 40 {
        palette.accent
    } else {
        palette.poor
    }
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

/// "1 rep", "3 reps": a count with its noun, plural when it is not one.
pub fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

/// Whether a speech bubble draws its edge.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Edge {
    Flat,
    /// High contrast's bubbles are as black as the panel: an outline shows the card.
    Outlined,
}

/// A speech bubble: a rounded card in `fill`, as wide as the column.
pub fn bubble(ui: &mut Ui, fill: Color32, edge: Edge, add: impl FnOnce(&mut Ui)) {
    let stroke = match edge {
        Edge::Flat => egui::Stroke::NONE,
        Edge::Outlined => ui.visuals().widgets.noninteractive.bg_stroke,
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

/// The files of a folder that could not be loaded: a count in the problem
/// colour, then each file's path over its diagnostics, open. `what` names
/// the files in the count ("file(s)", "drill file(s)"). Nothing when all loaded.
pub fn unloadable_files(ui: &mut Ui, what: &str, files: &[(&Path, String)], palette: &Palette) {
    if files.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!("{} {what} could not be loaded", files.len()))
            .strong()
            .color(palette.poor),
    );
    for (path, diagnostics) in files {
        egui::CollapsingHeader::new(path.display().to_string())
            .default_open(true)
            .show(ui, |ui| {
                ui.label(RichText::new(diagnostics).monospace());
            });
    }
}
