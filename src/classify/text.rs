//! Tokenising, normalising and stemming: turns raw typed text into tokens that
//! the lexicons can match whatever the spelling, case or punctuation.
//!
//! Trainees type fast: lower case, no apostrophes ("dont", "im"), British or
//! American spelling, texting shorthand ("u", "ur"), stretched words ("sooo").
//! Every token keeps the byte range of the original text it came from, so a
//! match found in the normalised text can be highlighted in the response.
//!
//! Matching happens on a "stem line": the Snowball (English) stems of the
//! tokens joined by single spaces and padded with a space at each end, so a
//! lexicon phrase like "I pushed you" also finds "I was pushing" families and
//! word boundaries come for free (patterns are padded the same way).

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// What a token is: a word, or one of the stops that end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// `.`, `?` or `!` (also `;` and `…`, which end a clause as firmly as a full stop).
    Stop(char),
}

/// One normalised token and where it came from.
#[derive(Debug, Clone)]
pub struct Token {
    pub kind: TokenKind,
    /// Normalised spelling, a range into [`Text::words`].
    norm: Range<u32>,
    /// Snowball stem, a range into [`Text::stem_line`].
    stem: Range<u32>,
    /// Byte range in the original text (always on char boundaries).
    pub orig: Range<usize>,
    /// A comma, colon or dash came right before this token: a clause starts here.
    pub clause_start: bool,
    /// A content word (see [`Text::is_content`]), worked out once.
    content: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
}

/// A sentence: a run of tokens ended by a stop (or by the end of the text).
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Token range, including the final stop token if there is one.
    pub tokens: Range<usize>,
    /// The stop that ended it, if any.
    pub stop: Option<char>,
    /// First token after leading discourse markers ("so", "ok", "well", "um").
    pub lead: usize,
}

impl Sentence {
    /// Word tokens only (the range without a trailing stop).
    pub fn words(&self) -> Range<usize> {
        let end = if self.stop.is_some() {
            self.tokens.end - 1
        } else {
            self.tokens.end
        };
        self.tokens.start..end
    }

    pub fn is_question_marked(&self) -> bool {
        self.stop == Some('?')
    }
}

/// A text split into tokens and sentences, with its stem line ready for matching.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub original: &'a str,
    words: String,
    /// Stems joined by single spaces, padded with one space at each end.
    pub stem_line: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

impl<'a> Text<'a> {
    /// Tokenises, normalises and stems `original`.
    pub fn new(original: &'a str) -> Self {
        let mut text = Text {
            original,
            words: String::with_capacity(original.len() + 16),
            stem_line: String::with_capacity(original.len() + 16),
            tokens: Vec::with_capacity(original.len() / 4 + 4),
            sentences: Vec::new(),
        };
        text.stem_line.push(' ');
        let mut scratch = String::new();
        let mut pending_clause = true;
        for raw in raw_tokens(original) {
            match raw.kind {
                RawKind::Clause => pending_clause = true,
                RawKind::Stop(c) => {
                    // Collapse "?!" and "..." into one stop; a question mark wins.
                    if let Some(last) = text.tokens.last_mut()
                        && let TokenKind::Stop(prev) = last.kind
                    {
                        if c == '?' && prev != '?' {
                            last.kind = TokenKind::Stop('?');
                            text.stem_line.pop();
                            text.stem_line.pop();
                            text.stem_line.push_str("? ");
                        }
                        last.orig.end = raw.range.end;
                        continue;
                    }
                    text.push(TokenKind::Stop(c), stop_str(c), raw.range, false);
                    pending_clause = true;
                }
                RawKind::Word => {
                    lowercase_into(&original[raw.range.clone()], &mut scratch);
                    let replaced = canonical(&scratch, || next_word_lower(original, raw.range.end));
                    let mut first = true;
                    for word in replaced.split(' ').filter(|w| !w.is_empty()) {
                        let clause = pending_clause && first;
                        text.push(TokenKind::Word, word, raw.range.clone(), clause);
                        first = false;
                    }
                    pending_clause = false;
                }
            }
        }
        text.split_sentences();
        text
    }

