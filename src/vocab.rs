//! The shared vocabulary of Rapport: intents, skills, rupture markers and the
//! other closed lists that scenario files, the classifier and the debrief speak.
//!
//! Every list here is written in files by authors, so each value serializes in
//! `snake_case` and never changes its spelling once shipped (records depend on it).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Generates `ALL`, `as_str` and `Display` for a snake_case unit enum, so the
/// spelling in files, JSON and help text comes from one place.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as it is spelled in files and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the file spelling back into a value.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What a trainee's turn does, after MITI behaviour codes, the 3RS resolution
    /// strategies and Gordon's roadblocks. The names are a public contract.
    Intent {
        ReflectionSimple => "reflection_simple",
        ReflectionComplex => "reflection_complex",
        Summary => "summary",
        OpenQuestion => "open_question",
        ClosedQuestion => "closed_question",
        Affirmation => "affirmation",
        Validation => "validation",
        EmpathicReaction => "empathic_reaction",
        Normalizing => "normalizing",
        Reassurance => "reassurance",
        Advice => "advice",
        Information => "information",
        Persuasion => "persuasion",
        Judgment => "judgment",
        Minimizing => "minimizing",
        SelfDisclosure => "self_disclosure",
        Metacommunication => "metacommunication",
        AcknowledgeOwnPart => "acknowledge_own_part",
        Clarification => "clarification",
        Rationale => "rationale",
        AskingFeedback => "asking_feedback",
        Frame => "frame",
        ChangeTask => "change_task",
        Facilitative => "facilitative",
        Greeting => "greeting",
        Other => "other",
    }
}

impl Intent {
    /// Gordon's roadblocks to listening: they close a conversation down when
    /// the client has just said something painful.
    pub fn is_roadblock(self) -> bool {
        matches!(
            self,
            Intent::Advice
                | Intent::Persuasion
                | Intent::Judgment
                | Intent::Minimizing
                | Intent::Reassurance
        )
    }

    /// Reflections of any depth (MITI counts both).
    pub fn is_reflection(self) -> bool {
        matches!(
            self,
            Intent::ReflectionSimple | Intent::ReflectionComplex | Intent::Summary
        )
    }

    /// Questions of either form (MITI counts both).
    pub fn is_question(self) -> bool {
        matches!(self, Intent::OpenQuestion | Intent::ClosedQuestion)
    }

    /// The 3RS resolution strategies a trainee can use after a rupture marker.
    pub fn is_repair_move(self) -> bool {
        matches!(
            self,
            Intent::Metacommunication
                | Intent::AcknowledgeOwnPart
                | Intent::Clarification
                | Intent::Rationale
                | Intent::ChangeTask
                | Intent::Validation
                | Intent::AskingFeedback
        )
    }
}

vocabulary! {
    /// The ten skills of effective therapists (Novotney 2013), the spine of every debrief.
    Skill {
        VerbalFluency => "verbal_fluency",
        Warmth => "warmth",
        Acceptance => "acceptance",
        Empathy => "empathy",
        IdentifyingFeelings => "identifying_feelings",
        RangeOfClients => "range_of_clients",
        EngagingInWork => "engaging_in_work",
        TunedToProgress => "tuned_to_progress",
        ActingOnImpediments => "acting_on_impediments",
        ChoosingApproach => "choosing_approach",
    }
}

impl Skill {
    /// The skill's name as a trainee reads it.
    pub fn label(self) -> &'static str {
        match self {
            Skill::VerbalFluency => "Verbal fluency",
            Skill::Warmth => "Warmth",
            Skill::Acceptance => "Acceptance",
            Skill::Empathy => "Empathy",
            Skill::IdentifyingFeelings => "Identifying how the client feels",
            Skill::RangeOfClients => "Forming alliances with a range of clients",
            Skill::EngagingInWork => "Helping the client accept and engage in the work",
            Skill::TunedToProgress => "Staying tuned to the client's progress",
            Skill::ActingOnImpediments => "Acting on what gets in the way",
            Skill::ChoosingApproach => "Choosing the right approach",
        }
    }
}

vocabulary! {
    /// Where the relationship is in its course (Ardito & Rabellino 2011).
    AlliancePhase {
        /// Sessions 1-5 of short-term work: building collaboration and agreed goals.
        EarlyAlliance => "early_alliance",
        /// The therapist starts to challenge; the client may feel less supported.
        WorkingPhase => "working_phase",
    }
}

vocabulary! {
    /// The therapy model the simulated counselor works in.
    Approach {
        PersonCentred => "person_centred",
        Cbt => "cbt",
        Psychodynamic => "psychodynamic",
        Integrative => "integrative",
        MotivationalInterviewing => "motivational_interviewing",
        SolutionFocused => "solution_focused",
        Systemic => "systemic",
    }
}

vocabulary! {
    /// How much the client lets the counselor in.
    Openness {
        Guarded => "guarded",
        Moderate => "moderate",
        Open => "open",
    }
}

impl Openness {
    /// Moves one step, saturating at either end.
    pub fn shifted(self, steps: i32) -> Openness {
        let index = (self.rank() + steps).clamp(0, 2);
        Openness::ALL[index as usize]
    }

