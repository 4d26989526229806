//! The scenario library as Bevy assets: a RON asset loader that never fails
//! (a broken file becomes an asset carrying its diagnostics), and the catalog
//! the library screen lists. With the `dev` feature, edits reload live.

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;
use rapport::scenario::{Loaded, load_bytes, ron_files_in};
use std::path::PathBuf;

/// The folder scenarios are read from (the asset root).
#[derive(Resource, Debug, Clone)]
pub struct ScenariosDir(pub PathBuf);

/// One scenario file as loaded: the scenario, or its diagnostics.
#[derive(Asset, TypePath, Debug, Clone)]
pub struct ScenarioAsset(pub Loaded);

/// Reads `.ron` scenario files.
#[derive(Default, TypePath)]
pub struct ScenarioLoader;

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioAsset;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        context: &mut LoadContext<'_>,
    ) -> Result<ScenarioAsset, std::io::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        // Validation problems travel inside the asset so the library can show
        // them; only an unreadable file is a loader error.
        Ok(ScenarioAsset(load_bytes(
            &bytes,
            context.path().path().to_owned(),
        )))
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}

/// Handles to every scenario file, in file-name order.
#[derive(Resource, Default)]
pub struct Catalog {
    pub handles: Vec<Handle<ScenarioAsset>>,
    /// Bumped whenever any scenario (re)loads, so screens can refresh.
    pub generation: u64,
}

impl Catalog {
    /// Every loaded file, in order.
    pub fn entries<'a>(
        &'a self,
        assets: &'a Assets<ScenarioAsset>,
    ) -> impl Iterator<Item = &'a Loaded> + 'a {
        self.handles
            .iter()
            .filter_map(|h| assets.get(h))
            .map(|a| &a.0)
    }

    /// Whether every file has finished loading.
    pub fn all_loaded(&self, assets: &Assets<ScenarioAsset>) -> bool {
        self.handles.iter().all(|h| assets.get(h).is_some())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<ScenarioAsset>()
        .register_asset_loader(ScenarioLoader)
        .init_resource::<Catalog>()
        .add_systems(Startup, load_scenarios)
        .add_systems(Update, note_scenario_changes);
}

fn load_scenarios(dir: Res<ScenariosDir>, server: Res<AssetServer>, mut catalog: ResMut<Catalog>) {
    let files = ron_files_in(&dir.0).unwrap_or_default();
    catalog.handles = files
        .iter()
        .filter_map(|path| {
            path.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        })
        .map(|name| server.load(name))
        .collect();
}

fn note_scenario_changes(
    mut events: MessageReader<AssetEvent<ScenarioAsset>>,
    mut catalog: ResMut<Catalog>,
) {
    if events.read().count() > 0 {
        catalog.generation += 1;
    }
}
