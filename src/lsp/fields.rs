//! The fields each block accepts and the words each field takes, read from the language's own
//! definitions (the grammar and `syntax::vocab`), so that a field or a word added there is
//! offered by completion without touching the server.

use crate::syntax::vocab::{FIELD_VOCABULARIES, ITEM_KEYWORDS};
use std::sync::OnceLock;

const GRAMMAR: &str = include_str!("../../grammar/piano.pest");

/// The keywords that start a line of the block opened by `keyword` (`pesi uguali` is two
/// words), in the grammar's order; empty for an unknown block.
pub fn block_fields(keyword: &str) -> &'static [String] {
    static TABLE: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        ITEM_KEYWORDS
            .iter()
            .chain(&["indicatore"])
            .map(|k| (k.to_string(), fields_of_rule(&format!("{k}_field"))))
            .collect()
    });
    table
        .iter()
        .find(|(k, _)| k == keyword)
        .map_or(&[], |(_, f)| f.as_slice())
}

/// The closed vocabulary of a field (`udm`, `tipologia`, ...), canonical words first.
pub fn vocabulary(field: &str) -> Option<Vec<&'static str>> {
    FIELD_VOCABULARIES
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, words)| words())
}

/// The body of a grammar rule: the text between the `{` after `name =` and its `}`.
fn rule_body(name: &str) -> Option<&'static str> {
    let mut rest = GRAMMAR;
    loop {
        let at = rest.find(name)?;
        let before_ok = at == 0 || rest.as_bytes()[at - 1] == b'\n';
        let after = &rest[at + name.len()..];
        let trimmed = after.trim_start_matches([' ', '\t']);
        if before_ok && trimmed.starts_with('=') {
            let open = trimmed.find('{')?;
            let body = &trimmed[open + 1..];
            let mut depth = 1usize;
            for (i, c) in body.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(&body[..i]);
                        }
                    }
                    _ => {}
                }
            }
            return None;
        }
        rest = &rest[at + name.len()..];
    }
}

fn identifiers(body: &str) -> impl Iterator<Item = &str> {
    body.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// The keywords of the alternatives of a `*_field` rule; a nested `*_field` rule (a template
/// takes every indicator field) is followed, once.
fn fields_of_rule(rule: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending = vec![rule.to_string()];
    let mut seen = Vec::new();
    while let Some(rule) = pending.pop() {
        if seen.contains(&rule) {
            continue;
        }
        let Some(body) = rule_body(&rule) else {
            continue;
        };
        seen.push(rule);
        for id in identifiers(body) {
            match leading_keywords(id) {
                Some(k) if !out.contains(&k) => out.push(k),
                Some(_) => {}
                None if id.ends_with("_field") => pending.push(id.to_string()),
                None => {}
            }
        }
    }
    out
}

/// `pesi_uguali = { kw_pesi ~ kw_uguali }` → `pesi uguali`: the keywords a rule starts with.
fn leading_keywords(rule: &str) -> Option<String> {
    let body = rule_body(rule)?;
    let words: Vec<&str> = identifiers(body)
        .map_while(|w| w.strip_prefix("kw_"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::vocab::FIELD_KEYWORDS;

    #[test]
    fn blocks_take_the_fields_of_the_grammar() {
        let has = |block: &str, fields: &[&str]| {
            for f in fields {
                assert!(
                    block_fields(block).iter().any(|x| x == f),
                    "{block} lacks {f}: {:?}",
                    block_fields(block)
                );
            }
        };
        has(
            "piano",
            &["ente", "anno", "triennio", "approvato", "descrizione"],
        );
        has("punteggio", &["massimo", "ritardo", "dati_mancanti"]);
        has("strategico", &["ambito", "descrizione"]);
        has(
            "obiettivo",
            &[
                "indicatore",
                "misura",
                "strategico",
                "missione",
                "pesi uguali",
            ],
        );
        has(
            "indicatore",
            &["target", "udm", "formula", "modello", "peso"],
        );
        // A template takes its measures and every indicator field.
        has("modello", &["misura", "target", "udm", "formula"]);
        assert!(!block_fields("piano").iter().any(|f| f == "target"));
        assert!(block_fields("nonsense").is_empty());
    }

    #[test]
    fn every_field_is_a_known_keyword() {
        for block in ITEM_KEYWORDS.iter().chain(&["indicatore"]) {
            for field in block_fields(block) {
                let first = field.split(' ').next().unwrap_or("");
                assert!(FIELD_KEYWORDS.contains(&first), "{block}: {field}");
            }
        }
    }

    #[test]
    fn vocabularies_come_from_syntax() {
        assert!(vocabulary("udm").unwrap().contains(&"%"));
        assert!(vocabulary("tipologia").unwrap().contains(&"qualità"));
        assert!(!vocabulary("tipologia").unwrap().contains(&"qualita"));
        assert!(vocabulary("tipo").unwrap().contains(&"impatto"));
        assert!(vocabulary("ente").is_none());
    }
}
