//! `rapport play`: a scenario in the terminal (numbered choices or a typed
//! response), or played automatically, then the debrief.

use crate::debrief::{Debrief, text};
use crate::playthrough::Playthrough;
use crate::records::{AttemptRecord, write_atomic};
use crate::scenario::{Scenario, load_file};
use crate::session::{Session, Strategy, play_auto};
use crate::transcript::{Line, Turn};
use clap::{Args, ValueEnum};
use serde_json::json;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Automatic strategies.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AutoArg {
    Best,
    Worst,
    Random,
}

/// Arguments of `rapport play`.
#[derive(Debug, Args)]
pub struct PlayArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Seed for every random draw; the same seed and answers replay identically.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Play without input: the best, worst or a random choice at each turn.
    #[arg(long, value_enum)]
    pub auto: Option<AutoArg>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Trainee name or id written into the record (with --save).
    #[arg(long)]
    pub trainee: Option<String>,
    /// Write an attempt record into this folder.
    #[arg(long, value_name = "DIR")]
    pub save: Option<PathBuf>,
    /// Write the play-through (answers and what came back) as a regression test file.
    #[arg(long, value_name = "FILE")]
    pub write_playthrough: Option<PathBuf>,
    /// Tag the saved record (with --save) with this assignment set; the scenario must be one of its scenarios.
    #[arg(long, value_name = "FILE")]
    pub assignment: Option<PathBuf>,
}

/// Loads a scenario for a subcommand, printing diagnostics on failure.
pub fn load_scenario(file: &Path) -> Result<Arc<Scenario>, ExitCode> {
    if !file.is_file() {
        eprintln!("error: no such file: {}", file.display());
        return Err(ExitCode::from(super::USAGE_ERROR));
    }
    let loaded = load_file(file);
    match loaded.scenario {
        Some(scenario) => Ok(Arc::new(scenario)),
        None => {
            eprintln!("{}", loaded.render());
            eprintln!(
                "error: {} has errors; run `rapport check` for details",
                file.display()
            );
            Err(ExitCode::FAILURE)
        }
    }
}

