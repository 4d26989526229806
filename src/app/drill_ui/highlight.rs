//! The trainee's response with each evidence span on its highlight colour,
//! one colour per kind of evidence, with a readable text colour per theme.

use crate::app::settings::Theme;
use bevy_egui::egui::text::{LayoutJob, TextFormat};
use bevy_egui::egui::{self, Color32};
use rapport::classify::Evidence;

/// What an evidence span shows, for its highlight colour.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// The move the response makes (an intent).
    Move,
    /// A roadblock, or a roadblock right after something painful.
    Roadblock,
    Feeling,
    ClientWords,
    Hedge,
    Frame,
}

impl Mark {
    fn of(label: &str) -> Mark {
        match label {
            "feeling_word" => Mark::Feeling,
            "client_words" => Mark::ClientWords,
            "hedge" => Mark::Hedge,
            "frame" => Mark::Frame,
            "painful_moment" => Mark::Roadblock,
            intent => match rapport::vocab::Intent::parse(intent) {
                Some(intent) if intent.is_roadblock() => Mark::Roadblock,
                _ => Mark::Move,
            },
        }
    }
}

/// Highlight fills per theme, each paired with a text colour that reads on
/// it: pale fills with dark text in the light theme, deep fills with white
/// text in the dark one, and saturated fills with black text in high contrast.
pub(super) struct Marks {
    text: Color32,
    fills: [Color32; 6],
}

impl Marks {
    pub(super) fn for_theme(theme: Theme) -> Marks {
        match theme {
            Theme::Light => Marks {
                text: Color32::from_rgb(20, 20, 24),
                fills: [
                    Color32::from_rgb(204, 222, 250),
                    Color32::from_rgb(250, 208, 202),
                    Color32::from_rgb(200, 236, 208),
                    Color32::from_rgb(252, 234, 168),
                    Color32::from_rgb(232, 216, 246),
                    Color32::from_rgb(196, 236, 236),
                ],
            },
            Theme::Dark => Marks {
                text: Color32::WHITE,
                fills: [
                    Color32::from_rgb(40, 72, 128),
                    Color32::from_rgb(120, 40, 40),
                    Color32::from_rgb(32, 96, 58),
                    Color32::from_rgb(104, 86, 18),
                    Color32::from_rgb(82, 52, 112),
                    Color32::from_rgb(24, 88, 94),
                ],
            },
            Theme::HighContrast => Marks {
                text: Color32::BLACK,
                fills: [
                    Color32::from_rgb(120, 200, 255),
                    Color32::from_rgb(255, 130, 130),
                    Color32::from_rgb(0, 255, 120),
                    Color32::from_rgb(255, 230, 0),
                    Color32::from_rgb(255, 170, 255),
                    Color32::from_rgb(0, 240, 240),
                ],
            },
        }
    }

    fn fill(&self, mark: Mark) -> Color32 {
        let index = match mark {
            Mark::Move => 0,
            Mark::Roadblock => 1,
            Mark::Feeling => 2,
            Mark::ClientWords => 3,
            Mark::Hedge => 4,
            Mark::Frame => 5,
        };
        self.fills[index]
    }

    fn format(&self, mark: Mark, font: egui::FontId) -> TextFormat {
        TextFormat {
            font_id: font,
            color: self.text,
            background: self.fill(mark),
            expand_bg: 1.5,
            ..TextFormat::default()
        }
    }
}

/// The response with every evidence span on its highlight colour. Spans may
/// nest (a feeling word inside a reflection); the innermost one wins, so the
/// finer evidence stays visible.
pub(super) fn highlighted(
    response: &str,
    evidence: &[Evidence],
    marks: &Marks,
    font: egui::FontId,
) -> LayoutJob {
    let spans: Vec<(usize, usize, Mark)> = evidence
        .iter()
        .filter(|e| {
            e.start < e.end
                && response.is_char_boundary(e.start)
                && response.is_char_boundary(e.end)
        })
        .map(|e| (e.start, e.end, Mark::of(&e.label)))
        .collect();
    let mut cuts: Vec<usize> = spans
        .iter()
        .flat_map(|&(start, end, _)| [start, end])
        .chain([0, response.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let Some(text) = response.get(from..to) else {
            continue;
        };
        let innermost = spans
            .iter()
            .filter(|&&(start, end, _)| start <= from && to <= end)
            .min_by_key(|&&(start, end, _)| end - start);
        let format = match innermost {
            Some(&(_, _, mark)) => marks.format(mark, font.clone()),
            // PLACEHOLDER takes the theme's text colour when painted.
            None => TextFormat::simple(font.clone(), Color32::PLACEHOLDER),
        };
        job.append(text, 0.0, format);
    }
    job
}

/// One piece of evidence quoted on its highlight colour, for the list of
/// why the response was read as it was.
pub(super) fn quoted(evidence: &Evidence, marks: &Marks, font: egui::FontId) -> LayoutJob {
    let mut quote = LayoutJob::default();
    quote.append(
        &format!("\u{201c}{}\u{201d}", evidence.text),
        0.0,
        marks.format(Mark::of(&evidence.label), font),
    );
    quote
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(label: &str, start: usize, end: usize, text: &str) -> Evidence {
        Evidence {
            label: label.into(),
            start,
            end,
            text: text.into(),
            why: "because".into(),
        }
    }

    #[test]
    fn nested_spans_highlight_the_innermost_and_keep_every_byte() {
        let response = "It sounds like you're exhausted.";
        let marks = Marks::for_theme(Theme::Light);
        let job = highlighted(
            response,
            &[
                evidence(
                    "reflection_simple",
                    0,
                    31,
                    "It sounds like you're exhausted",
                ),
                evidence("feeling_word", 22, 31, "exhausted"),
            ],
            &marks,
            egui::FontId::proportional(16.0),
        );
        assert_eq!(job.text, response);
        let backgrounds: Vec<(&str, Color32)> = job
            .sections
            .iter()
            .map(|s| {
                (
                    &job.text[s.byte_range.start.0..s.byte_range.end.0],
                    s.format.background,
                )
            })
            .collect();
        assert_eq!(
            backgrounds,
            [
                ("It sounds like you're ", marks.fill(Mark::Move)),
                ("exhausted", marks.fill(Mark::Feeling)),
                (".", Color32::TRANSPARENT),
            ]
        );
    }

    #[test]
    fn spans_off_a_character_boundary_are_ignored() {
        let response = "Ça va?";
        let job = highlighted(
            response,
            &[
                evidence("open_question", 1, 3, "?"),
                evidence("hedge", 0, 99, ""),
            ],
            &Marks::for_theme(Theme::HighContrast),
            egui::FontId::proportional(16.0),
        );
        assert_eq!(job.text, response);
        assert_eq!(job.sections.len(), 1);
    }
}
