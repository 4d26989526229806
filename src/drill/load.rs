//! Reading and validating drill files: bytes to [`Drill`] with positioned
//! syntax errors (the same RON dialect and messages as scenarios), then the
//! drill linter. Never panics, whatever the bytes.

use super::format::{Drill, Level, Statement};
use crate::scenario::{
    Diagnostic, DiagnosticKind, FileDiagnostic, Severity, error_count, parse_ron, render_all,
    ron_files_in,
};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The fewest statements a drill holds at each level.
pub const MIN_STATEMENTS_PER_LEVEL: usize = 5;
/// The fewest model responses per statement.
pub const MIN_MODELS: usize = 3;
/// The fewest pitfalls per statement.
pub const MIN_PITFALLS: usize = 2;

/// Every kind of problem the drill linter reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrillIssue {
    /// The file could not be read.
    Io,
    /// RON syntax, an unknown field or intent, or a field of the wrong type.
    Syntax,
    BadId,
    DuplicateId,
    EmptyText,
    MissingFits,
    TooFewStatements,
    TooFewModels,
    TooFewPitfalls,
    // Warnings: authoring smells.
    /// A roadblock (advice, reassurance...) is listed among the fitting intents.
    RoadblockFits,
}

impl DrillIssue {
    /// The kebab-case code printed in brackets, e.g. `too-few-models`.
    pub fn code(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// One problem in one drill file, shaped like a scenario [`Diagnostic`]
/// (same JSON keys, `statement` in place of `node`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DrillDiagnostic {
    pub severity: Severity,
    pub kind: DrillIssue,
    pub message: String,
    /// The statement concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// 1-based, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub col: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl DrillDiagnostic {
    fn error(kind: DrillIssue, message: impl Into<String>) -> Self {
        DrillDiagnostic {
            severity: Severity::Error,
            kind,
            message: message.into(),
            statement: None,
            line: None,
            col: None,
            help: None,
        }
    }

    fn warning(kind: DrillIssue, message: impl Into<String>) -> Self {
        DrillDiagnostic {
            severity: Severity::Warning,
            ..DrillDiagnostic::error(kind, message)
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    fn in_statement(mut self, id: &str) -> Self {
        self.statement = Some(id.to_owned());
        self
    }

    fn at(mut self, position: Option<Position>) -> Self {
        if let Some(Position { line, col }) = position {
            self.line = Some(line);
            self.col = Some(col);
        }
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic like a compiler does, quoting the source line,
    /// exactly as scenario diagnostics are rendered.
    pub fn render(&self, path: &str, source: &str) -> String {
        let mut as_scenario = Diagnostic::error(DiagnosticKind::Syntax, self.message.clone());
        as_scenario.severity = self.severity;
        as_scenario.line = self.line;
        as_scenario.col = self.col;
        as_scenario.help = self.help.clone();
        let rendered = as_scenario.render(path, source);
        // The scenario renderer prints its own kind code in the first line;
        // swap that line for one with the drill issue's code.
        let body = rendered.split_once('\n').map_or("", |(_, rest)| rest);
        let severity = if self.is_error() { "error" } else { "warning" };
        let within = self
            .statement
            .as_deref()
            .map(|id| format!(" (statement \"{id}\")"))
            .unwrap_or_default();
        format!(
            "{severity}[{}]: {}{within}\n{body}",
            self.kind.code(),
            self.message
        )
    }

    fn from_syntax(diagnostic: Diagnostic) -> Self {
        DrillDiagnostic {
            severity: diagnostic.severity,
            kind: DrillIssue::Syntax,
            message: diagnostic.message,
            statement: None,
            line: diagnostic.line,
            col: diagnostic.col,
            help: diagnostic
                .help
                .map(|h| h.replace("docs/scenario-format.md", "docs/drills.md")),
        }
    }
}

impl FileDiagnostic for DrillDiagnostic {
    fn is_error(&self) -> bool {
        DrillDiagnostic::is_error(self)
    }

    fn render(&self, path: &str, source: &str) -> String {
        DrillDiagnostic::render(self, path, source)
    }
}

/// The result of loading one drill file: the drill if it has no errors, and
/// every diagnostic found (warnings come along with a loaded drill).
#[derive(Debug, Clone)]
pub struct LoadedDrill {
    pub path: PathBuf,
    pub source: String,
    pub drill: Option<Drill>,
    pub diagnostics: Vec<DrillDiagnostic>,
}

impl LoadedDrill {
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

    /// One line of `rapport check --json`: the same keys as a scenario's line
    /// (`nodes` counts statements; drills have no endings or choices), plus
    /// `"kind": "drill"` and the statement and model counts.
    pub fn summary_json(&self) -> serde_json::Value {
        let drill = self.drill.as_ref();
        let statements = drill.map_or(0, |d| d.statements.len());
        serde_json::json!({
            "kind": "drill",
            "id": drill.map(|d| d.id.clone()),
            "path": self.path.display().to_string(),
            "nodes": statements,
            "endings": 0,
            "choices": 0,
            "statements": statements,
            "models": drill.map_or(0, |d| d.statements.iter().map(|s| s.models.len()).sum::<usize>()),
            "errors": self.errors(),
            "warnings": self.warnings(),
            "diagnostics": self.diagnostics,
        })
    }

    fn failed(path: PathBuf, source: String, diagnostic: DrillDiagnostic) -> Self {
        LoadedDrill {
            path,
            source,
            drill: None,
            diagnostics: vec![diagnostic],
        }
    }
}

/// Loads and validates drill text.
pub fn load_str(source: &str, path: impl Into<PathBuf>) -> LoadedDrill {
    let path = path.into();
    match parse_ron::<Drill>(source) {
        Err(diagnostic) => LoadedDrill::failed(
            path,
            source.to_owned(),
            DrillDiagnostic::from_syntax(*diagnostic),
        ),
        Ok(drill) => {
            let diagnostics = validate(&drill, source);
            let has_errors = diagnostics.iter().any(DrillDiagnostic::is_error);
            LoadedDrill {
                path,
                source: source.to_owned(),
                drill: (!has_errors).then_some(drill),
                diagnostics,
            }
        }
    }
}

/// Loads and validates raw bytes, reporting text that is not UTF-8.
pub fn load_bytes(bytes: &[u8], path: impl Into<PathBuf>) -> LoadedDrill {
    match std::str::from_utf8(bytes) {
        Ok(source) => load_str(source, path),
        Err(error) => LoadedDrill::failed(
            path.into(),
            String::new(),
            DrillDiagnostic::error(
                DrillIssue::Syntax,
                format!(
                    "the file is not UTF-8 text (bad byte at offset {})",
                    error.valid_up_to()
                ),
            )
            .help("save the file as UTF-8"),
        ),
    }
}

/// Loads one drill file from disk.
pub fn load_file(path: &Path) -> LoadedDrill {
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&bytes, path),
        Err(error) => LoadedDrill::failed(
            path.to_owned(),
            String::new(),
            DrillDiagnostic::error(DrillIssue::Io, format!("cannot read the file: {error}")),
        ),
    }
}

/// Every `*.ron` drill file directly in `dir`, sorted by name.
pub fn drill_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    ron_files_in(dir)
}

/// Whether a file is a drill rather than a scenario: it lives in a folder
/// named `drills`, or its top-level RON value is written `Drill(`.
pub fn is_drill_file(path: &Path) -> bool {
    let in_drills_folder = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == "drills");
    in_drills_folder
        || std::fs::read(path)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .is_some_and(|source| starts_with_drill_struct(&source))
}