    fn push(&mut self, kind: TokenKind, norm: &str, orig: Range<usize>, clause_start: bool) {
        let norm_start = self.words.len() as u32;
        self.words.push_str(norm);
        let norm_range = norm_start..self.words.len() as u32;
        let stem_start = self.stem_line.len() as u32;
        match kind {
            TokenKind::Word => push_stem(norm, &mut self.stem_line),
            TokenKind::Stop(_) => self.stem_line.push_str(norm),
        }
        let stem_range = stem_start..self.stem_line.len() as u32;
        self.stem_line.push(' ');
        let content = kind == TokenKind::Word
            && norm.len() > 1
            && !STOPWORDS.contains(norm)
            && !STOP_STEMS
                .contains(&self.stem_line[stem_range.start as usize..stem_range.end as usize]);
        self.tokens.push(Token {
            kind,
            norm: norm_range,
            stem: stem_range,
            orig,
            clause_start,
            content,
            sentence: 0,
        });
    }

    fn split_sentences(&mut self) {
        let mut start = 0;
        for i in 0..self.tokens.len() {
            if let TokenKind::Stop(c) = self.tokens[i].kind {
                self.close_sentence(start, i + 1, Some(c));
                start = i + 1;
            }
        }
        if start < self.tokens.len() {
            self.close_sentence(start, self.tokens.len(), None);
        }
    }

    fn close_sentence(&mut self, start: usize, end: usize, stop: Option<char>) {
        let index = self.sentences.len();
        for token in &mut self.tokens[start..end] {
            token.sentence = index;
        }
        let word_end = if stop.is_some() { end - 1 } else { end };
        let mut lead = start;
        while lead < word_end && is_discourse_marker(self.norm(lead)) {
            lead += 1;
        }
        // "I see, so you..." or "ok so": a marker list may end in a two-word marker.
        if lead + 1 < word_end && self.norm(lead) == "i" && self.norm(lead + 1) == "see" {
            lead += 2;
            while lead < word_end && is_discourse_marker(self.norm(lead)) {
                lead += 1;
            }
        }
        if lead >= word_end {
            lead = start;
        }
        self.sentences.push(Sentence {
            tokens: start..end,
            stop,
            lead,
        });
    }

    /// Normalised spelling of token `i`.
    pub fn norm(&self, i: usize) -> &str {
        let r = &self.tokens[i].norm;
        &self.words[r.start as usize..r.end as usize]
    }

    /// Stem of token `i`.
    pub fn stem(&self, i: usize) -> &str {
        let r = &self.tokens[i].stem;
        &self.stem_line[r.start as usize..r.end as usize]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }

    /// Number of word tokens.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    }

    /// A content word: not a function word, filler or counselling boilerplate.
    pub fn is_content(&self, i: usize) -> bool {
        self.tokens[i].content
    }

    /// Maps a byte range of the stem line (as found by a matcher) to the token
    /// range it covers. The range must start and end on token boundaries.
    pub fn tokens_for_stem_range(&self, range: Range<usize>) -> Range<usize> {
        let first = self
            .tokens
            .partition_point(|t| (t.stem.start as usize) < range.start);
        let last = self
            .tokens
            .partition_point(|t| (t.stem.end as usize) <= range.end);
        first..last.max(first)
    }

    /// Byte range of the original text covered by a token range.
    pub fn orig_span(&self, tokens: Range<usize>) -> Range<usize> {
        if tokens.is_empty() || tokens.end > self.tokens.len() {
            return 0..0;
        }
        let start = self.tokens[tokens.start].orig.start;
        let end = self.tokens[tokens.end - 1].orig.end.max(start);
        start..end
    }

    /// Is token `i` where its sentence begins (ignoring fillers such as "so")?
    pub fn starts_sentence(&self, i: usize) -> bool {
        let sentence = &self.sentences[self.tokens[i].sentence];
        i == sentence.tokens.start || i == sentence.lead
    }

    /// Sentence-relative check: is token `i` where a sentence or clause begins
    /// (ignoring discourse markers such as "so" or "ok")?
    pub fn starts_clause(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        let sentence = &self.sentences[token.sentence];
        i == sentence.tokens.start || i == sentence.lead || token.clause_start
    }
}

