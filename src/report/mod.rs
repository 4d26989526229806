//! The cohort report: one self-contained HTML file (inline CSS and SVG, no
//! script, nothing fetched) showing each trainee's progress through the sets,
//! the distribution of each score, the cohort's weakest skills and every
//! attempt's transcript and debrief.

mod attempts;
mod charts;
pub mod html;
mod sections;
pub mod stats;

pub use html::escape;

use crate::assign::{AssignmentSet, ScenarioCatalog, SetLibrary, cohort_progress};
use crate::records::AttemptRecord;
use chrono::{DateTime, Utc};
use sections::Titles;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Everything a report is drawn from.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// Where the records came from, shown in the heading.
    pub source: &'a str,
    pub records: &'a [AttemptRecord],
    /// Files that were not records, with the reason.
    pub skipped: &'a [(PathBuf, String)],
    /// Sets to show progress for (see [`sets_to_show`]).
    pub sets: &'a SetLibrary,
    pub catalog: Option<&'a ScenarioCatalog>,
    pub generated_at: DateTime<Utc>,
}

/// The sets a report shows progress for: the primary set, then every other
/// set that some attempt is tagged with.
pub fn sets_to_show<'a>(sets: &'a SetLibrary, records: &[AttemptRecord]) -> Vec<&'a AssignmentSet> {
    let tagged: BTreeSet<&str> = records
        .iter()
        .filter_map(|r| r.assignment.as_deref())
        .collect();
    let primary = sets.primary();
    primary
        .into_iter()
        .chain(sets.iter().filter(|set| {
            tagged.contains(set.id.as_str()) && primary.is_none_or(|p| p.id != set.id)
        }))
        .collect()
}

/// Renders the whole report as one HTML document.
pub fn render_report(input: &ReportInput<'_>) -> String {
    let records = input.records;
    let mut out = String::with_capacity(4096 + records.len() * 12_000);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str("<title>Rapport cohort report</title><style>");
    out.push_str(include_str!("style.css"));
    out.push_str("</style></head><body><h1>Rapport cohort report</h1>");
    let trainees: BTreeSet<&str> = records.iter().map(|r| r.trainee.as_str()).collect();
    let _ = write!(
        out,
        "<p class=\"meta\">{} attempt{} by {} trainee{} from <code>{}</code> · generated {}</p>",
        records.len(),
        if records.len() == 1 { "" } else { "s" },
        trainees.len(),
        if trainees.len() == 1 { "" } else { "s" },
        escape(input.source),
        input.generated_at.format("%Y-%m-%d %H:%M UTC"),
    );
    let titles = Titles::new(records, input.catalog);
    for set in sets_to_show(input.sets, records) {
        let cohort = cohort_progress(set, records, input.catalog);
        sections::set_progress(&mut out, set, &cohort, &titles);
    }
    sections::unknown_sets(&mut out, input.sets, records);
    if records.is_empty() {
        out.push_str("<p>No attempt records were found.</p>");
    } else {
        sections::overview(&mut out, records, &titles);
        sections::distributions(&mut out, records);
        sections::weakest(&mut out, records);
        attempts::attempts(&mut out, records);
    }
    sections::skipped(&mut out, input.skipped);
    out.push_str("</body></html>\n");
    out
}
