//! Features of a response read in its context: lexicon hits, the feelings it
//! names (and whether the client named them first), the client's words it
//! echoes, and the form of each sentence (question, open or closed).

use super::lexicon::{self, Cue, Family, Hit};
use super::text::Text;
use std::ops::Range;

/// Open questions invite a story; closed ones ask for yes/no or a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    Open,
    Closed,
}

/// A feeling word in the response.
#[derive(Debug, Clone)]
pub struct FeelingMention {
    pub tokens: Range<usize>,
    pub family: Family,
    /// "not angry", "don't worry": negated feelings are not named feelings.
    pub negated: bool,
    /// The client named a feeling of the same family.
    pub from_client: bool,
}

/// What one sentence of the response does, in form.
#[derive(Debug, Clone)]
pub struct SentenceFeatures {
    /// Word-token range (no final stop).
    pub words: Range<usize>,
    pub question: Option<QuestionKind>,
    /// Questions in statement word order ("You're tired?"): may be reflections.
    pub rising: bool,
    /// "How awful." "What a shock."
    pub exclamation: bool,
    /// "you", "your", "yourself" appear.
    pub addresses_client: bool,
    /// The sentence is about the counselor ("I think...", "My...").
    pub about_self: bool,
    /// Content tokens that echo the client's content words.
    pub echoes: Vec<usize>,
    /// Number of content tokens.
    pub content: usize,
    /// Indices into [`Analysis::hits`].
    pub hits: Vec<usize>,
}

/// The client's last utterance, as context.
#[derive(Debug, Clone, Default)]
pub struct ClientContext<'c> {
    /// Sorted, deduplicated stems of the client's content words.
    pub stems: Vec<&'c str>,
    /// Feeling families the client named (not negated).
    pub families: Vec<Family>,
    /// 0 none, 1 mild, 2 a real difficulty, 3 a painful disclosure.
    pub distress: u8,
    /// The client is complaining about the counselor or the work (a 3RS marker).
    pub rupture: bool,
    /// The client's complaint is aimed at something the counselor did.
    pub blames_counselor: bool,
    /// The client asked a question.
    pub asked_question: bool,
    /// The client asked why, or what something in the work is for.
    pub asked_why: bool,
    /// The client asked the counselor something personal.
    pub asked_counselor: bool,
    /// The client asked about the practical arrangements (the frame).
    pub asked_frame: bool,
    /// The client is defending their current position (sustain talk).
    pub sustain_talk: bool,
    /// The client qualified what they said ("fine, physically anyway").
    pub reservation: bool,
    pub word_count: usize,
}

impl ClientContext<'_> {
    /// The client has just said something painful: a roadblock hurts most here.
    pub fn is_painful(&self) -> bool {
        self.distress >= 2
    }

    fn knows_stem(&self, stem: &str) -> bool {
        self.stems.binary_search(&stem).is_ok()
    }
}

/// Everything the decision rules and scores read.
#[derive(Debug, Clone)]
pub struct Analysis<'r, 'c> {
    pub response: &'r Text<'r>,
    pub hits: Vec<Hit>,
    pub feelings: Vec<FeelingMention>,
    pub sentences: Vec<SentenceFeatures>,
    pub client: ClientContext<'c>,
}

impl Analysis<'_, '_> {
    /// Hits of a sentence with the given cue.
    pub fn sentence_hits<'s>(
        &'s self,
        sentence: &'s SentenceFeatures,
    ) -> impl Iterator<Item = &'s Hit> + 's {
        sentence.hits.iter().map(|&i| &self.hits[i])
    }

    pub fn sentence_has(&self, sentence: &SentenceFeatures, want: impl Fn(Cue) -> bool) -> bool {
        self.sentence_hits(sentence).any(|h| want(h.cue()))
    }

    pub fn has(&self, want: impl Fn(Cue) -> bool) -> bool {
        self.hits.iter().any(|h| want(h.cue()))
    }

    /// Feelings in a token range that are really named (not negated).
    pub fn named_feelings(&self, range: Range<usize>) -> impl Iterator<Item = &FeelingMention> {
        self.feelings.iter().filter(move |f| {
            !f.negated && f.tokens.start >= range.start && f.tokens.end <= range.end
        })
    }

    /// Total distinct echoed content stems across the response.
    pub fn echo_count(&self) -> usize {
        let mut stems: Vec<&str> = self
            .sentences
            .iter()
            .flat_map(|s| s.echoes.iter().map(|&t| self.response.stem(t)))
            .collect();
        stems.sort_unstable();
        stems.dedup();
        stems.len()
    }
}

