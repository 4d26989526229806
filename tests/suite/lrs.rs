//! Attempts to and from a real Learning Record Store: Ralph (PyPI
//! `ralph-malph`), started by each test on 127.0.0.1 on a free port with its
//! file-system backend in a temporary folder, and stopped by the test (also
//! when it fails: [`Ralph`] stops its server on drop).
//!
//! Ralph is found at `$RAPPORT_RALPH`, or at `~/.cache/rapport-ralph/bin/ralph`
//! where `.ci/run` installs it. A missing Ralph fails these tests with the
//! command that installs it: they are never skipped silently.
//!
//! The server is Ralph's own app (`ralph.api:app`) under uvicorn, as
//! `ralph runserver -b fs` runs it, with one fix: Ralph 5.1.0's file-system
//! backend opens its statements file in "create" mode, so every write after
//! the first fails (HTTP 500 "Statements bulk indexation failed") and that
//! backend can only ever store one batch. The launcher below makes it
//! append, which is what the backend's reader expects. Without reload mode
//! the server is one process, which the test can stop cleanly.

use super::util::{root, stderr, stdout};
use chrono::{DateTime, Duration, Utc};
use rapport::export::statement_id;
use rapport::export::xapi::XapiContext;
use rapport::lrs::{
    LrsClient, LrsConfig, LrsError, Outbox, Password, ReadQuery, Retry, read_attempts, send_records,
};
use rapport::records::{AttemptRecord, Reflection, load_records, record_path};
use rapport::scenario::{load_file, ron_files_in};
use rapport::session::{Strategy, play_auto};
use std::collections::HashSet;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

const USER: &str = "rapport-test";
const PASSWORD: &str = "correct horse battery staple";

/// Starts Ralph's app with its file backend appending (see the module doc).
/// Arguments: host, port. It also ends itself when the test process is gone
/// (killed by a timeout, say), so no server outlives the test that started it.
const LAUNCHER: &str = r#"
import os, sys, threading, time
parent = os.getppid()
def end_with_parent():
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)
threading.Thread(target=end_with_parent, daemon=True).start()
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend
FSDataBackend.default_operation_type = BaseOperationType.APPEND
import uvicorn
uvicorn.run("ralph.api:app", host=sys.argv[1], port=int(sys.argv[2]), log_level="warning")
"#;

/// One Ralph test at a time: each starts a Python server, and the machine
/// may have two cores; the kill-mid-sync test also needs the sync to be slow
/// enough to interrupt.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The `ralph` executable, or a failure that says how to install it.
fn ralph_executable() -> PathBuf {
    let path = std::env::var_os("RAPPORT_RALPH").map_or_else(
        || {
            let home = std::env::var_os("HOME").unwrap_or_default();
            Path::new(&home).join(".cache/rapport-ralph/bin/ralph")
        },
        PathBuf::from,
    );
    assert!(
        path.is_file(),
        "The LRS tests need Ralph, a real xAPI Learning Record Store, and it is not at {}.\n\
         Install it (as .ci/run does) with:\n  \
         python3 -m venv ~/.cache/rapport-ralph\n  \
         ~/.cache/rapport-ralph/bin/pip install 'ralph-malph[lrs,cli]==5.1.0' 'requests==2.34.2'\n\
         or set RAPPORT_RALPH to the path of its `ralph` executable.",
        path.display()
    );
    path
}

/// A Ralph server of this test's own.
struct Ralph {
    executable: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    child: Option<Child>,
}

impl Ralph {
    /// Writes a user into a fresh credentials file and starts the server.
    fn start() -> Ralph {
        let executable = ralph_executable();
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir_all(dir.path().join("lrs")).expect("the data folder");
        let auth = Command::new(&executable)
            .args(["auth", "-u", USER, "-p", PASSWORD, "-s", "all"])
            .args(["-M", "mailto:rapport-test@example.org", "-w"])
            .env("RALPH_APP_DIR", dir.path())
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .current_dir(dir.path())
            .output()
            .expect("ralph auth runs");
        assert!(
            auth.status.success(),
            "ralph auth failed: {}",
            String::from_utf8_lossy(&auth.stderr)
        );
        let mut ralph = Ralph {
            executable,
            dir,
            port: free_port(),
            child: None,
        };
        ralph.run();
        ralph
    }

