//! Cohort statistics the report draws: score distributions and mean skill ratings.

use crate::records::AttemptRecord;
use crate::vocab::Skill;

/// How a 0-100 score is spread over ten bins (0-9, 10-19, ..., 90-100).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Histogram {
    pub bins: [usize; 10],
    /// Attempts where the score was not observed.
    pub not_observed: usize,
    pub mean: Option<f64>,
}

impl Histogram {
    /// Bins a list of scores.
    pub fn of(scores: impl IntoIterator<Item = Option<u8>>) -> Histogram {
        let mut histogram = Histogram::default();
        let (mut sum, mut count) = (0u64, 0u64);
        for score in scores {
            match score {
                Some(score) => {
                    histogram.bins[usize::from(score.min(99) / 10)] += 1;
                    sum += u64::from(score);
                    count += 1;
                }
                None => histogram.not_observed += 1,
            }
        }
        histogram.mean = (count > 0).then(|| sum as f64 / count as f64);
        histogram
    }

    /// Number of observed scores.
    pub fn observed(&self) -> usize {
        self.bins.iter().sum()
    }
}

/// The cohort's mean rating of one skill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SkillMean {
    pub skill: Skill,
    /// Mean 1-5 rating over the attempts where the skill was observed.
    pub mean: Option<f64>,
    /// Attempts where it was observed.
    pub observed: usize,
}

/// Mean rating per skill, weakest first; skills never observed come last.
pub fn weakest_skills(records: &[AttemptRecord]) -> Vec<SkillMean> {
    let mut means: Vec<SkillMean> = Skill::ALL
        .iter()
        .map(|&skill| {
            let ratings: Vec<u8> = records
                .iter()
                .filter_map(|r| r.debrief.skill(skill).and_then(|s| s.rating))
                .collect();
            let total: u64 = ratings.iter().map(|&r| u64::from(r)).sum();
            SkillMean {
                skill,
                mean: (!ratings.is_empty()).then(|| total as f64 / ratings.len() as f64),
                observed: ratings.len(),
            }
        })
        .collect();
    means.sort_by(|a, b| match (a.mean, b.mean) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    means
}

#[cfg(test)]
mod tests {
    use super::Histogram;

    #[test]
    fn scores_fall_in_tens_and_100_joins_the_top_bin() {
        let h = Histogram::of([Some(0), Some(9), Some(10), Some(100), None]);
        assert_eq!(h.bins[0], 2);
        assert_eq!(h.bins[1], 1);
        assert_eq!(h.bins[9], 1);
        assert_eq!(h.not_observed, 1);
        assert_eq!(h.observed(), 4);
        assert_eq!(h.mean, Some(119.0 / 4.0));
    }
}