/// Whether the first value in RON text, after comments and blank space, is `Drill(`.
pub fn starts_with_drill_struct(source: &str) -> bool {
    let mut rest = source.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("#![") {
            // RON extension attributes such as #![enable(implicit_some)].
            rest = after.split_once(']').map_or("", |(_, next)| next);
        } else {
            break;
        }
    }
    rest.strip_prefix("Drill")
        .is_some_and(|after| after.trim_start().starts_with('('))
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Position {
    line: usize,
    col: usize,
}

/// Finds where things are written in the source, so diagnostics can point at them.
struct Locator<'a> {
    source: &'a str,
}

impl Locator<'_> {
    fn position(&self, offset: usize) -> Position {
        let before = &self.source[..offset];
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        Position {
            line: before.matches('\n').count() + 1,
            col: before[line_start..].chars().count() + 1,
        }
    }

    /// Byte offset of the first `field:` key at or after `from`.
    fn key(&self, field: &str, from: usize) -> Option<usize> {
        let haystack = self.source.get(from..)?;
        haystack
            .match_indices(field)
            .map(|(at, _)| from + at)
            .find(|&at| {
                let before_ok = self.source[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                let after = self.source[at + field.len()..].trim_start();
                before_ok && after.starts_with(':')
            })
    }

    /// Byte offset of the first `field: "value"` (the value's quote) at or after `from`.
    fn value(&self, field: &str, value: &str, from: usize) -> Option<usize> {
        let quoted = format!("\"{value}\"");
        let haystack = self.source.get(from..)?;
        haystack
            .match_indices(&quoted)
            .map(|(at, _)| from + at)
            .find(|&at| {
                let before = self.source[..at].trim_end();
                before.strip_suffix(':').is_some_and(|key| {
                    let key = key.trim_end();
                    key.ends_with(field)
                        && key[..key.len() - field.len()]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                })
            })
    }
}

