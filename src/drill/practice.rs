//! A run of practice on one drill: which statement comes next and where the
//! level goes after each rated rep. Shared by the terminal and the app; no I/O.

use super::format::{Drill, Level, Statement};
use super::level::{DifficultyRating, LevelDecision, Performance, RepOutcome, next_level};
use std::collections::HashSet;
use std::sync::Arc;

/// The state of one practice run. It shares ownership of its drill, so a run
/// can be kept as long as the caller likes (a Bevy resource, a terminal loop).
#[derive(Debug, Clone)]
pub struct PracticeRun {
    drill: Arc<Drill>,
    level: Level,
    history: Vec<RepOutcome>,
    /// Ids of the statements shown since the level was last started over.
    seen: HashSet<String>,
}

impl PracticeRun {
    /// Starts at `level`, with no statements seen.
    pub fn new(drill: Arc<Drill>, level: Level) -> Self {
        PracticeRun {
            drill,
            level,
            history: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// Starts where an earlier history left off (e.g. from the practice diary),
    /// so runs of strong or missed reps carry over between sittings.
    pub fn resume(drill: Arc<Drill>, level: Level, history: Vec<RepOutcome>) -> Self {
        PracticeRun {
            history,
            ..PracticeRun::new(drill, level)
        }
    }

    /// The level being practised.
    pub fn level(&self) -> Level {
        self.level
    }

    /// The drill.
    pub fn drill(&self) -> &Arc<Drill> {
        &self.drill
    }

    /// The next statement at the current level, in file order, not repeating
    /// one until every statement of the level has been seen. A copy, so the
    /// caller can keep it while the run moves on.
    pub fn next_statement(&mut self) -> Option<Statement> {
        let level = self.level;
        let unseen = self
            .drill
            .at_level(level)
            .find(|s| !self.seen.contains(&s.id));
        let statement = match unseen {
            Some(statement) => statement,
            None => {
                // Every statement of the level seen: start the level over.
                for statement in self.drill.at_level(level) {
                    self.seen.remove(&statement.id);
                }
                self.drill.at_level(level).next()?
            }
        };
        self.seen.insert(statement.id.clone());
        Some(statement.clone())
    }

    /// Records a rated rep and moves the level.
    pub fn rate(
        &mut self,
        level: Level,
        performance: Performance,
        rating: DifficultyRating,
    ) -> LevelDecision {
        self.history.push(RepOutcome {
            level,
            performance,
            rating,
        });
        let decision = next_level(self.level, &self.history);
        self.level = decision.next;
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::format::{ModelResponse, Pitfall};
    use crate::vocab::{Intent, Skill};

    fn drill() -> Drill {
        let statement = |id: &str, level: Level| Statement {
            id: id.into(),
            level,
            context: "c".into(),
            statement: "s".into(),
            fits: vec![Intent::ReflectionSimple],
            models: vec![ModelResponse {
                style: "s".into(),
                text: "t".into(),
            }],
            pitfalls: vec![Pitfall {
                text: "p".into(),
                why: "w".into(),
            }],
        };
        Drill {
            id: "d".into(),
            title: "t".into(),
            skill: Skill::Empathy,
            target_move: "m".into(),
            summary: "s".into(),
            instructions: "i".into(),
            statements: vec![
                statement("b1", Level::Beginner),
                statement("b2", Level::Beginner),
                statement("i1", Level::Intermediate),
            ],
        }
    }

    #[test]
    fn statements_cycle_within_a_level_without_early_repeats() {
        let mut run = PracticeRun::new(Arc::new(drill()), Level::Beginner);
        let ids: Vec<String> = (0..5)
            .filter_map(|_| run.next_statement().map(|s| s.id))
            .collect();
        assert_eq!(ids, ["b1", "b2", "b1", "b2", "b1"]);
    }

    #[test]
    fn rating_moves_the_level_and_the_next_statement() {
        let mut run = PracticeRun::new(Arc::new(drill()), Level::Beginner);
        let first = run.next_statement().map(|s| s.level);
        let decision = run.rate(
            Level::Beginner,
            Performance::Strong,
            DifficultyRating::TooEasy,
        );
        assert_eq!(decision.next, Level::Intermediate);
        assert_eq!(run.level(), Level::Intermediate);
        assert_eq!(first, Some(Level::Beginner));
        assert_eq!(run.next_statement().map(|s| s.id), Some("i1".to_owned()));
    }
}
