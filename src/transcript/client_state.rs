//! The simulated client's state as a transcript records it after each turn.
//! The rules that move it live with the session engine (`session::state`).

use crate::vocab::Openness;
use serde::{Deserialize, Serialize};

/// The client's working alliance (Bordin: bond, goals, tasks), openness and distress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientState {
    pub bond: i32,
    pub goals: i32,
    pub tasks: i32,
    pub distress: i32,
    pub openness: Openness,
    /// Ruptures the trainee did not repair; each one raises the drop-out risk.
    pub unrepaired_ruptures: i32,
}

impl ClientState {
    /// Every number at its midpoint and openness moderate: where an assessed
    /// transcript starts, since it does not say how the client arrived.
    pub const NEUTRAL: ClientState = ClientState {
        bond: 50,
        goals: 50,
        tasks: 50,
        distress: 50,
        openness: Openness::Moderate,
        unrepaired_ruptures: 0,
    };

    /// The alliance as one number: the mean of bond, goals and tasks, 0-100.
    pub fn alliance(&self) -> i32 {
        (self.bond + self.goals + self.tasks) / 3
    }

    /// How likely the client is to drop out, 0-100. Low alliance, unrepaired
    /// ruptures and a guarded client are the strongest signs of early termination.
    pub fn dropout_risk(&self) -> i32 {
        let from_alliance = (100 - self.alliance()) * 7 / 10;
        let guarded = if self.openness == Openness::Guarded {
            10
        } else {
            0
        };
        (from_alliance + self.unrepaired_ruptures * 15 + guarded).clamp(0, 100)
    }
}