fn stop_str(c: char) -> &'static str {
    match c {
        '?' => "?",
        '!' => "!",
        _ => ".",
    }
}

/// Normalises a lexicon phrase exactly as a response is normalised and returns
/// its padded stem line, e.g. "Don't worry" -> " do not worri ".
pub fn phrase_stem_line(phrase: &str) -> String {
    Text::new(phrase).stem_line
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RawKind {
    Word,
    Stop(char),
    /// A comma, colon, dash or bracket: the clause changes, the sentence goes on.
    Clause,
}

struct RawToken {
    kind: RawKind,
    range: Range<usize>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}')
}

/// Splits text into words (letters and digits, with inner apostrophes), stops
/// and clause breaks. Hyphens split words ("mm-hm" -> "mm", "hm") so that
/// "fifty-minute" and "fifty minute" read the same. Letters and digits split
/// too ("50mins" -> "50", "mins").
fn raw_tokens(text: &str) -> impl Iterator<Item = RawToken> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
            if c.is_alphanumeric() {
                let digit = c.is_ascii_digit();
                let mut end = start + c.len_utf8();
                while let Some(&(i, next)) = chars.peek() {
                    let same_class = if digit {
                        next.is_ascii_digit()
                    } else {
                        next.is_alphanumeric() && !next.is_ascii_digit()
                    };
                    if same_class {
                        end = i + next.len_utf8();
                        chars.next();
                    } else if is_apostrophe(next) && !digit {
                        // Keep an apostrophe only when a letter follows ("don't"),
                        // not when it closes a quotation ("'no'").
                        let mut ahead = text[i + next.len_utf8()..].chars();
                        if ahead.next().is_some_and(|a| a.is_alphabetic()) {
                            end = i + next.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    } else if digit && next == '.' {
                        // "2.5" stays one token; "5." ends a sentence.
                        let after = text[i + 1..].chars().next();
                        if after.is_some_and(|a| a.is_ascii_digit()) {
                            end = i + 1;
                            chars.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                return Some(RawToken {
                    kind: RawKind::Word,
                    range: start..end,
                });
            }
            let end = start + c.len_utf8();
            let kind = match c {
                '.' | '\u{2026}' | ';' => RawKind::Stop('.'),
                '?' | '\u{FF1F}' => RawKind::Stop('?'),
                '!' => RawKind::Stop('!'),
                ',' | ':' | '-' | '\u{2013}' | '\u{2014}' | '(' | ')' | '\n' | '"' | '\u{201C}'
                | '\u{201D}' => RawKind::Clause,
                _ => continue,
            };
            return Some(RawToken {
                kind,
                range: start..end,
            });
        }
    })
}

/// Lower-cases a word, straightens apostrophes and squeezes stretched letters
/// ("sooo" -> "so", "mmmm" -> "m"): three or more of a letter become one.
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push('\'');
        } else {
            for lower in c.to_lowercase() {
                out.push(lower);
            }
        }
    }
    let bytes = out.as_bytes();
    let stretched = bytes
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if stretched {
        let mut squeezed = String::with_capacity(out.len());
        let chars: Vec<char> = out.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let mut run = 1;
            while i + run < chars.len() && chars[i + run] == c {
                run += 1;
            }
            let keep = if run >= 3 && c.is_ascii_alphabetic() {
                1
            } else {
                run
            };
            for _ in 0..keep {
                squeezed.push(c);
            }
            i += run;
        }
        *out = squeezed;
    }
}

/// The lower-cased next word after byte `from`, if the next token is a word
/// (used to read "your" as "you are" in "your feeling sad").
fn next_word_lower(text: &str, from: usize) -> Option<String> {
    let rest = text.get(from..)?;
    let mut started = false;
    let mut word = String::new();
    for c in rest.chars() {
        if c.is_alphabetic() || (started && is_apostrophe(c)) {
            started = true;
            word.extend(c.to_lowercase());
        } else if started || !(c == ' ' || c == '\t') {
            break;
        }
    }
    (!word.is_empty()).then_some(word)
}