pub fn run(args: PlayArgs) -> ExitCode {
    if args.trainee.is_some() && args.save.is_none() {
        eprintln!("error: --trainee names the trainee in a saved record; add --save DIR");
        return ExitCode::from(super::USAGE_ERROR);
    }
    let scenario = match load_scenario(&args.file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let assignment = match assignment_for(&args, &scenario.meta.id) {
        Ok(id) => id,
        Err(code) => return code,
    };
    // A fresh seed by default, kept small so it is easy to note and replay.
    let seed = args
        .seed
        .unwrap_or_else(|| u64::from(rand::random::<u32>()));
    let started = chrono::Utc::now();
    let session = match args.auto {
        Some(auto) => {
            let strategy = match auto {
                AutoArg::Best => Strategy::Best,
                AutoArg::Worst => Strategy::Worst,
                AutoArg::Random => Strategy::Random,
            };
            match play_auto(scenario, seed, strategy) {
                Ok(session) => session,
                Err(error) => {
                    eprintln!("error: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        None => match play_interactive(scenario, seed) {
            Ok(Some(session)) => session,
            Ok(None) => return ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::FAILURE;
            }
        },
    };
    let debrief = Debrief::for_session(&session);
    if let Some(path) = &args.write_playthrough {
        let note = match args.auto {
            Some(auto) => format!("recorded with --auto {auto:?}").to_lowercase(),
            None => "recorded from an interactive play".to_owned(),
        };
        let playthrough = Playthrough::record(&session, &note);
        let text = crate::scenario::to_ron(&playthrough);
        match text
            .map_err(|e| e.to_string())
            .and_then(|t| write_atomic(path, t.as_bytes()).map_err(|e| e.to_string()))
        {
            Ok(()) => eprintln!("wrote the play-through to {}", path.display()),
            Err(error) => {
                eprintln!("error: could not write {}: {error}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(dir) = &args.save {
        let trainee = args.trainee.as_deref().unwrap_or("anonymous");
        let mut record = AttemptRecord::from_session(&session, trainee, started);
        record.assignment = assignment;
        match record.save(dir) {
            Ok(path) => eprintln!("saved the attempt to {}", path.display()),
            Err(error) => {
                eprintln!("error: could not save the attempt: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    if args.json {
        println!("{}", session_json(&session, &debrief));
    } else {
        if args.auto.is_some() {
            print_transcript(&session);
        }
        println!("{}", text::render(&debrief));
    }
    ExitCode::SUCCESS
}

/// The JSON summary of a played session.
pub fn session_json(session: &Session, debrief: &Debrief) -> serde_json::Value {
    let mut summary = json!({
        "scenario": session.scenario().meta.id,
        "seed": session.seed(),
        "turns": turns_json(session.turns()),
        "ending": session.ending().map(|e| json!({"id": e.id, "outcome": e.outcome, "title": e.title})),
        "lines": session.lines(),
    });
    add_debrief_json(&mut summary, debrief);
    summary
}

/// Each trainee turn with its intent and scores, as `--json` prints them.
pub fn turns_json(turns: &[Turn]) -> Vec<serde_json::Value> {
    turns
        .iter()
        .map(|t| {
            json!({
                "node": t.node,
                "answer": t.answer,
                "text": t.text,
                "intent": t.intent,
                "empathy": t.scores.empathy,
                "warmth": t.scores.warmth,
                "repair": t.scores.repair,
            })
        })
        .collect()
}

/// Adds the debrief's fields to a JSON summary: one shape for `play` and `assess`.
pub fn add_debrief_json(summary: &mut serde_json::Value, debrief: &Debrief) {
    let fields = json!({
        "scores": debrief.scores,
        "miti": debrief.miti,
        "frame": debrief.frame,
        "skills": debrief.skills.iter().map(|s| json!({
            "skill": s.skill,
            "rating": s.rating,
            "evidence": s.evidence,
            "done_well": s.done_well,
            "try_next": s.try_next,
        })).collect::<Vec<_>>(),
        "client_feedback": debrief.client_feedback,
        "alliance": debrief.alliance,
    });
    if let (Some(summary), serde_json::Value::Object(fields)) = (summary.as_object_mut(), fields) {
        summary.extend(fields);
    }
}

fn print_line(line: &Line) {
    match line {
        Line::Client { text, cue, .. } => {
            if let Some(cue) = cue {
                println!("  ({cue})");
            }
            println!("CLIENT: {text}");
        }
        Line::Trainee { text, .. } => println!("YOU: {text}"),
        Line::Narration { text, session, .. } => match session {
            Some(n) => println!("\n-- Session {n} -- {text}"),
            None => println!("\n-- {text}"),
        },
        Line::Ending {
            title,
            text,
            outcome,
            ..
        } => println!("\n== Ending: {title} ({outcome}) ==\n{text}\n"),
    }
}

fn print_transcript(session: &Session) {
    for line in session.lines() {
        print_line(line);
    }
}

/// Plays with the trainee at the keyboard. Returns `None` if they quit.
fn play_interactive(scenario: Arc<Scenario>, seed: u64) -> Result<Option<Session>, String> {
    let mut session = Session::new(scenario, seed).map_err(|e| e.to_string())?;
    let meta = &session.scenario().meta;
    println!("{} (seed {seed})\n{}\n", meta.title, meta.summary);
    println!("Type a number to choose, or your own words where typing is allowed.");
    println!("Commands: :rewind N (go back to your turn N), :quit\n");
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut shown = 0;
    while !session.is_finished() {
        for line in &session.lines()[shown..] {
            print_line(line);
        }
        shown = session.lines().len();
        let choices = session.choices();
        if let Some(prompt) = session.pending_turn().and_then(|t| t.prompt.clone()) {
            println!("\n[{prompt}]");
        }
        for (i, choice) in choices.iter().enumerate() {
            println!("  {}. {}", i + 1, choice.text);
        }
        if session.accepts_typing() {
            println!("  (or type your own response)");
        }
        print!("> ");
        let _ = std::io::stdout().flush();
        let mut text = String::new();
        if input.read_line(&mut text).map_err(|e| e.to_string())? == 0 {
            println!("\nInput ended; leaving the session without a debrief.");
            return Ok(None);
        }
        let text = text.trim();
        if text == ":quit" {
            return Ok(None);
        }
        if let Some(number) = text.strip_prefix(":rewind") {
            match number.trim().parse::<usize>() {
                Ok(n) if n >= 1 && session.rewind_to(n - 1).is_ok() => {
                    println!("\n-- Rewound to before your turn {n}. --");
                    print_transcript(&session);
                    shown = session.lines().len();
                }
                _ => println!(
                    "Give the number of one of your earlier turns (1-{}).",
                    session.turns().len()
                ),
            }
            continue;
        }
        let ids: Vec<String> = choices.iter().map(|c| c.id.clone()).collect();
        let outcome = match text.parse::<usize>() {
            Ok(n) if n >= 1 && n <= ids.len() => session.choose(&ids[n - 1]).map(|_| ()),
            Ok(_) => {
                println!("Pick a number from 1 to {}.", ids.len());
                continue;
            }
            Err(_) if text.is_empty() => continue,
            Err(_) if session.accepts_typing() => session.respond(text).map(|turn| {
                println!(
                    "  [read as {}: empathy {}, warmth {}]",
                    turn.intent, turn.scores.empathy, turn.scores.warmth
                );
            }),
            Err(_) => {
                println!("Typing is not available at this turn; pick a number.");
                continue;
            }
        };
        if let Err(error) = outcome {
            println!("{error}");
        }
    }
    for line in &session.lines()[shown..] {
        print_line(line);
    }
    Ok(Some(session))
}

/// The id of the set named by `--assignment`, checked: the set loads without
/// errors, lists the scenario being played, and a record will be saved.
fn assignment_for(args: &PlayArgs, scenario_id: &str) -> Result<Option<String>, ExitCode> {
    let Some(path) = &args.assignment else {
        return Ok(None);
    };
    if args.save.is_none() {
        eprintln!("error: --assignment tags a saved record with its set; add --save DIR");
        return Err(ExitCode::from(super::USAGE_ERROR));
    }
    if !path.is_file() {
        eprintln!("error: no such file: {}", path.display());
        return Err(ExitCode::from(super::USAGE_ERROR));
    }
    let loaded = crate::assign::load_set_file(path, None);
    let Some(set) = loaded.set else {
        eprintln!("{}", loaded.render());
        eprintln!(
            "error: {} has errors; run `rapport check` for details",
            path.display()
        );
        return Err(ExitCode::FAILURE);
    };
    if !set.includes(scenario_id) {
        eprintln!(
            "error: the set \"{}\" does not include the scenario \"{scenario_id}\" (it lists: {})",
            set.id,
            set.scenarios.join(", ")
        );
        return Err(ExitCode::from(super::USAGE_ERROR));
    }
    Ok(Some(set.id))
}
