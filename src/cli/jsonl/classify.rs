//! `rapport classify`: JSON Lines in, JSON Lines out, one output line per input line.

use super::{LineFailure, LineStats, answer_lines};
use crate::classify::classify;
use serde::Deserialize;
use std::io::{self, BufRead, Write};

#[derive(Deserialize)]
struct Request {
    client: String,
    response: String,
}

/// Reads JSON Lines `{"client": "...", "response": "..."}` and writes one JSON
/// line per input line, in order: the classification, or `{"line": N,
/// "error": "..."}` (N counts from 1) for a line that is not valid JSON, lacks
/// a field, is not UTF-8, or is blank. Only I/O failures stop the run.
pub fn classify_jsonl(input: impl BufRead, output: impl Write) -> io::Result<LineStats> {
    answer_lines(input, output, |line| {
        if line.trim().is_empty() {
            return Err(LineFailure::new(
                "blank line: expected a JSON object {\"client\": \"...\", \"response\": \"...\"}",
            ));
        }
        let request: Request = serde_json::from_str(line)
            .map_err(|e| LineFailure::new(format!("invalid input: {e}")))?;
        Ok(classify(&request.client, &request.response))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> (Vec<serde_json::Value>, LineStats) {
        let mut out = Vec::new();
        let stats = classify_jsonl(input.as_bytes(), &mut out).expect("in-memory I/O");
        let text = String::from_utf8(out).expect("JSON output is UTF-8");
        let values = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
            .collect();
        (values, stats)
    }

    #[test]
    fn one_output_line_per_input_line_in_order() {
        let input = concat!(
            "{\"client\": \"I feel so alone\", \"response\": \"Mm-hm.\"}\n",
            "not json\n",
            "\n",
            "{\"client\": \"x\"}\n",
            "{\"client\": \"\", \"response\": \"Hi, come in, have a seat.\"}"
        );
        let (values, stats) = run(input);
        assert_eq!(values.len(), 5);
        assert_eq!(values[0]["intent"], "facilitative");
        for key in [
            "secondary",
            "empathy",
            "warmth",
            "repair",
            "epitome",
            "evidence",
            "frame",
        ] {
            assert!(values[0].get(key).is_some(), "missing {key}");
        }
        assert_eq!(values[1]["line"], 2);
        assert!(values[1]["error"].as_str().is_some());
        assert_eq!(values[2]["line"], 3);
        assert!(values[2]["error"].as_str().unwrap_or("").contains("blank"));
        assert_eq!(values[3]["line"], 4);
        assert!(
            values[3]["error"]
                .as_str()
                .unwrap_or("")
                .contains("response")
        );
        assert_eq!(values[4]["intent"], "greeting");
        assert_eq!(
            stats,
            LineStats {
                lines: 5,
                answered: 2,
                errors: 3
            }
        );
    }

    #[test]
    fn invalid_utf8_is_an_error_line_not_a_failure() {
        let mut input = b"{\"client\": \"a\", \"response\": \"ok\"}\n".to_vec();
        input.extend_from_slice(&[0xff, 0xfe, b'\n']);
        input.extend_from_slice(b"{\"client\": \"a\", \"response\": \"ok\"}\n");
        let mut out = Vec::new();
        let stats = classify_jsonl(input.as_slice(), &mut out).expect("in-memory I/O");
        assert_eq!(stats.lines, 3);
        assert_eq!(stats.errors, 1);
        assert_eq!(
            String::from_utf8(out).unwrap_or_default().lines().count(),
            3
        );
    }

    #[test]
    fn crlf_line_endings_are_accepted() {
        let (values, stats) = run("{\"client\": \"\", \"response\": \"Go on.\"}\r\n");
        assert_eq!(stats.errors, 0);
        assert_eq!(values[0]["intent"], "facilitative");
    }
}
