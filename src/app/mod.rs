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
    .insert_resource(assignment::AssignmentArg(cli.assignment.clone()));
    if let Some(dir) = tour {
        app.add_plugins(tour::plugin(dir));
    }
    let exit = app.run();
    drop(tour_data);
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
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
