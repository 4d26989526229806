//! Unit tests of the classifier's behaviour on the definitions' own examples
//! and on the context rules.

use super::*;

fn intent(client: &str, response: &str) -> Intent {
    classify(client, response).intent
}

#[test]
fn definition_examples() {
    let cases: &[(&str, &str, Intent)] = &[
        (
            "This week has been exhausting, work never stops.",
            "So the week has been exhausting.",
            Intent::ReflectionSimple,
        ),
        (
            "I don't know whether to leave him.",
            "Part of you wants to leave, and part of you is scared of what you'd lose.",
            Intent::ReflectionComplex,
        ),
        (
            "It happened on Tuesday.",
            "What was that like for you?",
            Intent::OpenQuestion,
        ),
        (
            "I've not been sleeping.",
            "Did you sleep last night?",
            Intent::ClosedQuestion,
        ),
        (
            "My daughter is struggling.",
            "How old is she?",
            Intent::ClosedQuestion,
        ),
        (
            "I almost didn't come.",
            "It took courage to come here today.",
            Intent::Affirmation,
        ),
        (
            "He lied to me again and I screamed at him.",
            "Of course you're angry; anyone would be after that.",
            Intent::Validation,
        ),
        (
            "My dog died on Sunday.",
            "I'm so sorry. That sounds really painful.",
            Intent::EmpathicReaction,
        ),
        (
            "I just feel numb since she died.",
            "A lot of people feel numb in the first weeks after a loss.",
            Intent::Normalizing,
        ),
        (
            "I'm terrified about the exam.",
            "Don't worry, it'll all work out.",
            Intent::Reassurance,
        ),
        (
            "I feel low every morning.",
            "You should try going for a walk every morning.",
            Intent::Advice,
        ),
        (
            "I can't switch off.",
            "Have you tried meditation?",
            Intent::Advice,
        ),
        (
            "I had a panic attack on the bus.",
            "Panic attacks usually peak within ten minutes.",
            Intent::Information,
        ),
        (
            "I only drink to relax.",
            "But surely you can see that drinking is making it worse.",
            Intent::Persuasion,
        ),
        (
            "I didn't go to her wedding.",
            "That was a pretty selfish thing to do.",
            Intent::Judgment,
        ),
        (
            "I lost my promotion.",
            "At least you still have your job.",
            Intent::Minimizing,
        ),
        (
            "I lost my promotion.",
            "It's not that bad.",
            Intent::Minimizing,
        ),
        (
            "My dad died last year.",
            "When my father died I felt the same.",
            Intent::SelfDisclosure,
        ),
        (
            "...",
            "I'm noticing you went quiet when I asked about your mum. What happened for you just then?",
            Intent::Metacommunication,
        ),
        (
            "I don't know.",
            "How is it for you, talking with me about this?",
            Intent::Metacommunication,
        ),
        (
            "You're not listening to me.",
            "You're right, I pushed too hard there. I'm sorry.",
            Intent::AcknowledgeOwnPart,
        ),
        (
            "She did the thing again.",
            "Can I check I've understood? Did you mean your sister?",
            Intent::Clarification,
        ),
        (
            "Why do you always ask about my week?",
            "The reason I ask about your week is that it helps us spot patterns.",
            Intent::Rationale,
        ),
        (
            "",
            "What's been most and least helpful today?",
            Intent::AskingFeedback,
        ),
        (
            "How does this work?",
            "Our sessions are 50 minutes, once a week.",
            Intent::Frame,
        ),
        (
            "I hate these worksheets.",
            "Shall we put the worksheet aside and just talk about what's on your mind?",
            Intent::ChangeTask,
        ),
        ("And then he just left.", "Mm-hm.", Intent::Facilitative),
        ("And then he just left.", "Go on.", Intent::Facilitative),
        ("And then he just left.", "I see.", Intent::Facilitative),
        ("And then he just left.", "Right.", Intent::Facilitative),
        ("", "Hi, come in, have a seat.", Intent::Greeting),
        ("Thanks, bye.", "See you next week.", Intent::Greeting),
        ("", "", Intent::Other),
    ];
    let mut failures = Vec::new();
    for (client, response, expected) in cases {
        let got = classify(client, response);
        if got.intent != *expected {
            failures.push(format!(
                "{response:?}: expected {expected}, got {} {:?}",
                got.intent, got.secondary
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn empty_and_blank_input_score_zero() {
    for response in ["", "   ", "\n\t", "?!", "-"] {
        let c = classify("I feel awful", response);
        assert_eq!(c.intent, Intent::Other, "{response:?}");
        assert_eq!((c.empathy, c.warmth, c.repair), (0.0, 0.0, 0.0));
        assert_eq!(c.epitome, Epitome::default());
    }
}

#[test]
fn a_silence_is_facilitative() {
    let c = classify("(long pause)", "...");
    assert_eq!(c.intent, Intent::Facilitative);
    assert_eq!(c.evidence[0].text, "...");
}

#[test]
fn typos_lower_case_and_no_punctuation() {
    assert_eq!(
        intent("I'm worried sick", "dont worry its gonna be fine"),
        Intent::Reassurance
    );
    assert_eq!(intent("", "what was that like for u"), Intent::OpenQuestion);
    assert_eq!(intent("", "mm hm"), Intent::Facilitative);
    assert_eq!(intent("", "ok"), Intent::Facilitative);
    assert_eq!(
        intent("My boss shouted at me.", "i apologise, i got that wrong"),
        Intent::AcknowledgeOwnPart
    );
}

#[test]
fn a_roadblock_costs_more_after_a_painful_disclosure() {
    let neutral = classify(
        "I've been thinking about running more.",
        "You should join a running club.",
    );
    let painful = classify(
        "My husband left me last night and I can't stop crying.",
        "You should join a running club.",
    );
    assert_eq!(neutral.intent, Intent::Advice);
    assert_eq!(painful.intent, Intent::Advice);
    assert!(painful.empathy <= neutral.empathy);
    assert!(painful.warmth < neutral.warmth);
}

#[test]
fn a_new_feeling_makes_a_reflection_complex() {
    let simple = classify("I'm so tired all the time.", "You're tired all the time.");
    assert_eq!(simple.intent, Intent::ReflectionSimple);
    let complex = classify(
        "I'm so tired all the time.",
        "It sounds like you're lonely as well as tired.",
    );
    assert_eq!(complex.intent, Intent::ReflectionComplex);
    assert!(complex.epitome.interpretation == 2);
}

#[test]
fn repair_moves_score_repair() {
    let own = classify(
        "You're not listening to me.",
        "You're right, I rushed you. I'm sorry.",
    );
    let defend = classify(
        "You're not listening to me.",
        "I was only trying to help, you misunderstood me.",
    );
    assert!(own.repair > 0.8, "{own:?}");
    assert!(defend.repair < 0.2, "{defend:?}");
    assert!(own.warmth > defend.warmth);
}

#[test]
fn every_label_has_evidence_within_the_response() {
    let response = "I’m so sorry – it sounds like you feel really let down. What happened next?";
    let c = classify("My sister didn't turn up.", response);
    for label in std::iter::once(c.intent).chain(c.secondary.iter().copied()) {
        assert!(
            c.evidence.iter().any(|e| e.label == label.as_str()),
            "no evidence for {label}: {c:?}"
        );
    }
    for e in &c.evidence {
        assert!(response.is_char_boundary(e.start) && response.is_char_boundary(e.end));
        assert_eq!(&response[e.start..e.end], e.text);
        assert!(!e.why.is_empty());
    }
}

#[test]
fn frame_items_are_listed() {
    let c = classify(
        "What happens to what I tell you?",
        "Everything you say is confidential, unless I think you or someone else is at risk of serious harm. We meet weekly for 50 minutes and review after six weeks. I don't accept friend requests on social media.",
    );
    assert_eq!(c.intent, Intent::Frame);
    for item in [
        FrameItem::Confidentiality,
        FrameItem::ConfidentialityLimit,
        FrameItem::SessionLength,
        FrameItem::Frequency,
        FrameItem::ReviewPoint,
        FrameItem::SocialMedia,
    ] {
        assert!(c.frame.contains(&item), "missing {item}: {:?}", c.frame);
    }
}

#[test]
fn scores_stay_in_range() {
    let c = classify(
        "I want to die.",
        "You're being ridiculous, just get over it.",
    );
    assert!(c.empathy <= 0.2 && c.warmth <= 0.3, "{c:?}");
    for v in [c.empathy, c.warmth, c.repair] {
        assert!((0.0..=1.0).contains(&v));
    }
}
