//! Helpers shared by the integration tests.

use rapport::scenario::{Scenario, load_file};
use std::path::{Path, PathBuf};
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
