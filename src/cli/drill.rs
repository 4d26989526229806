//! `rapport drill`: deliberate practice in the terminal. Shows a client
//! statement, reads the trainee's response, gives feedback at once, asks how
//! hard it felt and moves between levels; or lists and grades statements as
//! JSON Lines for scripts.

use super::jsonl::{feedback_jsonl, list_jsonl};
use crate::drill::{
    DiaryNote, DifficultyRating, Drill, Feedback, Level, PracticeDiary, PracticeRun, Rep,
    Statement, feedback, load_file,
};
use clap::{Args, ValueEnum};
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Levels as written on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LevelArg {
    Beginner,
    Intermediate,
    Advanced,
}

impl From<LevelArg> for Level {
    fn from(level: LevelArg) -> Level {
        match level {
            LevelArg::Beginner => Level::Beginner,
            LevelArg::Intermediate => Level::Intermediate,
            LevelArg::Advanced => Level::Advanced,
        }
    }
}

/// Arguments of `rapport drill`.
#[derive(Debug, Args)]
pub struct DrillArgs {
    /// The drill file (e.g. scenarios/drills/reflecting-feelings.ron).
    pub file: PathBuf,
    /// List the statements instead of practising (one JSON line each with --json).
    #[arg(long)]
    pub list: bool,
    /// JSON Lines: with --list, one line per statement; otherwise read
    /// {"id": "...", "response": "..."} lines on stdin and write one feedback line each.
    #[arg(long)]
    pub json: bool,
    /// Level to start at (default: where the diary left off, or beginner).
    #[arg(long, value_enum, conflicts_with_all = ["list", "json"])]
    pub level: Option<LevelArg>,
    /// Record reps, levels reached and notes in this practice diary (created if missing).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["list", "json"])]
    pub diary: Option<PathBuf>,
    /// Trainee name written into a new diary (with --diary).
    #[arg(long, requires = "diary")]
    pub trainee: Option<String>,
}

