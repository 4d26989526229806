//! Helpers shared by the integration tests.

use rapport::scenario::{Scenario, load_file};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Loads a scenario that must be valid, with its diagnostics in the panic message if not.
pub fn scenario(path: &Path) -> Arc<Scenario> {
    let loaded = load_file(path);
    match loaded.scenario {
        Some(s) => Arc::new(s),
        None => panic!("{} failed to load:\n{}", path.display(), loaded.render()),
    }
}

/// Every scenario file bundled in `scenarios/`.
pub fn bundled_scenarios() -> Vec<PathBuf> {
    rapport::scenario::ron_files_in(&root().join("scenarios")).expect("scenarios/ is readable")
}

/// The built `rapport` binary.
pub fn rapport_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rapport"))
}

/// Runs `rapport` from the repository root, as a user in a checkout would.
pub fn rapport(args: &[&str]) -> Output {
    rapport_with_stdin(args, "")
}

/// Runs `rapport` with `stdin` piped in.
pub fn rapport_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(rapport_bin())
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rapport runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.as_bytes())
            .expect("stdin accepts the input");
    }
    child.wait_with_output().expect("rapport finishes")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every stdout line parsed as JSON; a line that is not JSON fails the test.
pub fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

/// The keys every line of `rapport check --json` carries, whatever the file.
pub const CHECK_JSON_KEYS: [&str; 8] = [
    "id",
    "path",
    "nodes",
    "endings",
    "choices",
    "errors",
    "warnings",
    "diagnostics",
];
