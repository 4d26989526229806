//! Throughput of the free-text classifier on a realistic mix of one-to-three
//! sentence responses, each with its client context. Criterion reports
//! responses per second ("elements"); the target is 50,000/s on one core.
//!
//! `cargo bench --no-default-features --bench classifier`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rapport::classify::classify;
use rapport::cli::jsonl::classify_jsonl;
use std::hint::black_box;

/// (client, response) pairs in the registers trainees use: reflections,
/// questions, roadblocks, repair moves, frame talk, typos and backchannel.
const MIX: &[(&str, &str)] = &[
    (
        "I haven't slept properly in about three weeks.",
        "Three weeks of bad sleep. That sounds exhausting.",
    ),
    (
        "My husband left me last month and I can't stop crying.",
        "I'm so sorry. It sounds like the ground has gone from under you.",
    ),
    (
        "I don't know whether to leave him.",
        "Part of you wants to leave, and part of you is scared of what you'd lose.",
    ),
    (
        "Work has been a nightmare.",
        "What's been the hardest part of it for you?",
    ),
    (
        "I've been drinking more.",
        "Have you tried cutting down a bit at weekends?",
    ),
    (
        "I feel like such a failure.",
        "Don't worry, everyone feels like that sometimes. It'll get better.",
    ),
    (
        "You're not listening to me.",
        "You're right, I rushed ahead there. I'm sorry. Can you tell me again?",
    ),
    (
        "Okay.",
        "I notice you went quiet when I asked about your dad. What happened for you just then?",
    ),
    (
        "What happens to what I say here?",
        "What you say stays confidential, unless I'm worried someone is at risk of serious harm. We meet weekly for 50 minutes.",
    ),
    ("And then he just walked out.", "Mm-hm."),
    (
        "i dont know what to do anymore",
        "its ok, take ur time. whats been going on",
    ),
    (
        "I only drink to relax.",
        "But surely you can see it's making things worse.",
    ),
    (
        "I got the job!",
        "That's brilliant, it took real determination to keep applying.",
    ),
    (
        "Why do we have to do the diary?",
        "The diary helps us spot patterns between what happens and how you feel.",
    ),
    (
        "My mum shouts at me constantly.",
        "At least she cares enough to shout, I suppose.",
    ),
    ("", "Hi, come in, have a seat. How are you doing today?"),
    (
        "I think that's everything.",
        "So far you've told me about the move, losing your friends, and the pressure from your parents. Have I got that right?",
    ),
    (
        "I feel anxious all the time.",
        "A lot of people with anxiety notice it most in the mornings.",
    ),
    (
        "Are you married?",
        "I am, yes. But I'm curious what made you wonder about that.",
    ),
    (
        "This homework is pointless.",
        "Shall we put the worksheet aside today and just talk?",
    ),
];

fn bench_classify(c: &mut Criterion) {
    // Build the lexicon automaton before timing.
    black_box(classify("warm up", "warm up"));
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(MIX.len() as u64));
    group.bench_function("mixed_responses", |b| {
        b.iter(|| {
            for (client, response) in MIX {
                black_box(classify(black_box(client), black_box(response)));
            }
        })
    });
    group.finish();

    let mut lines = String::new();
    for (client, response) in MIX {
        lines.push_str(&format!(
            "{{\"client\": {:?}, \"response\": {:?}}}\n",
            client, response
        ));
    }
    let mut group = c.benchmark_group("classify_jsonl");
    group.throughput(Throughput::Elements(MIX.len() as u64));
    group.bench_function("mixed_lines", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(64 * 1024);
            black_box(classify_jsonl(lines.as_bytes(), &mut out).expect("in-memory I/O"));
            out
        })
    });
    group.finish();
}

criterion_group!(benches, bench_classify);
criterion_main!(benches);
