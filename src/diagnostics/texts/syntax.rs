//! Texts of syntax diagnostics.

use super::{Texts, did_you_mean, list, tr, write};
use crate::diagnostics::{Applicability, Edit, Fix, Lang};
use crate::range::{LARGEST, MAX_DECIMALS, MAX_INTEGER_DIGITS};
use crate::span::Span;
use crate::suggest;
use crate::syntax::ast::{CostNature, LitUnit, MissingData, Tipo, Tipologia, Udm};
use crate::syntax::error::{Block, Expected, SyntaxError, Vocab};
use crate::syntax::vocab::{FIELD_KEYWORDS, ITEM_KEYWORDS, Vocabulary, udm_synonym, unit_synonym};

use Applicability::{Safe, Unsafe};

pub fn expected(lang: Lang, e: Expected) -> String {
    use Expected as E;
    match e {
        E::Text => tr!(lang, "un testo tra virgolette", "a text in quotes"),
        E::Name => tr!(
            lang,
            "un nome (in minuscolo, es. `risorse_utilizzate`)",
            "a name (lowercase, e.g. `risorse_utilizzate`)"
        ),
        E::Code => tr!(lang, "un codice (es. `01_01`)", "a code (e.g. `01_01`)"),
        E::Year => tr!(
            lang,
            "un anno di quattro cifre (es. `2024`)",
            "a four-digit year (e.g. `2024`)"
        ),
        E::Number => tr!(lang, "un numero (es. `12,5`)", "a number (e.g. `12,5`)"),
        E::Value => tr!(
            lang,
            "un numero, una data, `sì`/`no` o `n.d.`",
            "a number, a date, `sì`/`no` or `n.d.`"
        ),
        E::Comparator => tr!(
            lang,
            "un comparatore (`>=`, `<=`, `=`, `>`, `<`, `entro`) o `n.d.`",
            "a comparator (`>=`, `<=`, `=`, `>`, `<`, `entro`) or `n.d.`"
        ),
        E::Udm => tr!(
            lang,
            "un'unità di misura (`n.`, `%`, `€`, `gg`, `ore`, `anni`, `punti`, `data`, `sì/no`)",
            "a unit of measure (`n.`, `%`, `€`, `gg`, `ore`, `anni`, `punti`, `data`, `sì/no`)"
        ),
        E::Expression => tr!(lang, "un nome, un numero o `(`", "a name, a number or `(`"),
        E::Operator => tr!(
            lang,
            "un operatore (`+`, `-`, `*`, `/`)",
            "an operator (`+`, `-`, `*`, `/`)"
        ),
        E::OpenBrace => "`{`".into(),
        E::CloseBrace => "`}`".into(),
        E::CloseParen => "`)`".into(),
        E::LineEnd => tr!(lang, "la fine della riga", "the end of the line"),
        E::Keyword(k) => format!("`{k}`"),
    }
}

/// The numeric range, in words (`crate::range`).
fn range_help(lang: Lang) -> String {
    tr!(
        lang,
        "i numeri vanno da -{LARGEST} a {LARGEST}, con al più {MAX_DECIMALS} decimali: un valore fuori da questo intervallo è quasi sempre un errore di battitura",
        "numbers range from -{LARGEST} to {LARGEST}, with at most {MAX_DECIMALS} decimals: a value outside this range is almost always a typo"
    )
}

fn expected_list(lang: Lang, items: &[Expected]) -> String {
    let words: Vec<String> = items.iter().map(|e| expected(lang, *e)).collect();
    list(lang, &words)
}

fn found(lang: Lang, found: &str) -> String {
    if found.is_empty() {
        tr!(lang, "la fine della riga", "the end of the line")
    } else {
        format!("`{found}`")
    }
}

pub fn block_name(lang: Lang, block: Block) -> String {
    match block {
        Block::TopLevel => tr!(lang, "al primo livello", "at top level"),
        Block::Risorse => tr!(lang, "nel blocco `risorse`", "in a `risorse` block"),
        b => {
            let k = b.keyword();
            tr!(lang, "in un blocco `{k}`", "in block `{k}`")
        }
    }
}

