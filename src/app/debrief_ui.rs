//! The debrief: the ending, the three scores with their definitions, charts,
//! the ten skills with quoted evidence, the client's voice, rewind to any turn
//! with branches side by side, and written reflections saved with the attempt.

use super::charts::{Axes, Series, chart_height, line_chart, score_series};
use super::practice::{Practice, REFLECTION_PROMPTS};
use super::screens::Screen;
use super::settings::Settings;
use super::storage::Storage;
use super::theme::Palette;
use super::widgets::{palette, rating_text, root_ui, score_bar, words};
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use rapport::debrief::Debrief;
use rapport::scoring::describe;
use rapport::session::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_debrief.run_if(in_state(Screen::Debrief)),
    );
}

fn draw_debrief(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    storage: Res<Storage>,
    mut practice: ResMut<Practice>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let palette = palette(&settings);
    let (Some(session), Some(debrief)) = (practice.session.clone(), practice.debrief.clone())
    else {
        next.set(Screen::Library);
        return Ok(());
    };
    let mut root = root_ui(ctx);
    let mut rewind_to = None;
    let mut save_reflections = false;
    egui::Panel::top("debrief-bar").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(
                    "Debrief \u{2022} {}",
                    session.scenario().meta.title
                ))
                .strong(),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Back to the library").clicked() {
                    next.set(Screen::Library);
                }
                if ui.button("History").clicked() {
                    next.set(Screen::History);
                }
            });
        });
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("debrief-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(ending) = session.ending() {
                    ui.heading(&ending.title);
                    ui.label(
                        RichText::new(format!("Outcome: {}", words(ending.outcome.as_str())))
                            .color(palette.muted),
                    );
                    ui.label(&ending.text);
                }
                if let Some(notice) = &practice.notice {
                    ui.label(RichText::new(notice).color(palette.accent));
                }
                ui.add_space(8.0);
                scores_section(ui, &debrief, &palette);
                ui.add_space(8.0);
                charts_section(ui, &session, &debrief, &palette);
                ui.add_space(8.0);
                skills_section(ui, &debrief, &palette);
                ui.add_space(8.0);
                client_section(ui, &debrief, &session);
                ui.add_space(8.0);
                rewind_to = rewind_section(ui, &session, &debrief, &palette);
                ui.add_space(8.0);
                ui.heading("Your reflections");
                ui.label(
                    RichText::new("Written reflections are saved with this attempt.")
                        .color(palette.muted),
                );
                for (prompt, answer) in REFLECTION_PROMPTS
                    .iter()
                    .zip(practice.reflections.iter_mut())
                {
                    ui.label(RichText::new(*prompt).strong());
                    ui.add(
                        egui::TextEdit::multiline(answer)
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    );
                }
                if ui.button("Save reflections").clicked() {
                    save_reflections = true;
                }
                ui.add_space(24.0);
            });
    });
    if save_reflections {
        practice.save_reflections(&storage);
    }
    if let Some(turn) = rewind_to
        && let Some(session) = practice.session.as_mut()
    {
        match session.rewind_to(turn) {
            Ok(()) => {
                practice.notice = None;
                next.set(Screen::Session);
            }
            Err(e) => practice.notice = Some(e.to_string()),
        }
    }
    Ok(())
}

fn scores_section(ui: &mut egui::Ui, debrief: &Debrief, palette: &Palette) {
    ui.heading("Scores");
    let s = &debrief.scores;
    score_bar(ui, "Empathy", s.empathy, palette);
    ui.label(RichText::new("How far you entered the client's experience: reacting with feeling, understanding what they meant, and exploring it (EPITOME).").small().color(palette.muted));
    score_bar(ui, "Warmth", s.warmth, palette);
    ui.label(RichText::new("Acceptance and care, free of judgement and of the roadblocks (advising, reassuring too early, persuading, minimising).").small().color(palette.muted));
    score_bar(ui, "Repair", s.repair, palette);
    ui.label(RichText::new("How you met signs of strain: inviting talk about it, owning your part, clarifying, explaining or changing the task (3RS). Not observed when no rupture came up.").small().color(palette.muted));
    let m = &debrief.miti;
    ui.label(format!(
        "Reflections {} ({} complex) \u{2022} questions {} ({} open) \u{2022} reflection-to-question {} \u{2022} complex reflections {}",
        m.counts.simple_reflections + m.counts.complex_reflections,
        m.counts.complex_reflections,
        m.counts.open_questions + m.counts.closed_questions,
        m.counts.open_questions,
        m.reflection_to_question.map_or("n/a".to_owned(), |r| format!("{r:.1}:1")),
        m.percent_complex_reflections.map_or("n/a".to_owned(), |p| format!("{p:.0}%")),
    ));
    if let Some(frame) = &debrief.frame {
        let list = |items: &[rapport::vocab::FrameItem]| {
            items
                .iter()
                .map(|i| i.label())
                .collect::<Vec<_>>()
                .join(", ")
        };
        ui.label(format!(
            "Frame agreed: {}",
            if frame.covered.is_empty() {
                "none".to_owned()
            } else {
                list(&frame.covered)
            }
        ));
        if !frame.missing.is_empty() {
            ui.label(
                RichText::new(format!("Not yet agreed: {}", list(&frame.missing)))
                    .color(palette.poor),
            );
        }
    }
}

