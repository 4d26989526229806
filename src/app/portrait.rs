//! The client's portrait, drawn with egui shapes so no image files are needed.
//! The expression follows the client's emotion and openness.

use bevy_egui::egui::{self, Color32, Pos2, Stroke, Ui, Vec2, pos2, vec2};
use rapport::vocab::{Emotion, Openness};

/// Skin, hair and clothing colours picked from the portrait key.
fn palette_for(key: &str) -> (Color32, Color32, Color32) {
    let skins = [
        Color32::from_rgb(241, 204, 176),
        Color32::from_rgb(224, 172, 128),
        Color32::from_rgb(189, 134, 92),
        Color32::from_rgb(141, 94, 62),
        Color32::from_rgb(98, 64, 44),
    ];
    let hairs = [
        Color32::from_rgb(40, 30, 25),
        Color32::from_rgb(110, 70, 40),
        Color32::from_rgb(200, 170, 110),
        Color32::from_rgb(150, 150, 150),
        Color32::from_rgb(230, 230, 225),
    ];
    let tops = [
        Color32::from_rgb(70, 100, 140),
        Color32::from_rgb(120, 70, 90),
        Color32::from_rgb(80, 120, 90),
        Color32::from_rgb(150, 110, 60),
        Color32::from_rgb(90, 90, 110),
    ];
    let hash = key
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    (
        skins[(hash % 5) as usize],
        hairs[((hash / 5) % 5) as usize],
        tops[((hash / 25) % 5) as usize],
    )
}

/// Draws the portrait in a square of `size` points.
pub fn draw(ui: &mut Ui, key: &str, emotion: Emotion, openness: Openness, size: f32) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(size), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let (skin, hair, top) = palette_for(key);
    let s = size / 100.0;
    let at = |x: f32, y: f32| -> Pos2 { rect.min + vec2(x * s, y * s) };
    painter.rect_filled(rect, 10.0 * s, ui.visuals().faint_bg_color);
    // Shoulders: more closed (hunched, narrower) when guarded.
    let shoulder = if openness == Openness::Guarded {
        30.0
    } else {
        36.0
    };
    painter.add(egui::Shape::convex_polygon(
        vec![
            at(50.0 - shoulder, 100.0),
            at(50.0 - shoulder + 8.0, 78.0),
            at(50.0 + shoulder - 8.0, 78.0),
            at(50.0 + shoulder, 100.0),
        ],
        top,
        Stroke::NONE,
    ));
    painter.rect_filled(
        egui::Rect::from_min_max(at(45.0, 64.0), at(55.0, 80.0)),
        0.0,
        skin,
    );
    painter.circle_filled(at(50.0, 42.0), 24.0 * s, hair);
    painter.circle_filled(at(50.0, 46.0), 21.0 * s, skin);
    painter.add(egui::Shape::convex_polygon(
        vec![
            at(29.0, 40.0),
            at(36.0, 24.0),
            at(64.0, 24.0),
            at(71.0, 40.0),
            at(60.0, 31.0),
            at(40.0, 31.0),
        ],
        hair,
        Stroke::NONE,
    ));
    let ink = Color32::from_rgb(40, 30, 30);
    let line = Stroke::new(2.2 * s, ink);
    // Eyes look down when the client avoids contact.
    let eye_y = match emotion {
        Emotion::Ashamed | Emotion::Sad | Emotion::Flat | Emotion::Guarded => 48.0,
        _ => 45.5,
    };
    for x in [41.0, 59.0] {
        painter.circle_filled(at(x, eye_y), 2.1 * s, ink);
    }
    // Brows: raised inner ends for sadness and worry, lowered for anger.
    let (inner, outer) = match emotion {
        Emotion::Sad
        | Emotion::Tearful
        | Emotion::Anxious
        | Emotion::Ashamed
        | Emotion::Confused => (36.5, 39.5),
        Emotion::Angry | Emotion::Irritated => (40.5, 36.5),
        Emotion::Hopeful | Emotion::Relieved | Emotion::Warm | Emotion::Amused => (37.0, 37.0),
        _ => (38.5, 38.5),
    };
    painter.line_segment([at(35.0, outer), at(45.0, inner)], line);
    painter.line_segment([at(55.0, inner), at(65.0, outer)], line);
    // Mouth: a curve whose bend follows the emotion.
    let bend = match emotion {
        Emotion::Warm | Emotion::Amused | Emotion::Relieved => 4.5,
        Emotion::Hopeful => 2.5,
        Emotion::Neutral | Emotion::Confused => 0.5,
        Emotion::Flat | Emotion::Guarded => 0.0,
        Emotion::Anxious | Emotion::Irritated | Emotion::Ashamed => -1.8,
        Emotion::Sad | Emotion::Tearful | Emotion::Angry => -3.5,
    };
    let points: Vec<Pos2> = (0..=10)
        .map(|i| {
            let t = i as f32 / 10.0;
            let x = 42.0 + 16.0 * t;
            let y = 58.0 + bend * (1.0 - (2.0 * t - 1.0).powi(2));
            at(x, y)
        })
        .collect();
    painter.add(egui::Shape::line(points, line));
    if emotion == Emotion::Tearful {
        let tear = Color32::from_rgb(120, 170, 230);
        painter.circle_filled(at(40.0, 53.0), 1.8 * s, tear);
        painter.circle_filled(at(60.5, 55.0), 1.6 * s, tear);
    }
    if emotion == Emotion::Anxious {
        painter.circle_filled(at(68.0, 38.0), 1.5 * s, Color32::from_rgb(120, 170, 230));
    }
    let _ = pos2;
}
