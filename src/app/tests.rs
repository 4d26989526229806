//! Headless tests of the app's systems: `MinimalPlugins`, no window, no GPU.
//! The real window is exercised by the screenshot-tour test in `tests/`.

use super::catalog::{self, Catalog, ScenarioAsset, ScenariosDir};
use super::idle::drop_unchanged_modifier_events;
use super::settings::{self, Settings, TextSize, Theme};
use super::storage::Storage;
use bevy::asset::AssetPlugin;
use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiInput, egui};
use std::path::Path;

fn storage_in(dir: &Path) -> Storage {
    Storage::open(Some(dir.to_owned())).expect("a temporary data folder opens")
}

#[test]
fn the_catalog_loads_every_bundled_scenario_and_reports_broken_ones() {
    let scenarios = tempfile::tempdir().expect("temp dir");
    let bundled = rapport::cli::default_scenarios_dir();
    for name in ["quiet-tuesday.ron", "wendy-divorce.ron"] {
        std::fs::copy(bundled.join(name), scenarios.path().join(name)).expect("copy");
    }
    std::fs::write(scenarios.path().join("broken.ron"), "(id: \"x\", nodes: [").expect("write");
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        AssetPlugin {
            file_path: scenarios.path().display().to_string(),
            ..default()
        },
    ))
    .insert_resource(ScenariosDir(scenarios.path().to_owned()))
    .add_plugins(catalog::plugin);
    for _ in 0..500 {
        app.update();
        let done = {
            let catalog = app.world().resource::<Catalog>();
            let assets = app.world().resource::<Assets<ScenarioAsset>>();
            !catalog.handles.is_empty() && catalog.all_loaded(assets)
        };
        if done {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let catalog = app.world().resource::<Catalog>();
    let assets = app.world().resource::<Assets<ScenarioAsset>>();
    let entries: Vec<_> = catalog.entries(assets).collect();
    assert_eq!(
        entries.len(),
        3,
        "every file becomes an asset, broken or not"
    );
    let broken: Vec<_> = entries.iter().filter(|l| l.scenario.is_none()).collect();
    assert_eq!(broken.len(), 1);
    assert!(
        !broken[0].diagnostics.is_empty(),
        "a broken file carries its diagnostics"
    );
    assert!(catalog.generation > 0, "asset events bump the generation");
}

#[test]
fn settings_persist_when_changed_and_a_corrupt_file_falls_back_to_defaults() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .insert_resource(storage_in(data.path()))
        .add_plugins(settings::plugin);
    app.update();
    {
        let mut settings = app.world_mut().resource_mut::<Settings>();
        settings.text_size = TextSize::Projector;
        settings.theme = Theme::HighContrast;
    }
    app.update();
    let written = std::fs::read_to_string(data.path().join("settings.ron")).expect("saved");
    assert!(written.contains("Projector"), "{written}");

    // A second app reads them back.
    let mut again = App::new();
    again
        .add_plugins(MinimalPlugins)
        .insert_resource(storage_in(data.path()))
        .add_plugins(settings::plugin);
    again.update();
    assert_eq!(
        again.world().resource::<Settings>().text_size,
        TextSize::Projector
    );

    // A corrupt file is reported, not fatal.
    std::fs::write(data.path().join("settings.ron"), "not ron at all {").expect("write");
    let mut corrupt = App::new();
    corrupt
        .add_plugins(MinimalPlugins)
        .insert_resource(storage_in(data.path()))
        .add_plugins(settings::plugin);
    corrupt.update();
    assert_eq!(
        corrupt.world().resource::<Settings>().text_size,
        Settings::default().text_size
    );
    assert!(
        corrupt
            .world()
            .resource::<settings::SettingsProblem>()
            .0
            .is_some()
    );
}

#[test]
fn unchanged_modifier_events_are_dropped_so_the_app_can_sleep() {
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_systems(Update, drop_unchanged_modifier_events);
    let mut input = EguiInput::default();
    let unchanged = egui::Modifiers::NONE;
    let changed = egui::Modifiers::SHIFT;
    input
        .0
        .events
        .push(egui::Event::ModifiersChanged(unchanged));
    input.0.events.push(egui::Event::ModifiersChanged(changed));
    input.0.events.push(egui::Event::Text("a".into()));
    let entity = app.world_mut().spawn((EguiContext::default(), input)).id();
    app.update();
    let events = &app
        .world()
        .get::<EguiInput>(entity)
        .expect("input")
        .0
        .events;
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(matches!(events[0], egui::Event::ModifiersChanged(m) if m == changed));
    assert!(matches!(events[1], egui::Event::Text(_)));
}

#[test]
fn the_records_view_reads_a_folder_in_the_background_and_lists_bad_files() {
    use super::supervisor_ui::RecordsView;
    use rapport::records::AttemptRecord;
    use rapport::session::{Strategy, play_auto};
    let folder = tempfile::tempdir().expect("temp dir");
    let path = rapport::cli::default_scenarios_dir().join("quiet-tuesday.ron");
    let scenario = rapport::scenario::load_file(&path)
        .scenario
        .expect("the bundled scenario loads");
    let session = play_auto(std::sync::Arc::new(scenario), 3, Strategy::Best).expect("plays");
    AttemptRecord::from_session(&session, "sam", chrono::Utc::now())
        .save(folder.path())
        .expect("saved");
    std::fs::write(folder.path().join("half.ron"), "(schema: 1, id: \"x\"").expect("write");
    let mut view = RecordsView::default();
    view.open_and_wait(folder.path().to_owned());
    let loaded = view.loaded.as_ref().expect("the folder was read");
    assert_eq!(loaded.set.records.len(), 1);
    assert_eq!(loaded.set.skipped.len(), 1, "the broken file is listed");
    assert_eq!(view.newest(), Some(0));

    // A missing folder is an error on screen, not a crash.
    view.open_and_wait(folder.path().join("nope"));
    assert!(view.loaded.is_none());
    assert!(view.error.is_some());
}
