//! The session: the client panel (portrait, cue, alliance indicator), the
//! transcript, and the trainee's turn (choices by number key, Enter to confirm,
//! or a typed response). Pause saves the session to resume later.

use super::practice::Practice;
use super::presenter::{self, Presenter, Vote};
use super::screens::Screen;
use super::settings::{Settings, Theme};
use super::storage::Storage;
use super::theme::Palette;
use super::widgets::{Edge, bubble, palette, root_ui, words};
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use rapport::session::Session;
use rapport::transcript::Line;
use rapport::vocab::{Emotion, Openness};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_session.run_if(in_state(Screen::Session)),
    );
}

/// What the trainee asked for this frame.
enum Action {
    Choose(String),
    Type(String),
    Pause,
    Quit,
}

fn draw_session(
    mut contexts: EguiContexts,
    mut settings: ResMut<Settings>,
    storage: Res<Storage>,
    mut practice: ResMut<Practice>,
    mut next: ResMut<NextState<Screen>>,
    mut follow: Local<FollowTranscript>,
    mut presenter: ResMut<Presenter>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let palette = palette(&settings);
    let Some(session) = practice.session.clone() else {
        next.set(Screen::Library);
        return Ok(());
    };
    let mut action = None;
    let mut root = root_ui(ctx);
    let choices: Vec<(String, String)> = session
        .choices()
        .iter()
        .map(|c| (c.id.clone(), c.text.clone()))
        .collect();
    let typing_focused = ctx.memory(|m| m.focused().is_some());
    // In presenter mode the class discusses and votes before anyone answers.
    let voting = presenter
        .vote_for(&session, choices.len())
        .is_some_and(|vote| vote.open);
    // Number keys pick a choice, Enter confirms (unless the text box has focus).
    if !typing_focused && !voting {
        ctx.input(|input| {
            for (i, key) in [
                egui::Key::Num1,
                egui::Key::Num2,
                egui::Key::Num3,
                egui::Key::Num4,
                egui::Key::Num5,
                egui::Key::Num6,
                egui::Key::Num7,
                egui::Key::Num8,
                egui::Key::Num9,
            ]
            .iter()
            .enumerate()
            {
                if input.key_pressed(*key) && i < choices.len() {
                    practice.selected = Some(i);
                }
            }
            if input.key_pressed(egui::Key::Enter)
                && let Some(i) = practice.selected
                && let Some((id, _)) = choices.get(i)
            {
                action = Some(Action::Choose(id.clone()));
            }
        });
    }

    egui::Panel::top("session-bar").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&session.scenario().meta.title).strong());
            ui.label(format!(
                "\u{2022} session {} \u{2022} {} min in",
                session.session_number(),
                session.minute()
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if !presenter.on
                    && ui
                        .button("Present")
                        .on_hover_text(
                            "For a classroom projector: full screen, very large text, scores hidden until you reveal them, a class vote before each choice",
                        )
                        .clicked()
                {
                    presenter.on = true;
                    presenter.revealed = false;
                }
                if ui
                    .button("Quit")
                    .on_hover_text("Leave without saving this attempt")
                    .clicked()
                {
                    action = Some(Action::Quit);
                }
                if ui
                    .button("Pause and save")
                    .on_hover_text("Save the session and resume it later from the library")
                    .clicked()
                {
                    action = Some(Action::Pause);
                }
            });
        });
    });
    if presenter.on {
        // The instructor's controls get a row of their own: at projector
        // size they would push the title off the session bar.
        egui::Panel::top("presenter-bar").show(&mut root, |ui| {
            ui.horizontal_wrapped(|ui| presenter_controls(ui, &mut presenter));
        });
    }

    egui::Panel::left("client")
        .resizable(false)
        .exact_size(ui_width(ctx, 0.27))
        .show(&mut root, |ui| {
            let mut show_alliance = settings.show_alliance;
            client_panel(
                ui,
                &session,
                &mut show_alliance,
                presenter.scores_visible(),
                &palette,
            );
            // Write only on a real change, so the settings are not re-saved every frame.
            if show_alliance != settings.show_alliance {
                settings.show_alliance = show_alliance;
            }
        });

    egui::Panel::bottom("turn").show(&mut root, |ui| {
        ui.add_space(6.0);
        if let Some(notice) = &practice.notice {
            ui.label(RichText::new(notice).color(palette.poor));
        }
        if let Some(prompt) = session.pending_turn().and_then(|t| t.prompt.clone()) {
            ui.label(RichText::new(prompt).italics().color(palette.muted));
        }
        if voting {
            if let Some(vote) = presenter.vote.as_mut() {
                practice.selected = class_vote(ui, vote, &choices, &palette).or(practice.selected);
            }
            return;
        }
        for (i, (id, text)) in choices.iter().enumerate() {
            let selected = practice.selected == Some(i);
            let button =
                egui::Button::selectable(selected, RichText::new(format!("{}.  {text}", i + 1)))
                    .wrap()
                    .min_size(egui::vec2(ui.available_width(), 0.0));
            let response = ui.add(button);
            if response.clicked() {
                practice.selected = Some(i);
            }
            if response.double_clicked() {
                action = Some(Action::Choose(id.clone()));
            }
        }
        ui.horizontal(|ui| {
            let confirm = egui::Button::new("Say it (Enter)");
            if ui
                .add_enabled(practice.selected.is_some(), confirm)
                .clicked()
                && let Some((id, _)) = practice.selected.and_then(|i| choices.get(i))
            {
                action = Some(Action::Choose(id.clone()));
            }
            ui.label(
                RichText::new("Keys 1-9 pick a choice.")
                    .small()
                    .color(palette.muted),
            );
        });
        if session.accepts_typing() {
            ui.separator();
            let hint = session
                .pending_turn()
                .and_then(|t| t.typed.as_ref())
                .and_then(|t| t.hint.clone())
                .unwrap_or_else(|| "Or type your own response...".to_owned());
            ui.horizontal(|ui| {
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut practice.typed)
                        .hint_text(hint)
                        .desired_width(ui.available_width() - 140.0),
                );
                let submit = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button("Say it").clicked() || submit) && !practice.typed.trim().is_empty() {
                    action = Some(Action::Type(practice.typed.clone()));
                }
            });
        }
        ui.add_space(6.0);
    });

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("transcript-scroll")
            .stick_to_bottom(true)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // In high contrast the bubbles' fills vanish against black: outline them.
                let edge = if settings.theme == Theme::HighContrast {
                    Edge::Outlined
                } else {
                    Edge::Flat
                };
                transcript(ui, &session, presenter.scores_visible(), edge, &palette);
                // New lines (or a resumed session) scroll into view; otherwise
                // the trainee's own scrolling is left alone.
                if follow.should_scroll(
                    session.lines().len(),
                    presenter::effective_text_size(&settings, &presenter).body_points() as u32,
                ) {
                    ui.scroll_to_cursor(Some(egui::Align::BOTTOM));
                }
            });
    });

    let mut show_map = presenter.show_map;
    egui::Window::new("Branch map")
        .open(&mut show_map)
        .default_size(ctx.viewport_rect().size() * egui::vec2(0.6, 0.5))
        .default_pos(ctx.viewport_rect().right_top() + egui::vec2(-20.0, 120.0))
        .pivot(egui::Align2::RIGHT_TOP)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(
                    "The path taken so far is highlighted; the ring marks where you are.",
                )
                .small(),
            );
            presenter::branch_map(ui, &session, &palette);
        });
    presenter.show_map = show_map;

    match action {
        Some(Action::Choose(id)) => apply(&mut practice, |s| s.choose(&id).map(|_| ())),
        Some(Action::Type(text)) => {
            apply(&mut practice, |s| s.respond(&text).map(|_| ()));
            if practice.notice.is_none() {
                practice.typed.clear();
            }
        }
        Some(Action::Pause) => {
            practice.notice = Some(match practice.pause(&storage) {
                Ok(()) => "Session paused. Resume it from the library.".to_owned(),
                Err(e) => format!("The session could not be saved: {e}"),
            });
            next.set(Screen::Library);
        }
        Some(Action::Quit) => {
            practice.session = None;
            practice.notice = None;
            next.set(Screen::Library);
        }
        None => {}
    }
    if practice.session.as_ref().is_some_and(Session::is_finished) {
        let trainee = settings.trainee.clone();
        practice.record_attempt(&storage, &trainee);
        next.set(Screen::Debrief);
    }
    Ok(())
}

