//! Reading scenario files: bytes to [`RawScenario`] with positioned syntax
//! errors, then validation. Never panics, whatever the bytes.

use super::diagnostic::{Diagnostic, DiagnosticKind, error_count, render_all};
use super::raw::RawScenario;
use super::{Scenario, validate};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// The RON dialect every Rapport file is read with: authors may write a bare
/// value for an optional field and `Client(id: ...)` without double brackets.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Writes any Rapport file type as pretty RON in the same dialect
/// [`parse_ron`] reads, so every file written can be read back.
pub fn to_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    ron_options().to_string_pretty(value, ron::ser::PrettyConfig::default().struct_names(true))
}

/// Parses RON text into any file type, turning ron's error into a diagnostic
/// with the position, what was expected and what was found. Boxed because a
/// diagnostic is large and the happy path should not pay for it.
pub fn parse_ron<T: DeserializeOwned>(source: &str) -> Result<T, Box<Diagnostic>> {
    ron_options().from_str(source).map_err(|error| {
        let position = error.span.start;
        let mut message = error.code.to_string();
        // ron names the unexpected thing itself in messages that quote it.
        if !message.contains('`')
            && let Some(found) = token_at(source, position.line, position.col)
        {
            message = format!("{message}, found `{found}`");
        }
        Box::new(
            Diagnostic::error(DiagnosticKind::Syntax, message)
                .at(position.line.max(1), position.col.max(1))
                .with_help(syntax_help(&error.code)),
        )
    })
}

/// The token written at a 1-based position, for "found ..." in syntax errors.
fn token_at(source: &str, line: usize, col: usize) -> Option<String> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let rest: String = text.chars().skip(col.checked_sub(1)?).collect();
    let rest = rest.trim_start();
    let token: String = if let Some(quoted) = rest.strip_prefix('"') {
        let end = quoted.find('"').map_or(quoted.len(), |e| e + 1);
        format!("\"{}", quoted.chars().take(end).collect::<String>())
    } else {
        rest.chars()
            .take_while(|c| !matches!(c, ',' | ')' | ']' | '(' | '[' | ' '))
            .collect()
    };
    let token: String = token.chars().take(40).collect();
    (!token.is_empty()).then_some(token)
}

fn syntax_help(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::NoSuchStructField { expected, .. } => {
            format!("the fields allowed here are: {}", expected.join(", "))
        }
        E::MissingStructField { field, .. } => format!("add `{field}: ...` to this item"),
        E::NoSuchEnumVariant { expected, .. } => {
            format!("write one of: {}", expected.join(", "))
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            "text goes in double quotes, with \\\" for a quote inside".to_owned()
        }
        E::Eof => "the file ends early: check for a missing `)` or `]`".to_owned(),
        // The commonest mix-up: a drill or a set handed to a command that
        // wanted something else. Say which command reads it.
        E::ExpectedDifferentStructName { found, .. } => match found.as_str() {
            "Drill" => "this file is a drill: practise it with `rapport drill FILE`".to_owned(),
            "AssignmentSet" => {
                "this file is an assignment set: use it with `--assignment FILE`".to_owned()
            }
            "Scenario" => "this file is a scenario: play it with `rapport play FILE`".to_owned(),
            "AttemptRecord" => {
                "this file is an attempt record: read it with `rapport report` or the Records screen"
                    .to_owned()
            }
            _ => "see docs/scenario-format.md for the shape of each item".to_owned(),
        },
        _ => "see docs/scenario-format.md for the shape of each item".to_owned(),
    }
}

/// The result of loading one file: the scenario if it has no errors, and
/// every diagnostic found (warnings come along with a loaded scenario).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub source: String,
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        error_count(&self.diagnostics)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// All diagnostics rendered for a terminal.
    pub fn render(&self) -> String {
        render_all(&self.path, &self.source, &self.diagnostics)
    }
}

/// Loads and validates scenario text.
pub fn load_str(source: &str, path: impl Into<PathBuf>) -> Loaded {
    let path = path.into();
    match parse_ron::<RawScenario>(source) {
        Err(diagnostic) => Loaded {
            path,
            source: source.to_owned(),
            scenario: None,
            diagnostics: vec![*diagnostic],
        },
        Ok(raw) => {
            let (scenario, diagnostics) = validate(raw, source);
            Loaded {
                path,
                source: source.to_owned(),
                scenario,
                diagnostics,
            }
        }
    }
}

/// Loads and validates raw bytes, reporting text that is not UTF-8.
pub fn load_bytes(bytes: &[u8], path: impl Into<PathBuf>) -> Loaded {
    match std::str::from_utf8(bytes) {
        Ok(source) => load_str(source, path),
        Err(error) => Loaded {
            path: path.into(),
            source: String::new(),
            scenario: None,
            diagnostics: vec![
                Diagnostic::error(
                    DiagnosticKind::Syntax,
                    format!(
                        "the file is not UTF-8 text (bad byte at offset {})",
                        error.valid_up_to()
                    ),
                )
                .with_help("save the file as UTF-8"),
            ],
        },
    }
}

/// Loads one scenario file from disk.
pub fn load_file(path: &Path) -> Loaded {
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&bytes, path),
        Err(error) => Loaded {
            path: path.to_owned(),
            source: String::new(),
            scenario: None,
            diagnostics: vec![Diagnostic::error(
                DiagnosticKind::Io,
                format!("cannot read the file: {error}"),
            )],
        },
    }
}

/// Every `*.ron` file directly in `dir`, sorted by name.
pub fn ron_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    Ok(files)
}

/// Loads every scenario in a folder (not its subfolders, which hold sets and drills).
pub fn load_dir(dir: &Path) -> std::io::Result<Vec<Loaded>> {
    Ok(ron_files_in(dir)?.iter().map(|p| load_file(p)).collect())
}