/// The canonical spelling of a lower-cased word, possibly several words
/// ("don't" -> "do not", "kinda" -> "kind of", "behaviour" -> "behavior").
fn canonical<'w>(
    word: &'w str,
    next: impl FnOnce() -> Option<String>,
) -> std::borrow::Cow<'w, str> {
    use std::borrow::Cow;
    if (word == "your" || word == "ur" || word == "yr")
        && next().as_deref().is_some_and(reads_as_you_are)
    {
        return Cow::Borrowed("you are");
    }
    if let Some(&replacement) = REPLACEMENTS.get(word) {
        return Cow::Borrowed(replacement);
    }
    if let Some(base) = word.strip_suffix("'s")
        && !base.is_empty()
    {
        // Possessives keep their noun: "mum's" -> "mom"; pronoun forms were
        // handled by the table ("it's" -> "it is").
        if let Some(&replacement) = REPLACEMENTS.get(base) {
            return Cow::Borrowed(replacement);
        }
        return Cow::Owned(base.to_string());
    }
    if word.contains('\'') {
        // Stray apostrophes ("feelin'", "o'clock") should not split families.
        return Cow::Owned(word.replace('\'', ""));
    }
    Cow::Borrowed(word)
}

/// "your" is a typo for "you're" before a verb in -ing or a state word.
fn reads_as_you_are(next: &str) -> bool {
    (next.ends_with("ing") && next.len() > 4 && next != "thing" && next != "nothing")
        || matches!(
            next,
            "not"
                | "so"
                | "really"
                | "very"
                | "right"
                | "welcome"
                | "just"
                | "still"
                | "always"
                | "never"
                | "afraid"
                | "worried"
                | "scared"
                | "angry"
                | "upset"
                | "sad"
                | "allowed"
                | "entitled"
                | "too"
                | "quite"
                | "overwhelmed"
                | "exhausted"
                | "frustrated"
                | "tired"
                | "stuck"
                | "lonely"
                | "alone"
                | "anxious"
                | "hurt"
                | "confused"
                | "torn"
                | "doing"
                | "going"
                | "a"
                | "an"
        )
}

/// Leading words that carry no content and do not change what a sentence does.
fn is_discourse_marker(word: &str) -> bool {
    matches!(
        word,
        "so" | "and"
            | "but"
            | "okay"
            | "well"
            | "um"
            | "umm"
            | "uh"
            | "er"
            | "erm"
            | "hmm"
            | "hm"
            | "mm"
            | "m"
            | "oh"
            | "ah"
            | "right"
            | "alright"
            | "yeah"
            | "yes"
            | "now"
            | "then"
            | "also"
            | "actually"
            | "honestly"
            | "ok"
            | "like"
            | "just"
    )
}

/// Token-level rewrites: contractions (with or without the apostrophe),
/// texting shorthand, common typos and British spellings. Multi-word values
/// become several tokens that all point back at the original word.
static REPLACEMENTS: LazyLock<FastMap<&'static str, &'static str>> = LazyLock::new(|| {
    REPLACEMENT_TABLE
        .iter()
        .flat_map(|(to, froms)| froms.iter().map(move |from| (*from, *to)))
        .collect()
});

