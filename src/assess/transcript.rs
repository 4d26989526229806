//! Reading a transcript file: a JSON or RON list of `{speaker, text}`.

use crate::scenario::parse_ron;
use serde::Deserialize;
use std::path::Path;
use thiserror::Error;

/// Who is speaking in a transcript line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    Client,
    Counselor,
}

/// One line of a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub speaker: Speaker,
    pub text: String,
}

/// Why a transcript could not be read. Positions are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TranscriptError {
    #[error("{line}:{col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("entry {index}: speaker `{speaker}` is neither \"client\" nor \"counselor\"")]
    UnknownSpeaker { index: usize, speaker: String },
    #[error("the transcript has no counselor lines, so there is nothing to assess")]
    NoCounselorLines,
}

/// The on-disk shape; the speaker stays a string so a typo gets a clear message.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUtterance {
    speaker: String,
    text: String,
}

/// Which syntax a file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Ron,
}

impl Syntax {
    /// RON for `.ron` files, JSON otherwise (the common export format).
    pub fn for_path(path: &Path) -> Syntax {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("ron") => Syntax::Ron,
            _ => Syntax::Json,
        }
    }
}

/// Parses a transcript. Speakers are matched without regard to case, and the
/// usual synonyms are accepted ("therapist", "trainee", "counsellor").
pub fn parse_transcript(source: &str, syntax: Syntax) -> Result<Vec<Utterance>, TranscriptError> {
    let raw: Vec<RawUtterance> = match syntax {
        Syntax::Json => serde_json::from_str(source).map_err(|e| TranscriptError::Syntax {
            line: e.line().max(1),
            col: e.column().max(1),
            message: json_message(&e),
        })?,
        Syntax::Ron => parse_ron(source).map_err(|d| TranscriptError::Syntax {
            line: d.line.unwrap_or(1),
            col: d.col.unwrap_or(1),
            message: d.message.clone(),
        })?,
    };
    let utterances = raw
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let speaker = match entry.speaker.trim().to_lowercase().as_str() {
                "client" | "patient" => Speaker::Client,
                "counselor" | "counsellor" | "therapist" | "trainee" => Speaker::Counselor,
                _ => {
                    return Err(TranscriptError::UnknownSpeaker {
                        index: index + 1,
                        speaker: entry.speaker,
                    });
                }
            };
            Ok(Utterance {
                speaker,
                text: entry.text,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if !utterances
        .iter()
        .any(|u| u.speaker == Speaker::Counselor && !u.text.trim().is_empty())
    {
        return Err(TranscriptError::NoCounselorLines);
    }
    Ok(utterances)
}

/// serde_json appends " at line L column C"; the position is reported separately.
fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_ron_read_the_same() {
        let json =
            r#"[{"speaker": "client", "text": "Hi."}, {"speaker": "Therapist", "text": "Hello."}]"#;
        let ron = r#"[(speaker: "client", text: "Hi."), (speaker: "counselor", text: "Hello.")]"#;
        let a = parse_transcript(json, Syntax::Json).unwrap();
        let b = parse_transcript(ron, Syntax::Ron).unwrap();
        assert_eq!(a, b);
        assert_eq!(a[1].speaker, Speaker::Counselor);
    }

    #[test]
    fn errors_have_positions_and_reasons() {
        let broken = "[\n  {\"speaker\": \"client\", \"text\": \"Hi.\"},\n  {\"speaker\": \"client\" \"text\": \"x\"}\n]";
        match parse_transcript(broken, Syntax::Json) {
            Err(TranscriptError::Syntax { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a syntax error, got {other:?}"),
        }
        let typo = r#"[{"speaker": "cleint", "text": "Hi."}]"#;
        assert_eq!(
            parse_transcript(typo, Syntax::Json),
            Err(TranscriptError::UnknownSpeaker {
                index: 1,
                speaker: "cleint".into()
            })
        );
        let silent = r#"[{"speaker": "client", "text": "Hi."}]"#;
        assert_eq!(
            parse_transcript(silent, Syntax::Json),
            Err(TranscriptError::NoCounselorLines)
        );
    }
}
