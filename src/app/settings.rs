//! The trainee's preferences: text size up to projector size, theme, reduced
//! motion, whether the alliance indicator shows, and their name. Persisted.

use super::storage::Storage;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// Text size presets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSize {
    Small,
    Normal,
    Large,
    ExtraLarge,
    Projector,
}

impl TextSize {
    pub const ALL: [TextSize; 5] = [
        TextSize::Small,
        TextSize::Normal,
        TextSize::Large,
        TextSize::ExtraLarge,
        TextSize::Projector,
    ];

    /// Body text size in points.
    pub fn body_points(self) -> f32 {
        match self {
            TextSize::Small => 14.0,
            TextSize::Normal => 16.0,
            TextSize::Large => 19.0,
            TextSize::ExtraLarge => 23.0,
            TextSize::Projector => 30.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TextSize::Small => "Small",
            TextSize::Normal => "Normal",
            TextSize::Large => "Large",
            TextSize::ExtraLarge => "Extra large",
            TextSize::Projector => "Projector",
        }
    }
}

/// Colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];

    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::HighContrast => "High contrast",
        }
    }
}

/// Everything on the settings screen.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub text_size: TextSize,
    pub theme: Theme,
    pub reduced_motion: bool,
    pub show_alliance: bool,
    pub trainee: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            text_size: TextSize::Normal,
            theme: Theme::Light,
            reduced_motion: false,
            show_alliance: true,
            trainee: String::new(),
        }
    }
}

/// A settings file that could not be read, shown on the settings screen.
#[derive(Resource, Debug, Default)]
pub struct SettingsProblem(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SettingsProblem>()
        .add_systems(PreStartup, load_settings)
        .add_systems(Last, save_settings_when_changed)
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_settings.run_if(in_state(super::screens::Screen::Settings)),
        );
}

fn load_settings(mut commands: Commands, storage: Res<Storage>) {
    let (settings, problem) = match storage.read::<Settings>(&storage.settings_path()) {
        Ok(found) => (found.unwrap_or_default(), None),
        // A corrupt settings file is reported, and the defaults are used.
        Err(error) => (
            Settings::default(),
            Some(format!(
                "Your settings file could not be read and defaults are in use: {error}"
            )),
        ),
    };
    commands.insert_resource(settings);
    commands.insert_resource(SettingsProblem(problem));
}

fn save_settings_when_changed(
    settings: Res<Settings>,
    storage: Res<Storage>,
    mut problem: ResMut<SettingsProblem>,
) {
    if settings.is_changed()
        && !settings.is_added()
        && let Err(error) = storage.write(&storage.settings_path(), &*settings)
    {
        problem.0 = Some(format!("Settings could not be saved: {error}"));
    }
}

/// The settings screen.
pub(super) fn draw_settings(
    mut contexts: bevy_egui::EguiContexts,
    mut settings: ResMut<Settings>,
    problem: Res<SettingsProblem>,
    storage: Res<Storage>,
    mut next: ResMut<NextState<super::screens::Screen>>,
) -> Result {
    use bevy_egui::egui::{self, RichText};
    let ctx = contexts.ctx_mut()?;
    let palette = super::widgets::palette(&settings);
    let mut root = super::widgets::root_ui(ctx);
    super::widgets::nav_bar(&mut root, super::screens::Screen::Settings, &mut next);
    // Edit a copy so the resource only changes (and is saved) on a real edit.
    let mut edited = settings.clone();
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("settings-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading("Settings");
                if let Some(problem) = &problem.0 {
                    ui.label(RichText::new(problem).color(palette.poor));
                }
                ui.add_space(6.0);
                ui.label(RichText::new("Your name or trainee id").strong());
                ui.label(
                    RichText::new(
                        "Written into each attempt record so a supervisor can tell whose it is.",
                    )
                    .small()
                    .color(palette.muted),
                );
                ui.add(
                    egui::TextEdit::singleline(&mut edited.trainee)
                        .hint_text("e.g. Sam Okafor or T-0412")
                        .desired_width(320.0),
                );
                ui.add_space(10.0);
                ui.label(RichText::new("Text size").strong());
                ui.horizontal_wrapped(|ui| {
                    for size in TextSize::ALL {
                        ui.selectable_value(&mut edited.text_size, size, size.label());
                    }
                });
                ui.add_space(10.0);
                ui.label(RichText::new("Theme").strong());
                ui.horizontal_wrapped(|ui| {
                    for theme in Theme::ALL {
                        ui.selectable_value(&mut edited.theme, theme, theme.label());
                    }
                });
                ui.add_space(10.0);
                ui.checkbox(&mut edited.reduced_motion, "Reduce motion (no animations)");
                ui.checkbox(
                    &mut edited.show_alliance,
                    "Show the alliance indicator during sessions",
                );
                ui.add_space(14.0);
                ui.label(
                    RichText::new(format!(
                        "Your attempts and settings are kept on this computer only, in {}",
                        storage.root.display()
                    ))
                    .small()
                    .color(palette.muted),
                );
            });
    });
    if edited != *settings {
        *settings = edited;
    }
    Ok(())
}
