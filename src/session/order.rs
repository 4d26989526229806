//! The order a menu's options are shown in. Authors tend to write the best
//! option first; showing the file order would give it away. The order is
//! drawn from the attempt's seed and the trainee turn's id, so it differs
//! across attempts and between menus, yet a rewind, a resume or a replay of
//! the same attempt shows exactly the same order. Answers, records and saved
//! play-throughs name options by id, so the order never changes what they mean.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// Keeps the order's draws apart from the seed's other uses (line variants, `--auto random`).
const ORDER_STREAM: u64 = 0x0bde_5eed_0f0b_7105;

/// The shown order of a menu of `len` options: a permutation of `0..len`,
/// where position `k` holds the index (in file order) of the `k`-th option shown.
pub fn shown_order(seed: u64, node_id: &str, len: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ ORDER_STREAM ^ fnv1a(node_id));
    order.shuffle(&mut rng);
    order
}

/// FNV-1a: a fixed, portable hash of the node id (std's hasher may change
/// between Rust releases, which would reshuffle saved attempts).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_order_is_a_permutation() {
        let mut order = shown_order(7, "open", 5);
        order.sort_unstable();
        assert_eq!(order, vec![0, 1, 2, 3, 4]);
        assert!(shown_order(7, "open", 0).is_empty());
    }

    #[test]
    fn the_same_seed_and_node_give_the_same_order() {
        assert_eq!(shown_order(42, "open", 4), shown_order(42, "open", 4));
    }

    #[test]
    fn the_order_varies_with_the_seed_and_the_node() {
        let by_seed: HashSet<Vec<usize>> = (0..40).map(|s| shown_order(s, "open", 4)).collect();
        assert!(by_seed.len() >= 10, "{} orders", by_seed.len());
        let firsts: HashSet<usize> = (0..40).map(|s| shown_order(s, "open", 4)[0]).collect();
        assert_eq!(firsts.len(), 4, "every option is shown first for some seed");
        let by_node: HashSet<Vec<usize>> = (0..40)
            .map(|n| shown_order(1, &format!("node-{n}"), 4))
            .collect();
        assert!(by_node.len() >= 10, "{} orders", by_node.len());
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