fn vocab_name(lang: Lang, v: Vocab) -> (String, Vec<&'static str>) {
    match v {
        Vocab::Tipologia => (
            tr!(lang, "tipologia", "tipologia"),
            Tipologia::canonical_words(),
        ),
        Vocab::Tipo => (tr!(lang, "tipo", "tipo"), Tipo::canonical_words()),
        Vocab::Udm => (
            tr!(lang, "unità di misura", "unit of measure"),
            Udm::canonical_words(),
        ),
        Vocab::CostNature => (
            tr!(lang, "natura di costo", "nature of cost"),
            CostNature::canonical_words(),
        ),
        Vocab::MissingData => (
            tr!(lang, "regola per i dati mancanti", "rule for missing data"),
            MissingData::canonical_words(),
        ),
        Vocab::Comparto => (
            tr!(lang, "comparto", "comparto"),
            crate::syntax::ast::Comparto::canonical_words(),
        ),
    }
}

fn quoted(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| format!("`{w}`")).collect()
}

/// Adds the fix writing `with` at `at`, when the diagnostic has a place in a plan (a
/// measurement file's cell reuses these texts without fixes).
fn with_fix(t: Texts, lang: Lang, at: Option<Span>, with: &str, a: Applicability) -> Texts {
    match at {
        Some(span) => t.fix(write(lang, span, with, a)),
        None => t,
    }
}

/// A "did you mean" among `candidates` is applied by `--fix` only when it is sure (see
/// `suggest::is_sure`) or a synonym; otherwise it is a suggestion to confirm.
fn guess<'a>(
    word: &str,
    suggestion: &str,
    synonym: bool,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Applicability {
    if synonym || suggest::is_sure(word, suggestion, candidates) {
        Safe
    } else {
        Unsafe
    }
}

/// `1,234.56`: English thousands commas and a decimal point, the one reading such a number has.
fn english_grouped(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    let Some((int, frac)) = body.split_once('.') else {
        return false;
    };
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    digits(first)
        && first.len() <= 3
        && int.contains(',')
        && groups.all(|g| g.len() == 3 && digits(g))
        && digits(frac)
}

