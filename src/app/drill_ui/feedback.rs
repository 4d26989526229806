//! The feedback on one answer: the response with its evidence highlighted,
//! the verdict and scores, why it was read that way, and the closest model
//! response with what it does differently.

use super::Look;
use super::highlight::{highlighted, quoted};
use super::run::Answer;
use crate::app::widgets::{bubble, score_colour, words};
use bevy_egui::egui::{self, RichText};
use rapport::drill::{Feedback, Performance, calls_for_repair};
use rapport::vocab::Intent;

/// Evidence lines listed under the response; more repeats what is highlighted.
const MAX_EVIDENCE_LINES: usize = 8;

/// The feedback on one answer: the highlighted response, the verdict and
/// scores, the evidence and what the closest model does differently.
pub(super) fn feedback_view(ui: &mut egui::Ui, answer: &Answer, look: &Look) {
    let palette = &look.palette;
    let result = &answer.feedback;
    ui.label(RichText::new("Your response").strong());
    bubble(ui, palette.trainee_bubble, look.bubble_edge, |ui| {
        ui.label(highlighted(
            &answer.response,
            &result.evidence,
            &look.marks,
            look.font(),
        ));
    });
    verdict(ui, result, look);
    // One row when it fits, so the comparison with the model stays in view.
    ui.horizontal_wrapped(|ui| {
        score(ui, "Empathy", result.empathy, look);
        ui.add_space(look.body);
        score(ui, "Warmth", result.warmth, look);
        ui.add_space(look.body);
        if repair_applies(result) {
            score(ui, "Repair", result.repair, look);
        } else {
            // Like the other screens' "not observed": no number, no bar.
            ui.label(RichText::new("Repair").strong());
            ui.label(
                RichText::new("not applicable here")
                    .italics()
                    .color(palette.muted),
            )
            .on_hover_text(
                "Repair scores how a response mends a strain between you and the client; \
                 this statement shows none.",
            );
        }
    });
    ui.add_space(6.0);
    evidence_list(ui, result, look);
    ui.add_space(6.0);
    model_comparison(ui, result, look);
}

/// Whether the repair score means anything for this statement. Elsewhere a
/// low repair score would read as a mark against the trainee for a move
/// nobody asked for.
fn repair_applies(result: &Feedback) -> bool {
    calls_for_repair(&result.fitting)
}

/// Strong, adequate or missed; the move it was read as; whether that fits.
fn verdict(ui: &mut egui::Ui, result: &Feedback, look: &Look) {
    let palette = &look.palette;
    ui.horizontal_wrapped(|ui| {
        let (grade, colour) = match result.performance {
            Performance::Strong => ("Strong", palette.good),
            Performance::Adequate => ("Adequate", palette.accent),
            Performance::Missed => ("Missed", palette.poor),
        };
        ui.label(RichText::new(grade).strong().color(colour));
        ui.label(format!(
            "\u{2022} read as {}",
            words(result.intent.as_str())
        ));
        if result.fits {
            ui.label(RichText::new("\u{2022} fits this statement").color(palette.good));
        } else {
            ui.label(
                RichText::new(format!(
                    "\u{2022} does not fit: this statement calls for {}",
                    intents_in_words(&result.fitting)
                ))
                .color(palette.poor),
            );
        }
        if !result.secondary.is_empty() {
            ui.label(
                RichText::new(format!(
                    "\u{2022} also {}",
                    intents_in_words(&result.secondary)
                ))
                .color(palette.muted),
            );
        }
    });
}

/// "reflection simple, open question".
fn intents_in_words(intents: &[Intent]) -> String {
    intents
        .iter()
        .map(|i| words(i.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A 0-1 score as 0-100: the number as text beside a plain bar, so it reads
/// in every theme (a number printed on the bar is lost on high contrast's
/// bright fills). The colour bands are the other screens' score bars'.
fn score(ui: &mut egui::Ui, label: &str, value: f32, look: &Look) {
    let value = (value.clamp(0.0, 1.0) * 100.0).round() as u8;
    ui.label(RichText::new(format!("{label} {value}")).strong());
    ui.add(
        egui::ProgressBar::new(f32::from(value) / 100.0)
            .desired_width(look.body * 7.0)
            .desired_height(look.body * 0.6)
            .fill(score_colour(value, &look.palette)),
    );
}

/// Each distinct piece of evidence: the words on their highlight colour and why they counted.
fn evidence_list(ui: &mut egui::Ui, result: &Feedback, look: &Look) {
    let evidence = &result.evidence;
    if evidence.is_empty() {
        return;
    }
    ui.label(RichText::new("Why it was read that way").strong());
    let mut shown: Vec<(&str, &str)> = Vec::new();
    for item in evidence {
        let key = (item.text.as_str(), item.why.as_str());
        if shown.len() == MAX_EVIDENCE_LINES || shown.contains(&key) {
            continue;
        }
        shown.push(key);
        ui.horizontal_wrapped(|ui| {
            ui.label(quoted(item, &look.marks, look.font()));
            ui.label(&item.why);
        });
    }
}

/// The model response closest to the trainee's, how it reads, what it does
/// differently, and the pitfall the response resembles, if any.
fn model_comparison(ui: &mut egui::Ui, result: &Feedback, look: &Look) {
    let palette = &look.palette;
    ui.label(RichText::new(format!("A model response ({})", result.model.style)).strong());
    bubble(ui, palette.client_bubble, look.bubble_edge, |ui| {
        ui.label(&result.model.text);
        ui.label(
            RichText::new(format!(
                "read as {} \u{2022} empathy {} \u{2022} warmth {}",
                words(result.model.intent.as_str()),
                (result.model.empathy * 100.0).round(),
                (result.model.warmth * 100.0).round()
            ))
            .small()
            .color(palette.muted),
        );
    });
    if result.differences.is_empty() {
        ui.label("Your response already does what this model does.");
    } else {
        ui.label(RichText::new("What the model does differently").strong());
        for difference in &result.differences {
            ui.label(format!("\u{2022} {difference}"));
        }
    }
    if let Some(pitfall) = &result.pitfall {
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!(
                "It resembles a common pitfall: \u{201c}{}\u{201d} {}",
                pitfall.text, pitfall.why
            ))
            .color(palette.poor),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::bundled;
    use super::*;
    use rapport::drill::feedback;

    fn statement_feedback(drill: &str, statement: &str) -> Feedback {
        let drill = bundled(drill).drill.expect("the bundled drill loads");
        let statement = drill.statement(statement).expect("the statement");
        feedback(statement, &statement.models[0].text)
    }

    #[test]
    fn repair_is_scored_only_where_the_statement_calls_for_repair() {
        // A client who is tired of work: no strain with the counselor.
        assert!(!repair_applies(&statement_feedback(
            "reflecting-feelings",
            "rf-b1"
        )));
        // "Is what I say in here private?": a question, not a rupture.
        assert!(!repair_applies(&statement_feedback(
            "confidentiality",
            "co-b1"
        )));
        // "I don't see what talking about feelings is going to do."
        assert!(repair_applies(&statement_feedback(
            "reflecting-feelings",
            "rf-a5"
        )));
    }
}
