//! Free-text understanding: what a trainee's typed response does, how empathic
//! and warm it is, and which words show it. Offline, deterministic, instant.

use crate::vocab::{FrameItem, Intent};
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
    let _ = client;
    let trimmed = response.trim();
    let intent = if trimmed.ends_with('?') {
        Intent::OpenQuestion
    } else {
        Intent::Other
    };
    Classification {
        intent,
        secondary: Vec::new(),
        empathy: 0.0,
        warmth: 0.0,
        repair: 0.0,
        epitome: Epitome::default(),
        evidence: Vec::new(),
        frame: Vec::new(),
    }
}
