//! Texts of the checker's diagnostics.

use super::{Texts, did_you_mean, list, tr, write};
use crate::check::error::{CheckError, Dim, Thing, ValueKind};
use crate::diagnostics::{Applicability, Edit, Fix, Lang};
use crate::italian;
use crate::span::Span;
use crate::syntax::ast::{Comparator, LitUnit, Udm};
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;

fn thing(lang: Lang, t: Thing) -> &'static str {
    match (lang, t) {
        (Lang::It, Thing::Ambito) => "ambito",
        (Lang::It, Thing::Strategico) => "linea strategica",
        (Lang::It, Thing::Obiettivo) => "obiettivo",
        (Lang::It, Thing::Misura) => "misura",
        (Lang::It, Thing::Modello) => "modello",
        (Lang::It, Thing::Indicatore) => "indicatore",
        (Lang::It, Thing::FormulaName) => "misura o indicatore",
        (Lang::It, Thing::Function) => "funzione",
        (Lang::It, Thing::Piano) => "piano",
        (Lang::En, Thing::Ambito) => "ambito",
        (Lang::En, Thing::Strategico) => "strategic line",
        (Lang::En, Thing::Obiettivo) => "objective",
        (Lang::En, Thing::Misura) => "measure",
        (Lang::En, Thing::Modello) => "template",
        (Lang::En, Thing::Indicatore) => "indicator",
        (Lang::En, Thing::FormulaName) => "measure or indicator",
        (Lang::En, Thing::Function) => "function",
        (Lang::En, Thing::Piano) => "plan",
    }
}

/// Whether the Italian word for `t` is feminine, for "definito"/"definita".
fn feminine(t: Thing) -> bool {
    matches!(t, Thing::Strategico | Thing::Misura | Thing::Function)
}

/// A unit as the plan writes it, or in words for the unit algebra's own kinds.
pub fn dim(lang: Lang, d: Dim) -> String {
    match d {
        Dim::Scalar => tr!(lang, "un numero puro", "a plain number"),
        Dim::Ratio => tr!(lang, "un rapporto (%)", "a ratio (%)"),
        Dim::Count => "n.".into(),
        Dim::Euro => "€".into(),
        Dim::Days => "gg".into(),
        Dim::Hours => "ore".into(),
        Dim::Years => "anni".into(),
        Dim::Points => "punti".into(),
        Dim::Date => tr!(lang, "una data", "a date"),
        Dim::YesNo => "sì/no".into(),
    }
}

fn udm(u: Udm) -> &'static str {
    u.canonical()
}

fn unit(u: LitUnit) -> &'static str {
    u.canonical()
}

/// A fraction shown as an Italian percentage: `0.333` → `33,3%`.
pub fn percent(fraction: Decimal) -> String {
    format!(
        "{}%",
        italian::number((fraction * Decimal::ONE_HUNDRED).normalize())
    )
}

fn kind(lang: Lang, k: ValueKind) -> String {
    match k {
        ValueKind::Number => tr!(lang, "un numero", "a number"),
        ValueKind::Date => tr!(lang, "una data", "a date"),
        ValueKind::YesNo => "`sì`/`no`".into(),
    }
}

fn expected_kind(lang: Lang, u: Udm) -> String {
    match u {
        Udm::Date => tr!(
            lang,
            "una data (es. `31/12/2024`)",
            "a date (e.g. `31/12/2024`)"
        ),
        Udm::YesNo => "`sì` o `no`".into(),
        Udm::Percent => tr!(
            lang,
            "una percentuale (es. `80%`)",
            "a percentage (e.g. `80%`)"
        ),
        Udm::Euro => tr!(
            lang,
            "un importo (es. `1.234,56 €`)",
            "an amount (e.g. `1.234,56 €`)"
        ),
        other => {
            let u = udm(other);
            tr!(lang, "un numero in `{u}`", "a number in `{u}`")
        }
    }
}

