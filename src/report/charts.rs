//! Inline SVG charts drawn from numbers alone, so the report needs no script
//! and no network.

use super::stats::Histogram;
use std::fmt::Write as _;

const WIDTH: usize = 320;
const HEIGHT: usize = 120;
const AXIS: usize = 16;

/// A ten-bar histogram of a 0-100 score, with a count on hover.
pub fn histogram_svg(histogram: &Histogram, label: &str) -> String {
    let tallest = histogram.bins.iter().copied().max().unwrap_or(0).max(1);
    let bar_width = WIDTH / histogram.bins.len();
    let plot_height = HEIGHT - AXIS;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="histogram" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{}">"#,
        super::html::escape(&format!("Distribution of {label}"))
    );
    for (index, &count) in histogram.bins.iter().enumerate() {
        let height = count * plot_height / tallest;
        let x = index * bar_width;
        let low = index * 10;
        let high = if index == 9 { 100 } else { low + 9 };
        let _ = write!(
            svg,
            r#"<rect x="{}" y="{}" width="{}" height="{height}"><title>{low}-{high}: {count}</title></rect>"#,
            x + 1,
            plot_height - height,
            bar_width - 2,
        );
    }
    for (value, anchor) in [(0, "start"), (50, "middle"), (100, "end")] {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="{anchor}">{value}</text>"#,
            value * WIDTH / 100,
            HEIGHT - 3
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A horizontal bar for a mean rating on the 1-5 scale.
pub fn rating_bar(mean: f64) -> String {
    let width = ((mean - 1.0).max(0.0) / 4.0 * 200.0).round() as usize;
    format!(
        r#"<svg class="rating" viewBox="0 0 200 12" width="200" height="12" aria-hidden="true"><rect class="track" width="200" height="12"></rect><rect width="{width}" height="12"></rect></svg>"#
    )
}
