//! `rapport assess`: scores a whole transcript and prints the debrief a
//! played scenario would get.

use super::play::{add_debrief_json, turns_json};
use crate::assess::{Syntax, TranscriptError, assess, parse_transcript};
use crate::debrief::text;
use crate::scoring::describe;
use clap::{Args, ValueEnum};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

/// Transcript syntaxes, when the extension does not say.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SyntaxArg {
    Json,
    Ron,
}

/// Arguments of `rapport assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// A transcript: a JSON or RON list of {speaker: "client"|"counselor", text}.
    pub file: PathBuf,
    /// The file's syntax (default: RON for .ron files, JSON otherwise).
    #[arg(long, value_enum)]
    pub syntax: Option<SyntaxArg>,
    /// Print one JSON object with the turns, scores, skills and client feedback.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: AssessArgs) -> ExitCode {
    let source = match std::fs::read_to_string(&args.file) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", args.file.display());
            return ExitCode::from(super::USAGE_ERROR);
        }
    };
    let syntax = match args.syntax {
        Some(SyntaxArg::Json) => Syntax::Json,
        Some(SyntaxArg::Ron) => Syntax::Ron,
        None => Syntax::for_path(&args.file),
    };
    if source.trim().is_empty() {
        eprintln!("error: {} is empty: nothing to assess", args.file.display());
        return ExitCode::FAILURE;
    }
    let utterances = match parse_transcript(&source, syntax) {
        Ok(utterances) => utterances,
        Err(error) => {
            // A syntax error starts with its `line:col`, which belongs right after the path.
            let separator = if matches!(error, TranscriptError::Syntax { .. }) {
                ":"
            } else {
                ": "
            };
            eprintln!("error: {}{separator}{error}", args.file.display());
            eprintln!(
                "  = help: a transcript is a list like [{{\"speaker\": \"client\", \"text\": \"...\"}}, {{\"speaker\": \"counselor\", \"text\": \"...\"}}]"
            );
            return ExitCode::FAILURE;
        }
    };
    let assessment = assess(&utterances);
    if args.json {
        let mut summary = json!({
            "transcript": args.file.display().to_string(),
            "turns": turns_json(&assessment.turns),
            "ruptures": assessment.ruptures,
        });
        add_debrief_json(&mut summary, &assessment.debrief);
        println!("{summary}");
        return ExitCode::SUCCESS;
    }
    println!(
        "Assessed {} counselor turns in {}\n",
        assessment.turns.len(),
        args.file.display()
    );
    for (index, turn) in assessment.turns.iter().enumerate() {
        if !turn.client_line.is_empty() {
            println!("CLIENT: {}", turn.client_line);
        }
        if let Some(marker) = turn.answered_rupture {
            println!("  [rupture marker: {}]", marker.as_str().replace('_', " "));
        }
        println!("COUNSELOR ({}): {}", index + 1, turn.text);
        println!(
            "  -> {}; empathy {}, warmth {}, repair {}",
            turn.intent,
            turn.scores.empathy,
            turn.scores.warmth,
            describe(turn.scores.repair)
        );
    }
    println!();
    println!("{}", text::render(&assessment.debrief));
    ExitCode::SUCCESS
}
