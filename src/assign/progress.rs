//! Judging attempt records against a set: each criterion of each attempt,
//! the best attempt per scenario, and whether a trainee has passed.
//!
//! The rules, also in `docs/assignments.md`:
//! - A score or rating that was not observed never meets a minimum ("not
//!   observed" is never a free pass), with one exception: a repair minimum on
//!   a scenario with no rupture marker anywhere is not applicable, since no
//!   attempt there could ever show repair. When the scenario file is not at
//!   hand, the scenario is assumed to be able to rupture.
//! - An attempt passes when it reached an ending and every criterion is met
//!   or not applicable (and, if the set asks, it has a written reflection).
//! - Only the first `attempts_allowed` attempts at a scenario count; later
//!   ones are shown but cannot pass it. The best counted attempt is the one
//!   that passes, then meets the most criteria, then scores highest, then
//!   came first.
//! - Attempts after the due date still count, and are marked late.

use super::AssignmentSet;
use super::catalog::ScenarioCatalog;
use crate::records::AttemptRecord;
use crate::scoring::DimensionScores;
use crate::vocab::Skill;
use serde::Serialize;
use std::collections::BTreeMap;

/// One thing a set asks of an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Empathy,
    Warmth,
    Repair,
    Skill(Skill),
    /// At least one written reflection.
    Reflection,
}

impl Criterion {
    /// The criterion as a supervisor reads it.
    pub fn label(self) -> String {
        match self {
            Criterion::Empathy => "Empathy".to_owned(),
            Criterion::Warmth => "Warmth".to_owned(),
            Criterion::Repair => "Rupture repair".to_owned(),
            Criterion::Skill(skill) => format!("Skill: {}", skill.label()),
            Criterion::Reflection => "Written reflection".to_owned(),
        }
    }
}

/// Whether an attempt meets one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    NotMet,
    /// The criterion cannot be measured in this scenario (repair where no
    /// rupture can happen); it does not stand in the way of a pass.
    NotApplicable,
}

/// One criterion checked against one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CriterionCheck {
    pub criterion: Criterion,
    /// The minimum: a 0-100 score, a 1-5 rating, or 1 reflection.
    pub minimum: u8,
    /// What the attempt reached; `None` when not observed.
    pub actual: Option<u8>,
    pub verdict: Verdict,
}

impl CriterionCheck {
    /// The check in words, e.g. "62 (needs 60)" or "not observed (needs 50)".
    pub fn describe(&self) -> String {
        match (self.actual, self.verdict) {
            (None, Verdict::NotApplicable) => {
                "not observed; no rupture can happen in this scenario".to_owned()
            }
            (None, _) => format!("not observed (needs {})", self.minimum),
            (Some(actual), _) => format!("{actual} (needs {})", self.minimum),
        }
    }

    fn passes(&self) -> bool {
        self.verdict != Verdict::NotMet
    }
}

/// One attempt judged against a set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptJudgement {
    pub record_id: String,
    /// 1 for the trainee's first attempt at the scenario.
    pub attempt_number: usize,
    pub checks: Vec<CriterionCheck>,
    /// The attempt reached an ending.
    pub finished: bool,
    /// Within the set's attempt allowance.
    pub counted: bool,
    /// Ended after the due date.
    pub late: bool,
    /// The mean of the observed dimension scores, 0-100.
    pub overall: Option<f64>,
}

impl AttemptJudgement {
    /// Finished, with every criterion met or not applicable.
    pub fn meets_criteria(&self) -> bool {
        self.finished && self.checks.iter().all(CriterionCheck::passes)
    }

    /// Meets the criteria and is within the allowance.
    pub fn passed(&self) -> bool {
        self.counted && self.meets_criteria()
    }

    /// How many criteria are met or not applicable.
    pub fn criteria_met(&self) -> usize {
        self.checks.iter().filter(|c| c.passes()).count()
    }
}

