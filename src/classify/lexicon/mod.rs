//! The lexicons: every phrase the classifier knows, what each one is a cue
//! for, and why it matters, compiled once into a single Aho-Corasick automaton.
//!
//! Phrases are written the way people talk ("don't worry", "it sounds like")
//! in a tiny pattern language, expanded at start-up:
//!
//! * `(a|b|)` picks one alternative; an empty alternative makes the group optional;
//! * a leading `^` means the phrase must open a sentence or clause (after
//!   fillers such as "so", "ok", "well"), e.g. `^try` for an imperative;
//! * a leading `^^` means it must open the sentence itself: "But..." argues
//!   at the start of a turn, while "..., but you're not sure" reflects;
//! * a `=` (after any `^`) means the words must match as written, not just by
//!   stem: the stemmer folds "controlling" into "control" and "surely" into
//!   "sure", and "a sense of control" or "you're not sure" label no one.
//!
//! Each expanded phrase goes through the same normaliser and Snowball stemmer
//! as the text it will be matched against ([`text::phrase_stem_line`]), so one
//! entry covers "I pushed", "I was pushing", "Im pushing" and British and
//! American spellings alike.

mod feelings;
mod phrases;

pub use feelings::Family;

use super::text::{Text, phrase_stem_line};
use crate::vocab::{FrameItem, Intent};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// What a phrase is evidence of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cue {
    /// Votes directly for an intent.
    Vote(Intent),
    /// An element of the therapeutic frame (votes for `frame`).
    Frame(FrameItem),
    /// Frame talk with no item of its own (cancellations, fees, the contract).
    FrameOther,
    /// "unless", "serious harm": the limit of confidentiality, but only when
    /// confidentiality itself is being explained.
    ConfidentialityLimit,
    /// A feeling word of a family, with intensity 1 (mild) to 3 (intense).
    Feeling(Family, u8),
    /// Tentative wording: "kind of", "I wonder if", "maybe".
    Hedge,
    /// Opens a reflection: "it sounds like", "what I'm hearing", "so you".
    ReflectLead,
    /// Adds meaning: "part of you", "as if", "deep down".
    ComplexMarker,
    /// Holds two sides together: "on the one hand", "and at the same time".
    DoubleSided,
    /// Generic understanding: "I understand", "I can see that".
    Understanding,
    /// Words for how hard something is: "hard", "painful", "a lot".
    Difficulty,
    /// Frames a reaction to the client's experience: "that sounds", "it must be".
    ExperienceFrame,
    /// Asks for more in statement form: "tell me", "describe", "walk me through".
    OpenLead,
    /// Here and now in the room: "right now", "just then", "in here".
    HereAndNow,
    /// The counselor defends themself: "I was only trying to help".
    Defending,
    /// Moves the talk away: "anyway", "on a lighter note".
    TopicShift,
    /// Small talk or practical business: the weather, the heater, the wifi.
    SmallTalk,
    /// A word that labels a person or act negatively: "selfish", "lazy", "reckless".
    Label,
    /// A word that names a strength or achievement: "courage", "honesty", "achievement".
    Strength,
    /// Evaluating the work: "helpful", "useful", "the pace", "hit the mark".
    FeedbackEval,
    /// Refers to the sessions or the work together: "today", "our sessions", "the approach".
    SessionRef,
    /// Invites the client to go on: "go ahead", "take your time", "whenever you're ready".
    Encourager,
    /// A universal claim that shrinks a problem: "all parents", "every marriage", "everyone does".
    Universal,
    /// In the client's words: asking why or what something in the work is for.
    ClientWhy,
    /// In the client's words: a complaint aimed at the counselor ("you forgot", "you keep").
    ClientBlame,
    /// In the client's words: a personal question to the counselor ("are you married?").
    ClientAsksCounselor,
    /// Argues a case: "but", "come on", consequences, rhetorical questions, evidence.
    Argument,
    /// In the client's words: defending their current position ("I can handle it").
    ClientClaim,
    /// In the client's words: a reservation that hints at something harder
    /// ("physically, anyway", "I suppose").
    ClientReservation,
    /// Cheering the good side: "That's great news!", "Brilliant!".
    Cheer,
    /// In the client's words: a question about the practical arrangements.
    ClientAsksFrame,
    /// Thanks, appreciation and plain statements of care ("it matters to
    /// me"): add warmth without being a move of their own.
    Appreciation,
    /// In the client's words: a painful event (death, divorce, abuse), intensity 1-3.
    Distress(u8),
    /// In the client's words: a complaint about the counselor or the work.
    Rupture,
}

