//! Texts of the diagnostics about comparti and their registries, prerequisite objectives and
//! baselines (issue 11), kept apart from the other checker texts.

use super::check::percent;
use super::{Texts, list, tr};
use crate::check::error::{CheckError, CodeKind};
use crate::check::registry;
use crate::diagnostics::Lang;
use crate::diagnostics::fix::{Applicability, Edit, Fix};
use crate::syntax::ast::Comparto;
use crate::syntax::vocab::Vocabulary;

/// Whose registry it is: "le Camere di Commercio (D.M. 27/03/2013)".
fn whose(lang: Lang, c: Option<Comparto>) -> String {
    match c {
        None | Some(Comparto::Camera) => tr!(
            lang,
            "delle Camere di Commercio (D.M. 27/03/2013)",
            "of Chambers of Commerce (D.M. 27/03/2013)"
        ),
        Some(Comparto::EnteLocale) => tr!(
            lang,
            "degli enti locali (D.Lgs. 118/2011, allegato 14)",
            "of local bodies (D.Lgs. 118/2011, allegato 14)"
        ),
        Some(Comparto::Regione) => tr!(
            lang,
            "delle regioni (D.Lgs. 118/2011, allegato 14)",
            "of regions (D.Lgs. 118/2011, allegato 14)"
        ),
        Some(Comparto::Stato) => tr!(lang, "del bilancio dello Stato", "of the State budget"),
        Some(Comparto::Universita) => tr!(
            lang,
            "delle università (D.I. 16/01/2014 n. 21)",
            "of universities (D.I. 16/01/2014 n. 21)"
        ),
        Some(Comparto::Altro) => String::new(),
    }
}

/// "`01` è una missione del D.Lgs. 118/2011: scrivi `comparto ente_locale`...".
fn elsewhere_help(lang: Lang, what: &str, c: Comparto, declared: bool) -> String {
    let w = whose(lang, Some(c));
    let word = c.canonical();
    if declared {
        tr!(
            lang,
            "{what} è nel registro {w}: se il piano è di quel comparto, scrivi `comparto {word}` nel blocco `piano`",
            "{what} is in the registry {w}: if the plan belongs there, write `comparto {word}` in the `piano` block"
        )
    } else {
        tr!(
            lang,
            "{what} è nel registro {w}: dichiara il comparto con `comparto {word}` nel blocco `piano`",
            "{what} is in the registry {w}: declare the comparto with `comparto {word}` in the `piano` block"
        )
    }
}

fn codes(items: impl IntoIterator<Item = String>) -> Vec<String> {
    items.into_iter().map(|c| format!("`{c}`")).collect()
}