/// The texts of a syntax problem; `at` is its place in the plan, for fixes (`None` when a
/// measurement file reuses the words).
pub fn describe(e: &SyntaxError, at: Option<Span>, lang: Lang) -> Texts {
    use SyntaxError as S;
    let fix = |t: Texts, with: &str, a: Applicability| with_fix(t, lang, at, with, a);
    match e {
        S::Expected { expected, found: f } => {
            let what = expected_list(lang, expected);
            let f = found(lang, f);
            let t = if what.is_empty() {
                Texts::new(tr!(lang, "non mi aspettavo {f} qui", "did not expect {f} here"))
            } else {
                Texts::new(tr!(lang, "atteso: {what}; trovato {f}", "expected {what}; found {f}"))
            };
            let help = if f == "`,`" && expected.contains(&Expected::Keyword(";")) {
                Some(tr!(
                    lang,
                    "gli argomenti si separano con `;`, come nei fogli di calcolo italiani: la virgola è il separatore decimale",
                    "arguments are separated by `;`, as in Italian spreadsheets: the comma is the decimal separator"
                ))
            } else if expected.contains(&Expected::CloseParen) && f.starts_with(lang.pick("la fine", "the end")) {
                Some(tr!(
                    lang,
                    "manca una `)`: ogni parentesi aperta va chiusa",
                    "a `)` is missing: every open parenthesis must be closed"
                ))
            } else if expected.contains(&Expected::LineEnd) {
                Some(tr!(
                    lang,
                    "ogni campo va su una riga a sé: porta a capo il resto",
                    "each field goes on a line of its own: move the rest to a new line"
                ))
            } else if expected.contains(&Expected::Value) {
                Some(tr!(
                    lang,
                    "per esempio `>= 80%`, `<= 30`, `entro 31/12/2024`, `= sì`, oppure `n.d.`",
                    "for example `>= 80%`, `<= 30`, `entro 31/12/2024`, `= sì`, or `n.d.`"
                ))
            } else if expected.contains(&Expected::Text) {
                Some(tr!(
                    lang,
                    "scrivi il testo tra virgolette: \"...\"",
                    "write the text in quotes: \"...\""
                ))
            } else {
                None
            };
            let t = t.label(tr!(lang, "qui", "here")).help_opt(help);
            if f == "`,`" && expected.contains(&Expected::Keyword(";")) {
                fix(t, ";", Safe)
            } else {
                t
            }
        }
        S::UnclosedBlock { keyword } => Texts::new(tr!(
            lang,
            "il blocco `{keyword}` non è chiuso",
            "the `{keyword}` block is not closed"
        ))
        .label(tr!(lang, "questa `{{` non ha la sua `}}`", "this `{{` has no matching `}}`"))
        .help(tr!(
            lang,
            "aggiungi `}}` alla fine del blocco, allineata alla riga che lo apre",
            "add `}}` at the end of the block, aligned with the line that opens it"
        )),
        S::UnclosedString => Texts::new(tr!(
            lang,
            "testo tra virgolette non chiuso",
            "unclosed quoted text"
        ))
        .label(tr!(lang, "aperto qui", "opened here"))
        .help(tr!(
            lang,
            "chiudi il testo con `\"` sulla stessa riga; per un testo su più righe usa `\"\"\"`",
            "close the text with `\"` on the same line; for text over several lines use `\"\"\"`"
        )),
        S::UnclosedLongText => Texts::new(tr!(
            lang,
            "testo lungo non chiuso: manca `\"\"\"`",
            "unclosed long text: `\"\"\"` is missing"
        ))
        .label(tr!(lang, "aperto qui", "opened here"))
        .help(tr!(
            lang,
            "chiudi il testo con `\"\"\"` su una riga a sé",
            "close the text with `\"\"\"` on a line of its own"
        )),
        S::BadEscape { sequence } => Texts::new(tr!(
            lang,
            "sequenza `{sequence}` non valida in un testo",
            "invalid sequence `{sequence}` in a text"
        ))
        .help(tr!(
            lang,
            "nei testi si scrivono solo `\\\"` (virgolette) e `\\\\` (barra rovesciata); per andare a capo usa un testo lungo `\"\"\"`",
            "texts only allow `\\\"` (a quote) and `\\\\` (a backslash); for line breaks use a long text `\"\"\"`"
        )),
        S::ImpossibleDate { text, suggestion } => {
            let t = Texts::new(tr!(
            lang,
            "la data `{text}` non esiste",
            "the date `{text}` does not exist"
        ))
        .help(match suggestion {
            Some(s) => tr!(
                lang,
                "quel mese non ha quel giorno: forse intendevi `{s}`?",
                "that month has no such day: did you mean `{s}`?"
            ),
            None => tr!(
                lang,
                "scrivi la data come giorno/mese/anno, per esempio `31/12/2024`",
                "write the date as day/month/year, for example `31/12/2024`"
            ),
        });
            // The last day of the month is a guess at what was meant.
            match suggestion {
                Some(s) => fix(t, s, Unsafe),
                None => t,
            }
        }
        S::AmbiguousNumber { text, suggestion } => fix(Texts::new(tr!(
            lang,
            "numero ambiguo `{text}`",
            "ambiguous number `{text}`"
        ))
        .label(tr!(
            lang,
            "il punto separa le migliaia e va seguito da tre cifre",
            "a dot separates thousands and must be followed by three digits"
        ))
        .help(tr!(
            lang,
            "in italiano la virgola separa i decimali e il punto le migliaia: scrivi `{suggestion}`",
            "in Italian the comma separates decimals and the dot thousands: write `{suggestion}`"
        )), suggestion,
            // Two readings: a decimal point, or thousands with a digit lost.
            Unsafe),
        S::MalformedNumber { text, suggestion } => {
            let t = Texts::new(tr!(
            lang,
            "numero scritto male: `{text}`",
            "malformed number: `{text}`"
        ))
        .help(match suggestion {
            Some(s) => tr!(
                lang,
                "sembra scritto all'inglese: in italiano si scrive `{s}`",
                "it looks written the English way: in Italian it is `{s}`"
            ),
            None => tr!(
                lang,
                "scrivi i numeri con la virgola per i decimali e il punto per le migliaia, es. `1.234,56`",
                "write numbers with a comma for decimals and dots for thousands, e.g. `1.234,56`"
            ),
        });
            match suggestion {
                Some(s) => fix(t, s, if english_grouped(text) { Safe } else { Unsafe }),
                None => t,
            }
        }
        S::NumberTooLarge { text } => Texts::new(tr!(
            lang,
            "il numero `{text}` è troppo grande: al più {MAX_INTEGER_DIGITS} cifre prima della virgola",
            "the number `{text}` is too large: at most {MAX_INTEGER_DIGITS} digits before the comma"
        ))
        .help(range_help(lang)),
        S::Scientific { text, suggestion } => Texts::new(tr!(
            lang,
            "numero in notazione scientifica `{text}`: non è ammessa",
            "number in scientific notation `{text}`: it is not accepted"
        ))
        .help(match suggestion {
            Some(s) => tr!(
                lang,
                "scrivi il numero per intero, con la virgola per i decimali e il punto per le migliaia: `{s}`",
                "write the number in full, with a comma for decimals and dots for thousands: `{s}`"
            ),
            None => tr!(
                lang,
                "scrivi il numero per intero, con la virgola per i decimali e il punto per le migliaia; i numeri vanno da -{LARGEST} a {LARGEST}, con al più {MAX_DECIMALS} decimali",
                "write the number in full, with a comma for decimals and dots for thousands; numbers range from -{LARGEST} to {LARGEST}, with at most {MAX_DECIMALS} decimals"
            ),
        }),
        S::ImpossibleYear { text, year } => Texts::new(tr!(
            lang,
            "la data `{text}` non è possibile: l'anno `{year}` non ha quattro cifre",
            "the date `{text}` is impossible: the year `{year}` does not have four digits"
        ))
        .help(tr!(
            lang,
            "scrivi la data come giorno/mese/anno, con l'anno intero: per esempio `31/12/2024`",
            "write the date as day/month/year, with the whole year: for example `31/12/2024`"
        )),
        S::ControlCharacter { code, count } => {
            let shown = format!("\\x{code:02x}");
            let message = if *count == 1 {
                tr!(
                    lang,
                    "carattere di controllo U+{code:04X} nel piano",
                    "control character U+{code:04X} in the plan"
                )
            } else {
                tr!(
                    lang,
                    "{count} caratteri di controllo nel piano (il primo è U+{code:04X})",
                    "{count} control characters in the plan (the first is U+{code:04X})"
                )
            };
            Texts::new(message)
                .label(tr!(
                    lang,
                    "invisibile nell'editor: qui c'è `{shown}`",
                    "invisible in an editor: `{shown}` is here"
                ))
                .help(tr!(
                    lang,
                    "togli questi caratteri: non si vedono, e su un terminale possono cambiare ciò che viene mostrato; di solito arrivano copiando il testo da un altro programma",
                    "remove these characters: they cannot be seen, and on a terminal they can change what is shown; they usually come from text copied from another program"
                ))
        }
        S::TooManyDecimals { text, suggestion } => Texts::new(tr!(
            lang,
            "il numero `{text}` ha troppi decimali: al più {MAX_DECIMALS}",
            "the number `{text}` has too many decimals: at most {MAX_DECIMALS}"
        ))
        .label(tr!(
            lang,
            "arrotondato: `{suggestion}`",
            "rounded: `{suggestion}`"
        ))
        .help(range_help(lang)),
        S::UnknownField {
            word,
            block,
            suggestion,
        } => {
            let where_ = block_name(lang, *block);
            let allowed = list(lang, &quoted(block.fields()));
            let t = Texts::new(tr!(
                lang,
                "campo sconosciuto `{word}` {where_}",
                "unknown field `{word}` {where_}"
            ))
            .help(did_you_mean(lang, *suggestion).unwrap_or_else(|| {
                tr!(lang, "i campi ammessi qui sono {allowed}", "the fields allowed here are {allowed}")
            }));
            match suggestion {
                Some(s) => {
                    let candidates = block.fields().iter().chain(FIELD_KEYWORDS).copied();
                    fix(t, s, guess(word, s, false, candidates))
                }
                None => t,
            }
        }
        S::MisplacedField { word, block } => {
            let where_ = block_name(lang, *block);
            let homes = Block::accepting(word);
            if crate::syntax::vocab::ITEM_KEYWORDS.contains(&word.as_str()) && homes.is_empty() {
                return Texts::new(tr!(
                    lang,
                    "un elemento `{word}` non può stare {where_}",
                    "a `{word}` item cannot stand {where_}"
                ))
                .help(tr!(
                    lang,
                    "`{word}` apre un elemento di primo livello: chiudi prima il blocco sopra con `}}`",
                    "`{word}` starts a top-level item: close the block above with `}}` first"
                ));
            }
            let names: Vec<String> = homes.iter().map(|b| format!("`{}`", b.keyword())).collect();
            let homes = list(lang, &names);
            Texts::new(tr!(
                lang,
                "il campo `{word}` non va {where_}",
                "the field `{word}` does not belong {where_}"
            ))
            .help(tr!(lang, "`{word}` va in {homes}", "`{word}` belongs in {homes}"))
        }
        S::DuplicateField { field, first } => Texts::new(tr!(
            lang,
            "campo `{field}` ripetuto",
            "field `{field}` repeated"
        ))
        .label(tr!(lang, "di nuovo qui", "again here"))
        .related(*first, tr!(lang, "la prima volta qui", "first here"))
        .help(tr!(
            lang,
            "ogni blocco ha un solo `{field}`: togli una delle due righe",
            "a block has one `{field}`: remove one of the two lines"
        )),
        S::BadComparator { found, suggestion } => {
            let t = Texts::new(tr!(
                lang,
                "comparatore `{found}` non valido",
                "invalid comparator `{found}`"
            ));
            if matches!(found.as_str(), "!=" | "<>") {
                t.help(tr!(
                    lang,
                    "un target dice quale valore raggiungere: usa `>=`, `<=`, `=`, `>`, `<` o `entro`",
                    "a target says which value to reach: use `>=`, `<=`, `=`, `>`, `<` or `entro`"
                ))
            } else {
                // `=>` and `≥` can only mean `>=`.
                let t = t.help(tr!(lang, "scrivi `{suggestion}`", "write `{suggestion}`"));
                fix(t, suggestion, Safe)
            }
        }
        S::StrayText { word, suggestion } => {
            let t = Texts::new(tr!(
                lang,
                "testo fuori da ogni elemento: `{word}`",
                "text outside any item: `{word}`"
            ))
            .help(did_you_mean(lang, *suggestion).unwrap_or_else(|| {
                tr!(
                    lang,
                    "ogni elemento del piano inizia con `piano`, `punteggio`, `ambito`, `strategico`, `misura`, `modello` o `obiettivo`; le note si scrivono dopo `#`",
                    "every item of a plan starts with `piano`, `punteggio`, `ambito`, `strategico`, `misura`, `modello` or `obiettivo`; notes are written after `#`"
                )
            }));
            match suggestion {
                Some(s) => fix(t, s, guess(word, s, false, ITEM_KEYWORDS.iter().copied())),
                None => t,
            }
        }
        S::TooDeep { limit } => Texts::new(tr!(
            lang,
            "formula annidata troppo in profondità (più di {limit} parentesi)",
            "formula nested too deeply (more than {limit} parentheses)"
        ))
        .label(tr!(lang, "qui", "here"))
        .help(tr!(
            lang,
            "semplifica la formula: definisci una `misura` o un indicatore per le parti interne",
            "simplify the formula: define a `misura` or an indicator for the inner parts"
        )),
        S::TooLong { limit } => Texts::new(tr!(
            lang,
            "formula troppo lunga (più di {limit} operatori)",
            "formula too long (more than {limit} operators)"
        ))
        .help(tr!(
            lang,
            "spezza la formula in più indicatori o misure",
            "split the formula into several indicators or measures"
        )),
        S::UnknownUnit { word, suggestion } => {
            let t = Texts::new(tr!(
                lang,
                "unità `{word}` sconosciuta",
                "unknown unit `{word}`"
            ))
            .help(did_you_mean(lang, *suggestion).unwrap_or_else(|| {
                tr!(
                    lang,
                    "dopo un numero si scrivono `%`, `€`, `gg`, `ore`, `anni` o `punti`",
                    "after a number write `%`, `€`, `gg`, `ore`, `anni` or `punti`"
                )
            }));
            match suggestion {
                Some(s) => {
                    let synonym = unit_synonym(word) == Some(*s);
                    fix(t, s, guess(word, s, synonym, LitUnit::canonical_words()))
                }
                None => t,
            }
        }
        S::NameNotLowercase { name } => {
            let lower = name.to_lowercase();
            let t = Texts::new(tr!(
                lang,
                "il nome `{name}` contiene maiuscole",
                "the name `{name}` has capital letters"
            ))
            .help(tr!(
                lang,
                "i nomi si scrivono in minuscolo: `{lower}`",
                "names are written in lowercase: `{lower}`"
            ));
            // A name is also a code in measurement files (`01_01_OS01.nome`): renaming it
            // there is the writer's call.
            fix(t, &lower, Unsafe)
        }
        S::IsoDate { suggestion } => {
            let t = Texts::new(tr!(
                lang,
                "data scritta all'inglese",
                "date written the ISO way"
            ));
            match suggestion {
                Some(s) => fix(
                    t.help(tr!(
                        lang,
                        "scrivi le date come giorno/mese/anno: `{s}`",
                        "write dates as day/month/year: `{s}`"
                    )),
                    s,
                    Safe,
                ),
                None => t.help(tr!(
                    lang,
                    "scrivi le date come giorno/mese/anno, per esempio `31/12/2024`; questa data non esiste",
                    "write dates as day/month/year, for example `31/12/2024`; this date does not exist"
                )),
            }
        }
        S::MissingValue { field, expected } => {
            let what = expected_list(lang, expected);
            Texts::new(tr!(
                lang,
                "manca il valore di `{field}`",
                "`{field}` has no value"
            ))
            .label(tr!(lang, "atteso: {what}", "expected {what}"))
            .help(example(lang, field))
        }
        S::UnexpectedClosingBrace { remove } => {
            let t = Texts::new(tr!(
                lang,
                "`}}` di troppo: non chiude nessun blocco",
                "extra `}}`: it closes no block"
            ))
            .help(tr!(
                lang,
                "togli questa `}}`, oppure controlla che il blocco sopra non sia già chiuso",
                "remove this `}}`, or check that the block above is not already closed"
            ));
            // The block above may have been closed too early instead.
            t.fix(Fix::new(
                tr!(lang, "togli questa `}}`", "remove this `}}`"),
                Unsafe,
                vec![Edit::delete(*remove)],
            ))
        }
        S::UnknownWord {
            vocab,
            word,
            suggestion,
        } => {
            let (what, words) = vocab_name(lang, *vocab);
            let allowed = list(lang, &quoted(&words));
            // `tipo` and `comparto` are masculine; the other vocabularies' names feminine.
            let message = if matches!(vocab, Vocab::Tipo | Vocab::Comparto) {
                tr!(lang, "{what} `{word}` sconosciuto", "unknown {what} `{word}`")
            } else {
                tr!(lang, "{what} `{word}` sconosciuta", "unknown {what} `{word}`")
            };
            let t = Texts::new(message)
                .help(match did_you_mean(lang, *suggestion) {
                    Some(d) => format!(
                        "{d} {}",
                        tr!(lang, "(ammessi: {allowed})", "(allowed: {allowed})")
                    ),
                    None => tr!(lang, "ammessi: {allowed}", "allowed: {allowed}"),
                });
            match suggestion {
                Some(s) => {
                    let synonym = *vocab == Vocab::Udm && udm_synonym(word) == Some(*s);
                    fix(t, s, guess(word, s, synonym, words.iter().copied()))
                }
                None => t,
            }
        }
        S::UdmEntro => fix(
            Texts::new(tr!(
                lang,
                "`entro` non è un'unità di misura",
                "`entro` is not a unit of measure"
            ))
            .help(tr!(
                lang,
                "per una scadenza scrivi `udm data` e, nei target, `entro 31/01/2024`",
                "for a deadline write `udm data` and, in the targets, `entro 31/01/2024`"
            )),
            // The checker already reads the indicator as a date.
            "data",
            Safe,
        ),
        S::ComparedToNotAvailable { year } => fix(
            Texts::new(tr!(
                lang,
                "un target non si confronta con `n.d.`",
                "a target is not compared with `n.d.`"
            ))
            .help(tr!(
                lang,
                "se il target {year} non è fissato scrivi `target {year} n.d.`, senza comparatore",
                "if the {year} target is not set write `target {year} n.d.`, without a comparator"
            )),
            "n.d.",
            Safe,
        ),
        S::CurlyQuotes { straight } => fix(
            Texts::new(tr!(
                lang,
                "virgolette tipografiche (“ ” o « ») intorno a un testo",
                "typographic quotes (“ ” or « ») around a text"
            ))
            .label(tr!(lang, "letto come {straight}", "read as {straight}"))
            .help(tr!(
                lang,
                "i testi vanno tra virgolette diritte `\"`; Word (e altri programmi di videoscrittura) le cambia da sé in “ ”: scrivi {straight}",
                "texts go between straight quotes `\"`; Word (and other word processors) turns them into “ ” on its own: write {straight}"
            )),
            straight,
            Safe,
        ),
        S::UnitRepeated => Texts::new(tr!(
            lang,
            "unità scritta due volte",
            "unit written twice"
        ))
        .help(tr!(
            lang,
            "scrivi l'unità una sola volta, dopo il numero: `1.234,56 €`",
            "write the unit once, after the number: `1.234,56 €`"
        )),
    }
}