    /// Starts (or restarts) the server on this Ralph's port and folder, and
    /// waits until it answers.
    fn run(&mut self) {
        use std::os::unix::process::CommandExt as _;
        let python = self
            .executable
            .parent()
            .expect("ralph sits in a folder")
            .join("python");
        let log = std::fs::File::create(self.dir.path().join("ralph.log")).expect("a log file");
        let child = Command::new(python)
            .args(["-c", LAUNCHER, "127.0.0.1", &self.port.to_string()])
            .env("RALPH_APP_DIR", self.dir.path())
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .env(
                "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH",
                self.dir.path().join("lrs"),
            )
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("the log file"))
            .stderr(log)
            // Its own process group, so stopping the group stops anything
            // it started.
            .process_group(0)
            .spawn()
            .expect("Ralph starts");
        self.child = Some(child);
        let deadline = Instant::now() + std::time::Duration::from_secs(240);
        let url = format!("http://127.0.0.1:{}/__lbheartbeat__", self.port);
        loop {
            if ureq::get(&url).call().is_ok_and(|r| r.status() == 200) {
                return;
            }
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                panic!("Ralph stopped ({status}) while starting:\n{}", self.log());
            }
            assert!(
                Instant::now() < deadline,
                "Ralph did not answer within 240 s:\n{}",
                self.log()
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    /// Stops the server as a service manager would (SIGTERM to its process
    /// group, SIGKILL if it lingers). Not SIGKILL first: killed in the middle
    /// of a write, Ralph's file backend keeps a half line it then cannot read.
    fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let group = format!("-{}", child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + std::time::Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = child.wait();
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    fn client(&self) -> LrsClient {
        let config = LrsConfig::new(&self.endpoint(), USER, Password::new(PASSWORD))
            .expect("a valid configuration");
        LrsClient::new(config)
    }

    /// The ids of every statement in Ralph's file, in the order stored
    /// (duplicates included, so a test can see them).
    fn stored_ids(&self) -> Vec<String> {
        let file = self.dir.path().join("lrs/fs_lrs.jsonl");
        let text = std::fs::read_to_string(file).unwrap_or_default();
        text.lines()
            .map(|line| {
                let statement: serde_json::Value =
                    serde_json::from_str(line).expect("Ralph's file holds JSON lines");
                statement["id"].as_str().expect("an id").to_owned()
            })
            .collect()
    }

    fn stored_count(&self) -> usize {
        let file = self.dir.path().join("lrs/fs_lrs.jsonl");
        std::fs::read(file)
            .map(|bytes| bytes.iter().filter(|&&b| b == b'\n').count())
            .unwrap_or(0)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("ralph.log")).unwrap_or_default()
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// `rapport` with the LRS settings of `env` only (none inherited from the
/// developer's shell).
fn rapport_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rapport"));
    command
        .args(args)
        .current_dir(root())
        .env_remove("RAPPORT_LRS_URL")
        .env_remove("RAPPORT_LRS_USER")
        .env_remove("RAPPORT_LRS_PASSWORD")
        .stdin(Stdio::null());
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("rapport runs")
}

fn credentials(ralph: &Ralph) -> [(&'static str, String); 3] {
    [
        ("RAPPORT_LRS_URL", ralph.endpoint()),
        ("RAPPORT_LRS_USER", USER.to_owned()),
        ("RAPPORT_LRS_PASSWORD", PASSWORD.to_owned()),
    ]
}

fn sync(ralph: &Ralph, dir: &Path, extra: &[&str]) -> Output {
    let env = credentials(ralph);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut args = vec!["sync", dir.to_str().expect("a UTF-8 path")];
    args.extend_from_slice(extra);
    rapport_env(&args, &env)
}

/// Attempts played once per bundled scenario and strategy, reused as
/// templates for cohorts of any size.
fn templates() -> &'static [AttemptRecord] {
    static TEMPLATES: OnceLock<Vec<AttemptRecord>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        let start = DateTime::parse_from_rfc3339("2026-02-02T09:00:00Z")
            .expect("a time")
            .with_timezone(&Utc);
        let scenarios = ron_files_in(&root().join("scenarios")).expect("scenarios/ is readable");
        let mut templates = Vec::new();
        for (index, path) in scenarios.iter().enumerate() {
            let Some(scenario) = load_file(path).scenario.map(Arc::new) else {
                continue;
            };
            for strategy in [Strategy::Best, Strategy::Worst, Strategy::Random] {
                let session =
                    play_auto(scenario.clone(), index as u64, strategy).expect("auto play ends");
                templates.push(AttemptRecord::from_session(&session, "template", start));
            }
        }
        templates
    })
}