/// (canonical form, spellings that mean it).
const REPLACEMENT_TABLE: &[(&str, &[&str])] = &[
    // Contractions, with and without the apostrophe.
    ("i am", &["i'm", "im"]),
    ("i have", &["i've", "ive"]),
    ("i will", &["i'll"]),
    ("i would", &["i'd", "id"]),
    ("you are", &["you're", "youre", "u're", "ur'e"]),
    ("you have", &["you've", "youve"]),
    ("you will", &["you'll", "youll"]),
    ("you would", &["you'd", "youd"]),
    ("he is", &["he's"]),
    ("he will", &["he'll"]),
    ("she will", &["she'll"]),
    ("he would", &["he'd"]),
    ("she would", &["she'd"]),
    ("there will", &["there'll"]),
    ("who will", &["who'll"]),
    ("what will", &["what'll"]),
    ("she is", &["she's", "shes"]),
    ("it is", &["it's", "its", "tis"]),
    ("we are", &["we're"]),
    ("we have", &["we've", "weve"]),
    ("we will", &["we'll"]),
    ("we would", &["we'd"]),
    ("they are", &["they're", "theyre"]),
    ("they have", &["they've", "theyve"]),
    ("they will", &["they'll", "theyll"]),
    ("they would", &["they'd"]),
    ("that is", &["that's", "thats"]),
    ("that will", &["that'll", "thatll"]),
    ("that would", &["that'd"]),
    ("there is", &["there's", "theres"]),
    ("here is", &["here's", "heres"]),
    ("what is", &["what's", "whats"]),
    ("who is", &["who's"]),
    ("where is", &["where's", "wheres"]),
    ("how is", &["how's", "hows"]),
    ("when is", &["when's"]),
    ("why is", &["why's"]),
    ("let us", &["let's", "lets"]),
    ("everything is", &["everything's"]),
    ("nothing is", &["nothing's"]),
    ("something is", &["something's"]),
    (
        "everyone is",
        &["everyone's", "everyones", "everybody's", "everybodys"],
    ),
    ("do not", &["don't", "dont", "dnt"]),
    ("does not", &["doesn't", "doesnt", "dosent", "dosnt"]),
    ("did not", &["didn't", "didnt", "didnot"]),
    ("can not", &["can't", "cant", "cannot"]),
    ("will not", &["won't", "wont"]),
    ("would not", &["wouldn't", "wouldnt"]),
    ("should not", &["shouldn't", "shouldnt"]),
    ("could not", &["couldn't", "couldnt"]),
    ("must not", &["mustn't", "mustnt"]),
    ("need not", &["needn't"]),
    ("is not", &["isn't", "isnt", "ain't", "aint"]),
    ("are not", &["aren't", "arent"]),
    ("was not", &["wasn't", "wasnt", "wasent"]),
    ("were not", &["weren't", "werent"]),
    ("have not", &["haven't", "havent"]),
    ("has not", &["hasn't", "hasnt"]),
    ("had not", &["hadn't", "hadnt"]),
    ("it will", &["it'll", "itll"]),
    ("it would", &["it'd"]),
    ("could have", &["could've", "couldve", "coulda"]),
    ("should have", &["should've", "shouldve", "shoulda"]),
    ("would have", &["would've", "wouldve", "woulda"]),
    ("might have", &["might've"]),
    ("must have", &["must've", "mustve"]),
    (
        "because",
        &[
            "'cause", "cos", "coz", "cuz", "bc", "becuase", "becasue", "beacuse", "bcause",
            "becuz", "bcos",
        ],
    ),
    ("going to", &["gonna"]),
    ("want to", &["wanna"]),
    ("got to", &["gotta"]),
    ("kind of", &["kinda"]),
    ("sort of", &["sorta"]),
    ("do not know", &["dunno", "idk"]),
    ("let me", &["lemme"]),
    ("give me", &["gimme"]),
    ("of course", &["ofc", "ofcourse"]),
    ("to be honest", &["tbh"]),
    ("by the way", &["btw"]),
    ("a lot", &["alot"]),
    // Texting shorthand.
    ("you", &["u", "ya", "yuo", "yu"]),
    ("your", &["ur", "yr", "yoru"]),
    ("are", &["r"]),
    ("please", &["pls", "plz"]),
    ("thanks", &["thx", "thanx", "ty"]),
    ("though", &["tho"]),
    ("through", &["thru"]),
    ("okay", &["ok", "k", "kk", "okey", "okk", "oky"]),
    (
        "mm",
        &[
            "m", "mmm", "hmm", "hm", "mhm", "mmhm", "mmhmm", "mhmm", "mmh",
        ],
    ),
    ("uh huh", &["uhhuh", "uhuh", "aha", "ahuh"]),
    ("yes", &["yep", "yup", "yea", "aye"]),
    ("minutes", &["mins", "min", "minute"]),
    ("hours", &["hrs", "hr"]),
    ("week", &["wk"]),
    ("weeks", &["wks"]),
    ("probably", &["probaly", "prolly", "prob"]),
    ("maybe", &["maby", "mabye", "mayb"]),
    // Common typos.
    ("really", &["realy", "rly", "reallly"]),
    ("definitely", &["definately", "definitly", "defo"]),
    ("weird", &["wierd"]),
    ("friend", &["freind"]),
    ("feeling", &["feelin", "feelng", "fealing"]),
    ("feel", &["fele", "fel"]),
    ("feels", &["feeels"]),
    ("something", &["somthing", "sumthing", "smth"]),
    ("their", &["thier"]),
    ("believe", &["beleive", "belive"]),
    ("until", &["untill", "til", "till"]),
    ("tomorrow", &["tommorow", "tomorow", "tmrw"]),
    ("which", &["wich"]),
    ("what", &["wat", "wot", "waht", "whta"]),
    ("how", &["hw"]),
    ("sorry", &["sory", "sorrry", "soz", "sry"]),
    (
        "understand",
        &[
            "undrestand",
            "understnad",
            "udnerstand",
            "understan",
            "undersand",
        ],
    ),
    ("the", &["hte", "teh"]),
    ("and", &["adn", "nd"]),
    ("just", &["jsut", "jus"]),
    ("that", &["taht", "tht"]),
    ("sounds", &["souns", "sonds", "soudns", "sounda"]),
    (
        "difficult",
        &["difficutl", "diffcult", "dificult", "difficlt"],
    ),
    ("scary", &["scarey"]),
    ("anxious", &["anxous", "anxios", "anxiuos", "axious"]),
    ("overwhelmed", &["overwelmed", "overwhelmd", "overwhemed"]),
    ("frustrated", &["frustated", "fustrated"]),
    ("grief", &["greif"]),
    ("embarrassed", &["embarassed", "embarrased", "embarased"]),
    ("separate", &["seperate"]),
    ("happened", &["happend", "happpened", "hapened"]),
    ("tired", &["tierd"]),
    ("exhausted", &["exausted", "exhasted", "exhuasted"]),
    (
        "confidential",
        &["confidentail", "confidental", "confidencial"],
    ),
    ("session", &["sesion", "sessoin"]),
    ("sessions", &["sesions"]),
    ("helpful", &["helpfull"]),
    ("useful", &["usefull"]),
    ("something", &["somethin"]),
    ("nothing", &["nothin"]),
    ("going", &["goin"]),
    ("thinking", &["thinkin"]),
    ("talking", &["talkin"]),
    ("wondering", &["wonderin"]),
    ("wonder", &["wonda"]),
    ("people", &["ppl", "peple"]),
    ("because", &["becos"]),
    ("courage", &["courrage", "corage"]),
    ("worry", &["wory"]),
    ("worried", &["woried", "worryed"]),
    ("relationship", &["relationshp"]),
    ("appreciate", &["apreciate", "appriciate"]),
    ("apologize", &["apologise", "appologise", "appologize"]),
    ("apologized", &["apologised"]),
    ("apologizing", &["apologising"]),
    // British spellings, read as American so one lexicon covers both.
    ("realize", &["realise"]),
    ("realized", &["realised"]),
    ("realizes", &["realises"]),
    ("realizing", &["realising"]),
    ("recognize", &["recognise"]),
    ("recognized", &["recognised"]),
    ("recognizing", &["recognising"]),
    ("organize", &["organise"]),
    ("prioritize", &["prioritise"]),
    ("emphasize", &["emphasise"]),
    ("summarize", &["summarise"]),
    ("summarizing", &["summarising"]),
    ("sympathize", &["sympathise"]),
    ("criticize", &["criticise"]),
    ("criticized", &["criticised"]),
    ("minimize", &["minimise"]),
    ("normalize", &["normalise"]),
    ("analyze", &["analyse"]),
    ("paralyzed", &["paralysed"]),
    ("behavior", &["behaviour"]),
    ("behaviors", &["behaviours"]),
    ("color", &["colour"]),
    ("honor", &["honour"]),
    ("favor", &["favour"]),
    ("favorite", &["favourite"]),
    ("neighbor", &["neighbour"]),
    ("neighbors", &["neighbours"]),
    ("humor", &["humour"]),
    ("center", &["centre"]),
    ("program", &["programme"]),
    ("counseling", &["counselling"]),
    ("counselor", &["counsellor"]),
    ("counselors", &["counsellors"]),
    ("judgment", &["judgement"]),
    ("judgments", &["judgements"]),
    ("practice", &["practise"]),
    ("practicing", &["practising"]),
    ("mom", &["mum", "mam", "mommy", "mummy"]),
    ("moms", &["mums"]),
    ("gray", &["grey"]),
    ("traveling", &["travelling"]),
    ("canceled", &["cancelled"]),
    ("canceling", &["cancelling"]),
    ("learned", &["learnt"]),
    ("burned", &["burnt"]),
    ("while", &["whilst"]),
    ("among", &["amongst"]),
    ("toward", &["towards"]),
    ("defense", &["defence"]),
    ("offense", &["offence"]),
    ("fulfill", &["fulfil"]),
    ("enroll", &["enrol"]),
    // Number words as digits, so "fifty minutes" and "50 minutes" match alike.
    ("0", &["zero"]),
    ("1", &["one"]),
    ("2", &["two"]),
    ("3", &["three"]),
    ("4", &["four"]),
    ("5", &["five"]),
    ("6", &["six"]),
    ("7", &["seven"]),
    ("8", &["eight"]),
    ("9", &["nine"]),
    ("10", &["ten"]),
    ("11", &["eleven"]),
    ("12", &["twelve"]),
    ("15", &["fifteen"]),
    ("20", &["twenty"]),
    ("30", &["thirty"]),
    ("40", &["forty"]),
    ("45", &["fortyfive"]),
    ("50", &["fifty"]),
    ("60", &["sixty"]),
    ("90", &["ninety"]),
];

