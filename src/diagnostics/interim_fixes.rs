//! Fixes given here until the texts build them next to their message (issue 10 does it for
//! every help that names the exact replacement). Each applies only when the texts carry no
//! fix of their own, so that once the texts have one this file can simply be deleted.
//!
//! `udm entro` → `udm data` is here so that the language server's quick fixes have a real
//! diagnostic to be tested against.

use super::{Applicability, Diagnostic, Edit, Fix, Kind, Lang, Texts};
use crate::syntax::error::SyntaxError;

pub fn add(d: &Diagnostic, texts: Texts, lang: Lang) -> Texts {
    if !texts.fixes.is_empty() {
        return texts;
    }
    match &d.kind {
        Kind::Syntax(SyntaxError::UdmEntro) => texts.fix(Fix::new(
            lang.pick("Scrivi `udm data`", "Write `udm data`")
                .to_string(),
            Applicability::Safe,
            vec![Edit::replace(d.span, "data")],
        )),
        _ => texts,
    }
}
