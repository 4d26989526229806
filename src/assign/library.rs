//! The sets known to an export or a report, by id, so each attempt record can
//! be judged against the set it was played for.

use super::AssignmentSet;
use super::catalog::ScenarioCatalog;
use super::file::{LoadedSet, load_set_file};
use crate::records::AttemptRecord;
use crate::scenario::ron_files_in;
use std::collections::BTreeMap;
use std::path::Path;

/// Sets by id, with an optional primary set chosen on the command line.
#[derive(Debug, Clone, Default)]
pub struct SetLibrary {
    sets: BTreeMap<String, AssignmentSet>,
    primary: Option<String>,
}

impl SetLibrary {
    /// Loads every valid set in `dir`. A missing folder is an empty library;
    /// files with errors come back so the caller can warn about them.
    pub fn load_dir(dir: &Path, catalog: Option<&ScenarioCatalog>) -> (SetLibrary, Vec<LoadedSet>) {
        let mut library = SetLibrary::default();
        let mut failed = Vec::new();
        for path in ron_files_in(dir).unwrap_or_default() {
            let loaded = load_set_file(&path, catalog);
            match loaded.set {
                Some(ref set) => library.insert(set.clone()),
                None => failed.push(loaded),
            }
        }
        (library, failed)
    }

    /// Adds a set, replacing one with the same id.
    pub fn insert(&mut self, set: AssignmentSet) {
        self.sets.insert(set.id.clone(), set);
    }

    /// Adds a set and makes it the primary one: every attempt it counts is
    /// judged against it, tagged or not.
    pub fn insert_primary(&mut self, set: AssignmentSet) {
        self.primary = Some(set.id.clone());
        self.insert(set);
    }

    /// The primary set, if one was chosen.
    pub fn primary(&self) -> Option<&AssignmentSet> {
        self.primary.as_ref().and_then(|id| self.sets.get(id))
    }

    /// A set by id.
    pub fn get(&self, id: &str) -> Option<&AssignmentSet> {
        self.sets.get(id)
    }

    /// Every set, by id.
    pub fn iter(&self) -> impl Iterator<Item = &AssignmentSet> {
        self.sets.values()
    }

    /// The set an attempt is judged against: the primary set when it counts
    /// the attempt, otherwise the set the attempt is tagged with, if known.
    pub fn for_record(&self, record: &AttemptRecord) -> Option<&AssignmentSet> {
        self.primary().filter(|set| set.counts(record)).or_else(|| {
            self.get(record.assignment.as_deref()?)
                .filter(|set| set.counts(record))
        })
    }
}
