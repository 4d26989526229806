//! `rapport sync`: sends a folder of attempt records to an LRS as xAPI
//! statements. Exit 0 when every attempt is in the LRS, 1 when something is
//! left (each reason said once), 2 for a usage error. Also the LRS arguments
//! `rapport report --lrs` shares.

use super::export::{SetArgs, load_record_folder, load_sets};
use crate::export::xapi::{DEFAULT_HOME_PAGE, XapiOptions};
use crate::lrs::{ENV_PASSWORD, LrsClient, LrsConfig, SendReport, send_records};
use clap::Args;
use clap::builder::TypedValueParser as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Where the LRS is and who Rapport is there. The password comes from the
/// environment only.
#[derive(Debug, Args)]
pub struct LrsArgs {
    /// The LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/ (default: $RAPPORT_LRS_URL).
    #[arg(long = "lrs", value_name = "URL", num_args = 0..=1, default_missing_value = "")]
    pub lrs: Option<String>,
    /// The LRS user (default: $RAPPORT_LRS_USER). The password is read from $RAPPORT_LRS_PASSWORD.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Refused with an explanation: a password on the command line is visible to every user of the machine.
    #[arg(long, hide = true, value_name = "PASSWORD", num_args = 0..=1)]
    pub password: Option<Option<String>>,
}

impl LrsArgs {
    /// The client these arguments describe, or the usage error, printed.
    pub fn client(&self) -> Result<LrsClient, ExitCode> {
        if self.password.is_some() {
            eprintln!(
                "error: Rapport never takes the password on the command line, where every user of this machine can see it; set {ENV_PASSWORD} instead"
            );
            return Err(ExitCode::from(super::USAGE_ERROR));
        }
        match LrsConfig::from_args_or_env(self.lrs.as_deref(), self.user.as_deref()) {
            Ok(config) => Ok(LrsClient::new(config)),
            Err(error) => {
                eprintln!("error: {error}");
                Err(ExitCode::from(super::USAGE_ERROR))
            }
        }
    }
}

/// Arguments of `rapport sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Folder of attempt records.
    pub dir: PathBuf,
    #[command(flatten)]
    pub lrs: LrsArgs,
    /// The `actor.account.homePage` trainee names belong to.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_HOME_PAGE)]
    pub home_page: String,
    /// Statements per request (halved automatically if the LRS finds a batch too large).
    #[arg(long, value_name = "N", default_value_t = crate::lrs::DEFAULT_BATCH,
          value_parser = clap::value_parser!(u16).range(1..).map(usize::from))]
    pub batch: usize,
    #[command(flatten)]
    pub sets: SetArgs,
}

pub fn run(args: SyncArgs) -> ExitCode {
    let client = match args.lrs.client() {
        Ok(client) => client,
        Err(code) => return code,
    };
    let folder = match load_record_folder(&args.dir) {
        Ok(folder) => folder,
        Err(code) => return code,
    };
    let (library, catalog) = match load_sets(&args.sets) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let endpoint = client.config().endpoint.clone();
    if folder.records.is_empty() {
        println!(
            "no attempt records in {}; nothing to send to {endpoint}",
            args.dir.display()
        );
        return unreadable_files(folder.skipped.len());
    }
    let options = XapiOptions {
        home_page: &args.home_page,
        sets: &library,
        catalog: catalog.as_ref(),
    };
    let report = send_records(&client, &folder.records, &options, args.batch);
    println!("{}", summary(&report, folder.records.len(), &endpoint));
    for (error, count, example) in report.reasons() {
        eprintln!(
            "error: {count} attempt{} left queued{}: {error}",
            plural(count),
            if count == 1 {
                format!(" ({example})")
            } else {
                format!(" (e.g. {example})")
            }
        );
    }
    if !report.complete() {
        eprintln!(
            "Nothing was lost: run the same `rapport sync` again to send what is left; what the LRS already holds is not sent twice."
        );
        return ExitCode::FAILURE;
    }
    unreadable_files(folder.skipped.len())
}

/// Exit 1, with a note, when files of the folder could not be read (their
/// attempts cannot be in the LRS); exit 0 otherwise.
fn unreadable_files(count: usize) -> ExitCode {
    if count == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "error: {count} file{} could not be read and {} not sent (see the warnings above)",
        plural(count),
        if count == 1 { "was" } else { "were" }
    );
    ExitCode::FAILURE
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One line: how many attempts, and what became of them.
fn summary(report: &SendReport, total: usize, endpoint: &str) -> String {
    let mut parts = vec![
        format!("{} sent", report.sent.len()),
        format!("{} already in the LRS", report.already.len()),
    ];
    if !report.updated.is_empty() {
        parts.insert(
            1,
            format!("{} sent as updates of older versions", report.updated.len()),
        );
    }
    parts.push(format!("{} left queued", report.queued.len()));
    format!(
        "{total} attempt{} for {endpoint}: {}",
        plural(total),
        parts.join(", ")
    )
}