/// The byte range of one statement in the source: from its `id:` to the next
/// statement's, so problems inside it can be located.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

/// Lints a parsed drill against its source text.
pub fn validate(drill: &Drill, source: &str) -> Vec<DrillDiagnostic> {
    let locate = Locator { source };
    let mut out = Vec::new();
    let header_end = locate.key("statements", 0).unwrap_or(source.len());

    check_id(&mut out, &locate, &drill.id, 0, None);
    for (field, text) in [
        ("title", &drill.title),
        ("move", &drill.target_move),
        ("summary", &drill.summary),
        ("instructions", &drill.instructions),
    ] {
        if text.trim().is_empty() {
            let at = locate.value(field, text, 0).filter(|&at| at < header_end);
            out.push(
                DrillDiagnostic::error(
                    DrillIssue::EmptyText,
                    format!("the drill's `{field}` is empty"),
                )
                .at(at.map(|a| locate.position(a)))
                .help(format!("write the drill's {field}")),
            );
        }
    }

    let spans = statement_spans(drill, &locate, header_end);
    let mut seen = HashSet::new();
    for (statement, span) in drill.statements.iter().zip(&spans) {
        let id_at = Some(locate.position(span.start.min(source.len())));
        if !seen.insert(statement.id.as_str()) {
            out.push(
                DrillDiagnostic::error(
                    DrillIssue::DuplicateId,
                    format!(
                        "the statement id \"{}\" is used more than once",
                        statement.id
                    ),
                )
                .in_statement(&statement.id)
                .at(id_at)
                .help("statement ids must be unique in a drill; the practice diary refers to them"),
            );
        }
        if statement.id == drill.id {
            out.push(
                DrillDiagnostic::error(
                    DrillIssue::DuplicateId,
                    format!(
                        "the statement id \"{}\" is also the drill's id",
                        statement.id
                    ),
                )
                .in_statement(&statement.id)
                .at(id_at),
            );
        }
        check_id(
            &mut out,
            &locate,
            &statement.id,
            span.start,
            Some(&statement.id),
        );
        check_statement(&mut out, &locate, statement, *span, id_at);
    }

    let statements_at = locate.key("statements", 0).map(|a| locate.position(a));
    for level in Level::ALL {
        let count = drill.at_level(level).count();
        if count < MIN_STATEMENTS_PER_LEVEL {
            out.push(
                DrillDiagnostic::error(
                    DrillIssue::TooFewStatements,
                    format!(
                        "the drill has {count} {level} statement{}; it needs at least {MIN_STATEMENTS_PER_LEVEL}",
                        if count == 1 { "" } else { "s" }
                    ),
                )
                .at(statements_at)
                .help(format!("add {level} statements so the level can be practised without repeats")),
            );
        }
    }

    out.sort_by_key(|d| (d.line.unwrap_or(usize::MAX), d.col.unwrap_or(0)));
    out
}