/// Reads the client's utterance for context.
pub fn client_context<'c>(client: &'c Text<'c>) -> ClientContext<'c> {
    let hits = lexicon::scan(client);
    let mut context = ClientContext {
        word_count: client.word_count(),
        ..ClientContext::default()
    };
    for hit in &hits {
        match hit.cue() {
            Cue::Feeling(family, intensity) => {
                if is_negated(client, hit.tokens.start) {
                    continue;
                }
                if !context.families.contains(&family) {
                    context.families.push(family);
                }
                if family.is_painful() {
                    // A named painful feeling counts one step less than an event,
                    // except an intense one ("devastated", "terrified").
                    let weight = if intensity >= 3 { 3 } else { intensity.min(2) };
                    context.distress = context.distress.max(weight);
                }
            }
            Cue::Distress(level) => context.distress = context.distress.max(level),
            Cue::Rupture => context.rupture = true,
            Cue::ClientBlame => context.blames_counselor = true,
            Cue::ClientWhy => context.asked_why = true,
            Cue::ClientAsksCounselor => context.asked_counselor = true,
            Cue::ClientAsksFrame => context.asked_frame = true,
            Cue::ClientClaim => context.sustain_talk = true,
            Cue::ClientReservation => context.reservation = true,
            _ => {}
        }
    }
    context.asked_question = client.sentences.iter().any(|sentence| {
        let words = sentence.words();
        question_form(client, sentence.lead, &words, sentence.is_question_marked())
            .0
            .is_some()
    });
    context.stems = (0..client.tokens.len())
        .filter(|&i| client.is_content(i))
        .map(|i| client.stem(i))
        .collect();
    context.stems.sort_unstable();
    context.stems.dedup();
    context
}

/// Analyses a response against its client context.
pub fn analyze<'r, 'c>(response: &'r Text<'r>, client: ClientContext<'c>) -> Analysis<'r, 'c> {
    let hits = lexicon::scan(response);
    let feelings = feelings(response, &hits, &client);
    let sentences = response
        .sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let words = sentence.words();
            let sentence_hits: Vec<usize> = hits
                .iter()
                .enumerate()
                .filter(|(_, h)| response.tokens[h.tokens.start].sentence == index)
                .map(|(i, _)| i)
                .collect();
            let mut echoes = Vec::new();
            let mut content = 0;
            for i in words.clone() {
                if response.is_content(i) {
                    content += 1;
                    if client.knows_stem(response.stem(i)) {
                        echoes.push(i);
                    }
                }
            }
            let (question, rising, exclamation) = question_form(
                response,
                sentence.lead,
                &words,
                sentence.is_question_marked(),
            );
            SentenceFeatures {
                addresses_client: words
                    .clone()
                    .any(|i| matches!(response.norm(i), "you" | "your" | "yourself" | "yours")),
                about_self: words
                    .clone()
                    .nth(sentence.lead - words.start)
                    .is_some_and(|i| matches!(response.norm(i), "i" | "my" | "me" | "myself")),
                words,
                question,
                rising,
                exclamation,
                echoes,
                content,
                hits: sentence_hits,
            }
        })
        .collect();
    Analysis {
        response,
        hits,
        feelings,
        sentences,
        client,
    }
}