pub fn run(args: DrillArgs) -> ExitCode {
    let drill = match load_drill(&args.file) {
        Ok(drill) => drill,
        Err(code) => return code,
    };
    let stdout = io::stdout();
    let result = if args.list && args.json {
        list_jsonl(&drill, stdout.lock())
    } else if args.list {
        list_text(&drill, &mut stdout.lock())
    } else if args.json {
        feedback_jsonl(&drill, io::stdin().lock(), stdout.lock()).map(|_| ())
    } else {
        return practise_in_terminal(Arc::new(drill), &args);
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Loads a drill, printing diagnostics: a missing file is a usage error (2),
/// a broken drill an error (1).
fn load_drill(file: &Path) -> Result<Drill, ExitCode> {
    if !file.is_file() {
        eprintln!("error: no such file: {}", file.display());
        return Err(ExitCode::from(super::USAGE_ERROR));
    }
    let loaded = load_file(file);
    if !loaded.diagnostics.is_empty() {
        eprintln!("{}", loaded.render());
    }
    match loaded.drill {
        Some(drill) => Ok(drill),
        None => {
            eprintln!(
                "error: {} is not a valid drill; run `rapport check {}` for details",
                file.display(),
                file.display()
            );
            Err(ExitCode::FAILURE)
        }
    }
}

fn list_text(drill: &Drill, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{} ({}): {}", drill.title, drill.id, drill.target_move)?;
    for level in Level::ALL {
        writeln!(out, "\n{level}")?;
        for statement in drill.at_level(level) {
            writeln!(out, "  {:<8} {}", statement.id, statement.statement)?;
        }
    }
    Ok(())
}

fn practise_in_terminal(drill: Arc<Drill>, args: &DrillArgs) -> ExitCode {
    let mut diary = match &args.diary {
        None => None,
        Some(path) => match PracticeDiary::load_or_new(path, args.trainee.as_deref().unwrap_or(""))
        {
            Ok(diary) => Some((diary, path.clone())),
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::FAILURE;
            }
        },
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut terminal = Terminal {
        input: stdin.lock(),
        out: stdout.lock(),
    };
    let start = args.level.map(Level::from);
    match practise(
        drill,
        start,
        diary.as_mut().map(|(d, p)| (d, p.as_path())),
        &mut terminal,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The terminal: lines in, text out.
struct Terminal<R, W> {
    input: R,
    out: W,
}

impl<R: BufRead, W: Write> Terminal<R, W> {
    /// Prints a prompt and reads one line; `None` at end of input.
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        write!(self.out, "{prompt}")?;
        self.out.flush()?;
        let mut raw = Vec::new();
        if self.input.read_until(b'\n', &mut raw)? == 0 {
            writeln!(self.out)?;
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&raw).trim().to_owned()))
    }
}

/// What the trainee typed at the response prompt.
enum Turn {
    Response(String),
    Skip,
    Quit,
}

/// What the trainee answered at the difficulty prompt.
enum Rated {
    Rating(DifficultyRating),
    Retry,
    Quit,
}

fn practise<R: BufRead, W: Write>(
    drill: Arc<Drill>,
    start: Option<Level>,
    mut diary: Option<(&mut PracticeDiary, &Path)>,
    terminal: &mut Terminal<R, W>,
) -> io::Result<()> {
    let mut run = match diary.as_mut() {
        Some((diary, _)) => {
            let progress = diary.progress_mut(&drill);
            PracticeRun::resume(
                Arc::clone(&drill),
                start.unwrap_or(progress.current_level),
                progress.outcomes(),
            )
        }
        None => PracticeRun::new(Arc::clone(&drill), start.unwrap_or(Level::Beginner)),
    };
    let out = &mut terminal.out;
    writeln!(out, "{}: {}", drill.title, drill.target_move)?;
    writeln!(out, "{}", drill.instructions)?;
    writeln!(
        out,
        "Type your response and press Enter. Commands: /models shows the model responses, /skip, /note TEXT, /quit. End of input (Ctrl-D) stops.\n"
    )?;

    let mut reps = 0usize;
    let mut highest = run.level();
    let mut next = run.next_statement();
    'statements: while let Some(statement) = next {
        show_statement(&mut terminal.out, &statement)?;
        let response = match read_turn(terminal, &drill, &statement, &mut diary)? {
            Turn::Response(response) => response,
            Turn::Skip => {
                next = run.next_statement();
                continue;
            }
            Turn::Quit => break,
        };
        let result = feedback(&statement, &response);
        show_feedback(&mut terminal.out, &result)?;
        reps += 1;
        let rating = loop {
            let answer = terminal.ask("How hard was that? [1] too easy  [2] a good challenge  [3] too hard  [r] retry  (Enter = 2) > ")?;
            match answer.as_deref().map(parse_rating) {
                None => {
                    save_rep(&mut diary, &drill, &response, &result, None, run.level())?;
                    break 'statements;
                }
                Some(Some(rated)) => break rated,
                Some(None) => writeln!(terminal.out, "Please answer 1, 2, 3 or r.")?,
            }
        };
        match rating {
            Rated::Quit => {
                save_rep(&mut diary, &drill, &response, &result, None, run.level())?;
                break;
            }
            Rated::Retry => {
                save_rep(&mut diary, &drill, &response, &result, None, run.level())?;
                writeln!(terminal.out, "Same statement again.\n")?;
                next = Some(statement);
            }
            Rated::Rating(rating) => {
                let decision = run.rate(statement.level, result.performance, rating);
                save_rep(
                    &mut diary,
                    &drill,
                    &response,
                    &result,
                    Some(rating),
                    decision.next,
                )?;
                highest = highest.max(decision.next);
                writeln!(terminal.out, "{}\n", decision.describe())?;
                next = run.next_statement();
            }
        }
    }
    writeln!(
        terminal.out,
        "Practice ended: {reps} rep{}, highest level reached: {highest}.",
        if reps == 1 { "" } else { "s" }
    )?;
    if let Some((_, path)) = &diary {
        writeln!(
            terminal.out,
            "Saved to the practice diary {}.",
            path.display()
        )?;
    }
    Ok(())
}

fn parse_rating(answer: &str) -> Option<Rated> {
    match answer.to_lowercase().as_str() {
        "1" | "e" | "easy" | "too easy" => Some(Rated::Rating(DifficultyRating::TooEasy)),
        "" | "2" | "g" | "good" | "good challenge" => {
            Some(Rated::Rating(DifficultyRating::GoodChallenge))
        }
        "3" | "h" | "hard" | "too hard" => Some(Rated::Rating(DifficultyRating::TooHard)),
        "r" | "retry" => Some(Rated::Retry),
        "q" | "/quit" | "quit" => Some(Rated::Quit),
        _ => None,
    }
}