/// Where each statement starts: its `id: "..."`, searched in order so a
/// duplicate id points at its second occurrence.
fn statement_spans(drill: &Drill, locate: &Locator, header_end: usize) -> Vec<Span> {
    let mut starts = Vec::with_capacity(drill.statements.len());
    let mut cursor = header_end;
    for statement in &drill.statements {
        let start = locate.value("id", &statement.id, cursor).unwrap_or(cursor);
        starts.push(start);
        cursor = (start + 1).min(locate.source.len());
    }
    let mut spans = Vec::with_capacity(starts.len());
    for (index, &start) in starts.iter().enumerate() {
        let end = starts
            .get(index + 1)
            .copied()
            .filter(|&next| next > start)
            .unwrap_or(locate.source.len());
        spans.push(Span { start, end });
    }
    spans
}

fn check_id(
    out: &mut Vec<DrillDiagnostic>,
    locate: &Locator,
    id: &str,
    from: usize,
    statement: Option<&str>,
) {
    let well_formed = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if well_formed {
        return;
    }
    let mut diagnostic = DrillDiagnostic::error(
        DrillIssue::BadId,
        format!("the id \"{id}\" should use only a-z, 0-9, `_` and `-`"),
    )
    .at(locate.value("id", id, from).map(|a| locate.position(a)))
    .help("stable, plain ids survive edits and read well in the practice diary");
    if let Some(statement) = statement {
        diagnostic = diagnostic.in_statement(statement);
    }
    out.push(diagnostic);
}