/// A named family of phrases with one cue, a strength and a reason.
#[derive(Debug)]
pub struct PhraseSet {
    /// Dotted rule name, for debugging and tests: "advice.modal".
    pub name: &'static str,
    pub cue: Cue,
    /// How strongly a match supports the cue, 0-1.
    pub weight: f32,
    /// One plain sentence a trainee can read: why this wording counts.
    pub why: &'static str,
    pub phrases: &'static [&'static str],
}

/// One phrase found in a text.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Index into [`sets`].
    pub set: usize,
    /// Token range in the text.
    pub tokens: Range<usize>,
}

impl Hit {
    pub fn set(&self) -> &'static PhraseSet {
        sets()[self.set]
    }

    pub fn cue(&self) -> Cue {
        self.set().cue
    }
}

/// Every phrase set: the readable phrase tables plus the feeling lexicon.
pub fn sets() -> &'static [&'static PhraseSet] {
    &LEXICON.sets
}

/// Where in a sentence a phrase may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Anywhere,
    /// Opens a sentence or a clause (after a comma).
    Clause,
    /// Opens the sentence (after fillers).
    Sentence,
}

/// One phrase set an automaton pattern stands for, and how it must sit.
#[derive(Debug, Clone, PartialEq)]
struct Target {
    set: usize,
    anchor: Anchor,
    /// For `=` phrases: the normalised words the match must spell exactly.
    exact: Option<Box<[String]>>,
}

struct Lexicon {
    sets: Vec<&'static PhraseSet>,
    automaton: AhoCorasick,
    /// For each automaton pattern: the phrase sets it stands for.
    targets: Vec<Vec<Target>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let sets: Vec<&'static PhraseSet> = phrases::SETS.iter().chain(feelings::SETS).collect();