/// An example line for a field, for "the value is missing".
fn example(lang: Lang, field: &str) -> String {
    let line = match field {
        "ente" => "ente \"Camera di Commercio di Pistoia-Prato\"",
        "anno" => "anno 2024",
        "triennio" => "triennio 2024-2026",
        "strategico" => "strategico 01_01",
        "ambito" => "ambito 1",
        "missione" => "missione 011 programma 005",
        "risorse" => "risorse 439.846,96 €",
        "peso" => "peso 20%",
        "pesi" => "pesi uguali",
        "tipologia" => "tipologia efficienza",
        "tipo" => "tipo risultato",
        "udm" => "udm %",
        "target" => "target 2024 >= 80%",
        "formula" => "formula risorse_utilizzate / risorse_stanziate",
        "modello" => "modello utilizzo_risorse",
        "massimo" => "massimo 100%",
        "ritardo" => "ritardo 63 gg",
        "dati_mancanti" => "dati_mancanti esclusi",
        "misura" => "misura imprese_registrate \"Totale imprese registrate\" n.",
        _ => {
            return tr!(
                lang,
                "scrivi il valore dopo `{field}`",
                "write the value after `{field}`"
            );
        }
    };
    tr!(lang, "per esempio: `{line}`", "for example: `{line}`")
}
