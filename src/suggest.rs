//! "Did you mean": the closest known word to an unknown one.

/// The candidate closest to `word`, if it is close enough to be a plausible typo. Ties are
/// broken by a stable rule (higher similarity, then fewer edits, then alphabetical order), so
/// that the answer never depends on the order of the candidates (a hash map's, for names).
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // Nothing is a typo of a very long word, and comparing one costs its length squared.
    if word.len() > 64 {
        return None;
    }
    let word_lower = word.to_lowercase();
    let mut best: Option<(f64, usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        let score = strsim::jaro_winkler(&word_lower, &candidate.to_lowercase());
        let distance = strsim::levenshtein(&word_lower, &candidate.to_lowercase());
        let close = score >= 0.85 || distance <= 1 + word.chars().count() / 4;
        let better = best.is_none_or(|(s, d, c)| {
            score > s || (score == s && (distance < d || (distance == d && candidate < c)))
        });
        if close && better {
            best = Some((score, distance, candidate));
        }
    }
    best.map(|(_, _, c)| c)
}

/// Whether `suggestion` is a sure correction of `word`, one that `piano check --fix` may apply
/// without asking: the two differ by one letter (added, removed, changed, or two swapped) or
/// only by capitals, and no other candidate is within two letters of `word`. Anything less is
/// a guess the writer must confirm.
pub fn is_sure<'a, I>(word: &str, suggestion: &str, candidates: I) -> bool
where
    I: IntoIterator<Item = &'a str>,
{
    if word.len() > 64 {
        return false;
    }
    let word = word.to_lowercase();
    let distance = |c: &str| strsim::osa_distance(&word, &c.to_lowercase());
    distance(suggestion) <= 1
        && candidates
            .into_iter()
            .filter(|c| *c != suggestion)
            .all(|c| distance(c) > 2)
}

#[cfg(test)]
mod tests {
    use super::{closest, is_sure};

    #[test]
    fn sure_corrections_are_one_letter_away_and_alone() {
        let words = ["efficienza", "efficacia", "volume", "qualità"];
        assert!(is_sure("efficenza", "efficienza", words));
        assert!(is_sure("volmue", "volume", words));
        assert!(is_sure("Volume", "volume", words));
        // Two letters away: a guess.
        assert!(!is_sure("eficenza", "efficienza", words));
        // Another candidate is close too.
        assert!(!is_sure("ore", "ora", ["ora", "oro"]));
    }

    #[test]
    fn finds_typos() {
        let words = ["obiettivo", "indicatore", "strategico"];
        assert_eq!(closest("obbiettivo", words), Some("obiettivo"));
        assert_eq!(closest("indicatori", words), Some("indicatore"));
        assert_eq!(closest("xyz", words), None);
    }

    #[test]
    fn ties_do_not_depend_on_the_order_of_the_candidates() {
        // `ab` is one edit from both, equally similar.
        assert_eq!(closest("ab", ["ac", "aa"]), Some("aa"));
        assert_eq!(closest("ab", ["aa", "ac"]), Some("aa"));
        let mut words = ["misura_b", "misura_a", "misura_c"];
        let first = closest("misura_x", words.iter().copied());
        words.reverse();
        assert_eq!(closest("misura_x", words.iter().copied()), first);
        assert_eq!(first, Some("misura_a"));
    }

    #[test]
    fn short_words_need_to_be_close() {
        assert_eq!(closest("gg", ["ore", "gg"]), None);
        assert_eq!(closest("g", ["gg", "ore"]), Some("gg"));
        assert_eq!(closest("zzz", ["gg", "ore"]), None);
    }
}
