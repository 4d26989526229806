//! Where the app keeps the trainee's work: the user's data folder (or
//! `--data-dir`), with attempts one file each, settings, and the session in
//! progress. Every write is atomic and private to the user.

use bevy::prelude::*;
use rapport::records::{AttemptRecord, RecordSet, create_private_dir, load_records, write_atomic};
use rapport::scenario::{parse_ron, to_ron};
use rapport::session::SavedSession;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The app's folders.
#[derive(Resource, Debug, Clone)]
pub struct Storage {
    pub root: PathBuf,
}

/// A session paused to resume later, with what the app needs to reopen it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PausedSession {
    pub saved: SavedSession,
    pub started_at: chrono::DateTime<chrono::Utc>,
    pub scenario_title: String,
    /// The assignment set the attempt counts for; older pause files have none.
    #[serde(default)]
    pub assignment: Option<String>,
}

impl Storage {
    /// Opens (and creates) the data folder.
    pub fn open(explicit: Option<PathBuf>) -> Result<Storage, String> {
        let root = match explicit {
            Some(dir) => dir,
            None => directories::ProjectDirs::from("org", "Rapport", "rapport")
                .map(|dirs| dirs.data_dir().to_owned())
                .ok_or("cannot find your user data folder; pass --data-dir DIR")?,
        };
        for dir in [root.clone(), root.join("attempts")] {
            create_private_dir(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        Ok(Storage { root })
    }

    pub fn attempts_dir(&self) -> PathBuf {
        self.root.join("attempts")
    }

    pub fn settings_path(&self) -> PathBuf {
        self.root.join("settings.ron")
    }

    fn paused_path(&self) -> PathBuf {
        self.root.join("paused-session.ron")
    }

    /// Saves an attempt; returns where it went.
    pub fn save_attempt(&self, record: &AttemptRecord) -> Result<PathBuf, String> {
        record.save(&self.attempts_dir()).map_err(|e| e.to_string())
    }

    /// Every attempt on disk, oldest first, with files that could not be read.
    pub fn load_attempts(&self) -> RecordSet {
        load_records(&self.attempts_dir()).unwrap_or_default()
    }

    /// Writes a value as RON, atomically.
    pub fn write<T: Serialize>(&self, path: &Path, value: &T) -> Result<(), String> {
        let text = to_ron(value).map_err(|e| e.to_string())?;
        write_atomic(path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Reads a RON file; a missing file is `Ok(None)`, a corrupt one an error.
    pub fn read<T: for<'de> Deserialize<'de>>(&self, path: &Path) -> Result<Option<T>, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => parse_ron(&text).map(Some).map_err(|d| {
                format!(
                    "{}:{}:{}: {}",
                    path.display(),
                    d.line.unwrap_or(0),
                    d.col.unwrap_or(0),
                    d.message
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    pub fn save_paused(&self, paused: &PausedSession) -> Result<(), String> {
        self.write(&self.paused_path(), paused)
    }

    pub fn load_paused(&self) -> Option<PausedSession> {
        self.read(&self.paused_path()).ok().flatten()
    }

    pub fn clear_paused(&self) {
        let _ = std::fs::remove_file(self.paused_path());
    }
}
