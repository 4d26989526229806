//! Feedback on one response to one drill statement: what the classifier read
//! (intent, empathy, warmth, repair, the evidence spans), whether the move fits
//! the statement, the model response closest to it, and in plain words what
//! that model does differently.

use super::format::{Level, ModelResponse, Pitfall, Statement};
use super::level::Performance;
use crate::classify::{Classification, Epitome, Evidence, classify};
use crate::vocab::Intent;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Everything a trainee sees after one rep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    /// The statement's id.
    pub id: String,
    pub level: Level,
    /// The intent detected in the response.
    pub intent: Intent,
    pub secondary: Vec<Intent>,
    /// Whether the detected intent is one that fits the statement.
    pub fits: bool,
    /// The intents that fit the statement.
    pub fitting: Vec<Intent>,
    pub empathy: f32,
    pub warmth: f32,
    pub repair: f32,
    pub epitome: Epitome,
    /// The spans of the response behind each label, with why they counted.
    pub evidence: Vec<Evidence>,
    pub performance: Performance,
    /// The model response closest to what the trainee did.
    pub model: ModelComparison,
    /// What the model does differently, one sentence each; empty when the
    /// response already does what the model does.
    pub differences: Vec<String>,
    /// The pitfall the response resembles, when it took the same wrong turn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pitfall: Option<Pitfall>,
}

/// A model response with the classifier's reading of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelComparison {
    pub style: String,
    pub text: String,
    pub intent: Intent,
    pub empathy: f32,
    pub warmth: f32,
    pub epitome: Epitome,
}

/// Classifies a response to a statement and compares it with the models.
pub fn feedback(statement: &Statement, response: &str) -> Feedback {
    let reading = classify(&statement.statement, response);
    let fits = statement.fits.contains(&reading.intent);
    let models: Vec<(usize, Classification)> = statement
        .models
        .iter()
        .enumerate()
        .map(|(index, model)| (index, classify(&statement.statement, &model.text)))
        .collect();
    let (closest_index, closest) =
        match closest_model(&statement.models, &models, response, &reading) {
            Some((index, model)) => (index, model.clone()),
            // Validated drills always have models; this keeps the function total.
            None => (0, reading.clone()),
        };
    let fallback_model = ModelResponse {
        style: String::new(),
        text: String::new(),
    };
    let model = statement
        .models
        .get(closest_index)
        .unwrap_or(&fallback_model);
    let differences = differences(statement, response, &reading, fits, &model.text, &closest);
    let pitfall = if fits {
        None
    } else {
        resembled_pitfall(statement, &reading)
    };
    Feedback {
        id: statement.id.clone(),
        level: statement.level,
        intent: reading.intent,
        secondary: reading.secondary.clone(),
        fits,
        fitting: statement.fits.clone(),
        empathy: reading.empathy,
        warmth: reading.warmth,
        repair: reading.repair,
        epitome: reading.epitome,
        performance: Performance::grade(fits, reading.empathy, reading.warmth),
        evidence: reading.evidence,
        model: ModelComparison {
            style: model.style.clone(),
            text: model.text.clone(),
            intent: closest.intent,
            empathy: closest.empathy,
            warmth: closest.warmth,
            epitome: closest.epitome,
        },
        differences,
        pitfall,
    }
}

/// The model to compare with: the same intent if a model has it, else the
/// same family (reflections, questions), else the nearest in wording.
fn closest_model<'a>(
    texts: &[ModelResponse],
    models: &'a [(usize, Classification)],
    response: &str,
    reading: &Classification,
) -> Option<(usize, &'a Classification)> {
    let response_words = content_words(response);
    let family = |intent: Intent| -> u8 {
        if intent.is_reflection() {
            1
        } else if intent.is_question() {
            2
        } else if intent.is_repair_move() {
            3
        } else {
            0
        }
    };
    let mut best: Option<(f32, usize, &Classification)> = None;
    for (index, model) in models {
        let mut closeness = word_overlap(&response_words, &content_words(&texts[*index].text));
        if model.intent == reading.intent {
            closeness += 2.0;
        } else if family(model.intent) != 0 && family(model.intent) == family(reading.intent) {
            closeness += 1.0;
        }
        if best.is_none_or(|(score, _, _)| closeness > score) {
            best = Some((closeness, *index, model));
        }
    }
    best.map(|(_, index, model)| (index, model))
}

