//! The desktop app: Bevy for the window and the loop, egui for the screens.
//! `main.rs` calls [`run`]; this module only assembles the feature plugins.

mod assignment;
mod catalog;
mod charts;
mod debrief_ui;
mod drill_ui;
mod history;
mod idle;
mod library;
mod portrait;
mod practice;
mod presenter;
mod screens;
mod session_ui;
mod settings;
mod storage;
mod supervisor_ui;
mod theme;
mod tour;
mod widgets;

#[cfg(test)]
mod tests;

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::EguiPlugin;
use rapport::cli::{Cli, default_scenarios_dir};
use std::process::ExitCode;

/// Opens the window and runs until it closes.
pub fn run(cli: Cli) -> ExitCode {
    if let Some(problem) = missing_display() {
        eprintln!("error: {problem}");
        return ExitCode::from(rapport::cli::USAGE_ERROR);
    }
    let scenarios_dir = cli.scenarios.clone().unwrap_or_else(default_scenarios_dir);
    let scenarios_dir = match std::fs::canonicalize(&scenarios_dir) {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!(
                "error: cannot open the scenarios folder {}: {error}",
                scenarios_dir.display()
            );
            return ExitCode::from(rapport::cli::USAGE_ERROR);
        }
    };
    // The tour never touches a trainee's real records: without --data-dir it
    // works in a fresh temporary folder.
    let tour_data = match (&cli.screenshot_tour, &cli.data_dir) {
        (Some(_), None) => match tempfile::tempdir() {
            Ok(dir) => Some(dir),
            Err(error) => {
                eprintln!("error: cannot create a temporary folder for the tour: {error}");
                return ExitCode::FAILURE;
            }
        },
        _ => None,
    };
    let data_dir = cli
        .data_dir
        .clone()
        .or_else(|| tour_data.as_ref().map(|d| d.path().to_owned()));
    if let Some(dir) = &cli.screenshot_tour
        && let Err(error) = std::fs::create_dir_all(dir)
    {
        eprintln!("error: cannot create {}: {error}", dir.display());
        return ExitCode::from(rapport::cli::USAGE_ERROR);
    }
    let storage = match storage::Storage::open(data_dir) {
        Ok(storage) => storage,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let tour = cli.screenshot_tour.clone();
    let assignment = cli.assignment.clone();
    // winit panics when the display named by DISPLAY cannot be reached; catch
    // that one failure and say what to do instead of printing a backtrace.
    let exit =
        match open_window_quietly(|| build_app(storage, scenarios_dir, tour, assignment).run()) {
            Ok(exit) => exit,
            Err(problem) => {
                eprintln!(
                    "error: the window could not be opened: {problem}. Check that your display \
                 is reachable (DISPLAY={}), or run under `xvfb-run` on a headless machine.",
                    std::env::var("DISPLAY").unwrap_or_default()
                );
                return ExitCode::FAILURE;
            }
        };
    drop(tour_data);
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Assembles the app: Bevy's plugins, the window and every feature plugin.
fn build_app(
    storage: storage::Storage,
    scenarios_dir: std::path::PathBuf,
    tour: Option<std::path::PathBuf>,
    assignment: Option<std::path::PathBuf>,
) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Rapport".into(),
                    resolution: (1400u32, 900u32).into(),
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                file_path: scenarios_dir.display().to_string(),
                meta_check: AssetMetaCheck::Never,
                ..default()
            }),
    )
    .add_plugins(EguiPlugin::default())
    // Redraw only on input or when a screen asks: idle CPU stays near zero.
    .insert_resource(WinitSettings::desktop_app())
    .insert_resource(storage)
    .insert_resource(catalog::ScenariosDir(scenarios_dir))
    .add_systems(Startup, spawn_camera)
    .add_plugins((
        screens::plugin,
        idle::plugin,
        settings::plugin,
        theme::plugin,
        catalog::plugin,
        practice::plugin,
        library::plugin,
        session_ui::plugin,
        debrief_ui::plugin,
        history::plugin,
        drill_ui::plugin,
    ))
    .add_plugins((supervisor_ui::plugin, presenter::plugin, assignment::plugin))
    .insert_resource(assignment::AssignmentArg(assignment));
    if let Some(dir) = tour {
        app.add_plugins(tour::plugin(dir));
    }
    app
}

/// Runs `open`, turning winit's "Failed to build event loop" panic into an
/// error message; any other panic goes on as a panic.
fn open_window_quietly(open: impl FnOnce() -> AppExit) -> Result<AppExit, String> {
    const WINDOW_FAILURE: &str = "Failed to build event loop";
    let previous = std::sync::Arc::new(std::panic::take_hook());
    let fallback = previous.clone();
    std::panic::set_hook(Box::new(move |info| {
        let message = info.to_string();
        if !message.contains(WINDOW_FAILURE) {
            fallback(info);
        }
    }));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(open));
    let _ = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| previous(info)));
    outcome.map_err(|payload| {
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        if message.contains(WINDOW_FAILURE) {
            message
        } else {
            std::panic::resume_unwind(payload)
        }
    })
}

/// winit panics when there is no display to open a window on; say so plainly
/// instead, with what to do about it.
fn missing_display() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") || set("WAYLAND_SOCKET") {
        return None;
    }
    Some(
        "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). \
         Run Rapport from a desktop session, or under `xvfb-run` on a headless machine; \
         the subcommands (`rapport --help`) work without a display."
            .to_owned(),
    )
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}