fn check_statement(
    out: &mut Vec<DrillDiagnostic>,
    locate: &Locator,
    statement: &Statement,
    span: Span,
    id_at: Option<Position>,
) {
    let id = statement.id.as_str();
    // Position of `field: ""` inside this statement, or of its id.
    let empty_at = |field: &str, from: usize| {
        locate
            .value(field, "", from)
            .filter(|&at| at < span.end)
            .map(|at| locate.position(at))
            .or(id_at)
    };
    let key_at = |field: &str| {
        locate
            .key(field, span.start)
            .filter(|&at| at < span.end)
            .map(|at| locate.position(at))
            .or(id_at)
    };
    let empty = |what: String, at: Option<Position>| {
        DrillDiagnostic::error(DrillIssue::EmptyText, what)
            .in_statement(id)
            .at(at)
    };

    if statement.context.trim().is_empty() {
        out.push(
            empty(
                "the `context` is empty".into(),
                empty_at("context", span.start),
            )
            .help("say who the client is and where the session stands, in a sentence or two"),
        );
    }
    if statement.statement.trim().is_empty() {
        out.push(empty(
            "the `statement` is empty".into(),
            empty_at("statement", span.start),
        ));
    }

    if statement.fits.is_empty() {
        out.push(
            DrillDiagnostic::error(DrillIssue::MissingFits, "the statement lists no fitting intents")
                .in_statement(id)
                .at(key_at("fits"))
                .help("list the intents that answer it well, e.g. `fits: [reflection_complex, validation]`"),
        );
    }
    for intent in statement.fits.iter().filter(|i| i.is_roadblock()) {
        out.push(
            DrillDiagnostic::warning(
                DrillIssue::RoadblockFits,
                format!("`{intent}` is a roadblock to listening but is listed as fitting"),
            )
            .in_statement(id)
            .at(key_at("fits"))
            .help("roadblocks belong in `pitfalls`"),
        );
    }

    if statement.models.len() < MIN_MODELS {
        out.push(
            DrillDiagnostic::error(
                DrillIssue::TooFewModels,
                format!(
                    "the statement has {} model response{}; it needs at least {MIN_MODELS}",
                    statement.models.len(),
                    if statement.models.len() == 1 { "" } else { "s" }
                ),
            )
            .in_statement(id)
            .at(key_at("models"))
            .help("give model responses in different styles, e.g. a reflection, a validation and a question"),
        );
    }
    let models_from = locate.key("models", span.start).unwrap_or(span.start);
    for (index, model) in statement.models.iter().enumerate() {
        let number = index + 1;
        if model.text.trim().is_empty() {
            out.push(empty(
                format!("model response {number} has no text"),
                empty_at("text", models_from),
            ));
        }
        if model.style.trim().is_empty() {
            out.push(empty(
                format!("model response {number} has no style"),
                empty_at("style", models_from),
            ));
        }
    }

    if statement.pitfalls.len() < MIN_PITFALLS {
        out.push(
            DrillDiagnostic::error(
                DrillIssue::TooFewPitfalls,
                format!(
                    "the statement has {} pitfall{}; it needs at least {MIN_PITFALLS}",
                    statement.pitfalls.len(),
                    if statement.pitfalls.len() == 1 { "" } else { "s" }
                ),
            )
            .in_statement(id)
            .at(key_at("pitfalls"))
            .help("add tempting responses that miss (advice, reassurance, a judgement) with `why` they miss"),
        );
    }
    let pitfalls_from = locate.key("pitfalls", span.start).unwrap_or(span.start);
    for (index, pitfall) in statement.pitfalls.iter().enumerate() {
        let number = index + 1;
        if pitfall.text.trim().is_empty() {
            out.push(empty(
                format!("pitfall {number} has no text"),
                empty_at("text", pitfalls_from),
            ));
        }
        if pitfall.why.trim().is_empty() {
            out.push(
                empty(
                    format!("pitfall {number} does not say why it misses"),
                    empty_at("why", pitfalls_from),
                )
                .help("one sentence a trainee can learn from"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(id: &str, level: &str) -> String {
        format!(
            r#"(
            id: "{id}",
            level: {level},
            context: "A client in a first session.",
            statement: "I don't really know why I'm here.",
            fits: [reflection_simple, open_question],
            models: [
                (style: "simple reflection", text: "You're not sure what brought you."),
                (style: "open question", text: "What made today the day to come?"),
                (style: "complex reflection", text: "Part of you wonders whether this is for you."),
            ],
            pitfalls: [
                (text: "You should know why you're here.", why: "A judgement."),
                (text: "Don't worry about it.", why: "Reassurance closes it down."),
            ],
        )"#
        )
    }

    fn drill_source(statements: &[String]) -> String {
        format!(
            "Drill(\n    id: \"sample\",\n    title: \"Sample\",\n    skill: empathy,\n    move: \"Reflect\",\n    summary: \"A sample.\",\n    instructions: \"Respond.\",\n    statements: [\n{}\n    ],\n)\n",
            statements.join(",\n")
        )
    }

    fn full_set() -> Vec<String> {
        let mut statements = Vec::new();
        for level in ["beginner", "intermediate", "advanced"] {
            for n in 1..=MIN_STATEMENTS_PER_LEVEL {
                statements.push(statement(&format!("{level}-{n}"), level));
            }
        }
        statements
    }

    #[test]
    fn a_complete_drill_loads_clean() {
        let loaded = load_str(&drill_source(&full_set()), "sample.ron");
        assert!(loaded.diagnostics.is_empty(), "{}", loaded.render());
        let drill = loaded.drill.expect("loads");
        assert_eq!(
            drill.at_level(Level::Advanced).count(),
            MIN_STATEMENTS_PER_LEVEL
        );
        assert!(starts_with_drill_struct(&loaded.source));
    }

    #[test]
    fn duplicate_ids_point_at_the_second_occurrence() {
        let mut statements = full_set();
        statements[3] = statement("beginner-1", "beginner");
        let source = drill_source(&statements);
        let loaded = load_str(&source, "sample.ron");
        let duplicate = loaded
            .diagnostics
            .iter()
            .find(|d| d.kind == DrillIssue::DuplicateId)
            .expect("duplicate reported");
        let second_line = source
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("id: \"beginner-1\""))
            .nth(1)
            .map(|(i, _)| i + 1);
        assert_eq!(duplicate.line, second_line);
        assert!(loaded.drill.is_none());
    }

    #[test]
    fn empty_text_missing_fits_and_short_lists_are_errors() {
        let mut statements = full_set();
        statements[0] = statements[0]
            .replace(
                "statement: \"I don't really know why I'm here.\"",
                "statement: \"\"",
            )
            .replace("fits: [reflection_simple, open_question]", "fits: []")
            .replace(
                "(text: \"Don't worry about it.\", why: \"Reassurance closes it down.\"),",
                "",
            );
        let source = drill_source(&statements);
        let loaded = load_str(&source, "sample.ron");
        let kinds: Vec<DrillIssue> = loaded.diagnostics.iter().map(|d| d.kind).collect();
        assert!(kinds.contains(&DrillIssue::EmptyText), "{kinds:?}");
        assert!(kinds.contains(&DrillIssue::MissingFits), "{kinds:?}");
        assert!(kinds.contains(&DrillIssue::TooFewPitfalls), "{kinds:?}");
        let empty = loaded
            .diagnostics
            .iter()
            .find(|d| d.kind == DrillIssue::EmptyText)
            .expect("empty text");
        let line = empty.line.expect("positioned");
        assert!(
            source
                .lines()
                .nth(line - 1)
                .unwrap_or("")
                .contains("statement: \"\"")
        );
        assert!(
            empty
                .render("sample.ron", &source)
                .contains("error[empty-text]")
        );
    }

    #[test]
    fn too_few_statements_per_level_is_an_error() {
        let statements: Vec<String> = full_set().into_iter().skip(1).collect();
        let loaded = load_str(&drill_source(&statements), "sample.ron");
        let too_few: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.kind == DrillIssue::TooFewStatements)
            .collect();
        assert_eq!(too_few.len(), 1);
        assert!(too_few[0].message.contains("4 beginner statements"));
        assert!(too_few[0].line.is_some());
    }

    #[test]
    fn unknown_intents_are_positioned_syntax_errors() {
        let mut statements = full_set();
        statements[2] = statements[2].replace("open_question]", "active_listening]");
        let loaded = load_str(&drill_source(&statements), "sample.ron");
        assert_eq!(loaded.diagnostics.len(), 1);
        let syntax = &loaded.diagnostics[0];
        assert_eq!(syntax.kind, DrillIssue::Syntax);
        assert!(syntax.line.is_some() && syntax.col.is_some());
        assert!(
            syntax
                .help
                .as_deref()
                .unwrap_or("")
                .contains("open_question")
        );
    }

    #[test]
    fn a_roadblock_in_fits_is_a_warning_only() {
        let mut statements = full_set();
        statements[5] = statements[5].replace(
            "fits: [reflection_simple",
            "fits: [advice, reflection_simple",
        );
        let loaded = load_str(&drill_source(&statements), "sample.ron");
        assert_eq!(loaded.errors(), 0);
        assert_eq!(loaded.warnings(), 1);
        assert!(loaded.drill.is_some());
    }

    #[test]
    fn drill_struct_detection_skips_comments() {
        assert!(starts_with_drill_struct("// a drill\n/* x */ Drill ("));
        assert!(!starts_with_drill_struct("(id: \"scenario\")"));
        assert!(!starts_with_drill_struct("// Drill(\n("));
    }

    #[test]
    fn garbage_never_panics() {
        for source in [
            "",
            "Drill(",
            "\u{0}\u{1}",
            "Drill(id: 3)",
            "[[[[",
            "Drill(statements: [(id: \"\")])",
        ] {
            let loaded = load_str(source, "x.ron");
            assert!(loaded.errors() > 0);
        }
        assert!(load_bytes(&[0xff, 0xfe], "x.ron").errors() > 0);
    }
}