/// The texts of a checker problem at `at` (the place its fixes edit).
pub fn describe(e: &CheckError, at: Span, lang: Lang) -> Texts {
    use Applicability::{Safe, Unsafe};
    use CheckError as C;
    let fix = |t: Texts, with: &str, a: Applicability| t.fix(write(lang, at, with, a));
    match e {
        C::Duplicate { thing: t, name, first } => {
            let defined = if feminine(*t) { "definita" } else { "definito" };
            let t = thing(lang, *t);
            Texts::new(tr!(
                lang,
                "{t} `{name}` {defined} due volte",
                "{t} `{name}` defined twice"
            ))
                .label(tr!(lang, "di nuovo qui", "again here"))
                .related(*first, tr!(lang, "la prima volta qui", "first here"))
                .help(tr!(
                    lang,
                    "ogni codice o nome va definito una volta sola: togli o rinomina uno dei due",
                    "every code or name is defined once: remove or rename one of the two"
                ))
        }
        C::Undefined {
            thing: t,
            name,
            suggestion,
        } => {
            let what = thing(lang, *t);
            let help = did_you_mean(lang, suggestion.as_deref()).unwrap_or_else(|| match t {
                Thing::FormulaName => tr!(
                    lang,
                    "dichiara la misura con `misura {name} \"descrizione\" UDM` nell'obiettivo o al primo livello",
                    "declare the measure with `misura {name} \"description\" UDM` in the objective or at top level"
                ),
                Thing::Function => tr!(
                    lang,
                    "le funzioni disponibili sono `min`, `max` e `abs`",
                    "the functions available are `min`, `max` and `abs`"
                ),
                _ => tr!(lang, "definisci `{name}` nel piano", "define `{name}` in the plan"),
            });
            let message = if *t == Thing::FormulaName {
                tr!(
                    lang,
                    "nessuna misura o indicatore si chiama `{name}`",
                    "no measure or indicator is called `{name}`"
                )
            } else {
                let defined = if feminine(*t) { "definita" } else { "definito" };
                tr!(lang, "{what} `{name}` non {defined}", "{what} `{name}` is not defined")
            };
            let t = Texts::new(message)
                .label(tr!(lang, "non trovato", "not found"))
                .help(help);
            match suggestion {
                // Another name binds to other data: only the writer knows which was meant.
                Some(s) => fix(t, s, Unsafe),
                None => t,
            }
        }
        C::Cycle { path } => {
            let chain = path.join(" → ");
            Texts::new(tr!(
                lang,
                "le formule si richiamano in circolo: {chain}",
                "the formulas refer to each other in a circle: {chain}"
            ))
            .help(tr!(
                lang,
                "un indicatore non può dipendere, direttamente o tramite altri, da se stesso: togli uno dei riferimenti",
                "an indicator cannot depend on itself, directly or through others: remove one of the references"
            ))
        }
        C::UnusedMeasure { name } => Texts::new(tr!(
            lang,
            "la misura `{name}` non è usata da nessuna formula",
            "the measure `{name}` is not used by any formula"
        ))
        .help(tr!(
            lang,
            "usala in una `formula` o togli la riga: il modello di rilevazione chiederebbe un valore inutile",
            "use it in a `formula` or remove the line: the measurement template would ask for a useless value"
        )),
        C::UnusedTemplate { name } => Texts::new(tr!(
            lang,
            "il modello `{name}` non è usato da nessun indicatore",
            "the template `{name}` is not used by any indicator"
        ))
        .help(tr!(
            lang,
            "usalo in un indicatore con `modello {name}`, oppure toglilo",
            "use it in an indicator with `modello {name}`, or remove it"
        )),
        C::MissingPiano => Texts::new(tr!(
            lang,
            "manca il blocco `piano`",
            "the `piano` block is missing"
        ))
        .help(tr!(
            lang,
            "ogni piano inizia con `piano \"titolo\" {{ ente \"...\" anno 2024 triennio 2024-2026 }}`",
            "every plan starts with `piano \"title\" {{ ente \"...\" anno 2024 triennio 2024-2026 }}`"
        )),
        C::RepeatedItem { keyword, first } => Texts::new(tr!(
            lang,
            "un piano ha un solo blocco `{keyword}`",
            "a plan has one `{keyword}` block"
        ))
        .label(tr!(lang, "di nuovo qui", "again here"))
        .related(*first, tr!(lang, "il primo è qui", "the first is here"))
        .help(tr!(lang, "riunisci i due blocchi in uno", "merge the two blocks into one")),
        C::MissingField { field, owner, name } => {
            let owner = thing(lang, *owner);
            let example = match *field {
                "udm" => "udm %",
                "tipologia" => "tipologia efficienza",
                "strategico" => "strategico 01_01",
                "missione" => "missione 011 programma 005",
                "anno" => "anno 2024",
                "triennio" => "triennio 2024-2026",
                "ente" => "ente \"Camera di Commercio di ...\"",
                "ambito" => "ambito 1",
                "risorse" => "risorse 10.000,00 €",
                "indicatore" => "indicatore nome \"Titolo\" { ... }",
                _ => "",
            };
            let t = Texts::new(tr!(
                lang,
                "manca `{field}` in {owner} `{name}`",
                "`{field}` is missing in {owner} `{name}`"
            ));
            if example.is_empty() {
                t
            } else {
                t.help(tr!(lang, "aggiungi una riga come `{example}`", "add a line such as `{example}`"))
            }
        }
        C::FormulaUnit {
            found,
            declared,
            udm: udm_span,
        } => {
            let f = dim(lang, *found);
            let d = udm(*declared);
            let help = match (found, declared) {
                (Dim::Ratio, _) => tr!(
                    lang,
                    "scrivi `udm %`, oppure cambia la formula se volevi un valore in `{d}`",
                    "write `udm %`, or change the formula if you meant a value in `{d}`"
                ),
                _ => tr!(
                    lang,
                    "la formula e l'unità dichiarata devono coincidere: correggi l'una o l'altra",
                    "the formula and the declared unit must agree: correct one or the other"
                ),
            };
            let mut t = Texts::new(tr!(
                lang,
                "la formula dà {f}, ma l'indicatore dichiara `udm {d}`",
                "the formula gives {f}, but the indicator declares `udm {d}`"
            ))
            .label(tr!(lang, "questa formula dà {f}", "this formula gives {f}"))
            .help(help);
            if let Some(s) = udm_span {
                t = t.related(*s, tr!(lang, "unità dichiarata", "declared unit"));
                if *found == Dim::Ratio {
                    // Or the formula is what is wrong.
                    t = t.fix(write(lang, *s, "%", Unsafe));
                }
            }
            t
        }
        C::SumMismatch {
            op,
            left,
            right,
            left_span,
            right_span,
        } => {
            let (l, r) = (dim(lang, *left), dim(lang, *right));
            let sym = op;
            Texts::new(tr!(
                lang,
                "`{sym}` tra unità diverse: {l} e {r}",
                "`{sym}` between different units: {l} and {r}"
            ))
            .label(tr!(lang, "qui", "here"))
            .related(*left_span, l.clone())
            .related(*right_span, r.clone())
            .help(tr!(
                lang,
                "si sommano e sottraggono solo grandezze nella stessa unità (€ con €, gg con gg); una data meno una data dà i giorni",
                "only quantities in the same unit add up (€ with €, gg with gg); a date minus a date gives days"
            ))
        }
        C::BadProduct {
            left,
            right,
            left_span,
            right_span,
        } => {
            let (l, r) = (dim(lang, *left), dim(lang, *right));
            Texts::new(tr!(
                lang,
                "non si può moltiplicare {l} per {r}",
                "cannot multiply {l} by {r}"
            ))
            .label(tr!(lang, "qui", "here"))
            .related(*left_span, l.clone())
            .related(*right_span, r.clone())
            .help(tr!(
                lang,
                "si moltiplica per una costante, un rapporto o un conteggio (`n.`), non due unità tra loro",
                "multiply by a constant, a ratio or a count (`n.`), not two units together"
            ))
        }
        C::BadQuotient {
            left,
            right,
            left_span,
            right_span,
        } => {
            let (l, r) = (dim(lang, *left), dim(lang, *right));
            Texts::new(tr!(
                lang,
                "{l} diviso {r} non ha un'unità di misura del piano",
                "{l} divided by {r} has no unit of measure of the plan"
            ))
            .label(tr!(lang, "qui", "here"))
            .related(*left_span, l.clone())
            .related(*right_span, r.clone())
            .help(tr!(
                lang,
                "si dividono grandezze nella stessa unità (un rapporto, in %) o per un conteggio `n.` (una media)",
                "divide quantities in the same unit (a ratio, in %) or by a count `n.` (an average)"
            ))
        }
        C::RatioTimesHundred { formula, without } => {
            let t = Texts::new(tr!(
                lang,
                "un rapporto moltiplicato per 100",
                "a ratio multiplied by 100"
            ))
            .label(tr!(
                lang,
                "rende il valore cento volte più grande",
                "makes the value a hundred times larger"
            ));
            let why = tr!(
                lang,
                "i rapporti sono già percentuali (80% vale 0,8): il valore sarebbe cento volte troppo grande, e `piano eval` lo calcola senza il 100",
                "ratios already are percentages (80% is 0.8): the value would be a hundred times too large, and `piano eval` computes it without the 100"
            );
            hundred_fix(t, lang, why, *formula, without.as_deref())
        }
        C::RatioOverHundred { formula, without } => {
            let t = Texts::new(tr!(
                lang,
                "un rapporto diviso per 100",
                "a ratio divided by 100"
            ))
            .label(tr!(
                lang,
                "rende il valore cento volte più piccolo",
                "makes the value a hundred times smaller"
            ));
            let why = tr!(
                lang,
                "le percentuali sono già frazioni (80% vale 0,8): dividerle per 100 dà un valore cento volte troppo piccolo, e `piano eval` lo calcola senza il 100",
                "percentages already are fractions (80% is 0.8): dividing them by 100 gives a value a hundred times too small, and `piano eval` computes it without the 100"
            );
            hundred_fix(t, lang, why, *formula, without.as_deref())
        }
        C::NoArithmetic { dim: d } => {
            let d = dim(lang, *d);
            Texts::new(tr!(
                lang,
                "{d} non entra in questo calcolo",
                "{d} cannot take part in this calculation"
            ))
            .label(tr!(lang, "qui", "here"))
            .help(tr!(
                lang,
                "con le date si fanno solo differenze (data - data = gg) e spostamenti (data + gg); con sì/no nessun calcolo",
                "dates allow only differences (date - date = gg) and shifts (date + gg); sì/no allows no calculation"
            ))
        }
        C::WrongKind { udm: u, found } => {
            let e = expected_kind(lang, *u);
            let f = kind(lang, *found);
            let d = udm(*u);
            let help = match u {
                Udm::Date => tr!(
                    lang,
                    "per una scadenza scrivi la data: `entro 31/12/2024`",
                    "for a deadline write the date: `entro 31/12/2024`"
                ),
                Udm::YesNo => tr!(lang, "scrivi `= sì` oppure `= no`", "write `= sì` or `= no`"),
                _ => tr!(
                    lang,
                    "se l'indicatore è una scadenza scrivi `udm data`; se è un sì/no, `udm sì/no`",
                    "if the indicator is a deadline write `udm data`; if it is a yes/no, `udm sì/no`"
                ),
            };
            Texts::new(tr!(
                lang,
                "con `udm {d}` ci vuole {e}, non {f}",
                "with `udm {d}` this must be {e}, not {f}"
            ))
            .help(help)
        }
        C::UnitMismatch { udm: u, written } => {
            let (d, w) = (udm(*u), unit(*written));
            let help = match (u, written) {
                (Udm::Count, LitUnit::Percent) => tr!(
                    lang,
                    "se l'indicatore è una percentuale scrivi `udm %`; altrimenti togli `%`",
                    "if the indicator is a percentage write `udm %`; otherwise remove `%`"
                ),
                _ => tr!(
                    lang,
                    "scrivi il valore in `{d}`, oppure correggi `udm`",
                    "write the value in `{d}`, or correct `udm`"
                ),
            };
            Texts::new(tr!(
                lang,
                "valore in `{w}` su un indicatore in `{d}`",
                "value in `{w}` on an indicator in `{d}`"
            ))
            .help(help)
        }
        C::PercentWithoutSign { number } => Texts::new(tr!(
            lang,
            "percentuale scritta senza `%`",
            "percentage written without `%`"
        ))
        .help(tr!(
            lang,
            "scrivi `{number}%`: senza il segno non si capisce se `{number}` vuol dire {number}% o {number} volte",
            "write `{number}%`: without the sign `{number}` could mean {number}% or {number} times"
        ))
        // `0,8` may have meant 80%: the writer decides.
        .fix(Fix::new(
            tr!(lang, "scrivi `{number}%`", "write `{number}%`"),
            Unsafe,
            vec![Edit::insert(at.end, "%")],
        )),
        C::AmountWithoutEuro { number } => Texts::new(tr!(
            lang,
            "importo scritto senza `€`",
            "amount written without `€`"
        ))
        .help(tr!(lang, "scrivi `{number} €`", "write `{number} €`"))
        // An amount in a `€` field is in euro: the sign only says so.
        .fix(Fix::new(
            tr!(lang, "scrivi `{number} €`", "write `{number} €`"),
            Safe,
            vec![Edit::insert(at.end, " €")],
        )),
        C::Arity {
            function,
            expected,
            found,
        } => Texts::new(tr!(
            lang,
            "`{function}` vuole {expected} argomenti, non {found}",
            "`{function}` takes {expected} arguments, not {found}"
        ))
        .help(match function {
            &"abs" => tr!(lang, "per esempio `abs(a - b)`", "for example `abs(a - b)`"),
            _ => tr!(
                lang,
                "per esempio `{function}(a; b)`: gli argomenti si separano con `;`",
                "for example `{function}(a; b)`: arguments are separated by `;`"
            ),
        }),
        C::ComparatorNotAllowed { comparator, udm: u } => {
            let (c, d) = (comparator.symbol(), udm(*u));
            let help = match u {
                Udm::YesNo => tr!(lang, "scrivi `= sì` oppure `= no`", "write `= sì` or `= no`"),
                Udm::Date => tr!(
                    lang,
                    "per una scadenza scrivi `entro` (o `<=`); per \"non prima di\" `>=`",
                    "for a deadline write `entro` (or `<=`); for \"not before\" `>=`"
                ),
                _ => tr!(
                    lang,
                    "`entro` è per le scadenze (`udm data`); qui usa `>=`, `<=`, `=`, `>` o `<`",
                    "`entro` is for deadlines (`udm data`); here use `>=`, `<=`, `=`, `>` or `<`"
                ),
            };
            let t = Texts::new(tr!(
                lang,
                "il comparatore `{c}` non vale per `udm {d}`",
                "the comparator `{c}` does not apply to `udm {d}`"
            ))
            .help(help);
            // The nearest comparator that applies: a guess at what was meant.
            let nearest = match (u, comparator) {
                (Udm::YesNo, _) => Some("="),
                (Udm::Date, Comparator::Lt) => Some("entro"),
                (Udm::Date, Comparator::Gt) => Some(">="),
                (Udm::Date, _) => None,
                (_, Comparator::Entro) => Some("<="),
                _ => None,
            };
            match nearest {
                Some(n) => fix(t, n, Unsafe),
                None => t,
            }
        }
        C::EqualsOnDate => fix(
            Texts::new(tr!(
                lang,
                "`=` su una data: è letto come una scadenza",
                "`=` on a date: it is read as a deadline"
            ))
            .help(tr!(
                lang,
                "scrivi `entro` per dire che la data va rispettata: `target ... entro 31/01/2024`",
                "write `entro` to say the date must be met: `target ... entro 31/01/2024`"
            )),
            // It is already read so.
            "entro",
            Safe,
        ),
        C::MissingTarget { year, indicator } => Texts::new(tr!(
            lang,
            "manca il target {year} dell'indicatore `{indicator}`",
            "the {year} target of indicator `{indicator}` is missing"
        ))
        .help(tr!(
            lang,
            "ogni anno del triennio ha un target: aggiungi `target {year} ...`, o `target {year} n.d.` se non è ancora fissato",
            "every year of the triennio has a target: add `target {year} ...`, or `target {year} n.d.` if not set yet"
        )),
        C::DuplicateTarget { year, first } => Texts::new(tr!(
            lang,
            "due target per il {year}",
            "two targets for {year}"
        ))
        .label(tr!(lang, "di nuovo qui", "again here"))
        .related(*first, tr!(lang, "il primo è qui", "the first is here"))
        .help(tr!(lang, "tieni un solo target per anno", "keep one target per year")),
        C::TargetOutsideTriennio {
            year,
            from,
            to,
            meant,
        } => {
            let t = Texts::new(tr!(
                lang,
                "target per il {year}, fuori dal triennio {from}-{to}",
                "target for {year}, outside the triennio {from}-{to}"
            ));
            match meant {
                Some(m) => t
                    .help(tr!(
                        lang,
                        "i target riguardano gli anni dal {from} al {to}, e manca quello del {m}: forse intendevi `target {m}`?",
                        "targets cover the years {from} to {to}, and the {m} one is missing: did you mean `target {m}`?"
                    ))
                    // Or the year is right and the line belongs elsewhere.
                    .fix(write(lang, at, &m.to_string(), Unsafe)),
                None => t.help(tr!(
                    lang,
                    "i target riguardano gli anni dal {from} al {to}: correggi l'anno o il `triennio` del piano",
                    "targets cover the years {from} to {to}: correct the year or the plan's `triennio`"
                )),
            }
        }
        C::BadTriennio { anno, from, to } => {
            let msg = if from > to {
                tr!(
                    lang,
                    "triennio {from}-{to} al contrario",
                    "triennio {from}-{to} is reversed"
                )
            } else if i64::from(*to) - i64::from(*from) != 2 {
                let years = i64::from(*to) - i64::from(*from) + 1;
                tr!(
                    lang,
                    "il triennio {from}-{to} copre {years} anni, non 3",
                    "the triennio {from}-{to} covers {years} years, not 3"
                )
            } else {
                tr!(
                    lang,
                    "l'anno {anno} è fuori dal triennio {from}-{to}",
                    "the year {anno} is outside the triennio {from}-{to}"
                )
            };
            Texts::new(msg).help(tr!(
                lang,
                "il triennio va dall'anno del piano ai due successivi, es. `anno 2024` e `triennio 2024-2026`",
                "the triennio runs from the plan's year to two years later, e.g. `anno 2024` and `triennio 2024-2026`"
            ))
        }
        C::WeightSum {
            sum,
            weights,
            rounded_equal_split,
            equal_split,
        } => {
            let s = percent(*sum);
            let n = weights.len();
            let mut t = Texts::new(tr!(
                lang,
                "i pesi degli indicatori sommano a {s}, non a 100%",
                "the indicators' weights add up to {s}, not 100%"
            ));
            if let Some((_, first)) = weights.first() {
                t = t.label(percent(*first));
            }
            for (span, w) in weights.iter().skip(1) {
                t = t.related(*span, percent(*w));
            }
            let t = t.help(if *rounded_equal_split {
                tr!(
                    lang,
                    "sembrano pesi uguali arrotondati: togli le righe `peso` e scrivi `pesi uguali` nell'obiettivo; ogni indicatore peserà esattamente 1/{n}",
                    "these look like rounded equal weights: remove the `peso` lines and write `pesi uguali` in the objective; each indicator will weigh exactly 1/{n}"
                )
            } else {
                tr!(
                    lang,
                    "correggi i pesi perché sommino esattamente a 100%",
                    "correct the weights so that they add up to exactly 100%"
                )
            });
            if equal_split.is_empty() {
                t
            } else {
                // Equal weights were meant: `pesi uguali` says so exactly.
                t.fix(Fix::new(
                    tr!(
                        lang,
                        "togli le righe `peso` e scrivi `pesi uguali`",
                        "remove the `peso` lines and write `pesi uguali`"
                    ),
                    Safe,
                    equal_split.clone(),
                ))
            }
        }
        C::EqualWeightsWithPeso { pesi_uguali } => Texts::new(tr!(
            lang,
            "`peso` in un obiettivo con `pesi uguali`",
            "`peso` in an objective with `pesi uguali`"
        ))
        .related(*pesi_uguali, tr!(lang, "qui i pesi sono uguali", "weights are equal here"))
        .help(tr!(
            lang,
            "con `pesi uguali` ogni indicatore pesa 1/n: togli le righe `peso`, oppure togli `pesi uguali`",
            "with `pesi uguali` every indicator weighs 1/n: remove the `peso` lines, or remove `pesi uguali`"
        )),
        C::WeightOutOfRange { weight } => {
            let w = percent(*weight);
            Texts::new(tr!(
                lang,
                "peso {w} non valido",
                "invalid weight {w}"
            ))
            .help(tr!(
                lang,
                "un peso è maggiore di 0% e al più 100%; un indicatore che non conta va tolto",
                "a weight is above 0% and at most 100%; an indicator that does not count should be removed"
            ))
        }
        C::MissingWeight { indicator } => Texts::new(tr!(
            lang,
            "manca il `peso` dell'indicatore `{indicator}`",
            "indicator `{indicator}` has no `peso`"
        ))
        .help(tr!(
            lang,
            "aggiungi `peso 20%` (i pesi dell'obiettivo sommano a 100%), oppure `pesi uguali` nell'obiettivo",
            "add `peso 20%` (the objective's weights add up to 100%), or `pesi uguali` in the objective"
        )),
        C::ObjectiveWeights { sum, missing } => {
            let s = percent(*sum);
            let m: Vec<String> = missing.iter().map(|c| format!("`{c}`")).collect();
            let t = if missing.is_empty() {
                Texts::new(tr!(
                    lang,
                    "i pesi degli obiettivi sommano a {s}, non a 100%",
                    "the objectives' weights add up to {s}, not 100%"
                ))
            } else {
                let m = list(lang, &m);
                Texts::new(tr!(
                    lang,
                    "alcuni obiettivi hanno un `peso` e altri no: manca in {m}",
                    "some objectives have a `peso` and others not: missing in {m}"
                ))
            };
            t.help(tr!(
                lang,
                "o tutti gli obiettivi hanno un `peso` e sommano a 100%, o nessuno (allora contano tutti uguale)",
                "either every objective has a `peso` and they add up to 100%, or none has (then all count the same)"
            ))
        }
        C::UnknownMission { .. }
        | C::UnknownProgramme { .. }
        | C::ProgrammeMoved { .. }
        | C::CodeForm { .. }
        | C::RegionsOnly { .. }
        | C::MissingComparto { .. }
        | C::PrerequisiteWithPeso { .. }
        | C::ObjectiveZeroWeight { .. }
        | C::ObjectiveWithoutWeight { .. }
        | C::BaselineYear { .. } => super::comparto::describe(e, at, lang),
        C::ObjectivePrefix { code, strategico } => Texts::new(tr!(
            lang,
            "il codice `{code}` non inizia con quello della sua linea strategica `{strategico}`",
            "the code `{code}` does not start with its strategic line's `{strategico}`"
        ))
        .help(tr!(
            lang,
            "i codici degli obiettivi seguono `AA_SS_OSnn`, dove `AA_SS` è la linea strategica: controlla il codice o la riga `strategico`; se il codice è quello ufficiale, lascialo e accetta l'avviso scrivendo sulla riga sopra `# consenti C0603: motivo`",
            "objective codes follow `AA_SS_OSnn`, where `AA_SS` is the strategic line: check the code or the `strategico` line; if the code is the official one, keep it and accept the warning by writing on the line above `# consenti C0603: motivo`"
        )),
        C::StrategicPrefix { code, ambito } => Texts::new(tr!(
            lang,
            "il codice `{code}` non inizia con il numero del suo ambito ({ambito})",
            "the code `{code}` does not start with its ambito's number ({ambito})"
        ))
        .help(tr!(
            lang,
            "i codici delle linee strategiche seguono `AA_SS`, dove `AA` è l'ambito",
            "strategic line codes follow `AA_SS`, where `AA` is the ambito"
        )),
        C::AcceptUnused { code, remove } => Texts::new(tr!(
            lang,
            "`consenti {code}` non accetta nessun avviso",
            "`consenti {code}` accepts no warning"
        ))
        .label(tr!(
            lang,
            "nessun avviso {code} sulla riga a cui si riferisce",
            "no {code} warning on the line it refers to"
        ))
        .help(tr!(
            lang,
            "un `# consenti` vale per la sua riga o, da solo su una riga, per la riga sotto; l'avviso {code} lì non c'è (più): togli `{code}` dal commento",
            "a `# consenti` applies to its own line or, alone on a line, to the line below; there is no {code} warning there (any more): remove `{code}` from the comment"
        ))
        // It accepts nothing: removing it changes nothing.
        .fix(remove_consenti(lang, remove, Applicability::Safe)),
        C::AcceptWithoutReason => Texts::new(tr!(
            lang,
            "`consenti` senza motivo",
            "`consenti` without a reason"
        ))
        .help(tr!(
            lang,
            "scrivi dopo i due punti perché l'avviso è accettato, per chi rilegge il piano: `# consenti C0603: codice ufficiale della Camera`",
            "write after a colon why the warning is accepted, for whoever reads the plan next: `# consenti C0603: codice ufficiale della Camera`"
        )),
        C::AcceptUnknownCode {
            word,
            suggestion,
            remove,
        } => {
            let t = Texts::new(tr!(
                lang,
                "codice sconosciuto `{word}` in `consenti`",
                "unknown code `{word}` in `consenti`"
            ));
            match suggestion {
                Some(c) => {
                    let c = c.as_str();
                    t.help(tr!(lang, "forse intendevi `{c}`?", "did you mean `{c}`?"))
                        .fix(write(lang, at, c, Unsafe))
                }
                None => t
                    .help(tr!(
                        lang,
                        "i codici sono come `C0603`; `piano explain --all` li elenca tutti",
                        "codes look like `C0603`; `piano explain --all` lists them all"
                    ))
                    .fix(remove_consenti(lang, remove, Safe)),
            }
        }
        C::AcceptError { code, remove } => {
            let message = if code.severity() == crate::diagnostics::Severity::Error {
                tr!(
                    lang,
                    "`{code}` è un errore: un errore non si può accettare",
                    "`{code}` is an error: an error cannot be accepted"
                )
            } else {
                tr!(
                    lang,
                    "`{code}` riguarda i commenti `consenti` stessi: non si accetta",
                    "`{code}` is about `consenti` comments themselves: it cannot be accepted"
                )
            };
            Texts::new(message)
                .help(tr!(
                    lang,
                    "`consenti` vale solo per gli avvisi: correggi il problema, e togli `{code}` dal commento",
                    "`consenti` applies to warnings only: fix the problem, and remove `{code}` from the comment"
                ))
                .fix(remove_consenti(lang, remove, Safe))
        }
        C::NegativeResources => Texts::new(tr!(
            lang,
            "risorse negative",
            "negative resources"
        ))
        .help(tr!(
            lang,
            "le risorse di un obiettivo sono un importo positivo, oppure `risorse interne`",
            "an objective's resources are a positive amount, or `risorse interne`"
        )),
    }
}

/// The help and fix of a formula scaled by 100: the formula without the hundred, when taking
/// it out is all it takes (it is then the formula `piano eval` computes, so the fix is safe).
fn hundred_fix(t: Texts, lang: Lang, why: String, formula: Span, without: Option<&str>) -> Texts {
    match without {
        Some(w) => t
            .help(tr!(
                lang,
                "{why}; scrivi `formula {w}`",
                "{why}; write `formula {w}`"
            ))
            .fix(write(lang, formula, w, Applicability::Safe)),
        None => t.help(tr!(
            lang,
            "{why}; togli il 100 e scrivi le costanti della formula come frazioni (5% è 0,05)",
            "{why}; remove the 100 and write the formula's constants as fractions (5% is 0.05)"
        )),
    }
}

/// The fix that takes a wrong code (or the whole comment) out of a `consenti`.
fn remove_consenti(lang: Lang, remove: &Edit, a: Applicability) -> Fix {
    Fix::new(
        tr!(
            lang,
            "togli dal commento `consenti`",
            "remove from the `consenti` comment"
        ),
        a,
        vec![remove.clone()],
    )
}