fn charts_section(ui: &mut egui::Ui, session: &Session, debrief: &Debrief, palette: &Palette) {
    ui.heading("Over the session");
    let height = chart_height(ui);
    let states = session.state_history();
    let alliance: Vec<[f64; 2]> = states
        .iter()
        .enumerate()
        .map(|(i, s)| [i as f64, f64::from(s.alliance())])
        .collect();
    let openness: Vec<[f64; 2]> = states
        .iter()
        .enumerate()
        .map(|(i, s)| [i as f64, f64::from(s.openness.rank() * 50)])
        .collect();
    let turns = debrief.per_turn.len() as f64;
    let per_turn = |f: &dyn Fn(&rapport::transcript::TurnScores) -> Option<u8>| -> Vec<[f64; 2]> {
        debrief
            .per_turn
            .iter()
            .enumerate()
            .filter_map(|(i, s)| f(s).map(|v| [(i + 1) as f64, f64::from(v)]))
            .collect()
    };
    ui.columns(2, |columns| {
        columns[0].label(
            "Alliance and openness (0 guarded, 100 open), from the start to each of your turns",
        );
        line_chart(
            &mut columns[0],
            "alliance-plot",
            height,
            &Axes {
                x_label: "your turn (0 = the start)",
                x_range: (0.0, turns.max(1.0)),
                y_range: (0.0, 100.0),
            },
            vec![
                Series {
                    name: "Alliance",
                    colour: palette.accent,
                    points: alliance,
                },
                Series {
                    name: "Openness",
                    colour: palette.good,
                    points: openness,
                },
            ],
        );
        columns[1].label("Empathy, warmth and repair on each of your turns");
        line_chart(
            &mut columns[1],
            "dimension-plot",
            height,
            &Axes {
                x_label: "your turn",
                x_range: (1.0, turns.max(2.0)),
                y_range: (0.0, 100.0),
            },
            score_series(
                palette,
                per_turn(&|s| Some(s.empathy)),
                per_turn(&|s| Some(s.warmth)),
                Some(per_turn(&|s| s.repair)),
            ),
        );
    });
}

fn skills_section(ui: &mut egui::Ui, debrief: &Debrief, palette: &Palette) {
    ui.heading("The ten skills");
    for rating in &debrief.skills {
        let title = format!(
            "{}  \u{00b7}  {}",
            rating.skill.label(),
            rating_text(rating.rating)
        );
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .id_salt(rating.skill.as_str())
            .default_open(rating.rating.is_some_and(|r| r <= 2))
            .show(ui, |ui| {
                for quote in &rating.evidence {
                    ui.label(format!(
                        "Turn {}: \u{201c}{}\u{201d} ({})",
                        quote.turn + 1,
                        quote.text,
                        quote.measure
                    ));
                    if let Some(note) = &quote.note {
                        ui.label(RichText::new(note).small().color(palette.muted));
                    }
                }
                if let Some(well) = &rating.done_well {
                    ui.label(RichText::new(format!("Done well: {well}")).color(palette.good));
                }
                ui.label(format!("Try next: {}", rating.try_next));
            });
    }
}

fn client_section(ui: &mut egui::Ui, debrief: &Debrief, session: &Session) {
    let name = &session.scenario().client.name;
    ui.heading(format!("In {name}'s words"));
    for answer in &debrief.client_feedback {
        ui.label(RichText::new(&answer.question).strong());
        ui.label(format!("\u{201c}{}\u{201d}", answer.answer));
    }
    let a = &debrief.alliance;
    ui.add_space(6.0);
    ui.label(format!(
        "How {name} might rate the alliance: supportive {}/100, working together {}/100, risk of dropping out {}/100.",
        a.supportiveness, a.collaboration, a.dropout_risk
    ));
    ui.label(RichText::new(format!("\u{201c}{}\u{201d}", a.summary)).italics());
}

/// Lists the turns with a rewind button each; returns the turn picked.
fn rewind_section(
    ui: &mut egui::Ui,
    session: &Session,
    debrief: &Debrief,
    palette: &Palette,
) -> Option<usize> {
    ui.heading("Try another branch");
    ui.label(RichText::new("Go back to any of your turns and answer differently. The branch you leave is kept for comparison.").color(palette.muted));
    let mut picked = None;
    for (i, turn) in session.turns().iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui.button(format!("Rewind to turn {}", i + 1)).clicked() {
                picked = Some(i);
            }
            ui.label(format!("\u{201c}{}\u{201d}", turn.text));
        });
    }
    for branch in &debrief.branches {
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!("Two branches from turn {}", branch.from_turn + 1)).strong(),
        );
        ui.columns(2, |c| {
            for (col, title, answer, scores, ending) in [
                (
                    0,
                    "This time",
                    &branch.kept_answer,
                    &branch.kept,
                    &branch.kept_ending,
                ),
                (
                    1,
                    "Before",
                    &branch.abandoned_answer,
                    &branch.abandoned,
                    &branch.abandoned_ending,
                ),
            ] {
                let ui = &mut c[col];
                ui.label(RichText::new(title).strong());
                if let Some(answer) = answer {
                    ui.label(format!("\u{201c}{answer}\u{201d}"));
                }
                ui.label(format!(
                    "Empathy {} \u{2022} warmth {} \u{2022} repair {}",
                    describe(scores.empathy),
                    describe(scores.warmth),
                    describe(scores.repair)
                ));
                ui.label(format!(
                    "Ending: {}",
                    ending.as_deref().map_or("not reached".to_owned(), words)
                ));
            }
        });
    }
    picked
}
