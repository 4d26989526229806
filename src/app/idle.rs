//! Lets the reactive app sleep. bevy_egui 0.42's `write_modifiers_keys_state_system`
//! pushes an `egui::Event::ModifiersChanged` every frame, changed or not; egui
//! treats any event as a reason to repaint, so the loop never idles (~170% CPU
//! measured). This drops the event when the modifiers did not change. Remove it
//! once bevy_egui only sends real changes (0.43 does, but needs Bevy 0.20).

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiInput, EguiPreUpdateSet, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifier_events
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    );
}

pub(super) fn drop_unchanged_modifier_events(
    mut contexts: Query<(&mut EguiContext, &mut EguiInput)>,
) {
    for (mut context, mut input) in &mut contexts {
        let current = context.get_mut().input(|i| i.modifiers);
        input
            .0
            .events
            .retain(|event| !matches!(event, egui::Event::ModifiersChanged(m) if *m == current));
    }
}
