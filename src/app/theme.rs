//! Applies the settings to egui: text sizes, colours and motion.

use super::presenter::{Presenter, effective_text_size};
use super::settings::{Settings, Theme};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui::{Color32, FontFamily, FontId, TextStyle};

/// Colours the screens use beyond egui's own.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub accent: Color32,
    pub good: Color32,
    pub poor: Color32,
    pub muted: Color32,
    pub client_bubble: Color32,
    pub trainee_bubble: Color32,
    /// Text drawn on an accent, good or poor fill (score bars).
    pub on_fill: Color32,
}

impl Palette {
    pub fn for_theme(theme: Theme) -> Palette {
        match theme {
            Theme::Light => Palette {
                accent: Color32::from_rgb(38, 94, 160),
                good: Color32::from_rgb(30, 120, 70),
                poor: Color32::from_rgb(170, 50, 40),
                muted: Color32::from_rgb(90, 90, 100),
                client_bubble: Color32::from_rgb(236, 240, 246),
                trainee_bubble: Color32::from_rgb(226, 241, 232),
                on_fill: Color32::WHITE,
            },
            Theme::Dark => Palette {
                accent: Color32::from_rgb(120, 170, 235),
                good: Color32::from_rgb(110, 200, 140),
                poor: Color32::from_rgb(240, 120, 110),
                muted: Color32::from_rgb(170, 170, 180),
                client_bubble: Color32::from_rgb(42, 48, 60),
                trainee_bubble: Color32::from_rgb(36, 58, 46),
                on_fill: Color32::BLACK,
            },
            Theme::HighContrast => Palette {
                accent: Color32::from_rgb(255, 230, 0),
                good: Color32::from_rgb(0, 255, 120),
                poor: Color32::from_rgb(255, 110, 110),
                muted: Color32::WHITE,
                client_bubble: Color32::BLACK,
                trainee_bubble: Color32::from_rgb(0, 0, 60),
                on_fill: Color32::BLACK,
            },
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, apply_settings_to_egui);
}

/// Applies the settings whenever they differ from what was last applied (the
/// egui context may not exist on the first frames, so a change flag alone
/// could be missed).
fn apply_settings_to_egui(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    presenter: Res<Presenter>,
    mut applied: Local<Option<(Settings, bool)>>,
) -> Result {
    let wanted = (settings.clone(), presenter.on);
    if applied.as_ref() == Some(&wanted) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    *applied = Some(wanted);
    let mut visuals = match settings.theme {
        Theme::Light => egui::Visuals::light(),
        Theme::Dark => {
            // egui's dark text is mid-grey; trainees read long client lines,
            // so body text gets a lighter grey for contrast.
            let mut dark = egui::Visuals::dark();
            dark.override_text_color = Some(Color32::from_gray(222));
            dark
        }
        Theme::HighContrast => high_contrast(),
    };
    visuals.hyperlink_color = Palette::for_theme(settings.theme).accent;
    let body = effective_text_size(&settings, &presenter).body_points();
    // Both egui themes get the same style: Rapport's theme is the user's
    // setting, not whatever the operating system prefers.
    ctx.all_styles_mut(|style| {
        style.visuals = visuals.clone();
        // egui's debug builds flag sub-pixel widget positions in orange; that
        // is a developer aid, not something a trainee should ever see. The
        // field exists only in debug builds.
        #[cfg(debug_assertions)]
        {
            style.debug.show_unaligned = false;
        }
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(body * 1.55, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(body, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(body, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(body * 0.8, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(body * 0.9, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(body * 0.5, body * 0.45);
        style.spacing.button_padding = egui::vec2(body * 0.6, body * 0.3);
        // Checkboxes and radio buttons grow with the text, or they vanish on a projector.
        style.spacing.icon_width = body * 0.9;
        style.spacing.icon_width_inner = body * 0.5;
        style.spacing.interact_size.y = body * 1.3;
        style.animation_time = if settings.reduced_motion { 0.0 } else { 0.12 };
    });
    Ok(())
}

fn high_contrast() -> egui::Visuals {
    let mut v = egui::Visuals::dark();
    v.override_text_color = Some(Color32::WHITE);
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    v.faint_bg_color = Color32::from_gray(20);
    let stroke = egui::Stroke::new(2.0, Color32::WHITE);
    v.widgets.noninteractive.bg_stroke = stroke;
    v.widgets.inactive.bg_stroke = stroke;
    v.widgets.inactive.weak_bg_fill = Color32::from_gray(10);
    v.widgets.inactive.bg_fill = Color32::from_gray(10);
    v.widgets.hovered.bg_stroke = egui::Stroke::new(3.0, Color32::from_rgb(255, 230, 0));
    v.widgets.active.bg_stroke = egui::Stroke::new(3.0, Color32::from_rgb(255, 230, 0));
    v.selection.bg_fill = Color32::from_rgb(0, 70, 160);
    v.selection.stroke = egui::Stroke::new(2.0, Color32::WHITE);
    v
}