/// The `index`th attempt of a cohort: trainees, times, sets and
/// reflections vary, the transcripts come from the templates.
fn cohort_attempt(index: usize) -> AttemptRecord {
    let templates = templates();
    let mut record = templates[index % templates.len()].clone();
    record.id = format!("cohort-{index:05}");
    record.trainee = format!("trainee-{:03}", index % 37);
    record.seed = index as u64;
    record.started_at += Duration::minutes(41 * index as i64);
    record.ended_at = record.started_at + Duration::seconds(500 + (index % 700) as i64);
    if index.is_multiple_of(4) {
        record.assignment = Some("foundations".to_owned());
    }
    if index.is_multiple_of(5) {
        record.reflections.push(Reflection {
            prompt: "What would you try next time?".to_owned(),
            answer: format!("Wait longer before asking ({index})."),
        });
    }
    record
}

fn cohort(dir: &Path, n: usize) -> Vec<AttemptRecord> {
    (0..n)
        .map(|index| {
            let record = cohort_attempt(index);
            record.save(dir).expect("the record saves");
            record
        })
        .collect()
}

fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

fn assert_no_duplicates(ids: &[String]) {
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a statement was stored twice");
}

#[test]
fn a_sync_sends_every_attempt_once_a_resync_adds_nothing_and_a_new_attempt_goes_alone() {
    let _one = one_at_a_time();
    let ralph = Ralph::start();
    let dir = tempfile::tempdir().unwrap();
    let records = cohort(dir.path(), 300);

    let first = sync(&ralph, dir.path(), &[]);
    assert_exit(&first, 0);
    assert!(
        stdout(&first).contains("300 attempts for")
            && stdout(&first).contains(": 300 sent, 0 already in the LRS, 0 left queued"),
        "{}",
        stdout(&first)
    );
    let stored = ralph.stored_ids();
    assert_no_duplicates(&stored);
    let expected: HashSet<String> = records.iter().map(|r| statement_id(&r.id)).collect();
    assert_eq!(stored.iter().cloned().collect::<HashSet<_>>(), expected);

    let again = sync(&ralph, dir.path(), &[]);
    assert_exit(&again, 0);
    assert!(
        stdout(&again).contains(": 0 sent, 300 already in the LRS, 0 left queued"),
        "{}",
        stdout(&again)
    );
    assert_eq!(ralph.stored_count(), 300);

    let newcomer = cohort_attempt(300);
    newcomer.save(dir.path()).unwrap();
    let one_more = sync(&ralph, dir.path(), &[]);
    assert_exit(&one_more, 0);
    assert!(
        stdout(&one_more).contains(": 1 sent, 300 already in the LRS, 0 left queued"),
        "{}",
        stdout(&one_more)
    );
    let stored = ralph.stored_ids();
    assert_eq!(stored.len(), 301);
    assert_eq!(stored.last(), Some(&statement_id(&newcomer.id)));
}

