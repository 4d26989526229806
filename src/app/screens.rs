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
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
}
