//! `rapport report`: a folder of attempt records, or the attempts an LRS
//! holds, as one self-contained HTML cohort report, written atomically.

use super::export::{SetArgs, load_record_folder, load_sets, write_output};
use super::sync::LrsArgs;
use crate::lrs::{ReadQuery, read_attempts};
use crate::records::RecordSet;
use crate::report::{ReportInput, render_report};
use chrono::{DateTime, NaiveDate, Utc};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `rapport report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Folder of attempt records (or --lrs to read them from an LRS).
    pub dir: Option<PathBuf>,
    /// The HTML file to write.
    #[arg(long, value_name = "FILE.html")]
    pub out: PathBuf,
    /// Only attempts that ended on or after this date (YYYY-MM-DD, UTC) or time (RFC 3339).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<DateTime<Utc>>,
    #[command(flatten)]
    pub lrs: LrsArgs,
    #[command(flatten)]
    pub sets: SetArgs,
}

/// `2026-03-01` (midnight UTC) or an RFC 3339 time.
fn parse_since(text: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date.and_time(chrono::NaiveTime::MIN).and_utc());
    }
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            format!("`{text}` is not a date (YYYY-MM-DD) or a time (e.g. 2026-03-01T09:00:00Z)")
        })
}

pub fn run(args: ReportArgs) -> ExitCode {
    let started = Instant::now();
    let (source, mut records) = match (&args.dir, &args.lrs.lrs) {
        (Some(_), Some(_)) => {
            eprintln!("error: give a folder or --lrs, not both");
            return ExitCode::from(super::USAGE_ERROR);
        }
        (None, None) => {
            eprintln!(
                "error: give a folder of attempt records, or --lrs URL to read them from an LRS"
            );
            return ExitCode::from(super::USAGE_ERROR);
        }
        (Some(dir), None) => match load_record_folder(dir) {
            Ok(folder) => (dir.display().to_string(), folder),
            Err(code) => return code,
        },
        (None, Some(_)) => match read_from_lrs(&args) {
            Ok(found) => found,
            Err(code) => return code,
        },
    };
    if let Some(since) = args.since {
        records.records.retain(|r| r.ended_at >= since);
    }
    let (library, catalog) = match load_sets(&args.sets) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let html = render_report(&ReportInput {
        source: &source,
        records: &records.records,
        skipped: &records.skipped,
        sets: &library,
        catalog: catalog.as_ref(),
        generated_at: Utc::now(),
    });
    if let Err(message) = write_output(Some(&args.out), &html) {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }
    let count = records.records.len();
    eprintln!(
        "wrote the report of {count} attempt{} to {} in {:.2} s{}",
        if count == 1 { "" } else { "s" },
        args.out.display(),
        started.elapsed().as_secs_f64(),
        match records.skipped.len() {
            0 => String::new(),
            n => format!(
                " ({n} {} skipped)",
                if args.dir.is_some() {
                    if n == 1 { "file" } else { "files" }
                } else if n == 1 {
                    "statement"
                } else {
                    "statements"
                }
            ),
        }
    );
    ExitCode::SUCCESS
}

/// Reads the attempts an LRS holds; a failure of the LRS is exit 1, a
/// missing setting exit 2.
fn read_from_lrs(args: &ReportArgs) -> Result<(String, RecordSet), ExitCode> {
    let client = args.lrs.client()?;
    let query = ReadQuery {
        since: args.since,
        page_size: None,
    };
    let read = read_attempts(&client, &query).map_err(|error| {
        eprintln!("error: {error}");
        ExitCode::FAILURE
    })?;
    // Each reason names its statement.
    for (_, reason) in &read.problems {
        eprintln!("warning: skipped {reason}");
    }
    eprintln!(
        "read {} statement{} in {} page{} from {}",
        read.statements,
        if read.statements == 1 { "" } else { "s" },
        read.pages,
        if read.pages == 1 { "" } else { "s" },
        client.config().endpoint
    );
    let source = client.config().endpoint.clone();
    Ok((source, read.into_record_set(&client)))
}

#[cfg(test)]
mod tests {
    use super::parse_since;

    #[test]
    fn since_takes_a_date_or_a_time() {
        assert_eq!(
            parse_since("2026-03-01").unwrap().to_rfc3339(),
            "2026-03-01T00:00:00+00:00"
        );
        assert_eq!(
            parse_since("2026-03-01T09:30:00+02:00")
                .unwrap()
                .to_rfc3339(),
            "2026-03-01T07:30:00+00:00"
        );
        assert!(parse_since("March").unwrap_err().contains("not a date"));
    }
}