#[test]
fn an_lrs_stopped_mid_sync_then_restarted_gets_the_rest_with_nothing_lost_or_doubled() {
    let _one = one_at_a_time();
    let mut ralph = Ralph::start();
    let dir = tempfile::tempdir().unwrap();
    let records = cohort(dir.path(), 400);
    let env = credentials(&ralph);
    let child = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["sync", dir.path().to_str().unwrap(), "--batch", "5"])
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rapport sync starts");
    let deadline = Instant::now() + std::time::Duration::from_secs(120);
    while ralph.stored_count() < 40 {
        assert!(
            Instant::now() < deadline,
            "the sync stored nothing in 120 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    ralph.stop();
    let interrupted = child.wait_with_output().expect("the sync ends");
    let before_restart = ralph.stored_count();
    assert!(
        before_restart < records.len(),
        "the sync finished before the LRS stopped; nothing was interrupted"
    );
    assert_exit(&interrupted, 1);
    let err = stderr(&interrupted);
    assert_eq!(
        err.matches("cannot reach the LRS").count(),
        1,
        "one reason, said once:\n{err}"
    );
    assert!(err.contains("left queued"), "{err}");

    ralph.run();
    let resumed = sync(&ralph, dir.path(), &[]);
    assert_exit(&resumed, 0);
    let stored = ralph.stored_ids();
    assert_no_duplicates(&stored);
    assert_eq!(stored.len(), records.len(), "an attempt was lost");
    let expected: HashSet<String> = records.iter().map(|r| statement_id(&r.id)).collect();
    assert_eq!(stored.into_iter().collect::<HashSet<_>>(), expected);
    let out = stdout(&resumed);
    assert!(
        out.contains(&format!(
            ": {} sent, {before_restart} already in the LRS, 0 left queued",
            records.len() - before_restart
        )),
        "{out}"
    );
}

#[test]
fn wrong_credentials_are_said_once_and_everything_stays_queued() {
    let _one = one_at_a_time();
    let ralph = Ralph::start();
    let dir = tempfile::tempdir().unwrap();
    cohort(dir.path(), 30);
    let wrong = "not-the-password-0451";
    let refused = rapport_env(
        &[
            "sync",
            dir.path().to_str().unwrap(),
            "--lrs",
            &ralph.endpoint(),
            "--user",
            USER,
        ],
        &[("RAPPORT_LRS_PASSWORD", wrong)],
    );
    assert_exit(&refused, 1);
    let err = stderr(&refused);
    assert_eq!(
        err.matches("refused the credentials of user `rapport-test`")
            .count(),
        1,
        "{err}"
    );
    assert!(err.contains("30 attempts left queued"), "{err}");
    assert!(stdout(&refused).contains(": 0 sent, 0 already in the LRS, 30 left queued"));
    assert!(
        !err.contains(wrong) && !stdout(&refused).contains(wrong),
        "the password was printed"
    );
    assert_eq!(ralph.stored_count(), 0);
    // Nothing was lost: the right password sends them all.
    let right = sync(&ralph, dir.path(), &[]);
    assert_exit(&right, 0);
    assert_eq!(ralph.stored_count(), 30);
}

/// The report's HTML without the line naming its source and time.
fn report_body(path: &Path) -> String {
    let html = std::fs::read_to_string(path).expect("the report was written");
    let start = html.find("<p class=\"meta\">").expect("a meta line");
    let end = start + html[start..].find("</p>").expect("the meta line ends");
    format!("{}{}", &html[..start], &html[end..])
}

#[test]
fn a_report_from_the_lrs_is_the_report_from_the_folder() {
    let _one = one_at_a_time();
    let ralph = Ralph::start();
    let dir = tempfile::tempdir().unwrap();
    let mut records = cohort(dir.path(), 90);
    assert_exit(&sync(&ralph, dir.path(), &[]), 0);

    // A trainee adds a reflection after the attempt was sent: the LRS gets
    // the new version as an update, and the report shows it.
    records[3].reflections.push(Reflection {
        prompt: "What surprised you?".to_owned(),
        answer: "How quickly the client opened up once I slowed down.".to_owned(),
    });
    records[3].save(dir.path()).unwrap();
    let updated = sync(&ralph, dir.path(), &[]);
    assert_exit(&updated, 0);
    assert!(
        stdout(&updated)
            .contains(": 0 sent, 1 sent as updates of older versions, 89 already in the LRS"),
        "{}",
        stdout(&updated)
    );
    assert_eq!(ralph.stored_count(), 91);
    // Sending it again changes nothing.
    let again = sync(&ralph, dir.path(), &[]);
    assert!(
        stdout(&again).contains(": 0 sent, 90 already in the LRS"),
        "{}",
        stdout(&again)
    );
    assert_eq!(ralph.stored_count(), 91);

    let out = tempfile::tempdir().unwrap();
    let (from_folder, from_lrs) = (out.path().join("folder.html"), out.path().join("lrs.html"));
    let env = credentials(&ralph);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for since in [None, Some("2026-02-03")] {
        let mut folder_args = vec!["report", dir.path().to_str().unwrap(), "--out"];
        folder_args.push(from_folder.to_str().unwrap());
        let mut lrs_args = vec!["report", "--lrs", "--out", from_lrs.to_str().unwrap()];
        if let Some(date) = since {
            folder_args.extend(["--since", date]);
            lrs_args.extend(["--since", date]);
        }
        assert_exit(&rapport_env(&folder_args, &[]), 0);
        let read = rapport_env(&lrs_args, &env);
        assert_exit(&read, 0);
        let (folder_html, lrs_html) = (report_body(&from_folder), report_body(&from_lrs));
        assert!(folder_html.len() > 100_000, "a real report");
        if since.is_none() {
            assert!(folder_html.contains("How quickly the client opened up"));
        }
        assert!(
            folder_html == lrs_html,
            "the reports differ (since {since:?}); first difference at byte {}",
            folder_html
                .bytes()
                .zip(lrs_html.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(folder_html.len().min(lrs_html.len()))
        );
        let shown = folder_html.matches("<details class=\"attempt\">").count();
        if since.is_some() {
            assert!(0 < shown && shown < records.len(), "--since kept {shown}");
        } else {
            assert_eq!(shown, records.len());
        }
    }
}

#[test]
fn the_reader_follows_more_pages_and_gives_the_records_a_folder_gives() {
    let _one = one_at_a_time();
    let ralph = Ralph::start();
    let dir = tempfile::tempdir().unwrap();
    cohort(dir.path(), 45);
    let folder = load_records(dir.path()).unwrap();
    let client = ralph.client();
    let context = XapiContext::default();
    let report = send_records(&client, &folder.records, &context.options(), 20);
    assert!(report.complete(), "{report:?}");
    let read = read_attempts(
        &client,
        &ReadQuery {
            since: None,
            page_size: Some(7),
        },
    )
    .expect("the LRS reads");
    assert!(
        read.pages >= 7,
        "only {} pages: `more` was not followed",
        read.pages
    );
    assert_eq!(read.statements, 45);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert!(read.records == folder.records, "the records differ");
}

#[test]
fn the_outbox_sends_what_is_queued_keeps_what_it_cannot_and_never_loses_a_newer_version() {
    let _one = one_at_a_time();
    let ralph = Ralph::start();
    let data = tempfile::tempdir().unwrap();
    let attempts = data.path().join("attempts");
    let outbox = Outbox::open(data.path()).expect("the outbox opens");
    let mut records: Vec<AttemptRecord> = (0..6).map(cohort_attempt).collect();
    for record in &records {
        record.save(&attempts).unwrap();
        outbox.enqueue(record).unwrap();
    }
    assert_eq!(outbox.status().queued, 6);

    let context = XapiContext::default();
    let wrong =
        LrsClient::new(LrsConfig::new(&ralph.endpoint(), USER, Password::new("wrong")).unwrap())
            .with_retry(Retry {
                attempts: 1,
                ..Retry::default()
            });
    let refused = outbox.send_pending(&wrong, &context.options());
    assert_eq!(refused.send.queued.len(), 6);
    assert!(matches!(
        refused.send.queued[0].1,
        LrsError::Unauthorized { .. }
    ));
    let status = outbox.status();
    assert_eq!(status.queued, 6);
    assert!(
        status
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("refused the credentials")),
        "{status:?}"
    );
    assert_eq!(ralph.stored_count(), 0);

    // In the background, as the app runs it.
    let config = LrsConfig::new(&ralph.endpoint(), USER, Password::new(PASSWORD)).unwrap();
    let handle = outbox.spawn_send_pending(config.clone(), context.clone());
    let sent = handle.join().expect("the send thread ends");
    assert_eq!(sent.send.sent.len(), 6, "{sent:?}");
    assert_eq!(sent.queued_after, 0);
    let status = outbox.status();
    assert_eq!((status.queued, status.sent_total), (0, 6));
    assert_eq!(status.last_error, None);

    // Reflections written after the attempt went: queued again, sent as an update.
    records[2].reflections.push(Reflection {
        prompt: "What helped?".to_owned(),
        answer: "Naming the feeling.".to_owned(),
    });
    records[2].save(&attempts).unwrap();
    outbox.enqueue(&records[2]).unwrap();
    let again = outbox.send_pending(&ralph.client(), &context.options());
    assert_eq!(again.send.updated, vec![records[2].id.clone()]);
    assert_eq!(ralph.stored_count(), 7);
    let read = read_attempts(&ralph.client(), &ReadQuery::default()).unwrap();
    let back = read
        .records
        .iter()
        .find(|r| r.id == records[2].id)
        .expect("the attempt reads back");
    assert_eq!(back, &records[2], "the newest version is the one read");

    // A queued attempt whose file is corrupt stays queued, with the reason.
    std::fs::write(
        record_path(&attempts, &records[4].id),
        "{\"schema\": 1, \"id\": ",
    )
    .unwrap();
    outbox.enqueue(&records[4]).unwrap();
    let corrupt = outbox.send_pending(&ralph.client(), &context.options());
    assert_eq!(corrupt.unreadable.len(), 1);
    assert_eq!(outbox.queued(), vec![records[4].id.clone()]);
}

#[test]
fn an_unreachable_lrs_is_said_once_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    cohort(dir.path(), 12);
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/xAPI/");
    let output = rapport_env(
        &[
            "sync",
            dir.path().to_str().unwrap(),
            "--lrs",
            &url,
            "--user",
            USER,
        ],
        &[("RAPPORT_LRS_PASSWORD", PASSWORD)],
    );
    assert_exit(&output, 1);
    let err = stderr(&output);
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "12 attempts left queued (e.g. cohort-00000): cannot reach the LRS at {url} (connection refused)"
        )),
        "{err}"
    );
    assert!(err.contains("Nothing was lost"), "{err}");
    assert_eq!(load_records(dir.path()).unwrap().records.len(), 12);
}

