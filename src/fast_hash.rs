//! Hash tables with a fast hash for the short string keys of the word lists and the
//! per-story tables (FxHash, as in rustc-hash 2).
//!
//! std's SipHash took 15% of the instructions of an analysis, all on words of a few
//! bytes. SipHash's strength, resisting keys chosen to collide, buys little here: the
//! keys are the words of the one story being analyzed, in its reader's own browser or
//! batch job, and a collision costs time, never correctness.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type FastHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastHashSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// Multiply-and-add over 8-byte words (the rustc-hash 2 constant and finish).
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = self.hash.wrapping_add(word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        // The length keeps `ab` apart from `ab\0`, whose padded words are equal.
        self.add(u64::from_le_bytes(word) ^ (bytes.len() as u64).rotate_left(56));
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves its best bits high; the table indexes with the low ones.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn nearby_keys_hash_apart() {
        let build = BuildHasherDefault::<FastHasher>::default();
        let keys = [
            "",
            "a",
            "ab",
            "ab\0",
            "ba",
            "kim",
            "kim jong un",
            "kim jong-un",
        ];
        let hashes: FastHashSet<u64> = keys.iter().map(|k| build.hash_one(k)).collect();
        assert_eq!(hashes.len(), keys.len());
    }

    #[test]
    fn tables_work_as_tables() {
        let mut table: FastHashMap<String, usize> = FastHashMap::default();
        for (i, word) in ["Seoul", "Moscow", "seoul", "Seoul"].iter().enumerate() {
            table.insert(word.to_string(), i);
        }
        assert_eq!(table.len(), 3);
        assert_eq!(table.get("Seoul"), Some(&3));
        assert_eq!(table.get("Pyongyang"), None);
    }
}
