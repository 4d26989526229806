//! Feeling words by family and intensity (1 mild, 2 moderate, 3 intense).
//!
//! Words that also have an everyday non-feeling sense ("down", "low", "lost",
//! "flat") appear only inside phrases that make the feeling sense clear
//! ("feeling down", "so lost"). Stemming covers inflections, so "worry",
//! "worried" and "worrying" need one entry between them only when Snowball
//! gives them one stem; otherwise each form is listed.

use super::{Cue, PhraseSet};

/// A family of feelings: what a reflection or an empathic reaction names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    Sadness,
    Fear,
    Anger,
    Shame,
    Hurt,
    Loneliness,
    Confusion,
    Exhaustion,
    Overwhelm,
    Hopelessness,
    Numbness,
    Ambivalence,
    Jealousy,
    Disgust,
    Shock,
    Joy,
    Relief,
    Hope,
    Pride,
    Love,
    Calm,
    Gratitude,
}

impl Family {
    /// The family's name as a trainee reads it.
    pub fn label(self) -> &'static str {
        match self {
            Family::Sadness => "sadness",
            Family::Fear => "fear or worry",
            Family::Anger => "anger or frustration",
            Family::Shame => "shame or guilt",
            Family::Hurt => "hurt",
            Family::Loneliness => "loneliness",
            Family::Confusion => "confusion",
            Family::Exhaustion => "exhaustion",
            Family::Overwhelm => "being overwhelmed",
            Family::Hopelessness => "hopelessness",
            Family::Numbness => "numbness",
            Family::Ambivalence => "mixed feelings",
            Family::Jealousy => "jealousy",
            Family::Disgust => "disgust",
            Family::Shock => "shock",
            Family::Joy => "happiness",
            Family::Relief => "relief",
            Family::Hope => "hope",
            Family::Pride => "pride",
            Family::Love => "love or closeness",
            Family::Calm => "calm",
            Family::Gratitude => "gratitude",
        }
    }

    /// Painful feelings: the ones that make a moment emotional.
    pub fn is_painful(self) -> bool {
        !matches!(
            self,
            Family::Joy
                | Family::Relief
                | Family::Hope
                | Family::Pride
                | Family::Love
                | Family::Calm
                | Family::Gratitude
        )
    }
}

const WHY: &str = "Names a feeling, which shows you noticed how the client feels.";

macro_rules! feelings {
    ($($family:ident $intensity:literal : [$($phrase:literal),* $(,)?]),* $(,)?) => {
        /// One phrase set per (family, intensity).
        pub const SETS: &[PhraseSet] = &[
            $(PhraseSet {
                name: concat!("feeling.", stringify!($family), ".", $intensity),
                cue: Cue::Feeling(Family::$family, $intensity),
                weight: 1.0,
                why: WHY,
                phrases: &[$($phrase),*],
            }),*
        ];
    };
}

