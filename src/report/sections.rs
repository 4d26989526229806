//! The report's summary sections: progress through each set, an overview of
//! attempts, score distributions, the weakest skills and skipped files.

use super::charts::{histogram_svg, rating_bar};
use super::html::{escape, push_escaped};
use super::stats::{Histogram, weakest_skills};
use crate::assign::{
    AssignmentSet, ScenarioCatalog, ScenarioProgress, ScenarioStatus, SetLibrary, TraineeProgress,
    observed_mean,
};
use crate::records::AttemptRecord;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Scenario titles by id, from the catalog first and the records second.
pub struct Titles<'a> {
    titles: BTreeMap<&'a str, &'a str>,
}

impl<'a> Titles<'a> {
    pub fn new(records: &'a [AttemptRecord], catalog: Option<&'a ScenarioCatalog>) -> Titles<'a> {
        let mut titles = BTreeMap::new();
        for record in records {
            titles
                .entry(record.scenario_id.as_str())
                .or_insert(record.scenario_title.as_str());
        }
        if let Some(catalog) = catalog {
            for id in catalog.ids() {
                if let Some(entry) = catalog.get(id) {
                    titles.insert(id, entry.title.as_str());
                }
            }
        }
        Titles { titles }
    }

    /// The title of a scenario, or its id when no title is known.
    pub fn of<'b>(&'b self, id: &'b str) -> &'b str {
        self.titles.get(id).copied().unwrap_or(id)
    }
}

fn format_score(score: Option<f64>) -> String {
    score.map_or_else(|| "—".to_owned(), |s| format!("{s:.0}"))
}

/// The criteria of a set, in words.
fn criteria_text(set: &AssignmentSet) -> String {
    let c = &set.criteria;
    let mut parts: Vec<String> = [
        ("empathy", c.empathy),
        ("warmth", c.warmth),
        ("repair", c.repair),
    ]
    .into_iter()
    .filter_map(|(name, min)| Some(format!("{name} ≥ {}", min?)))
    .collect();
    parts.extend(
        c.skills
            .iter()
            .map(|s| format!("{} rated ≥ {}", s.skill.label(), s.min_rating)),
    );
    if set.reflection_required {
        parts.push("a written reflection".to_owned());
    }
    if parts.is_empty() {
        "none: any finished attempt passes".to_owned()
    } else {
        parts.join(", ")
    }
}

fn status_class(status: ScenarioStatus) -> &'static str {
    match status {
        ScenarioStatus::NotStarted => "none",
        ScenarioStatus::InProgress => "progress",
        ScenarioStatus::Passed => "pass",
        ScenarioStatus::Failed => "fail",
    }
}

fn progress_cell(out: &mut String, set: &AssignmentSet, progress: &ScenarioProgress) {
    let best = progress.best_attempt();
    let tooltip = best.map_or_else(String::new, |b| {
        b.checks
            .iter()
            .map(|c| format!("{}: {}", c.criterion.label(), c.describe()))
            .collect::<Vec<_>>()
            .join("; ")
    });
    let best_score = best.map_or_else(String::new, |b| {
        format!(" · best {}", format_score(b.overall))
    });
    let late = if best.is_some_and(|b| b.late) {
        " · late"
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<td class="{}" title="{}">{}<small>{}{best_score}{late}</small></td>"#,
        status_class(progress.status),
        escape(&tooltip),
        progress.status.label(),
        attempts_used(set, progress.attempts.len()),
    );
}

/// "2 of 3 attempts", "3 of 3 attempts + 1 over the limit", or "4 attempts".
fn attempts_used(set: &AssignmentSet, attempts: usize) -> String {
    match set.attempts_allowed.map(|n| n as usize) {
        Some(allowed) if attempts > allowed => {
            format!(
                "{allowed} of {allowed} attempts + {} over the limit",
                attempts - allowed
            )
        }
        Some(allowed) => format!("{attempts} of {allowed} attempts"),
        None => format!("{attempts} attempt{}", if attempts == 1 { "" } else { "s" }),
    }
}

/// One set's table: each trainee by scenario against the criteria.
pub fn set_progress(
    out: &mut String,
    set: &AssignmentSet,
    cohort: &[TraineeProgress],
    titles: &Titles<'_>,
) {
    out.push_str("<section><h2>Assignment: ");
    push_escaped(out, &set.title);
    out.push_str("</h2><p class=\"meta\">Set <code>");
    push_escaped(out, &set.id);
    out.push_str("</code>");
    if let Some(due) = set.due {
        let _ = write!(out, " · due {due}");
    }
    match set.attempts_allowed {
        Some(n) => {
            let _ = write!(
                out,
                " · {n} attempt{} allowed per scenario",
                if n == 1 { "" } else { "s" }
            );
        }
        None => out.push_str(" · no attempt limit"),
    }
    out.push_str("</p><p>Pass criteria: ");
    push_escaped(out, &criteria_text(set));
    out.push_str("</p>");
    if cohort.is_empty() {
        out.push_str("<p>No attempts at this set yet.</p></section>");
        return;
    }
    out.push_str("<div class=\"scroll\"><table class=\"progress\"><thead><tr><th>Trainee</th>");
    for id in &set.scenarios {
        out.push_str("<th>");
        push_escaped(out, titles.of(id));
        out.push_str("</th>");
    }
    out.push_str("<th>Set</th></tr></thead><tbody>");
    for trainee in cohort {
        out.push_str("<tr><th>");
        push_escaped(out, &trainee.trainee);
        out.push_str("</th>");
        for scenario in &trainee.scenarios {
            progress_cell(out, set, scenario);
        }
        let _ = write!(
            out,
            r#"<td class="{}">{} of {} passed</td></tr>"#,
            if trainee.passed() { "pass" } else { "none" },
            trainee.passed_count(),
            trainee.scenarios.len()
        );
    }
    let passed = cohort.iter().filter(|t| t.passed()).count();
    let _ = write!(
        out,
        "</tbody></table></div><p>{passed} of {} trainee{} passed the whole set.</p></section>",
        cohort.len(),
        if cohort.len() == 1 { "" } else { "s" }
    );
}

