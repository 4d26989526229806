//! The assignment-set file exactly as a supervisor writes it. Numbers are
//! read as plain integers so that `empathy: 150` or `attempts_allowed: 0`
//! reach validation and get a message about the criterion, not a type error.

use crate::vocab::Skill;
use serde::{Deserialize, Serialize};

/// One assignment-set file: `AssignmentSet(id: ..., title: ..., ...)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "AssignmentSet")]
pub struct RawAssignmentSet {
    /// Stable id written into attempt records. Never rename it once in use.
    pub id: String,
    pub title: String,
    /// What the trainee reads before starting.
    #[serde(default)]
    pub instructions: String,
    /// Scenario ids, in the order they are played.
    pub scenarios: Vec<String>,
    #[serde(default)]
    pub criteria: RawCriteria,
    /// Attempts per scenario that count; absent for no limit.
    #[serde(default)]
    pub attempts_allowed: Option<i64>,
    #[serde(default)]
    pub reflection_required: bool,
    /// `"YYYY-MM-DD"`.
    #[serde(default)]
    pub due: Option<String>,
}

/// Pass criteria; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Criteria")]
pub struct RawCriteria {
    #[serde(default)]
    pub empathy: Option<i64>,
    #[serde(default)]
    pub warmth: Option<i64>,
    #[serde(default)]
    pub repair: Option<i64>,
    #[serde(default)]
    pub skills: Vec<RawSkillMinimum>,
}

/// `(skill: empathy, min_rating: 3)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "SkillMinimum")]
pub struct RawSkillMinimum {
    pub skill: Skill,
    pub min_rating: i64,
}
