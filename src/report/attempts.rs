//! Each attempt's transcript and debrief, collapsed under its trainee.

use super::html::{escape, push_escaped};
use crate::records::AttemptRecord;
use crate::scoring::describe;
use crate::transcript::Line;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Every attempt, grouped by trainee, each collapsible.
pub fn attempts(out: &mut String, records: &[AttemptRecord]) {
    let mut by_trainee: BTreeMap<&str, Vec<&AttemptRecord>> = BTreeMap::new();
    for record in records {
        by_trainee
            .entry(record.trainee.as_str())
            .or_default()
            .push(record);
    }
    out.push_str("<section><h2>Attempts</h2>");
    for (trainee, mut mine) in by_trainee {
        mine.sort_by_key(|r| r.started_at);
        let _ = write!(
            out,
            "<details class=\"trainee\"><summary>{} · {} attempt{}</summary>",
            escape(trainee),
            mine.len(),
            if mine.len() == 1 { "" } else { "s" }
        );
        for record in mine {
            attempt(out, record);
        }
        out.push_str("</details>");
    }
    out.push_str("</section>");
}

/// One attempt: a summary line, then its transcript and debrief.
fn attempt(out: &mut String, record: &AttemptRecord) {
    let scores = &record.debrief.scores;
    let _ = write!(
        out,
        "<details class=\"attempt\"><summary>{} · {} · empathy {} · warmth {} · repair {}{}</summary>",
        record.started_at.format("%Y-%m-%d %H:%M UTC"),
        escape(&record.scenario_title),
        describe(scores.empathy),
        describe(scores.warmth),
        describe(scores.repair),
        record.ending.as_ref().map_or_else(
            || " · unfinished".to_owned(),
            |e| format!(" · {}", e.outcome)
        ),
    );
    let _ = write!(
        out,
        "<p class=\"meta\">Record <code>{}</code> · scenario <code>{}</code> v{} · seed {} · hash <code>{}</code>{}</p>",
        escape(&record.id),
        escape(&record.scenario_id),
        record.scenario_version,
        record.seed,
        escape(
            record
                .scenario_hash
                .get(..12)
                .unwrap_or(&record.scenario_hash)
        ),
        record
            .assignment
            .as_deref()
            .map_or_else(String::new, |a| format!(
                " · set <code>{}</code>",
                escape(a)
            )),
    );
    out.push_str("<div class=\"attempt-body\"><div><h4>Transcript</h4><ol class=\"transcript\">");
    for line in &record.lines {
        transcript_line(out, line);
    }
    out.push_str("</ol></div><div><h4>Debrief</h4>");
    debrief(out, record);
    out.push_str("</div></div></details>");
}

fn transcript_line(out: &mut String, line: &Line) {
    match line {
        Line::Client {
            text, cue, rupture, ..
        } => {
            out.push_str("<li class=\"client\"><b>Client</b> ");
            if let Some(cue) = cue {
                out.push_str("<i>(");
                push_escaped(out, cue);
                out.push_str(")</i> ");
            }
            push_escaped(out, text);
            if let Some(marker) = rupture {
                let _ = write!(out, " <span class=\"rupture\">rupture: {marker}</span>");
            }
        }
        Line::Trainee { text, .. } => {
            out.push_str("<li class=\"trainee\"><b>Trainee</b> ");
            push_escaped(out, text);
        }
        Line::Narration { text, session, .. } => {
            out.push_str("<li class=\"narration\">");
            if let Some(n) = session {
                let _ = write!(out, "<b>Session {n}</b> ");
            }
            push_escaped(out, text);
        }
        Line::Ending {
            title,
            text,
            outcome,
            ..
        } => {
            out.push_str("<li class=\"ending\"><b>Ending: ");
            push_escaped(out, title);
            let _ = write!(out, " ({outcome})</b> ");
            push_escaped(out, text);
        }
    }
    out.push_str("</li>");
}

fn debrief(out: &mut String, record: &AttemptRecord) {
    let debrief = &record.debrief;
    out.push_str("<table class=\"debrief\"><tbody>");
    for skill in &debrief.skills {
        out.push_str("<tr><th>");
        push_escaped(out, skill.skill.label());
        let _ = write!(
            out,
            "</th><td>{}</td><td>",
            skill
                .rating
                .map_or_else(|| "not observed".to_owned(), |r| format!("{r}/5"))
        );
        if let Some(well) = &skill.done_well {
            out.push_str("<p>");
            push_escaped(out, well);
            out.push_str("</p>");
        }
        for quote in &skill.evidence {
            out.push_str("<q>");
            push_escaped(out, &quote.text);
            out.push_str("</q> ");
        }
        out.push_str("<p class=\"next\">Try next: ");
        push_escaped(out, &skill.try_next);
        out.push_str("</p></td></tr>");
    }
    out.push_str("</tbody></table>");
    if !debrief.client_feedback.is_empty() {
        out.push_str("<h4>The client's feedback</h4><dl>");
        for answer in &debrief.client_feedback {
            out.push_str("<dt>");
            push_escaped(out, &answer.question);
            out.push_str("</dt><dd>");
            push_escaped(out, &answer.answer);
            out.push_str("</dd>");
        }
        out.push_str("</dl>");
    }
    if !record.reflections.is_empty() {
        out.push_str("<h4>Reflections</h4><dl>");
        for reflection in &record.reflections {
            out.push_str("<dt>");
            push_escaped(out, &reflection.prompt);
            out.push_str("</dt><dd>");
            push_escaped(out, &reflection.answer);
            out.push_str("</dd>");
        }
        out.push_str("</dl>");
    }
}
