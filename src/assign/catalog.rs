//! The scenarios a set can name: the ids in a scenario folder, with the facts
//! about each that judging a set needs (its title, whether a rupture can
//! happen in it at all).

use crate::scenario::raw::{RawNode, RawScenario};
use crate::scenario::{parse_ron, ron_files_in};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a set needs to know about one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    pub title: String,
    pub path: PathBuf,
    /// Whether any client line in the file shows a rupture marker, so a
    /// rupture-repair score can be measured in it at all.
    pub can_rupture: bool,
}

/// The scenarios of one folder, by id.
#[derive(Debug, Clone, Default)]
pub struct ScenarioCatalog {
    dir: PathBuf,
    entries: BTreeMap<String, CatalogEntry>,
}

impl ScenarioCatalog {
    /// Reads every `*.ron` scenario directly in `dir`. Files that do not parse
    /// as a scenario (sets, drills, broken files) are left out: `rapport
    /// check` reports those on its own.
    pub fn load(dir: &Path) -> std::io::Result<ScenarioCatalog> {
        let mut catalog = ScenarioCatalog {
            dir: dir.to_owned(),
            entries: BTreeMap::new(),
        };
        for path in ron_files_in(dir)? {
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            if let Ok(raw) = parse_ron::<RawScenario>(&source) {
                let can_rupture = raw
                    .nodes
                    .iter()
                    .any(|node| matches!(node, RawNode::Client(turn) if turn.rupture.is_some()));
                catalog.entries.insert(
                    raw.id,
                    CatalogEntry {
                        title: raw.title,
                        path,
                        can_rupture,
                    },
                );
            }
        }
        Ok(catalog)
    }

    /// Like [`ScenarioCatalog::load`], but a folder that cannot be read gives
    /// an empty catalog (so every id a set names is reported unknown).
    pub fn load_or_empty(dir: &Path) -> ScenarioCatalog {
        ScenarioCatalog::load(dir).unwrap_or_else(|_| ScenarioCatalog {
            dir: dir.to_owned(),
            entries: BTreeMap::new(),
        })
    }

    /// A catalog built from entries directly, for callers that already hold
    /// their scenarios.
    pub fn from_entries(
        dir: PathBuf,
        entries: impl IntoIterator<Item = (String, CatalogEntry)>,
    ) -> ScenarioCatalog {
        ScenarioCatalog {
            dir,
            entries: entries.into_iter().collect(),
        }
    }

    /// The folder the catalog was read from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The entry for a scenario id.
    pub fn get(&self, id: &str) -> Option<&CatalogEntry> {
        self.entries.get(id)
    }

    /// Every id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// Whether the catalog holds no scenario.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