/// The feeling words of the response, longest match first, without overlaps.
fn feelings(response: &Text, hits: &[Hit], client: &ClientContext) -> Vec<FeelingMention> {
    let mut found: Vec<FeelingMention> = hits
        .iter()
        .filter_map(|hit| match hit.cue() {
            Cue::Feeling(family, _) => Some(FeelingMention {
                tokens: hit.tokens.clone(),
                family,
                negated: is_negated(response, hit.tokens.start),
                from_client: client.families.contains(&family),
            }),
            _ => None,
        })
        .collect();
    found.sort_by(|a, b| {
        a.tokens
            .start
            .cmp(&b.tokens.start)
            .then(b.tokens.len().cmp(&a.tokens.len()))
    });
    let mut kept: Vec<FeelingMention> = Vec::with_capacity(found.len());
    for mention in found {
        if kept
            .iter()
            .any(|k| k.tokens.start < mention.tokens.end && mention.tokens.start < k.tokens.end)
        {
            continue;
        }
        kept.push(mention);
    }
    kept
}

/// "not sad", "never angry", "don't worry", "without fear": a negation within
/// two words before the feeling.
fn is_negated(text: &Text, start: usize) -> bool {
    let sentence = text.tokens[start].sentence;
    (start.saturating_sub(2)..start).any(|i| {
        text.tokens[i].sentence == sentence
            && matches!(text.norm(i), "not" | "no" | "never" | "without" | "nothing")
    })
}

const AUXILIARIES: &[&str] = &[
    "do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "will", "have",
    "has", "had", "should", "shall", "am", "may", "might", "must",
];

/// Words that open a question about facts rather than experience.
const CLOSED_WH: &[&str] = &["when", "where", "who", "whom", "whose", "which"];

/// After "how", these ask for a number or a fact: "how old", "how many".
const HOW_FACT: &[&str] = &[
    "old",
    "many",
    "much",
    "long",
    "often",
    "far",
    "tall",
    "big",
    "late",
    "early",
    "soon",
    "frequently",
    "old",
    "come",
];

/// After "what", these ask for a fact: "what time", "what day".
const WHAT_FACT: &[&str] = &[
    "time",
    "day",
    "age",
    "year",
    "date",
    "colour",
    "color",
    "number",
    "street",
    "size",
    "school",
    "job",
    "medication",
    "dose",
    "name",
];

/// Verbs that turn a yes/no form into an invitation: "Can you tell me...".
const INVITING_VERBS: &[&str] = &[
    "tell",
    "say",
    "describe",
    "explain",
    "talk",
    "share",
    "walk",
    "expand",
    "elaborate",
    "put",
];

/// Adjectives that make "how ..." an exclamation, not a question.
const EXCLAIMED: &[&str] = &[
    "awful",
    "terrible",
    "painful",
    "hard",
    "sad",
    "horrible",
    "frightening",
    "scary",
    "difficult",
    "upsetting",
    "distressing",
    "heartbreaking",
    "dreadful",
    "lonely",
    "exhausting",
    "devastating",
    "lovely",
    "wonderful",
    "great",
    "nice",
    "brilliant",
    "amazing",
    "strange",
    "confusing",
    "frustrating",
    "annoying",
    "exciting",
    "cruel",
    "unfair",
    "sweet",
    "kind",
];

