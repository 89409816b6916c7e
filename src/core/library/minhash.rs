//! MinHash signatures over a claim's words and LSH bands: finds the same claim reworded slightly.

/// Hashes per signature; `BANDS` × `ROWS` of them. 10 bands of 3 rows make two claims with a
/// Jaccard similarity of 0.6 share a band 91 % of the time, and unrelated ones (0.1) about 1 %.
pub const HASHES: usize = 30;
pub const BANDS: usize = 10;
const ROWS: usize = HASHES / BANDS;

/// Estimated Jaccard similarity from which two quotes are "the same claim".
pub const SAME_CLAIM_JACCARD: f32 = 0.5;
/// Or: this share of the shorter quote's words in the longer one (a truncated quote).
pub const SAME_CLAIM_CONTAINMENT: f32 = 0.8;
/// Containment alone decides only for quotes with at least this many shingles.
const MIN_SHINGLES_FOR_CONTAINMENT: u32 = 6;

/// Words that say nothing about which claim this is (attribution and function words).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or",
    "is", "are", "was", "were", "be", "been", "it", "its", "that", "this", "as", "has", "have",
    "had", "said", "says", "say", "he", "she", "they", "we", "i", "his", "her", "their", "our",
];

/// The words of `text`, lowercased; digits keep their inner separators ("3,000", "1.5"), and a
/// plural "s" is dropped so "tanks" and "tank" meet.
pub fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let inner_sep = (c == ',' || c == '.')
            && cur.chars().last().is_some_and(|p| p.is_ascii_digit())
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if inner_sep {
            // A thousands separator or decimal point stays inside the number.
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(normalise(std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push(normalise(cur));
    }
    out
}

fn normalise(mut w: String) -> String {
    let n = w.chars().count();
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    w.replace(',', "")
}

/// FNV-1a: a hash that never changes between versions or platforms (signatures are compared
/// with ones computed by other runs, so std's randomised hasher will not do).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64's finaliser: turns one shingle hash into `HASHES` independent-looking ones.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The shingles of a quote: its content words and each pair of neighbouring content words,
/// hashed. Words catch rewording and reordering; pairs keep "A beat B" apart from "B beat A".
pub fn shingles(text: &str) -> Vec<u64> {
    let content: Vec<String> = words(text)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    let mut out: Vec<u64> = content.iter().map(|w| fnv1a(w.as_bytes())).collect();
    for pair in content.windows(2) {
        out.push(fnv1a(format!("{} {}", pair[0], pair[1]).as_bytes()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A MinHash signature and the number of shingles it summarises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    mins: [u32; HASHES],
    len: u32,
}

impl Signature {
    /// `None` for a text without a single content word.
    pub fn of(text: &str) -> Option<Signature> {
        let sh = shingles(text);
        if sh.is_empty() {
            return None;
        }
        let mut mins = [u32::MAX; HASHES];
        for s in &sh {
            for (i, m) in mins.iter_mut().enumerate() {
                // The low 32 bits: plenty to estimate similarity, half the memory.
                let h = mix(s ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) as u32;
                if h < *m {
                    *m = h;
                }
            }
        }
        Some(Signature {
            mins,
            len: u32::try_from(sh.len()).unwrap_or(u32::MAX),
        })
    }

    /// Estimated Jaccard similarity of the two shingle sets (0..=1).
    pub fn jaccard(&self, other: &Signature) -> f32 {
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f32 / HASHES as f32
    }

    /// Estimated share of the smaller set found in the larger one, from the Jaccard estimate
    /// and the two sizes: |A∩B| = J·(|A|+|B|)/(1+J).
    pub fn containment(&self, other: &Signature) -> f32 {
        let j = self.jaccard(other);
        let (a, b) = (self.len as f32, other.len as f32);
        let inter = j * (a + b) / (1.0 + j);
        (inter / a.min(b).max(1.0)).min(1.0)
    }

    /// Whether the two quotes are the same claim: nearly the same words, or one a truncation
    /// of the other.
    pub fn same_claim(&self, other: &Signature) -> bool {
        self.jaccard(other) >= SAME_CLAIM_JACCARD
            || (self.len.min(other.len) >= MIN_SHINGLES_FOR_CONTAINMENT
                && self.containment(other) >= SAME_CLAIM_CONTAINMENT)
    }

    /// One key per band: quotes sharing any key are candidates for the same claim.
    pub fn bands(&self) -> [u64; BANDS] {
        let mut out = [0u64; BANDS];
        for (b, key) in out.iter_mut().enumerate() {
            let mut h = fnv1a(&(b as u64).to_le_bytes());
            for r in 0..ROWS {
                h = mix(h ^ u64::from(self.mins[b * ROWS + r]));
            }
            *key = h;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(t: &str) -> Signature {
        Signature::of(t).expect("has words")
    }

    #[test]
    fn words_keep_numbers_and_fold_plurals() {
        assert_eq!(
            words("More than 3,000 homicides; 1.5 tanks."),
            ["more", "than", "3000", "homicide", "1.5", "tank"]
        );
        assert!(Signature::of("the of a").is_none());
        assert!(Signature::of("").is_none());
    }

    #[test]
    fn identical_text_is_identical_and_unrelated_text_is_not() {
        let a = sig("North Korea denied providing arms to Moscow");
        assert_eq!(a.jaccard(&a), 1.0);
        assert_eq!(
            a.bands(),
            sig("north korea DENIED providing arms to moscow!").bands()
        );
        let b = sig("The central bank raised interest rates by half a point");
        assert!(a.jaccard(&b) < 0.2, "{}", a.jaccard(&b));
        assert!(!a.same_claim(&b));
    }

    #[test]
    fn small_changes_stay_the_same_claim() {
        let a = sig(
            "More than 3,000 homicides were committed by illegal aliens over the past six years",
        );
        let figure = sig(
            "More than 2,000 homicides were committed by illegal aliens over the past six years",
        );
        let cut = sig("More than 3,000 homicides were committed by illegal aliens");
        assert!(a.same_claim(&figure), "{}", a.jaccard(&figure));
        assert!(a.same_claim(&cut), "{}", a.containment(&cut));
        // Sharing a band is likely but not certain; the estimate itself must be high.
        assert!(a.jaccard(&figure) > 0.5);
    }

    #[test]
    fn hashes_are_stable_across_versions() {
        // Stored band keys are compared with new ones: this value must never change.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