fn read_turn<R: BufRead, W: Write>(
    terminal: &mut Terminal<R, W>,
    drill: &Drill,
    statement: &Statement,
    diary: &mut Option<(&mut PracticeDiary, &Path)>,
) -> io::Result<Turn> {
    loop {
        let Some(line) = terminal.ask("You: ")? else {
            return Ok(Turn::Quit);
        };
        match line.as_str() {
            "" => writeln!(
                terminal.out,
                "(Type a response, or /models, /skip, /note TEXT, /quit.)"
            )?,
            "/quit" | "/q" => return Ok(Turn::Quit),
            "/skip" => return Ok(Turn::Skip),
            "/models" => {
                for model in &statement.models {
                    writeln!(terminal.out, "  ({}) {}", model.style, model.text)?;
                }
            }
            command if command.starts_with("/note") => {
                let note = command.trim_start_matches("/note").trim();
                match diary.as_mut() {
                    _ if note.is_empty() => {
                        writeln!(terminal.out, "(Write the note after /note.)")?
                    }
                    Some((diary, path)) => {
                        diary.progress_mut(drill).notes.push(DiaryNote::now(note));
                        save_diary(diary, path)?;
                        writeln!(terminal.out, "(Noted in the diary.)")?;
                    }
                    None => writeln!(terminal.out, "(Notes need a diary: run with --diary FILE.)")?,
                }
            }
            response => return Ok(Turn::Response(response.to_owned())),
        }
    }
}

fn save_rep(
    diary: &mut Option<(&mut PracticeDiary, &Path)>,
    drill: &Drill,
    response: &str,
    result: &Feedback,
    rating: Option<DifficultyRating>,
    next_level: Level,
) -> io::Result<()> {
    if let Some((diary, path)) = diary.as_mut() {
        diary.record(
            drill,
            Rep::from_feedback(response, result, rating),
            next_level,
        );
        save_diary(diary, path)?;
    }
    Ok(())
}

fn save_diary(diary: &PracticeDiary, path: &Path) -> io::Result<()> {
    diary
        .save(path)
        .map_err(|e| io::Error::other(e.to_string()))
}

fn show_statement(out: &mut impl Write, statement: &Statement) -> io::Result<()> {
    writeln!(
        out,
        "[{} · {}] {}",
        statement.level, statement.id, statement.context
    )?;
    writeln!(out, "Client: \"{}\"", statement.statement)
}

fn show_feedback(out: &mut impl Write, result: &Feedback) -> io::Result<()> {
    let fit = if result.fits {
        "fits this statement".to_owned()
    } else {
        format!(
            "does not fit; try {}",
            result
                .fitting
                .iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    writeln!(out, "\nRead as: {} ({fit})", result.intent)?;
    writeln!(
        out,
        "Empathy {:.2}  Warmth {:.2}  Repair {:.2}  ({})",
        result.empathy,
        result.warmth,
        result.repair,
        match result.performance {
            crate::drill::Performance::Strong => "strong",
            crate::drill::Performance::Adequate => "adequate",
            crate::drill::Performance::Missed => "missed",
        }
    )?;
    let mut shown = Vec::new();
    for evidence in &result.evidence {
        if shown.len() == 6 || shown.contains(&(&evidence.text, &evidence.why)) {
            continue;
        }
        writeln!(out, "  \"{}\": {}", evidence.text, evidence.why)?;
        shown.push((&evidence.text, &evidence.why));
    }
    writeln!(
        out,
        "A model response ({}): \"{}\"",
        result.model.style, result.model.text
    )?;
    if result.differences.is_empty() {
        writeln!(out, "Your response does what the model does.")?;
    } else {
        writeln!(out, "What the model does differently:")?;
        for difference in &result.differences {
            writeln!(out, "  - {difference}")?;
        }
    }
    if let Some(pitfall) = &result.pitfall {
        writeln!(
            out,
            "A common pitfall here: \"{}\" {}",
            pitfall.text, pitfall.why
        )?;
    }
    writeln!(out)
}