/// The instructor's buttons while presenting.
fn presenter_controls(ui: &mut egui::Ui, presenter: &mut Presenter) {
    let reveal_label = if presenter.revealed {
        "Hide scores"
    } else {
        "Reveal scores"
    };
    if ui.button(reveal_label).clicked() {
        presenter.revealed = !presenter.revealed;
    }
    let map_label = if presenter.show_map {
        "Hide the branch map"
    } else {
        "Branch map"
    };
    if ui.button(map_label).clicked() {
        presenter.show_map = !presenter.show_map;
    }
    if ui.button("End presenting").clicked() {
        presenter.on = false;
    }
}

/// The discuss-and-vote pause: the options with a tally each. Returns the
/// class's pick when the instructor closes the vote.
fn class_vote(
    ui: &mut egui::Ui,
    vote: &mut Vote,
    choices: &[(String, String)],
    palette: &Palette,
) -> Option<usize> {
    ui.label(
        RichText::new("Discuss with the class, then count the votes")
            .strong()
            .color(palette.accent),
    );
    for (i, (_, text)) in choices.iter().enumerate() {
        ui.horizontal(|ui| {
            let Some(tally) = vote.tallies.get_mut(i) else {
                return;
            };
            if ui.button("+").on_hover_text("One more vote").clicked() {
                *tally += 1;
            }
            if ui.add_enabled(*tally > 0, egui::Button::new("-")).clicked() {
                *tally -= 1;
            }
            ui.label(RichText::new(format!("{tally:>2}")).strong());
            ui.add(egui::Label::new(format!("{}.  {text}", i + 1)).wrap());
        });
    }
    if ui.button("Close the vote").clicked() {
        vote.open = false;
        return vote.winner();
    }
    None
}