/// FNV-1a: the word tables are hit once per token, and short keys hash far
/// faster this way than with the default DoS-resistant hasher (the keys are
/// our own tables and the client's words, so flooding is not a concern; the
/// stem cache is bounded regardless).
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// Appends the stem of a normalised word. Stemming allocates, so stems are
/// cached per thread (bounded, so memory stays flat on endless input); the
/// result is the same with or without the cache.
fn push_stem(norm: &str, out: &mut String) {
    use std::cell::RefCell;
    const CACHE_LIMIT: usize = 50_000;
    thread_local! {
        static CACHE: RefCell<FastMap<Box<str>, Box<str>>> = RefCell::new(FastMap::default());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(norm) {
            out.push_str(stem);
            return;
        }
        // Irregular forms share a stem with their verb ("slept" echoes "sleep").
        let lemma = LEMMAS.get(norm).copied().unwrap_or(norm);
        let stem = STEMMER.stem(lemma);
        out.push_str(&stem);
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(norm.into(), stem.into());
    });
}

/// Irregular past forms mapped to their verb, so the stem family is one:
/// Snowball stems "sleep" and "slept" differently.
static LEMMAS: LazyLock<FastMap<&'static str, &'static str>> = LazyLock::new(|| {
    LEMMA_TABLE
        .split_whitespace()
        .filter_map(|pair| pair.split_once(':'))
        .collect()
});

