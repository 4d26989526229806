//! CSV, one row per attempt (RFC 4180: comma-separated, CRLF line ends,
//! fields quoted when they hold a comma, quote or line break).

use crate::records::AttemptRecord;
use crate::vocab::Skill;
use std::fmt::Write as _;

/// The header row's fixed columns; one `skill_<name>` column per skill follows
/// `repair`, then `reflections`.
pub const CSV_COLUMNS: &[&str] = &[
    "record_id",
    "trainee",
    "scenario_id",
    "scenario_title",
    "scenario_version",
    "scenario_hash",
    "assignment",
    "seed",
    "started_at",
    "ended_at",
    "ending_id",
    "ending_outcome",
    "empathy",
    "warmth",
    "repair",
];

/// One field, quoted when it must be. Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
/// prefixed with `'` so opening the file never runs a trainee's input.
pub fn csv_field(text: &str) -> String {
    let defused;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        defused = format!("'{text}");
        defused.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn number(value: Option<impl ToString>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// Every record as CSV text with a header row. Scores not observed are empty cells.
pub fn records_to_csv(records: &[AttemptRecord]) -> String {
    let mut out = String::with_capacity(256 * (records.len() + 1));
    let header: Vec<String> = CSV_COLUMNS
        .iter()
        .map(|c| (*c).to_owned())
        .chain(Skill::ALL.iter().map(|s| format!("skill_{s}")))
        .chain(std::iter::once("reflections".to_owned()))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for record in records {
        let scores = &record.debrief.scores;
        let mut row = vec![
            csv_field(&record.id),
            csv_field(&record.trainee),
            csv_field(&record.scenario_id),
            csv_field(&record.scenario_title),
            record.scenario_version.to_string(),
            csv_field(&record.scenario_hash),
            csv_field(record.assignment.as_deref().unwrap_or("")),
            record.seed.to_string(),
            record
                .started_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            record
                .ended_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            csv_field(record.ending.as_ref().map_or("", |e| e.id.as_str())),
            record
                .ending
                .as_ref()
                .map_or_else(String::new, |e| e.outcome.to_string()),
            number(scores.empathy),
            number(scores.warmth),
            number(scores.repair),
        ];
        row.extend(
            Skill::ALL
                .iter()
                .map(|&skill| number(record.debrief.skill(skill).and_then(|s| s.rating))),
        );
        row.push(record.reflections.len().to_string());
        let _ = write!(out, "{}\r\n", row.join(","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn plain_fields_stay_plain() {
        assert_eq!(csv_field("quiet-tuesday"), "quiet-tuesday");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    }
}
