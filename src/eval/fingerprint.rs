//! The fingerprint of what a plan asks of its measurement files: a SHA-256 of the codes it
//! needs and their units, in plan order. `piano template` writes it into the workbook it makes;
//! reading the workbook back, a different fingerprint means the template was made for another
//! version of the plan. Descriptions and titles are left out: rewording a title does not make
//! a filled workbook stale.

use super::needs::Need;
use crate::syntax::vocab::Vocabulary;
use sha2::{Digest, Sha256};

/// Hex digits kept: 64 bits tell versions of one plan apart and stay readable.
const DIGITS: usize = 16;

/// The fingerprint of `(code, unit)` pairs, as lowercase hex.
pub fn of_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut hash = Sha256::new();
    hash.update(b"piano-misure/1\n");
    for (code, udm) in pairs {
        hash.update(code.as_bytes());
        hash.update(b"\t");
        hash.update(udm.as_bytes());
        hash.update(b"\n");
    }
    hash.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
        .chars()
        .take(DIGITS)
        .collect()
}

/// The fingerprint of a plan's needs.
pub fn of(needs: &[Need]) -> String {
    of_pairs(needs.iter().map(|n| (n.code, n.udm.canonical())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_sensitive() {
        // Fixed value (checked with Python's hashlib): it must not change between runs, platforms
        // or versions.
        assert_eq!(of_pairs([("a.b", "n."), ("c", "%")]), "e242fc257b8b88fd");
        assert_eq!(of_pairs([]), of_pairs([]));
        assert_ne!(of_pairs([("a.b", "n.")]), of_pairs([("a.b", "%")]));
        assert_ne!(
            of_pairs([("a", "n."), ("b", "n.")]),
            of_pairs([("b", "n."), ("a", "n.")])
        );
        assert_ne!(of_pairs([("ab", "n.")]), of_pairs([("a", "bn.")]));
    }
}