/// Where a trainee stands on one scenario of a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScenarioStatus {
    NotStarted,
    /// Attempted, not passed, attempts left.
    InProgress,
    Passed,
    /// Every allowed attempt used without a pass.
    Failed,
}

impl ScenarioStatus {
    /// The status as a supervisor reads it.
    pub fn label(self) -> &'static str {
        match self {
            ScenarioStatus::NotStarted => "not started",
            ScenarioStatus::InProgress => "in progress",
            ScenarioStatus::Passed => "passed",
            ScenarioStatus::Failed => "failed",
        }
    }
}

/// A trainee's attempts at one scenario of a set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioProgress {
    pub scenario_id: String,
    /// Every attempt, in the order played.
    pub attempts: Vec<AttemptJudgement>,
    /// Index into `attempts` of the best counted attempt.
    pub best: Option<usize>,
    pub status: ScenarioStatus,
}

impl ScenarioProgress {
    /// The best counted attempt.
    pub fn best_attempt(&self) -> Option<&AttemptJudgement> {
        self.best.and_then(|index| self.attempts.get(index))
    }

    /// Whether the scenario is passed.
    pub fn passed(&self) -> bool {
        self.status == ScenarioStatus::Passed
    }
}

/// A trainee's progress through a whole set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeProgress {
    pub trainee: String,
    pub set_id: String,
    /// One entry per scenario of the set, in the set's order.
    pub scenarios: Vec<ScenarioProgress>,
}

impl TraineeProgress {
    /// Every scenario passed.
    pub fn passed(&self) -> bool {
        self.scenarios.iter().all(ScenarioProgress::passed)
    }

    /// How many scenarios are passed.
    pub fn passed_count(&self) -> usize {
        self.scenarios.iter().filter(|s| s.passed()).count()
    }

    /// The first scenario, in the set's order, not yet passed or failed.
    pub fn next_scenario(&self) -> Option<&str> {
        self.scenarios
            .iter()
            .find(|s| {
                matches!(
                    s.status,
                    ScenarioStatus::NotStarted | ScenarioStatus::InProgress
                )
            })
            .map(|s| s.scenario_id.as_str())
    }
}

/// The mean of the observed dimension scores, 0-100; `None` when none was observed.
pub fn observed_mean(scores: &DimensionScores) -> Option<f64> {
    let observed: Vec<f64> = [scores.empathy, scores.warmth, scores.repair]
        .into_iter()
        .flatten()
        .map(f64::from)
        .collect();
    (!observed.is_empty()).then(|| observed.iter().sum::<f64>() / observed.len() as f64)
}

/// Judges one attempt against a set's criteria, as a first, counted attempt.
/// `catalog` says which scenarios can rupture; without it, all are assumed to.
pub fn judge_attempt(
    set: &AssignmentSet,
    record: &AttemptRecord,
    catalog: Option<&ScenarioCatalog>,
) -> AttemptJudgement {
    let scores = &record.debrief.scores;
    let criteria = &set.criteria;
    let mut checks = Vec::new();
    let mut check_score = |criterion, minimum: Option<u8>, actual: Option<u8>, applicable: bool| {
        if let Some(minimum) = minimum {
            let verdict = match actual {
                Some(value) if value >= minimum => Verdict::Met,
                None if !applicable => Verdict::NotApplicable,
                _ => Verdict::NotMet,
            };
            checks.push(CriterionCheck {
                criterion,
                minimum,
                actual,
                verdict,
            });
        }
    };
    let can_rupture = catalog
        .and_then(|c| c.get(&record.scenario_id))
        .is_none_or(|entry| entry.can_rupture);
    check_score(Criterion::Empathy, criteria.empathy, scores.empathy, true);
    check_score(Criterion::Warmth, criteria.warmth, scores.warmth, true);
    check_score(
        Criterion::Repair,
        criteria.repair,
        scores.repair,
        can_rupture,
    );
    for minimum in &criteria.skills {
        let rating = record.debrief.skill(minimum.skill).and_then(|s| s.rating);
        check_score(
            Criterion::Skill(minimum.skill),
            Some(minimum.min_rating),
            rating,
            true,
        );
    }
    if set.reflection_required {
        let written = record
            .reflections
            .iter()
            .filter(|r| !r.answer.trim().is_empty())
            .count();
        let written = u8::try_from(written).unwrap_or(u8::MAX);
        check_score(Criterion::Reflection, Some(1), Some(written), true);
    }
    AttemptJudgement {
        record_id: record.id.clone(),
        attempt_number: 1,
        checks,
        finished: record.ending.is_some(),
        counted: true,
        late: set.is_late(record),
        overall: observed_mean(scores),
    }
}

