//! Small line charts with fixed axes, shared by the debrief, history and
//! drills screens: a chart that rescales itself around two points reads as noise.

use super::theme::Palette;
use bevy_egui::egui::{self, Color32, Ui};
use egui_plot::{Line, Plot, PlotPoints, Points};

/// One named series of `(x, y)` points.
pub struct Series {
    pub name: &'static str,
    pub colour: Color32,
    pub points: Vec<[f64; 2]>,
}

/// What a chart shows on its axes.
pub struct Axes {
    pub x_label: &'static str,
    /// The x range always shown, so one point is not stretched across the chart.
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
}

/// Empathy, warmth and repair (where a screen charts it) as series, each in
/// the colour it has on every chart of the scores.
pub fn score_series(
    palette: &Palette,
    empathy: Vec<[f64; 2]>,
    warmth: Vec<[f64; 2]>,
    repair: Option<Vec<[f64; 2]>>,
) -> Vec<Series> {
    let mut series = vec![
        Series {
            name: "Empathy",
            colour: palette.accent,
            points: empathy,
        },
        Series {
            name: "Warmth",
            colour: palette.good,
            points: warmth,
        },
    ];
    if let Some(points) = repair {
        series.push(Series {
            name: "Repair",
            colour: palette.poor,
            points,
        });
    }
    series
}

/// Draws the series as lines with a dot on every point (a lone value still shows).
pub fn line_chart(ui: &mut Ui, id: &str, height: f32, axes: &Axes, series: Vec<Series>) {
    key(ui, &series);
    Plot::new(id)
        .height(height)
        .x_axis_label(axes.x_label)
        // Turns and attempts are whole numbers; half a turn means nothing.
        .x_axis_formatter(|mark, _range| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value)
            } else {
                String::new()
            }
        })
        .include_x(axes.x_range.0)
        .include_x(axes.x_range.1)
        .include_y(axes.y_range.0)
        .include_y(axes.y_range.1)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show(ui, |plot| {
            for series in series {
                if series.points.len() > 1 {
                    plot.line(
                        Line::new(series.name, PlotPoints::from(series.points.clone()))
                            .color(series.colour)
                            .width(2.5),
                    );
                }
                plot.points(
                    Points::new(series.name, PlotPoints::from(series.points))
                        .color(series.colour)
                        .filled(true)
                        .radius(4.0),
                );
            }
        });
}

/// The chart's key as a row above it: a legend inside the plot would sit on
/// the newest points, which are often the highest.
fn key(ui: &mut Ui, series: &[Series]) {
    ui.horizontal_wrapped(|ui| {
        for series in series {
            let size = ui.text_style_height(&egui::TextStyle::Small);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), size * 0.35, series.colour);
            ui.label(egui::RichText::new(series.name).small());
            ui.add_space(size * 0.5);
        }
    });
}

/// A chart height that grows with the text size, so projector mode stays legible.
pub fn chart_height(ui: &Ui) -> f32 {
    (ui.text_style_height(&egui::TextStyle::Body) * 11.0).max(170.0)
}
