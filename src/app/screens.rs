//! The app's screens as a Bevy state.

use bevy::prelude::*;

/// Which screen is showing.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Library,
    Briefing,
    Session,
    Debrief,
    History,
    Settings,
    /// Deliberate-practice drills: one statement, a response, feedback at once.
    Drills,
    /// The supervisor's view of a folder of attempt records.
    Records,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
}
