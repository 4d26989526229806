//! Presenter mode for a classroom projector: full screen and very large text,
//! scores hidden until the instructor reveals them, a "discuss" pause before
//! each choice with a tally of the class's votes, and the branch map with the
//! path taken so far.

use super::screens::Screen;
use super::settings::{Settings, TextSize};
use super::theme::Palette;
use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use bevy_egui::egui::{self, Align2, FontId, Stroke, pos2, vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use rapport::scenario::graph::{MapLayout, layout};
use rapport::session::Session;
use rapport::transcript::Line;
use std::collections::HashSet;

/// The instructor's controls.
#[derive(Resource, Default)]
pub struct Presenter {
    pub on: bool,
    /// Scores and the alliance indicator are visible.
    pub revealed: bool,
    pub show_map: bool,
    /// The class vote at the current trainee turn.
    pub vote: Option<Vote>,
}

/// A class vote on the options of one trainee turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    /// The trainee turn (by node id and turn count, so a rewind re-opens it).
    pub at: (String, usize),
    pub tallies: Vec<u32>,
    pub open: bool,
}

impl Presenter {
    /// Whether scores may be shown now.
    pub fn scores_visible(&self) -> bool {
        !self.on || self.revealed
    }

    /// The vote for this turn, opening a fresh one when the turn is new.
    pub fn vote_for(&mut self, session: &Session, options: usize) -> Option<&mut Vote> {
        if !self.on || options == 0 {
            return None;
        }
        let node = session.pending_turn().map(|_| current_node(session))?;
        let at = (node, session.turns().len());
        if self.vote.as_ref().is_none_or(|v| v.at != at) {
            self.vote = Some(Vote {
                at,
                tallies: vec![0; options],
                open: true,
            });
            // A new decision point hides the scores again.
            self.revealed = false;
        }
        self.vote.as_mut()
    }
}

impl Vote {
    /// The option most voted for (the first on a tie), if anyone voted.
    pub fn winner(&self) -> Option<usize> {
        let most = *self.tallies.iter().max()?;
        (most > 0).then(|| self.tallies.iter().position(|&t| t == most))?
    }
}

/// The node the session is waiting at: the last node named in the transcript.
fn current_node(session: &Session) -> String {
    session
        .lines()
        .last()
        .map(|line| line_node(line).to_owned())
        .unwrap_or_default()
}

fn line_node(line: &Line) -> &str {
    match line {
        Line::Client { node, .. }
        | Line::Trainee { node, .. }
        | Line::Narration { node, .. }
        | Line::Ending { node, .. } => node,
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Presenter>()
        .add_systems(Update, apply_presenter_mode)
        .add_systems(EguiPrimaryContextPass, end_presenting_anywhere);
}

/// Outside a session (which has its own presenter bar) a small button in the
/// corner ends presenting, so the instructor is never stuck in full screen.
fn end_presenting_anywhere(
    mut contexts: EguiContexts,
    mut presenter: ResMut<Presenter>,
    screen: Res<State<Screen>>,
) -> Result {
    if !presenter.on || *screen.get() == Screen::Session {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("end-presenting".into())
        .anchor(Align2::RIGHT_TOP, vec2(-8.0, 4.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            if ui
                .button("End presenting")
                .on_hover_text("Leave full screen and projector-size text")
                .clicked()
            {
                presenter.on = false;
            }
        });
    Ok(())
}

/// The text size in use: presenter mode shows projector-size text without
/// touching the trainee's saved setting.
pub fn effective_text_size(settings: &Settings, presenter: &Presenter) -> TextSize {
    if presenter.on {
        TextSize::Projector
    } else {
        settings.text_size
    }
}

/// Full screen while presenting, the window back when done.
fn apply_presenter_mode(
    presenter: Res<Presenter>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
    mut was_on: Local<bool>,
) {
    if presenter.on == *was_on {
        return;
    }
    *was_on = presenter.on;
    for mut window in &mut windows {
        window.mode = if presenter.on {
            WindowMode::BorderlessFullscreen(MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
    }
}

/// Draws the branch map: every node, the path taken so far in the accent
/// colour, the current node ringed.
pub fn branch_map(ui: &mut egui::Ui, session: &Session, palette: &Palette) {
    let map: MapLayout = layout(session.scenario());
    let visited: Vec<&str> = session.lines().iter().map(line_node).collect();
    let visited_set: HashSet<&str> = visited.iter().copied().collect();
    let walked: HashSet<(&str, &str)> = visited.windows(2).map(|w| (w[0], w[1])).collect();
    let here = visited.last().copied();
    // Everything scales with the text, so the map reads from the back of a room.
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let cell = vec2(body * 2.4, body * 1.8);
    let dot = body * 0.3;
    let margin = vec2(body * 3.0, body * 1.6);
    let size = vec2(
        cell.x * map.columns.max(1) as f32 + margin.x * 2.0,
        cell.y * map.rows.max(1) as f32 + margin.y * 2.0,
    );
    egui::ScrollArea::both()
        .id_salt("branch-map-scroll")
        .show(ui, |ui| {
            let (response, painter) = ui.allocate_painter(size, egui::Sense::hover());
            let origin = response.rect.min + margin;
            let place = |id: &str| {
                map.nodes
                    .iter()
                    .find(|(n, _, _)| n == id)
                    .map(|(_, c, r)| origin + vec2(*c as f32 * cell.x, *r as f32 * cell.y))
            };
            let faint = palette.muted.gamma_multiply(0.5);
            for edge in &map.edges {
                if let (Some(a), Some(b)) = (place(&edge.from), place(&edge.to)) {
                    let taken = walked.contains(&(edge.from.as_str(), edge.to.as_str()));
                    let stroke = if taken {
                        Stroke::new(dot * 0.8, palette.accent)
                    } else {
                        Stroke::new(1.0, faint)
                    };
                    painter.line_segment([a, b], stroke);
                }
            }
            for (id, _, _) in &map.nodes {
                let Some(centre) = place(id) else { continue };
                let on_path = visited_set.contains(id.as_str());
                let fill = if on_path { palette.accent } else { faint };
                painter.circle_filled(centre, if on_path { dot * 1.3 } else { dot }, fill);
                if here == Some(id.as_str()) {
                    painter.circle_stroke(centre, dot * 2.4, Stroke::new(dot * 0.6, palette.poor));
                    painter.text(
                        centre + vec2(0.0, -dot * 2.8),
                        Align2::CENTER_BOTTOM,
                        "you are here",
                        FontId::proportional(body * 0.6),
                        palette.poor,
                    );
                }
            }
            let start = place(session.scenario().node(session.scenario().start).id())
                .unwrap_or(pos2(0.0, 0.0));
            painter.text(
                start + vec2(-dot * 2.0, 0.0),
                Align2::RIGHT_CENTER,
                "start",
                FontId::proportional(body * 0.55),
                palette.muted,
            );
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_winner_is_the_most_voted_option_and_nobody_voting_means_none() {
        let mut vote = Vote {
            at: ("n".into(), 0),
            tallies: vec![0, 0, 0],
            open: true,
        };
        assert_eq!(vote.winner(), None);
        vote.tallies = vec![2, 5, 5];
        assert_eq!(vote.winner(), Some(1));
    }
}
