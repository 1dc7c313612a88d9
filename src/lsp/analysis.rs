//! What the server knows about one version of a document: the syntax tree, the checker's
//! resolved plan and diagnostics, and the indexes the requests read (built on first use).

use super::blocks::Blocks;
use super::navigation::NavIndex;
use crate::check::{self, Checked};
use crate::diagnostics::Lang;
use crate::repair::{self, Repaired};
use crate::syntax::{self, Parsed};
use std::cell::OnceCell;

pub struct Analysis {
    pub parsed: Parsed,
    pub checked: Checked,
    nav: OnceCell<NavIndex>,
    blocks: OnceCell<Blocks>,
    repaired: OnceCell<Repaired>,
}

impl Analysis {
    pub fn new(text: &str) -> Self {
        let parsed = syntax::parse(text);
        let checked = check::check(&parsed, text);
        Analysis {
            parsed,
            checked,
            nav: OnceCell::new(),
            blocks: OnceCell::new(),
            repaired: OnceCell::new(),
        }
    }

    /// Definitions and references of the names in the plan.
    pub fn nav(&self) -> &NavIndex {
        self.nav.get_or_init(|| NavIndex::new(&self.parsed.plan))
    }

    /// The text with every safe fix applied, as `piano check --fix` writes it (the titles,
    /// unused, in Italian).
    pub fn repaired(&self, text: &str) -> &Repaired {
        self.repaired
            .get_or_init(|| repair::repair(text, repair::Options::default(), Lang::It))
    }

    /// The blocks of the text as written (for completion, which works on broken text too).
    pub fn blocks(&self, text: &str) -> &Blocks {
        self.blocks.get_or_init(|| Blocks::new(text))
    }
}
