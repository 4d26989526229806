//! Assignment sets: a supervisor's list of scenarios to play in order, with
//! pass criteria, an attempt allowance, a reflection requirement and a due
//! date. This module reads and validates set files, and judges a trainee's
//! attempt records against a set. `docs/assignments.md` documents the format
//! and every rule of the judgement.

mod catalog;
mod file;
mod format;
mod library;
mod locate;
mod progress;
mod validate;

pub use catalog::{CatalogEntry, ScenarioCatalog};
pub use file::{
    LoadedSet, check_set_files, is_set_file, load_set_file, load_set_str, scenarios_dir_for,
};
pub use format::{RawAssignmentSet, RawCriteria, RawSkillMinimum};
pub use library::SetLibrary;
pub use progress::{
    AttemptJudgement, Criterion, CriterionCheck, ScenarioProgress, ScenarioStatus, TraineeProgress,
    Verdict, cohort_progress, judge_attempt, observed_mean, trainee_progress,
};
pub use validate::validate_set;

use crate::records::AttemptRecord;
use crate::vocab::Skill;
use chrono::NaiveDate;
use serde::Serialize;

/// A validated assignment set: every invariant below holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssignmentSet {
    /// Stable id written into attempt records; a-z, 0-9, `_` and `-`.
    pub id: String,
    pub title: String,
    pub instructions: String,
    /// Scenario ids in the order the trainee plays them; never empty, no repeats.
    pub scenarios: Vec<String>,
    pub criteria: Criteria,
    /// How many attempts per scenario count; `None` for no limit, never 0.
    pub attempts_allowed: Option<u32>,
    /// Whether a passing attempt needs a written reflection.
    pub reflection_required: bool,
    /// The last day (UTC) an attempt counts as on time.
    pub due: Option<NaiveDate>,
}

/// What an attempt must reach to pass. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Criteria {
    /// Minimum empathy score, 0-100.
    pub empathy: Option<u8>,
    /// Minimum warmth score, 0-100.
    pub warmth: Option<u8>,
    /// Minimum rupture-repair score, 0-100.
    pub repair: Option<u8>,
    /// Minimum ratings (1-5) of skills from the ten-skill debrief, one per skill.
    pub skills: Vec<SkillMinimum>,
}

/// A minimum rating for one skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SkillMinimum {
    pub skill: Skill,
    /// 1-5.
    pub min_rating: u8,
}

impl Criteria {
    /// Whether no minimum is set at all (then any finished attempt passes).
    pub fn is_empty(&self) -> bool {
        self.empathy.is_none()
            && self.warmth.is_none()
            && self.repair.is_none()
            && self.skills.is_empty()
    }
}

impl AssignmentSet {
    /// Whether the set lists this scenario.
    pub fn includes(&self, scenario_id: &str) -> bool {
        self.scenarios.iter().any(|s| s == scenario_id)
    }

    /// Whether an attempt counts toward this set: it is on one of the set's
    /// scenarios and is tagged with this set, or with no set at all. An attempt
    /// tagged with another set belongs to that set only.
    pub fn counts(&self, record: &AttemptRecord) -> bool {
        self.includes(&record.scenario_id)
            && record
                .assignment
                .as_deref()
                .is_none_or(|tag| tag == self.id)
    }

    /// Whether an attempt ended after the due date (compared on UTC dates).
    pub fn is_late(&self, record: &AttemptRecord) -> bool {
        self.due
            .is_some_and(|due| record.ended_at.date_naive() > due)
    }
}
