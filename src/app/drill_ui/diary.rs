//! The practice diary beside the practice: the trainee's reps and level on
//! the drill, charts of reps and mean scores per day, and their notes.

use super::state::{Diary, DrillScreen};
use super::{Action, Look};
use crate::app::charts::{Axes, Series, chart_height, line_chart, score_series};
use crate::app::theme::Palette;
use crate::app::widgets::counted;
use bevy_egui::egui::{self, RichText};
use chrono::NaiveDate;
use rapport::drill::{Drill, Rep};
use std::collections::BTreeMap;
use std::path::Path;

/// Notes listed in the diary panel, newest first.
const NOTES_SHOWN: usize = 5;

/// The diary for the drill: level, a chart of reps and mean scores per
/// day, and the trainee's notes.
pub(super) fn diary_panel(
    ui: &mut egui::Ui,
    screen: &mut DrillScreen,
    drill: &Drill,
    look: &Look,
    path: &Path,
    action: &mut Option<Action>,
) {
    let palette = &look.palette;
    ui.heading("Practice diary");
    let diary = match &screen.diary {
        Diary::Ready(diary) => diary,
        Diary::Unavailable(_) => {
            ui.label(
                RichText::new("The diary could not be read; see the note on the left.")
                    .color(palette.poor),
            );
            return;
        }
        Diary::NotRead => return,
    };
    let progress = diary.drills.get(&drill.id);
    let reps = progress.map_or(&[][..], |p| p.reps.as_slice());
    let days = per_day(reps);
    match progress {
        Some(p) if !reps.is_empty() => {
            ui.label(format!(
                "{} on {} \u{2022} highest level {}",
                counted(reps.len(), "rep"),
                counted(days.len(), "day"),
                p.highest_level
            ));
        }
        _ => {
            ui.label(
                RichText::new(
                    "No reps of this drill yet. Each response you give is recorded here.",
                )
                .color(palette.muted),
            );
        }
    }
    if !days.is_empty() {
        chart_section(ui, &days, &look.palette);
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Your notes").strong());
    ui.add(
        egui::TextEdit::multiline(&mut screen.note)
            .id(egui::Id::new("drill-note"))
            .hint_text("What did you notice? What will you try next time?")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    if ui
        .add_enabled(
            !screen.note.trim().is_empty(),
            egui::Button::new("Save note"),
        )
        .clicked()
    {
        *action = Some(Action::SaveNote);
    }
    if let Some(progress) = progress {
        for note in progress.notes.iter().rev().take(NOTES_SHOWN) {
            ui.label(
                RichText::new(
                    note.at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                )
                .small()
                .color(palette.muted),
            );
            ui.label(&note.text);
        }
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!("Kept on this computer only, in {}", path.display()))
            .small()
            .color(palette.muted),
    );
}

/// The per-day charts of a drill's reps, for the history screen.
pub(in crate::app) fn drill_charts(ui: &mut egui::Ui, reps: &[Rep], palette: &Palette) {
    let days = per_day(reps);
    if days.is_empty() {
        ui.label(RichText::new("No reps of this drill yet.").color(palette.muted));
    } else {
        chart_section(ui, &days, palette);
    }
}

/// Why this sitting is not being recorded, when the diary could not be read.
pub(super) fn diary_problem(ui: &mut egui::Ui, diary: &Diary, palette: &Palette) {
    if let Diary::Unavailable(problem) = diary {
        ui.label(
            RichText::new(format!(
                "Your practice diary could not be read, so this practice is not being \
                 recorded (the file is left as it is): {problem}"
            ))
            .color(palette.poor),
        );
    }
}

/// One day of practice on a drill.
struct Day {
    /// Days since the first day of practice, plus one.
    number: f64,
    reps: usize,
    empathy: f64,
    warmth: f64,
}

/// Reps grouped by local calendar day, oldest first.
fn per_day(reps: &[Rep]) -> Vec<Day> {
    let mut by_day: BTreeMap<NaiveDate, (usize, f64, f64)> = BTreeMap::new();
    for rep in reps {
        let day = rep.at.with_timezone(&chrono::Local).date_naive();
        let entry = by_day.entry(day).or_default();
        entry.0 += 1;
        entry.1 += f64::from(rep.empathy);
        entry.2 += f64::from(rep.warmth);
    }
    let Some(first) = by_day.keys().next().copied() else {
        return Vec::new();
    };
    by_day
        .into_iter()
        .map(|(day, (reps, empathy, warmth))| Day {
            number: ((day - first).num_days() + 1) as f64,
            reps,
            empathy: empathy / reps as f64 * 100.0,
            warmth: warmth / reps as f64 * 100.0,
        })
        .collect()
}

/// Reps per day, then mean empathy and warmth per day. Repair is left out:
/// most drills' statements give it nothing to score.
fn chart_section(ui: &mut egui::Ui, days: &[Day], palette: &Palette) {
    let height = chart_height(ui) * 0.8;
    let last = days.last().map_or(1.0, |d| d.number);
    let most = days.iter().map(|d| d.reps).max().unwrap_or(0).max(5) as f64;
    // Both charts share the days, so their points line up one above the other.
    let by_day = |y_max: f64| Axes {
        x_label: "day (1 = your first day on this drill)",
        x_range: (0.5, last + 0.5),
        y_range: (0.0, y_max),
    };
    ui.add_space(4.0);
    ui.label("Reps per day");
    line_chart(
        ui,
        "drill-reps",
        height,
        &by_day(most),
        vec![Series {
            name: "Reps",
            colour: palette.accent,
            points: days.iter().map(|d| [d.number, d.reps as f64]).collect(),
        }],
    );
    ui.label("Mean scores per day (0-100)");
    line_chart(
        ui,
        "drill-scores",
        height,
        &by_day(100.0),
        score_series(
            palette,
            days.iter().map(|d| [d.number, d.empathy]).collect(),
            days.iter().map(|d| [d.number, d.warmth]).collect(),
            None,
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use rapport::drill::{Level, Performance};

    #[test]
    fn reps_group_by_day_with_mean_scores() {
        // Fixed mid-January noons: no daylight-saving change between them in
        // any time zone, so the local calendar days stay three apart.
        let rep = |day: u32, empathy: f32| Rep {
            at: chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 1, day, 12, 0, 0)
                .single()
                .expect("a valid time"),
            statement_id: "b1".into(),
            level: Level::Beginner,
            response: "r".into(),
            intent: rapport::vocab::Intent::ReflectionSimple,
            fits: true,
            empathy,
            warmth: 0.5,
            repair: 0.0,
            performance: Performance::Adequate,
            rating: None,
        };
        let days = per_day(&[rep(10, 0.2), rep(10, 0.4), rep(13, 0.9)]);
        assert_eq!(days.len(), 2);
        assert_eq!((days[0].number, days[0].reps), (1.0, 2));
        assert!((days[0].empathy - 30.0).abs() < 1e-3);
        assert_eq!(days[1].number, 4.0);
    }
}