/// `at`: the diagnostic's place, which some fixes edit.
pub fn describe(e: &CheckError, at: crate::span::Span, lang: Lang) -> Texts {
    use CheckError as C;
    match e {
        C::UnknownMission {
            missione,
            comparto,
            elsewhere,
        } => {
            let mut help = Vec::new();
            if let Some(r) = registry::of(*comparto) {
                let known = list(lang, &codes(r.missions.iter().map(|m| m.code.clone())));
                let w = whose(lang, *comparto);
                help.push(tr!(lang, "le missioni {w} sono {known}", "the missions {w} are {known}"));
            }
            if let Some(c) = elsewhere {
                let what = tr!(lang, "`{missione}`", "`{missione}`");
                help.push(elsewhere_help(lang, &what, *c, comparto.is_some()));
            }
            Texts::new(tr!(
                lang,
                "missione `{missione}` sconosciuta",
                "unknown mission `{missione}`"
            ))
            .label(tr!(lang, "non nel registro", "not in the registry"))
            .help(help.join("; "))
        }
        C::UnknownProgramme {
            missione,
            programma,
            known,
            elsewhere,
        } => {
            let k = list(lang, &codes(known.iter().cloned()));
            let mut help = vec![tr!(
                lang,
                "i programmi della missione {missione} sono {k}",
                "the programmes of mission {missione} are {k}"
            )];
            if let Some(c) = elsewhere {
                let what = format!("`{missione}/{programma}`");
                help.push(elsewhere_help(lang, &what, *c, true));
            }
            Texts::new(tr!(
                lang,
                "la missione {missione} non ha il programma {programma}",
                "mission {missione} has no programme {programma}"
            ))
            .help(help.join("; "))
        }
        C::ProgrammeMoved {
            missione,
            programma,
            to,
        } => Texts::new(tr!(
            lang,
            "il programma {missione}/{programma} va riportato nel {missione}/{to}",
            "programme {missione}/{programma} is to be reported under {missione}/{to}"
        ))
        .help(tr!(
            lang,
            "nota MiSE del 9/6/2015 (prot. 0087080): le camere di commercio fanno rientrare queste attività nel programma {to}; scrivi `missione {missione} programma {to}`",
            "MiSE note of 9/6/2015 (prot. 0087080): chambers of commerce report these activities under programme {to}; write `missione {missione} programma {to}`"
        ))
        // The reports then group the objective elsewhere: the writer confirms.
        .fix(super::write(lang, at, to, crate::diagnostics::Applicability::Unsafe)),
        C::CodeForm {
            kind,
            written,
            right,
            comparto,
            span,
        } => {
            let what = match kind {
                CodeKind::Missione => lang.pick("missione", "mission"),
                CodeKind::Programma => lang.pick("programma", "programme"),
            };
            let field = match kind {
                CodeKind::Missione => "missione",
                CodeKind::Programma => "programma",
            };
            let word = comparto.canonical();
            let form = match comparto {
                Comparto::EnteLocale | Comparto::Regione => lang.pick("due cifre", "two digits"),
                Comparto::Altro => lang.pick("solo cifre", "digits only"),
                _ => lang.pick("tre cifre", "three digits"),
            };
            let t = Texts::new(tr!(
                lang,
                "codice di {what} `{written}` nella forma sbagliata per `comparto {word}`",
                "{what} code `{written}` in the wrong form for `comparto {word}`"
            ))
            .label(tr!(lang, "qui vogliono {form}", "{form} are expected here"));
            match right {
                Some(r) => t
                    .help(tr!(
                        lang,
                        "in un piano `comparto {word}` i codici hanno {form}: scrivi `{field} {r}`",
                        "in a `comparto {word}` plan codes have {form}: write `{field} {r}`"
                    ))
                    .fix(Fix::new(
                        tr!(lang, "scrivi `{r}`", "write `{r}`"),
                        Applicability::Safe,
                        vec![Edit::replace(*span, r.clone())],
                    )),
                None => t.help(tr!(
                    lang,
                    "in un piano `comparto {word}` i codici hanno {form}: controlla il codice, o il comparto",
                    "in a `comparto {word}` plan codes have {form}: check the code, or the comparto"
                )),
            }
        }
        C::RegionsOnly {
            missione,
            programma,
            name,
        } => Texts::new(tr!(
            lang,
            "il programma {missione}/{programma} è solo per le Regioni",
            "programme {missione}/{programma} is for regions only"
        ))
        .label(name.clone())
        .help(tr!(
            lang,
            "nell'allegato 14 al D.Lgs. 118/2011 i programmi \"Politica regionale unitaria\", l'edilizia scolastica (04/03) e la cooperazione territoriale (19/02) sono riservati alle Regioni: un ente locale usa un altro programma della missione {missione}, oppure il piano è di una regione (`comparto regione`)",
            "in allegato 14 of D.Lgs. 118/2011 the \"Politica regionale unitaria\" programmes, school buildings (04/03) and territorial cooperation (19/02) are for regions: a local body uses another programme of mission {missione}, or the plan is a region's (`comparto regione`)"
        )),
        C::MissingComparto { insert_at, guess } => {
            let word = guess.canonical();
            let all = list(lang, &codes(Comparto::canonical_words().iter().map(|w| w.to_string())));
            let t = Texts::new(tr!(
                lang,
                "il piano non dichiara il suo `comparto`",
                "the plan does not declare its `comparto`"
            ))
            .label(tr!(
                lang,
                "missioni e programmi letti come quelli delle Camere di Commercio",
                "missions and programmes read as the Chambers of Commerce's"
            ))
            .help(tr!(
                lang,
                "scrivi nel blocco `piano` una riga `comparto {word}`: il comparto dice quale registro di missioni e programmi vale e quali campi sono obbligatori ({all})",
                "write a line `comparto {word}` in the `piano` block: the comparto says which registry of missions and programmes applies and which fields are required ({all})"
            ));
            match insert_at {
                Some(at) => t.fix(Fix::new(
                    tr!(lang, "dichiara `comparto {word}`", "declare `comparto {word}`"),
                    Applicability::Unsafe,
                    vec![Edit::insert(*at, format!("  comparto {word}\n"))],
                )),
                None => t,
            }
        }
        C::PrerequisiteWithPeso {
            prerequisito,
            peso_line,
        } => Texts::new(tr!(
            lang,
            "`peso` in un obiettivo `prerequisito`",
            "`peso` in a `prerequisito` objective"
        ))
        .related(*prerequisito, tr!(lang, "prerequisito qui", "prerequisite here"))
        .help(tr!(
            lang,
            "un prerequisito non pesa nella performance ma la condiziona: togli la riga `peso`, oppure togli `prerequisito` se l'obiettivo deve pesare",
            "a prerequisite carries no weight but conditions the performance: remove the `peso` line, or remove `prerequisito` if the objective must carry weight"
        ))
        .fix(Fix::new(
            tr!(lang, "togli la riga `peso`", "remove the `peso` line"),
            Applicability::Safe,
            vec![Edit::delete(*peso_line)],
        )),
        C::ObjectiveZeroWeight { line } => Texts::new(tr!(
            lang,
            "peso 0% su un obiettivo",
            "weight 0% on an objective"
        ))
        .help(tr!(
            lang,
            "un obiettivo che non pesa ma condiziona gli altri (una \"X\" nella colonna del peso) si scrive `prerequisito` al posto di `peso`; se invece deve pesare, dagli un peso maggiore di 0%",
            "an objective that carries no weight but conditions the others (an \"X\" in the weight column) is written `prerequisito` instead of `peso`; if it must carry weight, give it a weight above 0%"
        ))
        .fix(Fix::new(
            tr!(lang, "scrivi `prerequisito`", "write `prerequisito`"),
            Applicability::Unsafe,
            vec![Edit::replace(*line, "prerequisito")],
        )),
        C::ObjectiveWithoutWeight {
            code,
            weighted,
            insert_at,
            indent,
            rest,
        } => {
            let mut t = Texts::new(tr!(
                lang,
                "l'obiettivo `{code}` non ha né `peso` né `prerequisito`, ma altri obiettivi hanno un `peso`",
                "objective `{code}` has neither `peso` nor `prerequisito`, but other objectives have a `peso`"
            ))
            .label(tr!(lang, "manca il peso", "no weight"));
            for span in weighted {
                t = t.related(*span, tr!(lang, "ha un peso", "has a weight"));
            }
            let peso = rest.map(|r| format!("peso {}", percent(r)));
            let help = match &peso {
                Some(p) => tr!(
                    lang,
                    "se l'obiettivo conta nella performance scrivi `{p}` (i pesi degli obiettivi sommano a 100%); se non pesa ma condiziona gli altri, scrivi `prerequisito`",
                    "if the objective counts in the performance write `{p}` (the objectives' weights add up to 100%); if it carries no weight but conditions the others, write `prerequisito`"
                ),
                None => tr!(
                    lang,
                    "se l'obiettivo conta nella performance scrivi `peso N%` (i pesi degli obiettivi sommano a 100%); se non pesa ma condiziona gli altri, scrivi `prerequisito`",
                    "if the objective counts in the performance write `peso N%` (the objectives' weights add up to 100%); if it carries no weight but conditions the others, write `prerequisito`"
                ),
            };
            t = t.help(help);
            if let Some(at) = insert_at {
                if let Some(p) = &peso {
                    t = t.fix(Fix::new(
                        tr!(lang, "scrivi `{p}`", "write `{p}`"),
                        Applicability::Unsafe,
                        vec![Edit::insert(*at, format!("{indent}{p}\n"))],
                    ));
                }
                t = t.fix(Fix::new(
                    tr!(lang, "scrivi `prerequisito`", "write `prerequisito`"),
                    Applicability::Unsafe,
                    vec![Edit::insert(*at, format!("{indent}prerequisito\n"))],
                ));
            }
            t
        }
        C::BaselineYear { year, from } => Texts::new(tr!(
            lang,
            "baseline del {year}, non precedente al triennio che inizia nel {from}",
            "baseline for {year}, not before the triennio starting in {from}"
        ))
        .help(tr!(
            lang,
            "la baseline è il valore di partenza, misurato prima del triennio: di solito l'anno {prev}",
            "the baseline is the starting value, measured before the triennio: usually {prev}",
            prev = from.saturating_sub(1)
        )),
        _ => Texts::new(String::new()),
    }
}