/// Lower-cased words of four letters or more: enough to compare wording.
fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Jaccard overlap of two word sets, 0-1.
fn word_overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f32 / union as f32
}

fn evidence_texts(reading: &Classification, label: &str) -> Vec<String> {
    let mut texts: Vec<String> = reading
        .evidence
        .iter()
        .filter(|e| e.label == label)
        .map(|e| e.text.to_lowercase())
        .collect();
    texts.dedup();
    texts
}

fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("\"{i}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn intent_list(intents: &[Intent]) -> String {
    intents
        .iter()
        .map(|i| i.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the model does that the response does not, most important first.
fn differences(
    statement: &Statement,
    response: &str,
    reading: &Classification,
    fits: bool,
    model_text: &str,
    model: &Classification,
) -> Vec<String> {
    let mut out = Vec::new();
    let word_count = |text: &str| text.split_whitespace().count();

    if reading.intent.is_roadblock() {
        out.push(format!(
            "Your response reads as {}, a roadblock to listening: it moves away from what the client feels. The model stays with the client's experience ({}).",
            reading.intent, model.intent
        ));
    } else if !fits {
        out.push(format!(
            "Your response reads as {}; this statement calls for {}. The model is {}.",
            reading.intent,
            intent_list(&statement.fits),
            model.intent
        ));
    }

    let model_feelings = evidence_texts(model, "feeling_word");
    let own_feelings = evidence_texts(reading, "feeling_word");
    if !model_feelings.is_empty() && own_feelings.is_empty() {
        out.push(format!(
            "The model names a feeling ({}); yours names none. Naming the feeling shows you heard what is under the words.",
            quoted_list(&model_feelings)
        ));
    }

    let model_reflects = model.intent.is_reflection()
        || matches!(model.intent, Intent::Validation | Intent::EmpathicReaction);
    if reading.intent.is_question() && model_reflects {
        out.push(format!(
            "You asked a question where the model {}: showing you understood first makes a question feel less like an interview.",
            if model.intent == Intent::Validation {
                "validated"
            } else {
                "reflected"
            }
        ));
    }
    if reading.intent == Intent::ClosedQuestion && model.intent == Intent::OpenQuestion {
        out.push("You asked a yes/no question; the model's open question invites the client to say more in their own words.".to_owned());
    }

    let mine = reading.epitome;
    let theirs = model.epitome;
    if theirs.emotional_reaction > mine.emotional_reaction {
        out.push("The model expresses warmth or care for the client more clearly.".to_owned());
    }
    if theirs.interpretation > mine.interpretation {
        out.push("The model shows more understanding: it puts into words what the client may be feeling or going through.".to_owned());
    }
    if theirs.exploration > mine.exploration && !reading.intent.is_question() {
        out.push("The model invites the client to explore their own experience.".to_owned());
    }

    let model_echoes = !evidence_texts(model, "client_words").is_empty();
    let own_echoes = !evidence_texts(reading, "client_words").is_empty();
    if model_echoes && !own_echoes && !reading.intent.is_roadblock() {
        out.push(
            "The model picks up the client's own words, which shows you heard them.".to_owned(),
        );
    }

    if statement.fits.contains(&Intent::Frame) {
        let missing: Vec<&str> = model
            .frame
            .iter()
            .filter(|item| !reading.frame.contains(item))
            .map(|item| item.label())
            .collect();
        if !missing.is_empty() {
            out.push(format!(
                "The model covers part of the frame yours leaves out: {}.",
                missing.join(", ").to_lowercase()
            ));
        }
    }

    if statement.calls_for_repair() && model.repair >= reading.repair + 0.2 {
        out.push(format!(
            "The model works on the relationship itself ({}), which repairs more (repair {:.2} against your {:.2}).",
            model.intent, model.repair, reading.repair
        ));
    }

    let own_length = word_count(response);
    if own_length > LONG_RESPONSE_WORDS && own_length > 2 * word_count(model_text) {
        out.push(format!(
            "Your response runs to {own_length} words, over twice the model's; one idea at a time leaves the client room to answer."
        ));
    }
    out
}

/// Responses longer than this (and twice the model) are flagged as long.
const LONG_RESPONSE_WORDS: usize = 45;

/// The pitfall whose intent matches the response's, when the response is not
/// a fitting move: its `why` is the lesson.
fn resembled_pitfall(statement: &Statement, reading: &Classification) -> Option<Pitfall> {
    statement
        .pitfalls
        .iter()
        .find(|pitfall| classify(&statement.statement, &pitfall.text).intent == reading.intent)
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement() -> Statement {
        Statement {
            id: "s1".into(),
            level: Level::Beginner,
            context: "A client in a second session.".into(),
            statement: "My dog died last week and I can't stop crying.".into(),
            fits: vec![
                Intent::ReflectionSimple,
                Intent::ReflectionComplex,
                Intent::EmpathicReaction,
                Intent::Validation,
            ],
            models: vec![
                ModelResponse {
                    style: "empathic reaction".into(),
                    text: "I'm so sorry. Losing her is a real loss, and the tears make sense."
                        .into(),
                },
                ModelResponse {
                    style: "complex reflection".into(),
                    text: "It sounds like you're heartbroken; she was part of your family.".into(),
                },
                ModelResponse {
                    style: "open question".into(),
                    text: "What was she like?".into(),
                },
            ],
            pitfalls: vec![
                Pitfall {
                    text: "You should get another dog.".into(),
                    why: "Advice that replaces her before the grief is heard.".into(),
                },
                Pitfall {
                    text: "At least she had a long life.".into(),
                    why: "Minimises the loss.".into(),
                },
            ],
        }
    }

    #[test]
    fn a_roadblock_misses_and_names_its_pitfall() {
        let result = feedback(
            &statement(),
            "You should get a puppy, it would cheer you up.",
        );
        assert_eq!(result.intent, Intent::Advice);
        assert!(!result.fits);
        assert_eq!(result.performance, Performance::Missed);
        assert!(result.differences[0].contains("roadblock"));
        assert_eq!(
            result.pitfall.map(|p| p.text),
            Some("You should get another dog.".to_owned())
        );
    }

    #[test]
    fn a_fitting_response_is_compared_with_the_closest_model() {
        let result = feedback(&statement(), "You're heartbroken about her.");
        assert!(result.fits, "{:?}", result.intent);
        assert!(result.pitfall.is_none());
        assert!(
            result.model.intent.is_reflection() || result.model.intent == Intent::EmpathicReaction
        );
    }

    #[test]
    fn a_question_where_the_model_reflects_is_pointed_out() {
        let mut statement = statement();
        statement.models.truncate(2);
        let result = feedback(&statement, "Did she die suddenly?");
        assert!(
            result
                .differences
                .iter()
                .any(|d| d.contains("asked a question") || d.contains("yes/no")),
            "{:?}",
            result.differences
        );
    }

    #[test]
    fn word_overlap_is_a_jaccard_index() {
        let a = content_words("You sound really tired today");
        let b = content_words("really tired, really worn");
        assert!((word_overlap(&a, &b) - 2.0 / 5.0).abs() < 1e-6);
        assert_eq!(word_overlap(&BTreeSet::new(), &BTreeSet::new()), 0.0);
    }

    #[test]
    fn a_long_response_is_flagged() {
        let long = "I hear you. ".repeat(20);
        let result = feedback(&statement(), &long);
        assert!(
            result.differences.iter().any(|d| d.contains("words")),
            "{:?}",
            result.differences
        );
    }
}
