//! Spotting 3RS rupture markers in a real client's words, so an assessed
//! transcript scores repair only where there was a rupture to repair.
//!
//! Confrontation comes from the classifier's own client reading (complaints
//! about the counselor or the work); withdrawal markers are matched here from
//! short phrase lists, plus the shape of a minimal answer.

use crate::classify::ClientReading;
use crate::vocab::RuptureMarker;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// Phrases that mark a withdrawal, by marker.
const WITHDRAWAL: &[(RuptureMarker, &[&str])] = &[
    (
        RuptureMarker::Deferential,
        &[
            "you're the expert",
            "you are the expert",
            "you know best",
            "whatever you think",
            "whatever you say",
            "if you say so",
            "i'll do whatever you",
            "you're the professional",
            "you tell me",
        ],
    ),
    (
        RuptureMarker::TopicShift,
        &[
            "can we talk about something else",
            "can we change the subject",
            "i'd rather not talk about",
            "i don't want to talk about",
            "let's not go there",
            "anyway,",
            "never mind",
            "moving on",
        ],
    ),
    (
        RuptureMarker::Denial,
        &[
            "it doesn't bother me",
            "it's no big deal",
            "it's not a big deal",
            "i'm over it",
            "it doesn't matter",
            "i'm fine with it",
        ],
    ),
    (
        RuptureMarker::SelfCriticism,
        &[
            // Only self-criticism aimed at the work in the room: "I'm useless
            // the next day" is content to reflect, not a marker.
            "i'm a terrible client",
            "i'm wasting your time",
            "i'm no good at this",
            "i'm probably doing this wrong",
            "i'm not doing this right",
            "sorry, i'm rambling",
            "sorry for going on",
        ],
    ),
];

/// Whole answers that say next to nothing when asked something.
const MINIMAL: &[&str] = &[
    "fine",
    "ok",
    "okay",
    "sure",
    "yeah",
    "yes",
    "no",
    "dunno",
    "i don't know",
    "don't know",
    "i guess",
    "maybe",
    "whatever",
    "not really",
    "nothing",
    "i suppose",
    "mm",
    "mhm",
    "hm",
    "same as always",
    "the usual",
    "not much",
];

/// Phrases that say which kind of confrontation the complaint is.
const CONFRONTATION: &[(RuptureMarker, &[&str])] = &[
    (
        RuptureMarker::ComplaintAboutProgress,
        &[
            "not helping",
            "isn't helping",
            "isn't working",
            "not working",
            "not getting better",
            "getting nowhere",
            "going nowhere",
            "no better",
            "pointless",
            "waste of time",
        ],
    ),
    (
        RuptureMarker::ComplaintAboutActivities,
        &[
            "homework",
            "worksheet",
            "exercise",
            "breathing",
            "these questions",
            "this stuff",
        ],
    ),
    (
        RuptureMarker::ComplaintAboutParameters,
        &[
            "session time",
            "too short",
            "too long",
            "every week",
            "the fee",
            "the cost",
            "running late",
        ],
    ),
];

struct Matcher {
    automaton: AhoCorasick,
    markers: Vec<RuptureMarker>,
}

fn matcher(groups: &[(RuptureMarker, &[&str])]) -> Matcher {
    let mut patterns = Vec::new();
    let mut markers = Vec::new();
    for (marker, phrases) in groups {
        for phrase in *phrases {
            patterns.push(*phrase);
            markers.push(*marker);
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("the marker phrase lists are valid patterns");
    Matcher { automaton, markers }
}

static WITHDRAWAL_MATCHER: LazyLock<Matcher> = LazyLock::new(|| matcher(WITHDRAWAL));
static CONFRONTATION_MATCHER: LazyLock<Matcher> = LazyLock::new(|| matcher(CONFRONTATION));

/// The first marker whose phrase occurs on word boundaries in `text`.
fn first_match(matcher: &Matcher, text: &str) -> Option<RuptureMarker> {
    matcher.automaton.find_iter(text).find_map(|m| {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (boundary(before) && boundary(after)).then(|| matcher.markers[m.pattern().as_usize()])
    })
}

/// Curly apostrophes written by word processors read as straight ones.
fn normalise(text: &str) -> String {
    text.replace(['\u{2019}', '\u{2018}'], "'")
}

/// The rupture marker in a client's turn, if any.
///
/// `counselor_asked` says whether the counselor's last turn asked something:
/// "fine." answering a question is a minimal response; on its own it may just
/// be agreement.
pub fn detect(
    client: &str,
    reading: &ClientReading,
    counselor_asked: bool,
) -> Option<RuptureMarker> {
    let text = normalise(client);
    // Withdrawal phrases first: "you're the expert" mentions the counselor
    // but defers to them rather than complaining.
    if let Some(marker) = first_match(&WITHDRAWAL_MATCHER, &text) {
        return Some(marker);
    }
    if reading.complains || reading.blames_counselor {
        let specific = first_match(&CONFRONTATION_MATCHER, &text);
        return Some(match specific {
            Some(marker) if !reading.blames_counselor => marker,
            _ => RuptureMarker::ComplaintAboutTherapist,
        });
    }
    let bare: String = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (counselor_asked && MINIMAL.contains(&bare.as_str())).then_some(RuptureMarker::MinimalResponse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::read_client;

    fn marker(client: &str, asked: bool) -> Option<RuptureMarker> {
        detect(client, &read_client(client), asked)
    }

    #[test]
    fn withdrawal_markers() {
        assert_eq!(marker("Fine.", true), Some(RuptureMarker::MinimalResponse));
        assert_eq!(marker("Fine.", false), None);
        assert_eq!(
            marker("I don\u{2019}t know. You\u{2019}re the expert.", true),
            Some(RuptureMarker::Deferential)
        );
        assert_eq!(
            marker("Anyway, how was your weekend?", true),
            Some(RuptureMarker::TopicShift)
        );
    }

    #[test]
    fn ordinary_talk_is_not_a_rupture() {
        assert_eq!(
            marker(
                "My sister came over and we talked about Mum for hours.",
                true
            ),
            None
        );
        // "anyway" inside a word or without the comma is not a topic shift.
        assert_eq!(marker("I went anyway because I had promised.", true), None);
    }
}