/// Every trainee by scenario: attempts and best mean score, whatever the set.
pub fn overview(out: &mut String, records: &[AttemptRecord], titles: &Titles<'_>) {
    let scenarios: BTreeSet<&str> = records.iter().map(|r| r.scenario_id.as_str()).collect();
    let mut cells: BTreeMap<&str, BTreeMap<&str, (usize, Option<f64>)>> = BTreeMap::new();
    for record in records {
        let cell = cells
            .entry(record.trainee.as_str())
            .or_default()
            .entry(record.scenario_id.as_str())
            .or_insert((0, None));
        cell.0 += 1;
        let mean = observed_mean(&record.debrief.scores);
        cell.1 = match (cell.1, mean) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    out.push_str("<section><h2>All attempts by trainee and scenario</h2><p>Attempts, and the best mean of the observed scores.</p>");
    out.push_str("<div class=\"scroll\"><table class=\"overview\"><thead><tr><th>Trainee</th>");
    for id in &scenarios {
        out.push_str("<th>");
        push_escaped(out, titles.of(id));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for (trainee, row) in &cells {
        out.push_str("<tr><th>");
        push_escaped(out, trainee);
        out.push_str("</th>");
        for id in &scenarios {
            match row.get(id) {
                Some((count, best)) => {
                    let _ = write!(out, "<td>{count} · best {}</td>", format_score(*best));
                }
                None => out.push_str("<td class=\"none\">—</td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></section>");
}

/// Reads one dimension's score from a record.
type ScoreOf = fn(&AttemptRecord) -> Option<u8>;

/// A histogram per dimension.
pub fn distributions(out: &mut String, records: &[AttemptRecord]) {
    out.push_str("<section><h2>Score distributions</h2><div class=\"charts\">");
    let dimensions: [(&str, ScoreOf); 3] = [
        ("Empathy", |r| r.debrief.scores.empathy),
        ("Warmth", |r| r.debrief.scores.warmth),
        ("Rupture repair", |r| r.debrief.scores.repair),
    ];
    for (label, score) in dimensions {
        let histogram = Histogram::of(records.iter().map(score));
        let _ = write!(
            out,
            "<figure>{}<figcaption><b>{label}</b>: mean {} over {} attempt{}{}</figcaption></figure>",
            histogram_svg(&histogram, label),
            format_score(histogram.mean),
            histogram.observed(),
            if histogram.observed() == 1 { "" } else { "s" },
            match histogram.not_observed {
                0 => String::new(),
                n => format!("; not observed in {n}"),
            }
        );
    }
    out.push_str("</div></section>");
}

/// The ten skills by mean rating, weakest first.
pub fn weakest(out: &mut String, records: &[AttemptRecord]) {
    out.push_str("<section><h2>The cohort's weakest skills</h2><p>Mean rating (1-5) over the attempts where the skill was observed, weakest first.</p>");
    out.push_str("<table class=\"skills\"><thead><tr><th>Skill</th><th>Mean</th><th></th><th>Observed in</th></tr></thead><tbody>");
    for skill in weakest_skills(records) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} attempt{}</td></tr>",
            escape(skill.skill.label()),
            skill
                .mean
                .map_or_else(|| "not observed".to_owned(), |m| format!("{m:.2}")),
            skill.mean.map_or_else(String::new, rating_bar),
            skill.observed,
            if skill.observed == 1 { "" } else { "s" }
        );
    }
    out.push_str("</tbody></table></section>");
}

/// Files in the folder that were not records, with the reason.
pub fn skipped(out: &mut String, skipped: &[(PathBuf, String)]) {
    if skipped.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section><details><summary>{} file{} skipped</summary><ul class=\"skipped\">",
        skipped.len(),
        if skipped.len() == 1 { "" } else { "s" }
    );
    // Each reason already names its file.
    for (_, reason) in skipped {
        out.push_str("<li>");
        push_escaped(out, reason);
        out.push_str("</li>");
    }
    out.push_str("</ul></details></section>");
}

/// A note naming the sets attempts are tagged with whose files were not found.
pub fn unknown_sets(out: &mut String, sets: &SetLibrary, records: &[AttemptRecord]) {
    let missing: BTreeSet<&str> = records
        .iter()
        .filter_map(|r| r.assignment.as_deref())
        .filter(|id| sets.get(id).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    out.push_str("<p class=\"meta\">Some attempts are tagged with sets whose files were not found, so they are not judged: ");
    let names: Vec<String> = missing
        .iter()
        .map(|id| format!("<code>{}</code>", escape(id)))
        .collect();
    out.push_str(&names.join(", "));
    out.push_str(". Pass <code>--sets DIR</code> or <code>--set FILE</code> to judge them.</p>");
}
