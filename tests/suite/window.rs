//! The real window: runs the built app's screenshot tour under Xvfb with
//! Mesa's software Vulkan and checks every PNG is a real picture of a screen.
//! winit wants the main thread, so the app runs as a child process.

use super::util::{rapport_bin, root};
use std::path::Path;
use std::process::Command;

const SCREENS: [&str; 9] = [
    "01-library.png",
    "02-briefing.png",
    "03-session.png",
    "04-debrief.png",
    "05-history.png",
    "06-settings.png",
    "07-session-projector.png",
    "08-drill.png",
    "09-records.png",
];

/// Width, height and the RGBA pixels of a PNG.
fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder
        .read_info()
        .unwrap_or_else(|e| panic!("{} is not a PNG: {e}", path.display()));
    let mut pixels = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader
        .next_frame(&mut pixels)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// How many distinct colours a picture uses (sampled), and the share of the
/// most common one: a blank or one-colour frame fails both.
fn colour_spread(pixels: &[u8]) -> (usize, f64) {
    let mut counts = std::collections::HashMap::new();
    let samples = pixels.chunks_exact(4).step_by(7);
    let total = samples.clone().count().max(1);
    for px in samples {
        *counts.entry([px[0], px[1], px[2]]).or_insert(0usize) += 1;
    }
    let most = counts.values().copied().max().unwrap_or(0);
    (counts.len(), most as f64 / total as f64)
}

#[test]
fn the_screenshot_tour_draws_every_screen_in_a_real_window() {
    let out = tempfile::tempdir().expect("a temporary folder");
    let data = tempfile::tempdir().expect("a temporary data folder");
    let status = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1600x900x24"])
        .arg(rapport_bin())
        .arg("--screenshot-tour")
        .arg(out.path())
        .arg("--data-dir")
        .arg(data.path())
        .current_dir(root())
        .env("WGPU_BACKEND", "vulkan")
        .env("RUST_LOG", "error")
        .status()
        .expect("xvfb-run is installed (apt-get install xvfb mesa-vulkan-drivers)");
    assert!(status.success(), "the tour exited with {status}");
    for name in SCREENS {
        let (width, height, pixels) = decode(&out.path().join(name));
        if name.contains("projector") {
            // Presenter mode goes full screen: the Xvfb screen is 1600x900.
            assert!(width >= 1400 && height >= 900, "{name} is {width}x{height}");
        } else {
            assert_eq!((width, height), (1400, 900), "{name} has the window's size");
        }
        let (colours, most_common) = colour_spread(&pixels);
        assert!(colours > 40, "{name} uses only {colours} colours: blank?");
        assert!(
            // A calm screen is mostly background; a blank one is all of it.
            most_common < 0.995,
            "{name} is {:.0}% one colour",
            most_common * 100.0
        );
    }
    // The tour saved a real attempt in the data folder it was given.
    let attempts = std::fs::read_dir(data.path().join("attempts"))
        .expect("the attempts folder exists")
        .count();
    assert!(attempts >= 1, "the tour's attempt was saved");
}
