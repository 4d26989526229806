//! Evidence: the spans of the response behind each label, with a plain
//! sentence a trainee can read, so the app can highlight them and say why.

use super::Evidence;
use super::features::Analysis;
use super::intent::Decision;
use super::lexicon::Cue;
use crate::vocab::{FrameItem, Intent};
use std::ops::Range;

/// Builds the evidence list: every reported intent, then the frame items, the
/// feelings named, the client's words echoed and tentative wording.
pub fn collect(analysis: &Analysis, decision: &Decision, frame: &[FrameItem]) -> Vec<Evidence> {
    let mut out = Evidence::builder(analysis);
    if decision.votes.is_empty() {
        // Only punctuation or symbols ("...", "?"): point at it so the label
        // still has a span the app can show.
        let original = analysis.response.original;
        let trimmed = original.trim();
        if !trimmed.is_empty() {
            let start = original.len() - original.trim_start().len();
            out.items.push(Evidence {
                label: decision.primary.as_str().to_string(),
                start,
                end: start + trimmed.len(),
                text: trimmed.to_string(),
                why: "There are no words here to respond to the client with.".to_string(),
            });
        }
        return out.finish();
    }
    for intent in decision.labels() {
        let mut votes: Vec<_> = decision
            .votes
            .iter()
            .filter(|v| v.intent == intent)
            .collect();
        votes.sort_by(|a, b| {
            b.strength
                .partial_cmp(&a.strength)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        for vote in votes.iter().take(3) {
            out.push(intent.as_str(), vote.tokens.clone(), vote.why.to_string());
        }
        if intent.is_roadblock()
            && analysis.client.is_painful()
            && let Some(vote) = votes.first()
        {
            out.push(
                "painful_moment",
                vote.tokens.clone(),
                "Coming straight after something painful, this can feel like being brushed off."
                    .to_string(),
            );
        }
    }
    for hit in &analysis.hits {
        if let Cue::Frame(item) = hit.cue()
            && frame.contains(&item)
        {
            out.push(
                "frame",
                hit.tokens.clone(),
                format!("{}: {}", item.label(), hit.set().why),
            );
        }
        if hit.cue() == Cue::ConfidentialityLimit
            && frame.contains(&FrameItem::ConfidentialityLimit)
        {
            out.push("frame", hit.tokens.clone(), hit.set().why.to_string());
        }
    }
    for feeling in analysis.feelings.iter().filter(|f| !f.negated) {
        let why = if feeling.from_client {
            format!(
                "Names the feeling the client expressed ({}).",
                feeling.family.label()
            )
        } else if analysis.client.word_count > 0 {
            format!(
                "Names a feeling ({}) the client had not named, which shows you are reading how they feel.",
                feeling.family.label()
            )
        } else {
            format!("Names a feeling ({}).", feeling.family.label())
        };
        out.push("feeling_word", feeling.tokens.clone(), why);
    }
    if decision.has_any(|i| i.is_reflection() || i == Intent::Validation || i.is_question()) {
        for sentence in &analysis.sentences {
            for &token in &sentence.echoes {
                let word = analysis.response.norm(token).to_string();
                out.push(
                    "client_words",
                    token..token + 1,
                    format!("Uses the client's own word \"{word}\", which shows you heard it."),
                );
            }
        }
    }
    for hit in analysis
        .hits
        .iter()
        .filter(|h| h.cue() == Cue::Hedge)
        .take(2)
    {
        out.push("hedge", hit.tokens.clone(), hit.set().why.to_string());
    }
    out.finish()
}

/// Collects evidence without duplicates, converting token ranges to byte spans.
struct Builder<'a, 'r, 'c> {
    analysis: &'a Analysis<'r, 'c>,
    items: Vec<Evidence>,
}

impl Evidence {
    fn builder<'a, 'r, 'c>(analysis: &'a Analysis<'r, 'c>) -> Builder<'a, 'r, 'c> {
        Builder {
            analysis,
            items: Vec::new(),
        }
    }
}

impl Builder<'_, '_, '_> {
    fn push(&mut self, label: &str, tokens: Range<usize>, why: String) {
        let text = self.analysis.response;
        let span = text.orig_span(tokens);
        if span.is_empty() {
            return;
        }
        let Some(slice) = text.original.get(span.clone()) else {
            return;
        };
        if self
            .items
            .iter()
            .any(|e| e.label == label && e.start == span.start && e.end == span.end)
        {
            return;
        }
        self.items.push(Evidence {
            label: label.to_string(),
            start: span.start,
            end: span.end,
            text: slice.to_string(),
            why,
        });
    }

    fn finish(self) -> Vec<Evidence> {
        self.items
    }
}