/// `form:verb` pairs.
const LEMMA_TABLE: &str = "
slept:sleep felt:feel left:leave went:go gone:go thought:think said:say told:tell lost:lose
kept:keep found:find made:make took:take taken:take gave:give given:give came:come got:get
gotten:get saw:see seen:see knew:know known:know broke:break broken:break fought:fight
wrote:write written:write ate:eat eaten:eat drank:drink drunk:drink drove:drive driven:drive
ran:run began:begin begun:begin bought:buy brought:bring caught:catch taught:teach sold:sell
sent:send spent:spend stood:stand understood:understand woke:wake woken:wake wore:wear won:win
meant:mean met:meet paid:pay heard:hear held:hold hid:hide hidden:hide fell:fall fallen:fall
forgot:forget forgotten:forget chose:choose chosen:choose grew:grow grown:grow shook:shake
sat:sit spoke:speak spoken:speak stole:steal stolen:steal swore:swear threw:throw thrown:throw
became:become built:build dealt:deal fed:feed led:lead shot:shoot stuck:stick struck:strike
tore:tear did:do done:do felt:feel blew:blow flew:fly hung:hang rode:ride rang:ring
sang:sing sank:sink slid:slide sprang:spring strove:strive swam:swim wept:weep withdrew:withdraw
";