feelings! {
    Sadness 1: [
        "(a bit|a little|bit|kind of|sort of) (down|low|blue|flat)", "glum", "gloomy", "disappointed",
        "disappointment", "melancholy", "wistful", "meh", "deflated", "fed up with life",
    ],
    Sadness 2: [
        "sad", "sadness", "unhappy", "miserable", "sorrow", "tearful", "teary", "crying", "cried",
        "cry", "in tears", "upset", "upsetting", "grief", "grieving", "grieve", "mourning", "depressed",
        "depression", "heavy hearted", "heavy heart", "down in the dumps",
        "(feel|feeling|felt|feels|so|really|very|pretty|quite|been|get|getting) (down|low|blue|flat)",
        "bereft", "sorrowful", "low mood", "(feel|feeling|felt|so|absolutely|really|was|am|is|are) gutted", "heartache", "aching", "missing (him|her|them)",
    ],
    Sadness 3: [
        "devastated", "devastating", "devastation", "heartbroken", "heartbreaking", "broken hearted",
        "heart (is|was) broken", "crushed", "inconsolable", "sobbing", "sobbed", "destroyed", "in pieces",
        "wrecked", "shattered by",
    ],
    Fear 1: [
        "uneasy", "nervous", "apprehensive", "edgy", "jittery", "tense", "unsettled", "wary",
        "(a bit|a little|slightly) (worried|anxious|scared)", "jumpy", "butterflies",
    ],
    Fear 2: [
        "anxious", "anxiety", "worried", "worry", "worries", "worrying", "scared", "afraid", "fearful",
        "fear", "fears", "frightened", "frightening", "scary", "panicky", "insecure", "dread", "dreading",
        "on edge", "freaked out", "freaking out", "worked up", "vulnerable", "unsafe", "threatened",
        "nervy", "stressed about", "fretting", "alarmed", "intimidated",
    ],
    Fear 3: [
        "terrified", "terrifying", "petrified", "panic", "panicking", "panicked", "panic attack",
        "horrified", "scared to death", "scared stiff", "terror", "paranoid", "frozen with fear",
        "beside myself",
    ],
    Anger 1: [
        "annoyed", "annoying", "irritated", "irritating", "irritable", "bothered", "fed up", "frustrated",
        "frustrating", "frustration", "exasperated", "grumpy", "cross", "miffed", "wound up", "impatient",
        "aggravated", "peeved", "sick of", "sick and tired", "narked",
    ],
    Anger 2: [
        "angry", "anger", "mad", "resentful", "resentment", "resent", "bitter", "bitterness", "pissed off",
        "pissed", "indignant", "hostile", "outraged", "infuriated", "infuriating", "upset with", "wronged",
        "hacked off", "livid with",
    ],
    Anger 3: [
        "furious", "fury", "rage", "raging", "livid", "enraged", "seething", "hate", "hatred",
        "can not stand (him|her|them|it)", "absolutely furious",
    ],
    Shame 1: [
        "embarrassed", "embarrassing", "awkward", "sheepish", "self conscious", "foolish",
    ],
    Shame 2: [
        "ashamed", "shame", "guilty", "guilt", "embarrassment", "regret", "regrets", "regretful", "remorse",
        "blame myself", "inadequate", "not good enough", "a failure", "useless", "like a failure",
        "feel stupid", "felt stupid", "feel like an idiot", "let everyone down", "self blame",
        "blaming (myself|yourself)", "judged", "exposed",
    ],
    Shame 3: [
        "humiliated", "humiliating", "humiliation", "mortified", "worthless", "hate myself",
        "self loathing", "disgusted with myself", "disgusting person",
    ],
    Hurt 2: [
        "hurt", "hurting", "hurtful", "wounded", "rejected", "rejection", "betrayed", "betrayal", "let down",
        "abandoned", "abandonment", "unwanted", "unloved", "unappreciated", "taken for granted",
        "dismissed", "invisible", "ignored", "disrespected", "painful", "pain", "stung", "slighted",
        "unheard", "not heard", "overlooked", "belittled", "excluded",
    ],
    Hurt 3: [
        "stabbed in the back", "torn apart", "agony", "anguish", "deeply hurt", "so hurt",
    ],
    Loneliness 2: [
        "lonely", "loneliness", "alone", "isolated", "isolation", "left out", "disconnected", "cut off",
        "on my own", "on your own", "by myself", "nobody to talk to", "no one to talk to", "lonesome",
        "like an outsider", "apart from everyone",
    ],
    Loneliness 3: [
        "completely alone", "so alone", "all alone", "utterly alone", "desolate", "totally alone",
    ],
    Confusion 1: [
        "unsure", "uncertain", "puzzled", "not sure what to (think|do|feel)",
    ],
    Confusion 2: [
        "confused", "confusing", "confusion", "(feel|feeling|so|completely|a bit|totally|felt) lost",
        "muddled", "bewildered", "all over the place", "do not know what to do", "disoriented",
        "mixed up", "in a fog", "foggy", "baffled", "at a loss", "do not know which way to turn",
    ],
    Exhaustion 1: [
        "tired", "weary", "sleepy", "knackered",
    ],
    Exhaustion 2: [
        "exhausted", "exhausting", "exhaustion", "drained", "draining", "worn out", "run down",
        "fatigued", "fatigue", "depleted", "running on empty", "worn down", "wiped out", "shattered",
    ],
    Exhaustion 3: [
        "burned out", "burnout", "burn out", "on my knees", "bone tired", "completely drained",
    ],
    Overwhelm 2: [
        "overwhelmed", "overwhelming", "stressed", "stress", "stressful", "under pressure", "pressured",
        "pressure", "swamped", "overloaded", "(it is|it is all|all|everything is|it has all been) too much", "too much for me", "snowed under", "can not cope", "not coping",
        "struggling", "strain", "juggling", "spread too thin", "stretched",
    ],
    Overwhelm 3: [
        "falling apart", "at breaking point", "breaking point", "end of my tether", "end of my rope",
        "drowning", "can not take (it|any more|this)", "crumbling", "losing it", "losing my mind",
        "going to snap", "fall apart", "can not breathe",
    ],
    Hopelessness 2: [
        "stuck", "trapped", "helpless", "powerless", "no way out", "defeated", "given up", "give up",
        "pointless", "what is the point", "discouraged", "demoralized", "resigned", "going nowhere",
        "no future", "can not see a way", "futile",
    ],
    Hopelessness 3: [
        "hopeless", "hopelessness", "despair", "desperate", "desperation", "suicidal", "want to die",
        "wish i (was|were) dead", "end it all", "no point (living|going on)", "better off without me",
        "kill myself", "not want to be here anymore", "can not go on",
    ],
    Numbness 2: [
        "numb", "numbness", "empty", "emptiness", "hollow", "detached", "shut down", "on autopilot",
        "unreal", "nothing at all", "feel nothing", "zombie", "dead inside",
    ],
    Ambivalence 1: [
        "mixed feelings", "in two minds", "ambivalent", "half of me", "not sure whether",
    ],
    Ambivalence 2: [
        "torn", "conflicted", "pulled in two directions", "pulled both ways",
    ],
    Jealousy 2: [
        "jealous", "jealousy", "envious", "envy",
    ],
    Disgust 2: [
        "disgusted", "disgust", "repulsed", "sickened", "revolted", "appalled",
    ],
    Shock 2: [
        "shocked", "shock", "shocking", "stunned", "in shock", "blindsided", "blind sided", "knocked sideways",
        "taken aback", "floored", "disbelief", "came out of nowhere", "out of the blue", "reeling",
    ],
    Joy 2: [
        "happy", "happier", "happiness", "pleased", "excited", "exciting", "joy", "joyful", "delighted",
        "cheerful", "thrilled", "elated", "glad about",
    ],
    Relief 2: [
        "relieved", "relief", "weight off",
    ],
    Hope 2: [
        "hopeful", "optimistic", "encouraged", "looking forward",
    ],
    Pride 2: [
        "proud", "pride", "sense of achievement", "accomplished", "confident", "capable",
    ],
    Love 2: [
        "(love|loved|loves) (him|her|them|you|each other|my|your|his|our|their)", "loving", "affection",
        "adore", "cherish", "care (so much|deeply|a lot) about",
    ],
    Calm 1: [
        "calm", "calmer", "peaceful", "settled", "at peace", "relaxed", "safe",
    ],
    Gratitude 2: [
        "grateful", "thankful", "gratitude",
    ],
}