/// One trainee's progress through a set. Records that the set does not count
/// (other scenarios, other sets, other trainees) are ignored.
pub fn trainee_progress(
    set: &AssignmentSet,
    trainee: &str,
    records: &[&AttemptRecord],
    catalog: Option<&ScenarioCatalog>,
) -> TraineeProgress {
    let mut mine: Vec<&AttemptRecord> = records
        .iter()
        .copied()
        .filter(|r| r.trainee == trainee && set.counts(r))
        .collect();
    mine.sort_by(|a, b| {
        a.started_at
            .cmp(&b.started_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    let scenarios = set
        .scenarios
        .iter()
        .map(|scenario_id| {
            let attempts: Vec<AttemptJudgement> = mine
                .iter()
                .filter(|r| &r.scenario_id == scenario_id)
                .enumerate()
                .map(|(index, record)| {
                    let mut judgement = judge_attempt(set, record, catalog);
                    judgement.attempt_number = index + 1;
                    judgement.counted = set
                        .attempts_allowed
                        .is_none_or(|allowed| index < allowed as usize);
                    judgement
                })
                .collect();
            scenario_progress(set, scenario_id, attempts)
        })
        .collect();
    TraineeProgress {
        trainee: trainee.to_owned(),
        set_id: set.id.clone(),
        scenarios,
    }
}

fn scenario_progress(
    set: &AssignmentSet,
    scenario_id: &str,
    attempts: Vec<AttemptJudgement>,
) -> ScenarioProgress {
    let best = attempts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.counted)
        .max_by(|(ia, a), (ib, b)| {
            (a.passed(), a.criteria_met())
                .cmp(&(b.passed(), b.criteria_met()))
                .then_with(|| {
                    a.overall
                        .unwrap_or(-1.0)
                        .total_cmp(&b.overall.unwrap_or(-1.0))
                })
                .then_with(|| ib.cmp(ia))
        })
        .map(|(index, _)| index);
    let passed = best.is_some_and(|index| attempts[index].passed());
    let used_up = set
        .attempts_allowed
        .is_some_and(|allowed| attempts.len() >= allowed as usize);
    let status = match (attempts.is_empty(), passed, used_up) {
        (true, _, _) => ScenarioStatus::NotStarted,
        (_, true, _) => ScenarioStatus::Passed,
        (_, false, true) => ScenarioStatus::Failed,
        (_, false, false) => ScenarioStatus::InProgress,
    };
    ScenarioProgress {
        scenario_id: scenario_id.to_owned(),
        attempts,
        best,
        status,
    }
}

/// Every trainee's progress through a set, sorted by trainee. Only trainees
/// with at least one counted attempt appear.
pub fn cohort_progress(
    set: &AssignmentSet,
    records: &[AttemptRecord],
    catalog: Option<&ScenarioCatalog>,
) -> Vec<TraineeProgress> {
    let mut by_trainee: BTreeMap<&str, Vec<&AttemptRecord>> = BTreeMap::new();
    for record in records.iter().filter(|r| set.counts(r)) {
        by_trainee
            .entry(record.trainee.as_str())
            .or_default()
            .push(record);
    }
    by_trainee
        .into_iter()
        .map(|(trainee, mine)| trainee_progress(set, trainee, &mine, catalog))
        .collect()
}
