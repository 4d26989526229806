//! The general rules that move the simulated client's state ([`ClientState`],
//! a transcript type), on top of what a scenario's effects say.

use crate::scenario::{Effects, RawClientState, StateVar};
use crate::transcript::ClientState;
use crate::vocab::Intent;

impl ClientState {
    /// The state a scenario opens with.
    pub fn from_initial(initial: &RawClientState) -> Self {
        ClientState {
            bond: initial.bond.clamp(0, 100),
            goals: initial.goals.clamp(0, 100),
            tasks: initial.tasks.clamp(0, 100),
            distress: initial.distress.clamp(0, 100),
            openness: initial.openness,
            unrepaired_ruptures: 0,
        }
    }

    /// Reads a state number for a condition.
    pub fn get(&self, var: StateVar) -> i32 {
        match var {
            StateVar::Bond => self.bond,
            StateVar::Goals => self.goals,
            StateVar::Tasks => self.tasks,
            StateVar::Distress => self.distress,
            StateVar::DropoutRisk => self.dropout_risk(),
        }
    }

    /// Applies a scenario's effects, keeping every number on its scale.
    pub fn apply(&mut self, effects: &Effects) {
        self.bond = (self.bond + effects.bond).clamp(0, 100);
        self.goals = (self.goals + effects.goals).clamp(0, 100);
        self.tasks = (self.tasks + effects.tasks).clamp(0, 100);
        self.distress = (self.distress + effects.distress).clamp(0, 100);
        self.openness = self.openness.shifted(effects.openness);
    }

    /// The general rules, applied after a trainee turn's own effects.
    pub fn apply_general_rules(&mut self, moment: &Moment, turn: &TurnReading) {
        if moment.rupture_live {
            match turn.repair {
                Some(repair) if repair >= 50 => {
                    // A rupture repaired quickly can strengthen the alliance.
                    self.bond = (self.bond + 3).min(100);
                }
                _ => {
                    self.bond = (self.bond - 5).max(0);
                    self.unrepaired_ruptures += 1;
                }
            }
        }
        let emotional = moment.disclosure || moment.intense;
        let attuned = matches!(
            turn.intent,
            Intent::ReflectionComplex
                | Intent::ReflectionSimple
                | Intent::EmpathicReaction
                | Intent::Validation
        ) && turn.empathy >= 60;
        if emotional && attuned {
            self.openness = self.openness.shifted(1);
        }
        if emotional && turn.intent.is_roadblock() {
            self.openness = self.openness.shifted(-1);
            self.bond = (self.bond - 4).max(0);
        }
    }
}

/// What the client's last line made of the moment a trainee answers in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moment {
    pub rupture_live: bool,
    pub disclosure: bool,
    pub intense: bool,
}

/// The parts of a trainee turn the general rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TurnReading {
    pub intent: Intent,
    pub empathy: u8,
    pub repair: Option<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Openness;

    fn state() -> ClientState {
        ClientState::NEUTRAL
    }

    #[test]
    fn unrepaired_rupture_lowers_bond_and_raises_dropout_risk() {
        let mut s = state();
        let before = s.dropout_risk();
        let moment = Moment {
            rupture_live: true,
            ..Moment::default()
        };
        s.apply_general_rules(
            &moment,
            &TurnReading {
                intent: Intent::Persuasion,
                empathy: 10,
                repair: Some(10),
            },
        );
        assert_eq!(s.bond, 45);
        assert_eq!(s.unrepaired_ruptures, 1);
        assert!(s.dropout_risk() > before + 15);
    }

    #[test]
    fn empathic_reflection_in_an_emotional_moment_opens_the_client() {
        let mut s = state();
        let moment = Moment {
            intense: true,
            ..Moment::default()
        };
        s.apply_general_rules(
            &moment,
            &TurnReading {
                intent: Intent::ReflectionComplex,
                empathy: 80,
                repair: None,
            },
        );
        assert_eq!(s.openness, Openness::Open);
    }

    #[test]
    fn roadblock_after_disclosure_closes_the_client() {
        let mut s = state();
        let moment = Moment {
            disclosure: true,
            ..Moment::default()
        };
        s.apply_general_rules(
            &moment,
            &TurnReading {
                intent: Intent::Advice,
                empathy: 10,
                repair: None,
            },
        );
        assert_eq!(s.openness, Openness::Guarded);
        assert_eq!(s.bond, 46);
    }

    #[test]
    fn effects_stay_on_scale() {
        let mut s = state();
        s.apply(&Effects {
            bond: 90,
            distress: -90,
            openness: -2,
            ..Effects::default()
        });
        assert_eq!(
            (s.bond, s.distress, s.openness),
            (100, 0, Openness::Guarded)
        );
    }
}
