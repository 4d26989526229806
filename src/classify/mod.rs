//! Free-text understanding: what a trainee's typed response does, how empathic
//! and warm it is, and which words show it. Offline, deterministic, instant.
//!
//! The pipeline, one module per step:
//!
//! 1. [`text`]: tokenise, normalise (case, apostrophes, typos, British and
//!    American spelling) and stem both the client's words and the response.
//! 2. [`lexicon`]: find every known phrase (feelings by family and intensity,
//!    hedges, reflective stems, question leads, roadblocks, 3RS resolution
//!    moves, frame talk) with one Aho-Corasick automaton.
//! 3. [`features`]: read the response in context: the client's words it
//!    echoes, feelings it names that the client did not, sentence forms.
//! 4. [`intent`]: transparent rules vote for intents; the strongest wins.
//! 5. [`score`]: EPITOME levels, empathy, warmth and repair.
//! 6. [`evidence`]: the spans behind each label, with a reason in plain words.
//!
//! `rapport classify` runs the whole thing over JSON Lines ([`crate::cli::jsonl`]).

mod client;
mod evidence;
mod features;
mod intent;
mod lexicon;
mod score;
mod text;

pub use client::{ClientReading, read_client};

use crate::vocab::{FrameItem, Intent};
use lexicon::Cue;
use serde::{Deserialize, Serialize};

/// EPITOME's three empathy mechanisms, each 0 (none), 1 (weak) or 2 (strong).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Epitome {
    pub emotional_reaction: u8,
    pub interpretation: u8,
    pub exploration: u8,
}

/// A span of the response that triggered a label, in byte offsets into the response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// What the span is evidence of, e.g. an intent name or `feeling_word`.
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// The span's text, copied for convenience.
    pub text: String,
    /// One short sentence a trainee can read: why this span counted.
    pub why: String,
}

/// The classifier's reading of one trainee response in its context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    pub intent: Intent,
    pub secondary: Vec<Intent>,
    /// 0-1.
    pub empathy: f32,
    /// 0-1.
    pub warmth: f32,
    /// 0-1: how far the response uses a rupture-resolution move.
    pub repair: f32,
    pub epitome: Epitome,
    pub evidence: Vec<Evidence>,
    /// Elements of the therapeutic frame the response covers.
    pub frame: Vec<FrameItem>,
}

/// Classifies `response` as an answer to the client's last utterance `client`.
pub fn classify(client: &str, response: &str) -> Classification {
    let response_text = text::Text::new(response);
    let client_text = text::Text::new(client);
    let context = features::client_context(&client_text);
    let analysis = features::analyze(&response_text, context);
    let decision = intent::decide(&analysis);
    let scores = score::score(&analysis, &decision);
    let frame = frame_items(&analysis, &decision);
    let evidence = evidence::collect(&analysis, &decision, &frame);
    Classification {
        intent: decision.primary,
        secondary: decision.secondary,
        empathy: scores.empathy,
        warmth: scores.warmth,
        repair: scores.repair,
        epitome: scores.epitome,
        evidence,
        frame,
    }
}

/// The frame elements covered, when the response is doing frame work at all
/// ("you see your mum weekly" is not contracting).
fn frame_items(analysis: &features::Analysis, decision: &intent::Decision) -> Vec<FrameItem> {
    if !decision.has(Intent::Frame) {
        return Vec::new();
    }
    let mut items: Vec<FrameItem> = Vec::new();
    for hit in &analysis.hits {
        if let Cue::Frame(item) = hit.cue()
            && !items.contains(&item)
        {
            items.push(item);
        }
    }
    if items.contains(&FrameItem::Confidentiality)
        && analysis.has(|c| c == Cue::ConfidentialityLimit)
    {
        items.push(FrameItem::ConfidentialityLimit);
    }
    items.sort();
    items
}

#[cfg(test)]
mod tests;

/// A readable trace of the rules that fired, for debugging the lexicons:
/// every vote with its rule name, strength and the words behind it.
pub fn explain(client: &str, response: &str) -> String {
    use std::fmt::Write;
    let response_text = text::Text::new(response);
    let client_text = text::Text::new(client);
    let context = features::client_context(&client_text);
    let analysis = features::analyze(&response_text, context);
    let decision = intent::decide(&analysis);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "primary {} secondary {:?} | client distress {} rupture {} families {:?}",
        decision.primary,
        decision.secondary,
        analysis.client.distress,
        analysis.client.rupture,
        analysis.client.families
    );
    for vote in &decision.votes {
        let span = response_text.orig_span(vote.tokens.clone());
        let _ = writeln!(
            out,
            "  {:.2} {:<22} {:<36} {:?}",
            vote.strength,
            vote.intent.as_str(),
            vote.rule,
            response.get(span).unwrap_or("")
        );
    }
    out
}