/// Function words, pronouns, fillers and the boilerplate of counselling talk
/// ("feel", "sound", "really"): echoing these is not echoing the client.
static STOPWORDS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| STOPWORD_LIST.split_whitespace().collect());

/// Stems of the same boilerplate, so inflected forms ("sounds", "feelings") drop out too.
static STOP_STEMS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    STOPWORD_LIST
        .split_whitespace()
        .map(|w| STEMMER.stem(w).into_owned())
        .collect()
});

const STOPWORD_LIST: &str = "
a an the and or but if so because as of at by for with about against between into through
during before after above below to from up down in out on off over under again further then
once here there when where why how all any both each few more most other some such no nor not
only own same than too very s t can will just should now i me my myself we our ours ourselves
you your yours yourself yourselves he him his himself she her hers herself it its itself they
them their theirs themselves what which who whom this that these those am is are was were be
been being have has had having do does did doing would could might must shall may ought okay
yes yeah mm uh huh um er erm oh ah well like really quite rather pretty bit little lot lots
thing things stuff something anything everything nothing kind sort way feel feels felt feeling
feelings sound sounds sounded seem seems seemed say says said saying tell told telling think
thought know knew get got getting go going gone went make made let us also even still maybe
perhaps probably actually right just sure much many one 1 time times today now get gets
hear heard see seen look looks looking mean means meant want wants wanted need needs needed
come came try tried always never ever
";

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &Text) -> Vec<String> {
        (0..text.tokens.len())
            .map(|i| text.norm(i).to_string())
            .collect()
    }

    #[test]
    fn contractions_and_missing_apostrophes_read_alike() {
        let a = Text::new("I'm sorry, don't worry");
        let b = Text::new("im sorry dont worry");
        assert_eq!(norms(&a), norms(&b));
        assert_eq!(a.stem_line, " i am sorri do not worri ");
    }

    #[test]
    fn curly_apostrophes_and_case_are_normalised() {
        let text = Text::new("You\u{2019}re EXHAUSTED.");
        assert_eq!(norms(&text), ["you", "are", "exhausted", "."]);
        assert_eq!(text.sentences.len(), 1);
        assert_eq!(text.sentences[0].stop, Some('.'));
    }

    #[test]
    fn british_and_american_spellings_meet() {
        assert_eq!(
            phrase_stem_line("I apologise, my behaviour"),
            phrase_stem_line("I apologize, my behavior")
        );
        assert_eq!(
            phrase_stem_line("fifty-minute"),
            phrase_stem_line("50 minutes")
        );
    }

    #[test]
    fn your_before_a_state_reads_as_you_are() {
        let text = Text::new("your feeling stuck, your mum");
        assert_eq!(norms(&text)[..3], ["you", "are", "feeling"]);
        assert!(norms(&text).contains(&"mom".to_string()));
    }

    #[test]
    fn spans_point_back_into_the_original() {
        let original = "  Héllo — it’s ok?! ";
        let text = Text::new(original);
        for token in &text.tokens {
            assert!(original.is_char_boundary(token.orig.start));
            assert!(original.is_char_boundary(token.orig.end));
        }
        assert_eq!(text.sentences.len(), 1);
        assert!(text.sentences[0].is_question_marked());
    }

    #[test]
    fn stretched_words_squeeze() {
        let text = Text::new("sooo mmmm");
        assert_eq!(norms(&text), ["so", "mm"]);
    }

    #[test]
    fn discourse_markers_are_skipped_for_the_lead() {
        let text = Text::new("Okay, so what happened?");
        let sentence = &text.sentences[0];
        assert_eq!(text.norm(sentence.lead), "what");
    }
}