/// Arguments, environment, and what the error must say.
type UsageCase<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);

#[test]
fn usage_errors_exit_2_and_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    cohort(dir.path(), 1);
    let d = dir.path().to_str().unwrap();
    let password = [("RAPPORT_LRS_PASSWORD", "p")];
    let cases: [UsageCase; 8] = [
        (
            &["sync", d],
            &password,
            "no LRS endpoint: pass --lrs URL or set RAPPORT_LRS_URL",
        ),
        (
            &["sync", d, "--lrs", "http://127.0.0.1:9/xAPI/"],
            &password,
            "no LRS user",
        ),
        (
            &["sync", d, "--lrs", "http://127.0.0.1:9/", "--user", "u"],
            &[],
            "no LRS password: set RAPPORT_LRS_PASSWORD",
        ),
        (
            &["sync", d, "--lrs", "lrs.example.org", "--user", "u"],
            &password,
            "is not an http:// or https:// address",
        ),
        (
            &[
                "sync",
                d,
                "--lrs",
                "http://127.0.0.1:9/",
                "--user",
                "u",
                "--password",
                "hunter2",
            ],
            &[],
            "never takes the password on the command line",
        ),
        (
            &[
                "sync",
                "/no/such/folder",
                "--lrs",
                "http://127.0.0.1:9/",
                "--user",
                "u",
            ],
            &password,
            "no such folder",
        ),
        (
            &["report", "--out", "x.html"],
            &[],
            "give a folder of attempt records, or --lrs URL",
        ),
        (
            &[
                "report",
                d,
                "--lrs",
                "http://127.0.0.1:9/",
                "--out",
                "x.html",
            ],
            &[],
            "not both",
        ),
    ];
    for (args, env, expected) in cases {
        let output = rapport_env(args, env);
        assert_exit(&output, 2);
        let err = stderr(&output);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("hunter2"), "the password was printed");
    }
    let zero = rapport_env(&["sync", d, "--batch", "0"], &password);
    assert_exit(&zero, 2);
    let since = rapport_env(
        &["report", d, "--out", "x.html", "--since", "yesterday"],
        &[],
    );
    assert_exit(&since, 2);
    assert!(stderr(&since).contains("is not a date (YYYY-MM-DD)"));
}

#[test]
fn an_empty_folder_sends_nothing_and_a_corrupt_record_is_named_and_kept() {
    let _one = one_at_a_time();
    let ralph = Ralph::start();
    let empty = tempfile::tempdir().unwrap();
    let output = sync(&ralph, empty.path(), &[]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("no attempt records in"),
        "{}",
        stdout(&output)
    );

    let dir = tempfile::tempdir().unwrap();
    cohort(dir.path(), 3);
    let corrupt = dir.path().join("broken.ron");
    std::fs::write(&corrupt, "AttemptRecord(schema: 1, id: ").unwrap();
    let output = sync(&ralph, dir.path(), &[]);
    assert_exit(&output, 1);
    let err = stderr(&output);
    assert!(
        err.contains("warning: skipped") && err.contains("broken.ron"),
        "{err}"
    );
    assert!(
        err.contains("1 file could not be read and was not sent"),
        "{err}"
    );
    assert!(stdout(&output).contains(": 3 sent"), "{}", stdout(&output));
    assert!(corrupt.exists(), "the corrupt file is left for the user");
    assert_eq!(ralph.stored_count(), 3);
}
