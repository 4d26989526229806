//! The debrief as plain text for the terminal.

use super::Debrief;
use crate::scoring::describe;
use std::fmt::Write as _;

/// Renders a debrief for a terminal, about 80 columns wide.
pub fn render(debrief: &Debrief) -> String {
    let mut out = String::new();
    let s = &debrief.scores;
    let _ = writeln!(out, "== Scores (0-100) ==");
    let _ = writeln!(
        out,
        "  Empathy  {:>13}   how far you entered the client's experience (EPITOME)",
        describe(s.empathy)
    );
    let _ = writeln!(
        out,
        "  Warmth   {:>13}   acceptance and care, free of judgement and roadblocks",
        describe(s.warmth)
    );
    let _ = writeln!(
        out,
        "  Repair   {:>13}   how you met ruptures (3RS resolution strategies)",
        describe(s.repair)
    );
    let m = &debrief.miti;
    let _ = writeln!(
        out,
        "  Reflections {} (complex {}), questions {} (open {}); reflection-to-question {}; complex reflections {}",
        m.counts.simple_reflections + m.counts.complex_reflections,
        m.counts.complex_reflections,
        m.counts.open_questions + m.counts.closed_questions,
        m.counts.open_questions,
        m.reflection_to_question
            .map_or("n/a".to_owned(), |r| format!("{r:.1}:1")),
        m.percent_complex_reflections
            .map_or("n/a".to_owned(), |p| format!("{p:.0}%")),
    );
    if let Some(frame) = &debrief.frame {
        let list = |items: &[crate::vocab::FrameItem]| {
            if items.is_empty() {
                "none".to_owned()
            } else {
                items
                    .iter()
                    .map(|i| i.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let _ = writeln!(out, "  Frame covered: {}", list(&frame.covered));
        let _ = writeln!(out, "  Frame missing: {}", list(&frame.missing));
    }
    let _ = writeln!(out, "\n== The ten skills ==");
    for rating in &debrief.skills {
        let stars = rating.rating.map_or("not observed".to_owned(), |r| {
            format!(
                "{}{} {r}/5",
                "*".repeat(r as usize),
                ".".repeat(5 - r as usize)
            )
        });
        let _ = writeln!(out, "\n{} [{stars}]", rating.skill.label());
        for quote in &rating.evidence {
            let _ = writeln!(
                out,
                "  - turn {}: \"{}\" ({})",
                quote.turn + 1,
                quote.text,
                quote.measure
            );
        }
        if let Some(well) = &rating.done_well {
            let _ = writeln!(out, "  Done well: {well}");
        }
        let _ = writeln!(out, "  Try next: {}", rating.try_next);
    }
    let _ = writeln!(out, "\n== In the client's words ==");
    for answer in &debrief.client_feedback {
        let _ = writeln!(out, "  {}\n    {}", answer.question, answer.answer);
    }
    let a = &debrief.alliance;
    let _ = writeln!(
        out,
        "\n== The alliance as the client would rate it ==\n  Supportive {}/100, collaborative {}/100, drop-out risk {}/100{}\n  \"{}\"",
        a.supportiveness,
        a.collaboration,
        a.dropout_risk,
        a.outcome
            .map_or(String::new(), |o| format!(", outcome: {o}")),
        a.summary
    );
    for branch in &debrief.branches {
        let _ = writeln!(
            out,
            "\n== Branches from turn {} ==\n  kept:      empathy {}, warmth {}, repair {} -> {}\n  abandoned: empathy {}, warmth {}, repair {} -> {}",
            branch.from_turn + 1,
            describe(branch.kept.empathy),
            describe(branch.kept.warmth),
            describe(branch.kept.repair),
            branch.kept_ending.as_deref().unwrap_or("(unfinished)"),
            describe(branch.abandoned.empathy),
            describe(branch.abandoned.warmth),
            describe(branch.abandoned.repair),
            branch.abandoned_ending.as_deref().unwrap_or("(unfinished)"),
        );
    }
    out
}
