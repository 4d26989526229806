//! Problems found while loading or linting a file, as data: a severity, a kind
//! tests can match on, the node or choice concerned and a `line:col`.

use serde::Serialize;
use std::fmt::Write as _;

/// How bad a problem is: errors stop a scenario from loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

/// Every kind of problem the loader and linter report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticKind {
    /// The file could not be read.
    Io,
    /// RON syntax or a field of the wrong type.
    Syntax,
    UnknownTarget,
    DuplicateId,
    UnreachableNode,
    CannotReachEnding,
    DeadEnd,
    NoEnding,
    ScoreOutOfRange,
    StateOutOfRange,
    MissingIntent,
    UnknownFlag,
    UnknownNode,
    UnknownChoice,
    TypedWithoutFallback,
    UnusedFlag,
    EmptyText,
    NoSkills,
    BadId,
    // Warnings: authoring smells.
    MissingExplanation,
    SingleChoice,
    AllChoicesConditional,
    TypedRouteUnused,
    RepairWithoutRupture,
    /// The best option of a menu is much longer than the others (gives it away).
    MenuLengthGiveaway,
    /// Fewer than two options of a menu score 60 or more overall.
    MenuFewDefensible,
}

impl DiagnosticKind {
    /// The kebab-case code printed in brackets, e.g. `unknown-target`.
    pub fn code(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: DiagnosticKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// 1-based, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub col: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error about no node in particular.
    pub fn error(kind: DiagnosticKind, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            message: message.into(),
            node: None,
            choice: None,
            line: None,
            col: None,
            help: None,
        }
    }

    /// A warning about no node in particular.
    pub fn warning(kind: DiagnosticKind, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(kind, message)
        }
    }

    /// Names the node concerned.
    pub fn at_node(mut self, node: &str) -> Self {
        self.node = Some(node.to_owned());
        self
    }

    /// Names the choice concerned.
    pub fn at_choice(mut self, choice: &str) -> Self {
        self.choice = Some(choice.to_owned());
        self
    }

    /// Adds a suggestion.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the position.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic like a compiler does, quoting the source line.
    pub fn render(&self, path: &str, source: &str) -> String {
        let mut out = String::new();
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{severity}[{}]: {}", self.kind.code(), self.message);
        match (self.line, self.col) {
            (Some(line), Some(col)) => {
                let _ = writeln!(out, "  --> {path}:{line}:{col}");
                if let Some(text) = source.lines().nth(line.saturating_sub(1)) {
                    let gutter = line.to_string().len();
                    let pad = " ".repeat(gutter);
                    let caret_pad: String = text
                        .chars()
                        .take(col.saturating_sub(1))
                        .map(|c| if c == '\t' { '\t' } else { ' ' })
                        .collect();
                    let _ = writeln!(out, "{pad} |");
                    let _ = writeln!(out, "{line} | {text}");
                    let _ = writeln!(out, "{pad} | {caret_pad}^");
                }
            }
            _ => {
                let _ = writeln!(out, "  --> {path}");
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "   = help: {help}");
        }
        out
    }
}

/// Finds where `id: "<value>"` is written, so a diagnostic about a node or
/// choice can point at it. Returns 1-based `(line, col)` of the value's quote.
pub fn locate_id(source: &str, value: &str) -> Option<(usize, usize)> {
    locate_field(source, "id", value)
}

/// Finds where `field: "<value>"` is first written.
pub fn locate_field(source: &str, field: &str, value: &str) -> Option<(usize, usize)> {
    let quoted = format!("\"{value}\"");
    for (line_index, line) in source.lines().enumerate() {
        let mut search_from = 0;
        while let Some(found) = line[search_from..].find(&quoted) {
            let at = search_from + found;
            let before = line[..at].trim_end();
            if let Some(prefix) = before.strip_suffix(':')
                && prefix.trim_end().ends_with(field)
            {
                let col = line[..at].chars().count() + 1;
                return Some((line_index + 1, col));
            }
            search_from = at + quoted.len();
        }
    }
    None
}

/// What the diagnostics of every file type (scenarios, sets, drills) share,
/// so a loaded file counts and prints its problems the same way whatever it is.
pub trait FileDiagnostic {
    fn is_error(&self) -> bool;
    /// The compiler-style text for a terminal, with the source line quoted.
    fn render(&self, path: &str, source: &str) -> String;
}

impl FileDiagnostic for Diagnostic {
    fn is_error(&self) -> bool {
        Diagnostic::is_error(self)
    }

    fn render(&self, path: &str, source: &str) -> String {
        Diagnostic::render(self, path, source)
    }
}

/// How many of a file's diagnostics are errors.
pub fn error_count<D: FileDiagnostic>(diagnostics: &[D]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// Every diagnostic of one file rendered for a terminal, one after another.
pub fn render_all<D: FileDiagnostic>(
    path: &std::path::Path,
    source: &str,
    diagnostics: &[D],
) -> String {
    let path = path.display().to_string();
    diagnostics
        .iter()
        .map(|d| d.render(&path, source))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_id_finds_the_value_not_a_mention() {
        let source = "(\n  next: \"a\",\n  id: \"a\",\n)";
        assert_eq!(locate_id(source, "a"), Some((3, 7)));
        assert_eq!(locate_field(source, "next", "a"), Some((2, 9)));
        assert_eq!(locate_id(source, "b"), None);
    }

    #[test]
    fn render_quotes_the_line_with_a_caret() {
        let diagnostic = Diagnostic::error(DiagnosticKind::UnknownTarget, "no such node")
            .at(2, 3)
            .with_help("check the spelling");
        let text = diagnostic.render("x.ron", "first\nabcdef\n");
        assert!(text.starts_with("error[unknown-target]: no such node"));
        assert!(text.contains("--> x.ron:2:3"));
        assert!(text.contains("2 | abcdef"));
        assert!(text.contains("  |   ^"));
        assert!(text.contains("= help: check the spelling"));
    }
}