/// Keeps the newest line in view. New lines or a new text size (which reflows
/// everything) scroll to the bottom for a few frames, since the layout settles
/// over more than one frame; otherwise the trainee's own scrolling is left alone.
#[derive(Default)]
struct FollowTranscript {
    seen: (usize, u32),
    frames_left: u8,
}

impl FollowTranscript {
    fn should_scroll(&mut self, lines: usize, text_size: u32) -> bool {
        if (lines, text_size) != self.seen {
            self.seen = (lines, text_size);
            self.frames_left = 4;
        }
        if self.frames_left > 0 {
            self.frames_left -= 1;
            true
        } else {
            false
        }
    }
}

fn ui_width(ctx: &egui::Context, share: f32) -> f32 {
    (ctx.viewport_rect().width() * share).clamp(260.0, 460.0)
}

fn apply(
    practice: &mut Practice,
    step: impl FnOnce(&mut Session) -> Result<(), rapport::session::SessionError>,
) {
    let Some(session) = practice.session.as_mut() else {
        return;
    };
    practice.notice = step(session).err().map(|e| e.to_string());
    practice.selected = None;
}

/// The client's last visible emotion and cue.
fn last_client(session: &Session) -> (Emotion, Option<String>) {
    session
        .lines()
        .iter()
        .rev()
        .find_map(|l| match l {
            Line::Client { emotion, cue, .. } => Some((*emotion, cue.clone())),
            _ => None,
        })
        .unwrap_or((Emotion::Neutral, None))
}

fn client_panel(
    ui: &mut egui::Ui,
    session: &Session,
    show_alliance: &mut bool,
    scores_visible: bool,
    palette: &Palette,
) {
    let client = &session.scenario().client;
    let (emotion, cue) = last_client(session);
    let state = session.state();
    ui.add_space(8.0);
    ui.vertical_centered(|ui| {
        let size = (ui.available_width() * 0.8).min(260.0);
        super::portrait::draw(ui, &client.portrait, emotion, state.openness, size);
        ui.label(RichText::new(format!("{}, {}", client.name, client.age)).strong());
        ui.label(RichText::new(format!("looks {}", words(emotion.as_str()))).color(palette.muted));
    });
    if let Some(cue) = cue {
        ui.add_space(6.0);
        ui.label(RichText::new(cue).italics());
    }
    ui.add_space(10.0);
    if !scores_visible {
        ui.label(
            RichText::new("The alliance indicator is hidden until the instructor reveals it.")
                .italics()
                .color(palette.muted),
        );
        return;
    }
    ui.checkbox(show_alliance, "Show the alliance indicator");
    if *show_alliance {
        for (label, value) in [
            ("Bond", state.bond),
            ("Agreement on goals", state.goals),
            ("Agreement on tasks", state.tasks),
        ] {
            ui.label(label);
            ui.add(
                egui::ProgressBar::new(value as f32 / 100.0)
                    .fill(palette.accent)
                    .desired_width(ui.available_width()),
            );
        }
        let openness = match state.openness {
            Openness::Guarded => "guarded",
            Openness::Moderate => "moderately open",
            Openness::Open => "open",
        };
        ui.label(format!("The client seems {openness}."));
        if let Some(marker) = session.live_rupture() {
            ui.label(
                RichText::new(format!("Something shifted: {}", words(marker.as_str())))
                    .color(palette.poor),
            );
        }
    }
}

fn transcript(
    ui: &mut egui::Ui,
    session: &Session,
    scores_visible: bool,
    edge: Edge,
    palette: &Palette,
) {
    let name = &session.scenario().client.name;
    for line in session.lines() {
        match line {
            Line::Client { text, cue, .. } => {
                bubble(ui, palette.client_bubble, edge, |ui| {
                    ui.label(RichText::new(name).strong());
                    if let Some(cue) = cue {
                        ui.label(RichText::new(cue).italics().small().color(palette.muted));
                    }
                    ui.label(text);
                });
            }
            Line::Trainee { text, turn, .. } => {
                bubble(ui, palette.trainee_bubble, edge, |ui| {
                    ui.label(RichText::new("You").strong());
                    ui.label(text);
                    if let Some(t) = session.turns().get(*turn)
                        && t.epitome.is_some()
                        && scores_visible
                    {
                        ui.label(
                            RichText::new(format!(
                                "Read as {} \u{2022} empathy {} \u{2022} warmth {}",
                                words(t.intent.as_str()),
                                t.scores.empathy,
                                t.scores.warmth
                            ))
                            .small()
                            .color(palette.muted),
                        );
                    }
                });
            }
            Line::Narration {
                text,
                session: number,
                ..
            } => {
                ui.add_space(6.0);
                let heading = number.map(|n| format!("Session {n}. ")).unwrap_or_default();
                ui.label(
                    RichText::new(format!("{heading}{text}"))
                        .italics()
                        .color(palette.muted),
                );
                ui.add_space(6.0);
            }
            Line::Ending { title, .. } => {
                ui.label(RichText::new(title).strong());
            }
        }
    }
}
