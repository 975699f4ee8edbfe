//! The demo's random numbers: SplitMix64, written here so that a seed gives
//! the same network in every version of kyoso, whatever its dependencies do.

#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for one item of one stream: the same seed, stream and
    /// index always give the same numbers, in any order of asking.
    pub(crate) fn for_item(seed: u64, stream: u64, index: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        rng.0 ^= rng
            .next()
            .wrapping_add(index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next();
        rng
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n.max(1))) >> 64) as u64
    }

    pub(crate) fn range(&mut self, low: i64, high_inclusive: i64) -> i64 {
        low + self.below((high_inclusive - low + 1).max(1) as u64) as i64
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An index chosen with the given weights.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut at = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if at < u64::from(w) {
                return i;
            }
            at -= u64::from(w);
        }
        weights.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_stable_and_spread() {
        let a: Vec<u64> = (0..3).map(|i| Rng::for_item(42, 1, i).next()).collect();
        let b: Vec<u64> = (0..3).map(|i| Rng::for_item(42, 1, i).next()).collect();
        assert_eq!(a, b);
        assert_ne!(a[0], a[1]);
        let mut rng = Rng::for_item(1, 2, 3);
        let mut counts = [0; 4];
        for _ in 0..40_000 {
            counts[rng.weighted(&[1, 1, 1, 1])] += 1;
        }
        assert!(
            counts.iter().all(|&c| (9_000..11_000).contains(&c)),
            "{counts:?}"
        );
    }
}