/// Reads a sentence's form: (question kind, statement-order question, exclamation).
fn question_form(
    text: &Text,
    lead: usize,
    words: &Range<usize>,
    marked: bool,
) -> (Option<QuestionKind>, bool, bool) {
    if words.is_empty() || lead >= words.end {
        return (marked.then_some(QuestionKind::Closed), marked, false);
    }
    let first = text.norm(lead);
    // "When you say that, what's it like for you?" "If you could change one
    // thing, what would it be?": the question opens after the leading clause.
    if marked
        && matches!(
            first,
            "when" | "if" | "after" | "since" | "before" | "while"
        )
    {
        let main = (lead + 1..words.end).find(|&i| {
            text.tokens[i].clause_start
                && (matches!(text.norm(i), "what" | "how" | "why")
                    || AUXILIARIES.contains(&text.norm(i)))
        });
        if let Some(main) = main {
            return question_form(text, main, &(main..words.end), marked);
        }
    }
    let second = if lead + 1 < words.end {
        text.norm(lead + 1)
    } else {
        ""
    };
    let length = words.end - lead;
    let inviting = words
        .clone()
        .any(|i| INVITING_VERBS.contains(&text.norm(i)))
        && words
            .clone()
            .any(|i| text.norm(i) == "you" || text.norm(i) == "me");

    if (first == "how" && EXCLAIMED.contains(&second) && length <= 5)
        || (first == "what" && second == "a" && !marked)
    {
        return (None, false, true);
    }
    if !marked {
        // Without a question mark, only a clear question shape counts: "what
        // happened", "do you" (not "what you said", not "don't worry").
        // "when it all gets too much, ..." and "what you said" are clauses.
        let pronoun_next = is_subject_like(second) && second != "not";
        let wh = matches!(first, "what" | "why" | "how");
        let unmarked_question = (wh && !pronoun_next && !second.is_empty())
            || (AUXILIARIES.contains(&first)
                && pronoun_next
                && !matches!(second, "a" | "an" | "the"));
        // "What happens is, ..." "What I noticed was that...": a pseudo-cleft
        // statement, not a question.
        let cleft = first == "what"
            && (lead + 2..(lead + 5).min(words.end)).any(|i| {
                matches!(text.norm(i), "is" | "was")
                    && i + 1 < words.end
                    && (text.tokens[i + 1].clause_start
                        || !text.is_word(i + 1)
                        || matches!(
                            text.norm(i + 1),
                            "that" | "when" | "your" | "the" | "you" | "we" | "people" | "our"
                        ))
            });
        if !unmarked_question || cleft {
            return (None, false, false);
        }
    }
    let kind = match first {
        "what" if WHAT_FACT.contains(&second) => Some(QuestionKind::Closed),
        "what" | "why" => Some(QuestionKind::Open),
        "how" if second == "come" => Some(QuestionKind::Open),
        "how" if HOW_FACT.contains(&second) => Some(QuestionKind::Closed),
        "how" => Some(QuestionKind::Open),
        "tell" | "describe" | "explain" if marked => Some(QuestionKind::Open),
        wh if CLOSED_WH.contains(&wh) => Some(QuestionKind::Closed),
        aux if AUXILIARIES.contains(&aux) && is_subject_like(second) => {
            if inviting {
                Some(QuestionKind::Open)
            } else {
                Some(QuestionKind::Closed)
            }
        }
        _ => None,
    };
    match kind {
        Some(kind) => (Some(kind), false, false),
        None if marked => {
            // Statement word order with a question mark: "You felt alone?" or
            // "And then what?" (a trailing wh-word opens it up).
            let open = words.clone().skip(1).any(|i| {
                let next = if i + 1 < words.end {
                    text.norm(i + 1)
                } else {
                    ""
                };
                match text.norm(i) {
                    "what" => !WHAT_FACT.contains(&next),
                    "how" => !HOW_FACT.contains(&next),
                    "why" => true,
                    _ => false,
                }
            });
            let kind = if open {
                QuestionKind::Open
            } else {
                QuestionKind::Closed
            };
            (Some(kind), !open, false)
        }
        None => (None, false, false),
    }
}

/// Words that can follow an auxiliary in an inverted question: "are *you*", "is *it*".
fn is_subject_like(word: &str) -> bool {
    matches!(
        word,
        "you"
            | "i"
            | "we"
            | "he"
            | "she"
            | "it"
            | "they"
            | "there"
            | "that"
            | "this"
            | "your"
            | "the"
            | "anyone"
            | "anything"
            | "someone"
            | "something"
            | "not"
            | "any"
            | "people"
            | "everyone"
            | "things"
            | "he's"
            | "my"
            | "his"
            | "her"
            | "their"
            | "our"
            | "a"
            | "an"
            | "these"
            | "those"
    )
}