    /// 0 for guarded, 1 for moderate, 2 for open.
    pub fn rank(self) -> i32 {
        match self {
            Openness::Guarded => 0,
            Openness::Moderate => 1,
            Openness::Open => 2,
        }
    }
}

vocabulary! {
    /// The client's visible emotion, which drives the portrait's expression.
    Emotion {
        Neutral => "neutral",
        Sad => "sad",
        Tearful => "tearful",
        Anxious => "anxious",
        Angry => "angry",
        Irritated => "irritated",
        Guarded => "guarded",
        Flat => "flat",
        Ashamed => "ashamed",
        Confused => "confused",
        Relieved => "relieved",
        Hopeful => "hopeful",
        Warm => "warm",
        Amused => "amused",
    }
}

impl Emotion {
    /// Emotions that make the moment "emotional": a reflection here matters most
    /// and a roadblock here hurts most.
    pub fn is_intense(self) -> bool {
        matches!(
            self,
            Emotion::Sad | Emotion::Tearful | Emotion::Anxious | Emotion::Angry | Emotion::Ashamed
        )
    }
}

vocabulary! {
    /// The two families of alliance rupture in the 3RS.
    RuptureKind {
        Withdrawal => "withdrawal",
        Confrontation => "confrontation",
    }
}

vocabulary! {
    /// The rupture markers of the Rupture Resolution Rating System.
    RuptureMarker {
        Denial => "denial",
        MinimalResponse => "minimal_response",
        AbstractTalk => "abstract_talk",
        AvoidantStorytelling => "avoidant_storytelling",
        TopicShift => "topic_shift",
        Deferential => "deferential",
        ContentAffectSplit => "content_affect_split",
        SelfCriticism => "self_criticism",
        ComplaintAboutTherapist => "complaint_about_therapist",
        RejectingIntervention => "rejecting_intervention",
        ComplaintAboutActivities => "complaint_about_activities",
        ComplaintAboutParameters => "complaint_about_parameters",
        ComplaintAboutProgress => "complaint_about_progress",
        DefendingSelf => "defending_self",
        ControllingTherapist => "controlling_therapist",
    }
}

impl RuptureMarker {
    /// The family a marker belongs to.
    pub fn kind(self) -> RuptureKind {
        use RuptureMarker::*;
        match self {
            Denial | MinimalResponse | AbstractTalk | AvoidantStorytelling | TopicShift
            | Deferential | ContentAffectSplit | SelfCriticism => RuptureKind::Withdrawal,
            _ => RuptureKind::Confrontation,
        }
    }
}

vocabulary! {
    /// How a session ends for the client.
    Outcome {
        Engaged => "engaged",
        Ambivalent => "ambivalent",
        /// A rupture met and partly worked through: the client stays, the strain is named
        /// but not gone (3RS resolution is often partial within one session).
        PartlyResolved => "partly_resolved",
        Withdrawn => "withdrawn",
        DropoutRisk => "dropout_risk",
        Referred => "referred",
        Safeguarded => "safeguarded",
    }
}

vocabulary! {
    /// The elements of the therapeutic frame agreed when contracting (Knox & Cooper 2015).
    FrameItem {
        Confidentiality => "confidentiality",
        ConfidentialityLimit => "confidentiality_limit",
        SessionLength => "session_length",
        Frequency => "frequency",
        ReviewPoint => "review_point",
        OutsideContact => "outside_contact",
        SocialMedia => "social_media",
    }
}

impl FrameItem {
    /// The item as a trainee reads it.
    pub fn label(self) -> &'static str {
        match self {
            FrameItem::Confidentiality => "Confidentiality",
            FrameItem::ConfidentialityLimit => "The limit of confidentiality",
            FrameItem::SessionLength => "Session length",
            FrameItem::Frequency => "How often you meet",
            FrameItem::ReviewPoint => "When progress is reviewed",
            FrameItem::OutsideContact => "Contact between sessions",
            FrameItem::SocialMedia => "Social media",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intent_vocabulary_has_the_twenty_six_contract_names() {
        assert_eq!(Intent::ALL.len(), 26);
        assert_eq!(
            Intent::parse("reflection_complex"),
            Some(Intent::ReflectionComplex)
        );
        assert_eq!(Intent::AcknowledgeOwnPart.as_str(), "acknowledge_own_part");
        assert_eq!(Intent::parse("Reflection"), None);
    }

    #[test]
    fn serde_spelling_matches_as_str() {
        for intent in Intent::ALL {
            let json = serde_json::to_string(intent).unwrap();
            assert_eq!(json, format!("\"{}\"", intent.as_str()));
        }
        for skill in Skill::ALL {
            let json = serde_json::to_string(skill).unwrap();
            assert_eq!(json, format!("\"{}\"", skill.as_str()));
        }
    }

    #[test]
    fn openness_saturates() {
        assert_eq!(Openness::Guarded.shifted(-3), Openness::Guarded);
        assert_eq!(Openness::Moderate.shifted(1), Openness::Open);
        assert_eq!(Openness::Open.shifted(5), Openness::Open);
    }

    #[test]
    fn markers_fall_in_their_family() {
        assert_eq!(RuptureMarker::TopicShift.kind(), RuptureKind::Withdrawal);
        assert_eq!(
            RuptureMarker::ComplaintAboutProgress.kind(),
            RuptureKind::Confrontation
        );
    }
}
