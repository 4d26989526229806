//! Playing without input: the best, worst or a random answer at each turn.
//! Used by `rapport play --auto`, the property tests and the screenshot tour.

use super::engine::{Session, SessionError};
use crate::scenario::menu::best_position;
use crate::scenario::{Choice, Scenario};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// How an automatic player picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// The choice with the highest empathy + warmth + repair.
    Best,
    /// The choice with the lowest.
    Worst,
    /// Any choice on offer, drawn from the seed.
    Random,
}

/// A turn limit for automatic play: authored loops could otherwise run forever.
pub const MAX_AUTO_TURNS: usize = 500;

fn total(choice: &Choice) -> i32 {
    i32::from(choice.scores.empathy)
        + i32::from(choice.scores.warmth)
        + i32::from(choice.scores.repair.unwrap_or(0))
}

/// Plays a scenario to its end with one strategy. Random draws for choices
/// come from their own stream so they never change which line variants appear.
pub fn play_auto(
    scenario: Arc<Scenario>,
    seed: u64,
    strategy: Strategy,
) -> Result<Session, SessionError> {
    let mut session = Session::new(scenario, seed)?;
    let mut picker = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_c401_ce00_0001);
    for _ in 0..MAX_AUTO_TURNS {
        if session.is_finished() {
            return Ok(session);
        }
        let choices = session.choices();
        let picked = match strategy {
            Strategy::Best => best_position(choices.iter().map(|c| (c.id.as_str(), total(c))))
                .and_then(|at| choices.get(at)),
            Strategy::Worst => choices.iter().min_by_key(|c| (total(c), c.id.clone())),
            Strategy::Random if choices.is_empty() => None,
            Strategy::Random => choices.get(picker.random_range(0..choices.len())),
        }
        .map(|c| c.id.clone());
        match picked {
            Some(id) => {
                session.choose(&id)?;
            }
            None => {
                // No menu choice holds here: answer in free text through the fallback.
                session.respond("Mm.")?;
            }
        }
    }
    if session.is_finished() {
        Ok(session)
    } else {
        Err(SessionError::Loop(
            session
                .pending_turn()
                .map(|t| t.id.clone())
                .unwrap_or_default(),
        ))
    }
}