    let mut index: HashMap<String, usize> = HashMap::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut targets: Vec<Vec<Target>> = Vec::new();
    for (set_index, set) in sets.iter().enumerate() {
        for phrase in set.phrases {
            let (anchored, body) = if let Some(rest) = phrase.strip_prefix("^^") {
                (Anchor::Sentence, rest)
            } else if let Some(rest) = phrase.strip_prefix('^') {
                (Anchor::Clause, rest)
            } else {
                (Anchor::Anywhere, *phrase)
            };
            let (exact, body) = match body.strip_prefix('=') {
                Some(rest) => (true, rest),
                None => (false, body),
            };
            for variant in expand(body) {
                let line = phrase_stem_line(&variant);
                if line.trim().is_empty() {
                    continue;
                }
                let target = Target {
                    set: set_index,
                    anchor: anchored,
                    exact: exact.then(|| {
                        let text = Text::new(&variant);
                        (0..text.tokens.len())
                            .filter(|&i| text.is_word(i))
                            .map(|i| text.norm(i).to_string())
                            .collect()
                    }),
                };
                let slot = *index.entry(line.clone()).or_insert_with(|| {
                    patterns.push(line);
                    targets.push(Vec::new());
                    patterns.len() - 1
                });
                if !targets[slot].contains(&target) {
                    targets[slot].push(target);
                }
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .expect("lexicon patterns are plain strings and always compile");
    Lexicon {
        sets,
        automaton,
        targets,
    }
}

/// Finds every lexicon phrase in a text (overlapping matches included, so
/// "I'm sorry I rushed you" yields both the apology and the own-part phrase).
pub fn scan(text: &Text) -> Vec<Hit> {
    let lexicon = &*LEXICON;
    let mut hits = Vec::new();
    for found in lexicon
        .automaton
        .find_overlapping_iter(text.stem_line.as_str())
    {
        // Patterns are padded with a space at each end; the words sit inside.
        let inner = found.start() + 1..found.end().saturating_sub(1);
        let tokens = text.tokens_for_stem_range(inner);
        if tokens.is_empty() {
            continue;
        }
        for target in &lexicon.targets[found.pattern().as_usize()] {
            let anchored = target.anchor;
            // An anchored phrase opens a clause, and a gerund there is a subject,
            // not an instruction ("Keeping busy is a way of...").
            let placed = match anchored {
                Anchor::Anywhere => true,
                Anchor::Clause => text.starts_clause(tokens.start),
                Anchor::Sentence => text.starts_sentence(tokens.start),
            };
            if !placed || (anchored != Anchor::Anywhere && text.norm(tokens.start).ends_with("ing"))
            {
                continue;
            }
            if let Some(words) = &target.exact {
                let mut spelled_words = tokens.clone().filter(|&i| text.is_word(i));
                let spelled = words
                    .iter()
                    .all(|word| spelled_words.next().is_some_and(|i| text.norm(i) == word))
                    && spelled_words.next().is_none();
                if !spelled {
                    continue;
                }
            }
            hits.push(Hit {
                set: target.set,
                tokens: tokens.clone(),
            });
        }
    }
    hits
}

/// Expands the `(a|b|)` groups of a pattern (groups may nest) into every
/// plain phrase it stands for.
pub fn expand(pattern: &str) -> Vec<String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut position = 0;
    let results = expand_sequence(&chars, &mut position);
    results
        .into_iter()
        .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Expands a sequence up to an unmatched `|` or `)` (left for the caller).
fn expand_sequence(chars: &[char], position: &mut usize) -> Vec<String> {
    let mut results = vec![String::new()];
    while *position < chars.len() {
        match chars[*position] {
            '|' | ')' => break,
            '(' => {
                *position += 1;
                let mut alternatives = Vec::new();
                loop {
                    alternatives.extend(expand_sequence(chars, position));
                    match chars.get(*position) {
                        Some('|') => *position += 1,
                        Some(')') => {
                            *position += 1;
                            break;
                        }
                        _ => break,
                    }
                }
                results = results
                    .iter()
                    .flat_map(|r| alternatives.iter().map(move |a| format!("{r}{a}")))
                    .collect();
            }
            c => {
                for r in &mut results {
                    r.push(c);
                }
                *position += 1;
            }
        }
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(response: &str) -> Vec<&'static str> {
        let text = Text::new(response);
        scan(&text).iter().map(|h| h.set().name).collect()
    }

    #[test]
    fn nested_groups_expand() {
        let mut got = expand("see you (soon|(on|at) (monday|the))");
        got.sort();
        assert_eq!(
            got,
            [
                "see you at monday",
                "see you at the",
                "see you on monday",
                "see you on the",
                "see you soon"
            ]
        );
    }

    #[test]
    fn groups_expand_with_optional_parts() {
        let mut got = expand("that (sounds|must be) (really |)hard");
        got.sort();
        assert_eq!(
            got,
            [
                "that must be hard",
                "that must be really hard",
                "that sounds hard",
                "that sounds really hard"
            ]
        );
    }

    #[test]
    fn the_lexicon_builds_and_matches_word_families() {
        assert!(
            cues("Dont worry, it'll be fine")
                .iter()
                .any(|n| n.starts_with("reassurance"))
        );
        assert!(
            cues("I think I was pushing you")
                .iter()
                .any(|n| n.starts_with("own_part"))
        );
        assert!(
            cues("I apologise")
                .iter()
                .any(|n| n.starts_with("own_part"))
        );
    }

    #[test]
    fn anchored_phrases_only_open_a_clause() {
        assert!(
            cues("Try to get some sleep.")
                .iter()
                .any(|n| n.starts_with("advice"))
        );
        assert!(!cues("I know you try so hard.").contains(&"advice.imperative"));
    }

    #[test]
    fn phrases_do_not_match_inside_words() {
        // "hi" must not fire inside "this" or "him".
        assert!(
            !cues("this is him")
                .iter()
                .any(|n| n.starts_with("greeting"))
        );
    }
}
