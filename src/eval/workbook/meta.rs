//! The hidden sheet of a workbook made by `piano template`: the plan's fingerprint and the
//! codes and units the template was made with, so that reading it back can tell a deleted row
//! from a code the plan added later, and name what changed. Written and read here only.

use super::grid::{Content, Grid};
use crate::eval::needs::Need;
use crate::syntax::vocab::Vocabulary;

/// The sheet's name.
pub const SHEET: &str = "_piano";
/// The label of the fingerprint's row.
const FINGERPRINT: &str = "impronta";

/// What the template was made with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub fingerprint: String,
    /// `(code, udm)` in template order.
    pub codes: Vec<(String, String)>,
}

/// The `(code, udm)` pairs of a plan's needs.
pub fn pairs(needs: &[Need]) -> Vec<(String, String)> {
    needs
        .iter()
        .map(|n| (n.code.to_string(), n.udm.canonical().to_string()))
        .collect()
}

/// The rows of the sheet for the `(code, udm)` pairs of a plan: label and value, then a header
/// and one row per code.
pub fn rows(pairs: &[(String, String)], plan: &str) -> Vec<[String; 2]> {
    let fingerprint =
        crate::eval::fingerprint::of_pairs(pairs.iter().map(|(c, u)| (c.as_str(), u.as_str())));
    let mut rows = vec![
        [FINGERPRINT.into(), fingerprint],
        ["piano".into(), plan.into()],
        [
            "nota".into(),
            "Foglio tecnico di piano template: non modificarlo".into(),
        ],
        [String::new(), String::new()],
        ["codice".into(), "udm".into()],
    ];
    rows.extend(pairs.iter().map(|(c, u)| [c.clone(), u.clone()]));
    rows
}

fn text(grid: &Grid, row: u32, col: u32) -> Option<&str> {
    match &grid.get(&(row, col))?.content {
        Content::Text(s) => Some(s.trim()),
        _ => None,
    }
}

/// Reads the sheet back; `None` when it is not one of ours.
pub fn read(grid: &Grid) -> Option<Meta> {
    let last = grid.keys().map(|&(r, _)| r).max()?;
    let fingerprint = (0..=last)
        .find(|&r| text(grid, r, 0) == Some(FINGERPRINT))
        .and_then(|r| text(grid, r, 1))?
        .to_string();
    let header = (0..=last).find(|&r| text(grid, r, 0) == Some("codice"))?;
    let codes = (header.saturating_add(1)..=last)
        .map_while(|r| Some((text(grid, r, 0)?.to_string(), text(grid, r, 1)?.to_string())))
        .collect();
    Some(Meta { fingerprint, codes })
}
