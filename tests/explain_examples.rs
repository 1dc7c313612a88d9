//! Every `piano explain` example is run: the "wrong" one must give exactly its code (and no
//! other), the "right" one nothing at all. An example is a fragment of a plan, of a
//! measurement file or a command line; this test places it in a small valid plan (or file, or
//! folder) and completes what the example leaves out:
//!
//! - a line `...` stands for the rest of the plan: it separates parts that go to different
//!   places (`triennio` in the `piano` block, `target` in an indicator);
//! - each part goes where its first word belongs: indicator fields into an indicator
//!   `eventi`, objective fields into the objective, `indicatore` blocks in place of the
//!   objective's indicators, items at the top level (or where [`Ctx`] says);
//! - a block the example leaves open (`obiettivo 03_04_OS04 "…" {`) is closed, and a block's
//!   missing required fields (`tipologia`, `udm`, targets for the triennio; an objective's
//!   `strategico`, `missione`, `risorse`, indicators) are added unless [`Ctx::keep_missing`]
//!   names them (the example is about a missing one);
//! - the measures a formula names are declared with the unit of their name.
//!
//! Each code's context says only what the defaults do not.

use piano::diagnostics::explain::explanation;
use piano::diagnostics::{Code, Diagnostic};
use piano::source::Source;
use std::path::Path;

/// Where the parts of an example go, and what the plan around them lacks.
#[derive(Clone)]
struct Ctx {
    /// The udm of the indicator that indicator fields go into (default: the kind of value
    /// the examples' targets have, else `n.`).
    udm: Option<&'static str>,
    /// Where each part goes, in order, when the first word does not say it well.
    slots: &'static [Slot],
    /// The plan's `comparto` (default `camera`), which decides the form of the objectives'
    /// `missione … programma …`.
    comparto: Option<&'static str>,
    /// Lines and items of the surrounding plan left out, because the example is about their
    /// absence or replaces them: `pesi uguali`, `piano`, `obiettivo`, `strategico 03_01`. (A
    /// line of the `piano` block or of the objective that the example writes itself, such as
    /// `triennio` or `risorse`, is left out anyway.)
    drop: &'static [&'static str],
    /// Required fields not added to the example's blocks (by their first words).
    keep_missing: &'static [&'static str],
    /// Other indicators of the objective (for weights that must add up to 100%).
    other_indicators: &'static str,
    /// Schematic parts of the example, written out: (as written, what it stands for).
    expand: fn(&str) -> String,
    /// The example leaves a block open on purpose: its lines are kept as written (each
    /// indicator completed right after its header) and only its last block is closed.
    raw: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    Top,
    Piano,
    Objective,
    /// In place of the objective's indicators.
    Indicators,
    /// Inside the indicator `eventi`.
    Indicator,
}

fn unchanged(s: &str) -> String {
    s.to_string()
}

impl Ctx {
    fn new() -> Ctx {
        Ctx {
            udm: None,
            comparto: None,
            slots: &[],
            drop: &[],
            keep_missing: &[],
            other_indicators: "",
            expand: unchanged,
            raw: false,
        }
    }
}

/// The context of each code's examples, where the defaults do not fit.
fn context(code: Code) -> Ctx {
    let c = Ctx::new();
    // An objective whose weights are given, with another indicator holding 80%.
    let weighted = Ctx {
        drop: &["pesi uguali"],
        other_indicators: "indicatore altro \"Altro\" {\n  peso 80%\n}",
        ..c.clone()
    };
    match code.as_str() {
        // Formulas whose result is a ratio, a number of days, an amount.
        "U0305" | "N0202" => Ctx {
            udm: Some("%"),
            ..c
        },
        "U0306" => Ctx {
            udm: Some("gg"),
            ..c
        },
        "U0302" | "U0303" | "U0304" => Ctx {
            udm: Some("€"),
            ..c
        },
        "P0102" => Ctx {
            slots: &[Slot::Indicators],
            raw: true,
            ..c
        },
        "P0103" => Ctx {
            slots: &[Slot::Objective],
            ..c
        },
        // The open long text takes the rest of the file: inside the last block.
        "P0104" => Ctx {
            slots: &[Slot::Indicator],
            ..c
        },
        "P0111" => Ctx {
            drop: &["piano"],
            ..c
        },
        "P0114" | "P0121" | "W0505" => Ctx {
            drop: &["obiettivo"],
            ..c
        },
        "P0115" => Ctx {
            udm: Some("%"),
            expand: |s| {
                s.replace(
                    "((((((((((a))))))))))",
                    &format!("{}a{}", "(".repeat(70), ")".repeat(70)),
                )
            },
            ..c
        },
        "P0116" => Ctx {
            udm: Some("%"),
            expand: |s| s.replace("a + a + a + ...", &vec!["a"; 300].join(" + ")),
            ..c
        },
        "P0120" | "U0309" | "W0504" => weighted,
        "N0205" => Ctx {
            slots: &[Slot::Top, Slot::Indicators],
            ..c
        },
        "N0204" => Ctx {
            udm: Some("%"),
            slots: &[Slot::Objective, Slot::Indicator],
            ..c
        },
        "N0206" => Ctx {
            drop: &["piano", "obiettivo"],
            ..c
        },
        "N0208" => Ctx {
            keep_missing: &["udm"],
            ..c
        },
        "T0403" => Ctx {
            keep_missing: &["target 2025", "target 2026"],
            ..c
        },
        "W0501" | "W0502" | "W0503" => Ctx {
            drop: &["pesi uguali"],
            ..c
        },
        "C0603" => Ctx {
            drop: &["obiettivo"],
            ..c
        },
        // A comune's plan: missions and programmes of D.Lgs. 118/2011.
        "C0606" => Ctx {
            comparto: Some("ente_locale"),
            drop: &["obiettivo"],
            ..c
        },
        "C0607" => Ctx {
            comparto: Some("ente_locale"),
            ..c
        },
        "C0608" => Ctx {
            keep_missing: &["comparto"],
            ..c
        },
        "C0604" => Ctx {
            drop: &["strategico 03_01"],
            ..c
        },
        "P0127" => Ctx {
            slots: &[Slot::Piano],
            ..c
        },
        _ => c,
    }
}

// ---------------------------------------------------------------------------------------------
// Plans

/// The unit of a measure named in an example's formula.
fn measure_udm(name: &str) -> Option<&'static str> {
    Some(match name {
        "risorse_utilizzate"
        | "risorse_stanziate"
        | "costi"
        | "costi_personale"
        | "costi_funzionamento"
        | "costo_giornaliero"
        | "costo_medio" => "€",
        "giorni_lavorati" | "giorni" => "gg",
        "data_approvazione" | "data_scadenza" => "data",
        "imprese_export" | "imprese_registrate" | "pratiche" | "pratiche_corrette"
        | "pratiche_ricevute" | "pratiche_5gg" | "pratiche_evase" | "totale" | "imprese"
        | "visite" | "a" | "b" | "c" => "n.",
        "quota_digitali" => "%",
        _ => return None,
    })
}

fn comparto(ctx: &Ctx) -> &'static str {
    match ctx.comparto {
        Some("ente_locale") => "comparto ente_locale",
        _ => "comparto camera",
    }
}

/// A missione and programma of the plan's comparto.
fn missione(ctx: &Ctx) -> &'static str {
    match ctx.comparto {
        Some("ente_locale") => "missione 01 programma 11",
        _ => "missione 011 programma 005",
    }
}

/// A target for 2024 that fits `udm`.
fn target_for(udm: &str) -> &'static str {
    match udm {
        "%" => ">= 80%",
        "€" => ">= 1.000,00 €",
        "gg" => "<= 30",
        "data" => "entro 31/12/2024",
        "sì/no" => "= sì",
        _ => ">= 4",
    }
}

/// One line or block of an example: its first line (`indicatore a "A" {`), its body when it
/// is a block, and whether the example closed it.
#[derive(Clone, Debug)]
struct Unit {
    head: String,
    body: Option<Vec<Unit>>,
    closed: bool,
}

impl Unit {
    /// The words that name it: `target 2024`, `pesi uguali`, `indicatore eventi`, else the
    /// first word.
    fn key(&self) -> String {
        let words: Vec<&str> = self.head.split_whitespace().collect();
        match words.as_slice() {
            [
                "target" | "pesi" | "indicatore" | "obiettivo" | "misura",
                second,
                ..,
            ] => {
                format!("{} {second}", words[0])
            }
            [first, ..] => first.to_string(),
            [] => String::new(),
        }
    }

    fn word(&self) -> &str {
        self.head.split_whitespace().next().unwrap_or("")
    }
}

type Lines = std::vec::IntoIter<String>;

/// Reads an example's lines into units; `{ a }` on one line is a block of one line, `{ ... }`
/// an empty one.
fn units(lines: &mut Lines) -> Vec<Unit> {
    block(lines, true).0
}

/// The units up to the `}` that closes the block (or to the end); whether a `}` closed it.
fn block(lines: &mut Lines, top: bool) -> (Vec<Unit>, bool) {
    let mut out = Vec::new();
    while let Some(line) = lines.next() {
        let code = line
            .split(" #")
            .next()
            .unwrap_or(&line)
            .trim_end()
            .to_string();
        let trimmed = code.trim();
        if trimmed == "}" {
            if top {
                out.push(Unit {
                    head: "}".into(),
                    body: None,
                    closed: true,
                });
                continue;
            }
            return (out, true);
        }
        if let Some(open) = trimmed.find('{') {
            let (head, rest) = trimmed.split_at(open);
            let inside = rest[1..].trim();
            if let Some(one) = inside.strip_suffix('}') {
                let one = one.trim();
                let body = if one.is_empty() || one == "..." {
                    vec![]
                } else {
                    vec![Unit {
                        head: one.to_string(),
                        body: None,
                        closed: true,
                    }]
                };
                out.push(Unit {
                    head: head.trim().to_string(),
                    body: Some(body),
                    closed: true,
                });
            } else {
                let (body, closed) = block(lines, false);
                out.push(Unit {
                    head: head.trim().to_string(),
                    body: Some(body),
                    closed,
                });
            }
            continue;
        }
        // Other lines are kept as written, with their comment (a long text's lines too: none
        // of the examples' long texts holds a `{`).
        out.push(Unit {
            head: line.trim().to_string(),
            body: None,
            closed: true,
        });
    }
    (out, false)
}

/// Adds a block's required fields that are missing, and closes it.
fn complete(unit: &mut Unit, ctx: &Ctx) {
    // A misspelled keyword (`obbiettivo`) is completed as the block it misspells.
    let word = unit.word().to_string();
    let kinds = [
        "piano",
        "obiettivo",
        "indicatore",
        "modello",
        "punteggio",
        "strategico",
    ];
    let kind = if kinds.contains(&word.as_str()) {
        word
    } else {
        piano::suggest::closest(&word, kinds)
            .unwrap_or(&word)
            .to_string()
    };
    let head = unit.head.clone();
    let Some(body) = &mut unit.body else { return };
    for u in body.iter_mut() {
        complete(u, ctx);
    }
    let has = |body: &[Unit], key: &str| body.iter().any(|u| u.key() == key || u.word() == key);
    let mut add: Vec<String> = Vec::new();
    match kind.as_str() {
        "indicatore" => {
            let udm = body
                .iter()
                .find(|u| u.word() == "udm")
                .and_then(|u| u.head.split_whitespace().nth(1).map(str::to_string))
                .unwrap_or_else(|| ctx.udm.unwrap_or("n.").to_string());
            // An indicator from a template has its fields from the template.
            if !body.iter().any(|u| u.word() == "modello") {
                add.extend(indicator_fields(body, &udm));
            }
        }
        "obiettivo" => {
            let code = head.split_whitespace().nth(1).unwrap_or("");
            let strategico = if code.starts_with("03_01") {
                "03_01"
            } else {
                "01_01"
            };
            for (key, line) in [
                ("strategico", format!("strategico {strategico}")),
                ("missione", missione(ctx).to_string()),
                ("risorse", "risorse interne".to_string()),
            ] {
                if !has(body, key) {
                    add.push(line);
                }
            }
            if !body.iter().any(|u| u.word() == "indicatore") {
                add.push("pesi uguali".into());
                body.push(eventi(ctx));
            }
        }
        "piano" => {
            for (key, line) in [
                ("ente", "ente \"Camera di Commercio di Prova\""),
                ("comparto", comparto(ctx)),
                ("anno", "anno 2024"),
                ("triennio", "triennio 2024-2026"),
            ] {
                if !has(body, key) {
                    add.push(line.to_string());
                }
            }
        }
        "modello" => add.extend(indicator_fields(body, "n.")),
        _ => {}
    }
    // Before the example's own lines: an open long text at the end keeps its place.
    let added: Vec<Unit> = add
        .into_iter()
        .map(|line| Unit {
            head: line,
            body: None,
            closed: true,
        })
        .filter(|u| {
            let key = u.key();
            !ctx.keep_missing.iter().any(|k| key == *k)
        })
        .collect();
    body.splice(0..0, added);
    unit.closed = true;
}

/// The required fields of an indicator (or a template) missing from `body`.
fn indicator_fields(body: &[Unit], udm: &str) -> Vec<String> {
    let has = |key: &str| body.iter().any(|u| u.key() == key);
    let mut add = Vec::new();
    if !has("tipologia") {
        add.push("tipologia efficienza".to_string());
    }
    if !has("udm") {
        add.push(format!("udm {udm}"));
    }
    for (year, goal) in [
        ("2024", target_for(udm)),
        ("2025", "n.d."),
        ("2026", "n.d."),
    ] {
        let key = format!("target {year}");
        if !has(&key) {
            add.push(format!("{key} {goal}"));
        }
    }
    add
}

/// The indicator `eventi`, complete.
fn eventi(ctx: &Ctx) -> Unit {
    let mut eventi = Unit {
        head: "indicatore eventi \"Eventi\"".into(),
        body: Some(vec![]),
        closed: true,
    };
    complete(&mut eventi, ctx);
    eventi
}

/// An example kept as written, each indicator header followed by the required fields its
/// lines lack; the last block is closed.
fn raw_lines(example: &str, ctx: &Ctx) -> String {
    let lines: Vec<&str> = example.lines().collect();
    let mut out = String::new();
    for (k, line) in lines.iter().enumerate() {
        out.push_str(&format!("  {line}\n"));
        if line.trim_start().starts_with("indicatore ") && line.trim_end().ends_with('{') {
            let own: Vec<Unit> = lines[k + 1..]
                .iter()
                .take_while(|l| !l.trim_end().ends_with('{') && l.trim() != "}")
                .map(|l| Unit {
                    head: l.trim().to_string(),
                    body: None,
                    closed: true,
                })
                .collect();
            for field in indicator_fields(&own, ctx.udm.unwrap_or("n.")) {
                out.push_str(&format!("    {field}\n"));
            }
        }
    }
    out.push_str("  }\n");
    out
}

fn write_units(units: &[Unit], indent: &str, out: &mut String) {
    for u in units {
        match &u.body {
            None => out.push_str(&format!("{indent}{}\n", u.head)),
            Some(body) => {
                out.push_str(&format!("{indent}{} {{\n", u.head));
                write_units(body, &format!("{indent}  "), out);
                if u.closed {
                    out.push_str(&format!("{indent}}}\n"));
                }
            }
        }
    }
}

/// Where a part goes by its first word.
fn slot_of(part: &[Unit]) -> Slot {
    let Some(first) = part.first() else {
        return Slot::Top;
    };
    let words: Vec<&str> = first.head.split_whitespace().collect();
    let titled = words.get(2).is_some_and(|w| w.starts_with('"')) || first.body.is_some();
    match words.first().copied().unwrap_or("") {
        "anno" | "triennio" | "ente" | "approvato" | "comparto" => Slot::Piano,
        "indicatore" | "pesi" => Slot::Indicators,
        "strategico" if !titled => Slot::Objective,
        "misura" | "missione" | "risorse" | "area" | "ufficio" | "finanziamento"
        | "stakeholder" | "fonte" | "descrizione" => Slot::Objective,
        "target" | "udm" | "formula" | "tipologia" | "tipo" | "peso" | "algoritmo" | "nota"
        | "kpi" | "baseline" | "responsabile" => Slot::Indicator,
        "modello" if !titled => Slot::Indicator,
        _ => Slot::Top,
    }
}

/// The names the formulas of an example use, declared as measures unless the example
/// declares them or names an indicator so.
fn measures(text: &str) -> Vec<String> {
    let mut declared = Vec::new();
    let mut used = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let ["misura" | "indicatore", name, ..] = words.as_slice() {
            declared.push(name.to_string());
        }
        if let Some((_, formula)) = line
            .split(" #")
            .next()
            .unwrap_or(line)
            .split_once("formula ")
        {
            for name in formula
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
            {
                used.push(name.to_string());
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for name in used {
        if measure_udm(&name).is_some() && !declared.contains(&name) && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The plan around an example, with the example's parts in their places.
fn plan(example: &str, ctx: &Ctx) -> String {
    let example = (ctx.expand)(example);
    let mut parts: Vec<Vec<String>> = vec![vec![]];
    for line in example.lines() {
        if line.trim() == "..." {
            parts.push(vec![]);
        } else {
            parts.last_mut().unwrap().push(line.to_string());
        }
    }
    let mut at: std::collections::BTreeMap<usize, Vec<Unit>> = Default::default();
    let mut slots = Vec::new();
    for (k, lines) in parts.into_iter().enumerate() {
        let mut part = units(&mut lines.into_iter());
        let slot = ctx.slots.get(k).copied().unwrap_or_else(|| slot_of(&part));
        for u in &mut part {
            complete(u, ctx);
        }
        if slot == Slot::Indicator {
            let mut eventi = Unit {
                head: "indicatore eventi \"Eventi\"".into(),
                body: Some(part),
                closed: true,
            };
            complete(&mut eventi, ctx);
            part = vec![eventi];
        }
        slots.push(slot);
        at.insert(k, part);
    }
    let text_of = |slot: Slot, indent: &str| {
        let mut out = String::new();
        for (k, s) in slots.iter().enumerate() {
            if *s == slot || (slot == Slot::Indicators && *s == Slot::Indicator) {
                write_units(&at[&k], indent, &mut out);
            }
        }
        out
    };
    let written: Vec<String> = slots
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Slot::Piano | Slot::Objective | Slot::Indicators))
        .flat_map(|(k, _)| at[&k].iter().map(Unit::key))
        .collect();
    let top: Vec<String> = slots
        .iter()
        .enumerate()
        .filter(|(_, s)| **s == Slot::Top)
        .flat_map(|(k, _)| at[&k].iter().map(Unit::key))
        .collect();
    let dropped = |key: &str| {
        ctx.drop.contains(&key)
            || written.iter().any(|w| w == key)
            || (key == "piano" && top.iter().any(|t| t == "piano"))
            || (key == "obiettivo" && top.iter().any(|t| t == "obiettivo 01_01_OS01"))
    };
    let mut p = String::new();
    if !dropped("piano") {
        p.push_str("piano \"PIRA 2024\" {\n");
        if !dropped("ente") {
            p.push_str("  ente \"Camera di Commercio di Prova\"\n");
        }
        if !dropped("comparto") {
            p.push_str(&format!("  {}\n", comparto(ctx)));
        }
        if !dropped("anno") {
            p.push_str("  anno 2024\n");
        }
        if !dropped("triennio") {
            p.push_str("  triennio 2024-2026\n");
        }
        p.push_str(&text_of(Slot::Piano, "  "));
        p.push_str("}\n\n");
    }
    p.push_str("ambito 1 \"Promozione\"\nambito 3 \"Organizzazione\"\n\n");
    p.push_str("strategico 01_01 \"Digitalizzazione\" {\n  ambito 1\n}\n\n");
    if !dropped("strategico 03_01") {
        p.push_str("strategico 03_01 \"Ottimizzazione\" {\n  ambito 3\n}\n\n");
    }
    p.push_str(&text_of(Slot::Top, ""));
    if !dropped("obiettivo") {
        p.push_str("\nobiettivo 01_01_OS01 \"Turismo\" {\n");
        for (key, line) in [
            ("strategico", "strategico 01_01"),
            ("missione", missione(ctx)),
            ("risorse", "risorse 10.000,00 €"),
            ("pesi uguali", "pesi uguali"),
        ] {
            if !dropped(key) {
                p.push_str(&format!("  {line}\n"));
            }
        }
        for name in measures(&example) {
            let udm = measure_udm(&name).unwrap_or("n.");
            p.push_str(&format!("  misura {name} \"{name}\" {udm}\n"));
        }
        p.push_str(&text_of(Slot::Objective, "  "));
        p.push('\n');
        let indicators = if ctx.raw {
            raw_lines(&example, ctx)
        } else {
            text_of(Slot::Indicators, "  ")
        };
        if indicators.is_empty() {
            write_units(&[eventi(ctx)], "  ", &mut p);
        } else {
            p.push_str(&indicators);
        }
        if !ctx.other_indicators.is_empty() {
            let lines: Vec<String> = ctx.other_indicators.lines().map(str::to_string).collect();
            let mut others = units(&mut lines.into_iter());
            for u in &mut others {
                complete(u, ctx);
            }
            write_units(&others, "  ", &mut p);
        }
        p.push_str("}\n");
    }
    p
}

/// An example that writes lone CRs as `⏎` (comments saying so dropped), as lines.
fn cr_as_lines(example: &str) -> String {
    example
        .lines()
        .map(|l| match l.split_once("    # ") {
            Some((code, comment)) if comment.contains('⏎') => code,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
        .replace('⏎', "\n")
}

/// The bytes of a plan whose example writes invisible characters by a visible sign: `␛`
/// for ESC, an `à` said to be the byte 0xE0 in a UTF-8 file; `cr`: the file ends its lines
/// with a lone CR.
fn bytes_of(text: &str, cr: bool) -> Vec<u8> {
    let mut text = text.replace('␛', "\x1b");
    if cr {
        text = text.replace('\n', "\r");
    }
    let mut bytes = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.contains("come byte 0xE0") {
            let (head, comment) = line.split_once(" #").unwrap_or((line, ""));
            bytes.extend(
                head.replace('à', "\u{1}")
                    .bytes()
                    .map(|b| if b == 1 { 0xE0 } else { b }),
            );
            bytes.extend(format!(" #{comment}").bytes());
        } else {
            bytes.extend(line.bytes());
        }
    }
    bytes
}

/// The codes of a plan's diagnostics, but for warnings accepted by `# consenti` (settled).
fn plan_codes(text: &str, cr: bool) -> Vec<Code> {
    piano::check_source(&Source::plan_from_bytes("esempio.piano", &bytes_of(text, cr)).0)
        .iter()
        .filter(|d| d.accepted.is_none())
        .map(Diagnostic::code)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Measurement files

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The small plan (one measured indicator, `01_01_OS01.eventi`) and a file for it.
fn small() -> (String, String) {
    (
        plan("", &Ctx::new()),
        "codice;valore;nota\n01_01_OS01.eventi;3;\nrilevazione;30/06/2024;\n".to_string(),
    )
}

/// The shipped seed plan and its measurements at 30/06/2024.
fn seed() -> (String, String) {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).expect("shipped file");
    (
        read("plans/pistoia-prato-2024.piano"),
        read("plans/pistoia-prato-2024-06-30.csv"),
    )
}

/// The codes of a file's rows (their first cells).
fn row_codes(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split(';').next().unwrap_or("").to_string())
        .collect()
}

/// An example of a measurement file in its context: a whole file (JSON, an empty file, a
/// file without its header), or rows that replace the rows of the same codes (the header
/// replaces the header) in a complete file.
fn measurement_file(code: Code, example: &str, base: &str) -> String {
    let whole = example.is_empty()
        || example.trim_start().starts_with(['{', '['])
        || code.as_str() == "M0702";
    if whole {
        return example.to_string();
    }
    let mut rows: Vec<String> = base.lines().map(str::to_string).collect();
    // The row the example is about is left out of the file around it.
    let left_out: &[&str] = match code.as_str() {
        "M0716" => &["01_01_OS01.assessment"],
        "E0804" => &["rilevazione"],
        _ => &[],
    };
    rows.retain(|r| !left_out.iter().any(|c| r.starts_with(&format!("{c};"))));
    let mut replaced: Vec<String> = Vec::new();
    for line in example.lines() {
        let key = line.split(';').next().unwrap_or("").to_string();
        if key == "codice" {
            rows[0] = line.to_string();
            continue;
        }
        if !replaced.contains(&key) {
            replaced.push(key.clone());
            if let Some(at) = rows.iter().position(|r| r.split(';').next() == Some(&key)) {
                rows.retain(|r| r.split(';').next() != Some(&key));
                rows.insert(at, line.to_string());
                continue;
            }
        } else if let Some(at) = rows.iter().rposition(|r| r.split(';').next() == Some(&key)) {
            rows.insert(at + 1, line.to_string());
            continue;
        }
        rows.push(line.to_string());
    }
    rows.join("\n") + "\n"
}

fn measurement_codes(code: Code, example: &str, wrong_and_right: &str) -> Vec<Code> {
    let (seed_plan, seed_file) = seed();
    let seed_codes = row_codes(&seed_file);
    // The seed's world when the examples name its codes.
    let in_seed = row_codes(wrong_and_right).iter().any(|c| {
        c != "01_01_OS01.eventi" && c != "rilevazione" && c != "codice" && seed_codes.contains(c)
    });
    let (plan_text, base) = if in_seed {
        (seed_plan, seed_file)
    } else {
        small()
    };
    let checked = piano::check_plan(&Source::new("piano.piano", plan_text.clone()));
    assert!(!checked.has_errors(), "{code}: the plan around the file");
    let file = measurement_file(code, example, &base);
    let loaded = piano::eval::load(&checked.model, &Source::new("misure.csv", file));
    let mut codes: Vec<Code> = loaded.diagnostics.iter().map(Diagnostic::code).collect();
    if !loaded.has_errors() {
        let (_, located) = piano::eval::evaluate(
            &checked.model,
            &plan_text,
            &loaded.measurements,
            piano::eval::Options::default(),
        );
        codes.extend(located.iter().map(|l| l.diagnostic.code()));
    }
    codes
}

// ---------------------------------------------------------------------------------------------
// Workbooks

/// A cell of a workbook example, as the cell shows it: `3 [Generale]` a number in the General
/// format, `100% [Percentuale]` one in a percentage format, `30/06/2024 [data]` a date; any other
/// text is a text cell.
fn write_example_cell(sheet: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, cell: &str) {
    use rust_xlsxwriter::{ExcelDateTime, Format};
    let number = |shown: &str| {
        let d =
            piano::syntax::literal::parse_number(shown.trim_end_matches('%')).expect("a number");
        d.to_string().parse::<f64>().unwrap()
    };
    match cell.rsplit_once(" [") {
        Some((shown, "Generale]")) => {
            sheet.write_number(row, col, number(shown)).unwrap();
        }
        Some((shown, "Percentuale]")) => {
            let f = Format::new().set_num_format("0%");
            let x = number(shown) / 100.0;
            sheet.write_number_with_format(row, col, x, &f).unwrap();
        }
        Some((shown, "data]")) => {
            let d = piano::syntax::literal::parse_date(shown).expect("a date");
            let d = ExcelDateTime::parse_from_str(&d.format("%Y-%m-%d").to_string()).unwrap();
            let f = Format::new().set_num_format("dd/mm/yyyy");
            sheet.write_datetime_with_format(row, col, d, &f).unwrap();
        }
        _ if cell.is_empty() => {}
        _ => {
            sheet.write_string(row, col, cell).unwrap();
        }
    }
}

/// An example of a workbook: `[Sheet]` lines start sheets, then rows of cells separated by
/// `|`. In `Misure` the example's rows replace the rows of the same codes of the file around
/// it (written as text cells), `(riga cancellata)` deletes one; in the template's hidden sheet
/// `_piano`, `(quella del piano)` is the plan's fingerprint.
fn workbook_codes(code: Code, example: &str, wrong_and_right: &str) -> Vec<Code> {
    let codes_of = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.split('|').next().unwrap_or("").trim().to_string())
            .collect()
    };
    let (seed_plan, seed_file) = seed();
    let seed_codes = row_codes(&seed_file);
    let in_seed = codes_of(wrong_and_right).iter().any(|c| {
        c != "01_01_OS01.eventi" && c != "rilevazione" && c != "codice" && seed_codes.contains(c)
    });
    let (plan_text, base) = if in_seed {
        (seed_plan, seed_file)
    } else {
        small()
    };
    let checked = piano::check_plan(&Source::new("piano.piano", plan_text.clone()));
    assert!(
        !checked.has_errors(),
        "{code}: the plan around the workbook"
    );
    let needs = piano::eval::needs::needed(&checked.model);
    let mut sheets: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for line in example.lines() {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => sheets.push((name.to_string(), Vec::new())),
            None => sheets
                .last_mut()
                .expect("a [sheet] first")
                .1
                .push(line.split('|').map(|c| c.trim().to_string()).collect()),
        }
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in &sheets {
        let mut rows = rows.clone();
        if name == "Misure" {
            // The file around it, in the example's columns.
            let width = rows[0].len();
            let mut all: Vec<Vec<String>> = base
                .lines()
                .skip(1)
                .map(|l| l.split(';').take(width).map(str::to_string).collect())
                .collect();
            for row in rows.iter().skip(1) {
                all.retain(|r| r[0] != row[0]);
            }
            all.extend(
                rows.iter()
                    .skip(1)
                    .filter(|r| r.get(1).map(String::as_str) != Some("(riga cancellata)"))
                    .cloned(),
            );
            all.insert(0, rows[0].clone());
            rows = all;
        }
        for row in &mut rows {
            for cell in row.iter_mut() {
                if cell == "(quella del piano)" {
                    *cell = piano::eval::fingerprint::of(&needs);
                } else if cell.starts_with("(quella di un") {
                    *cell = "0000000000000000".into();
                }
            }
        }
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in (0u32..).zip(&rows) {
            for (c, cell) in (0u16..).zip(row) {
                write_example_cell(sheet, r, c, cell);
            }
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let (_, loaded) = piano::eval::load_bytes(&checked.model, "misure.xlsx", &bytes);
    let mut codes: Vec<Code> = loaded.diagnostics.iter().map(Diagnostic::code).collect();
    if !loaded.has_errors() {
        let (_, located) = piano::eval::evaluate(
            &checked.model,
            &plan_text,
            &loaded.measurements,
            piano::eval::Options::default(),
        );
        codes.extend(located.iter().map(|l| l.diagnostic.code()));
    }
    codes
}

// ---------------------------------------------------------------------------------------------
// Command lines

/// Runs `piano …` in a folder holding `piano.piano` (the small plan), `misure.csv`, the same
/// file at three dates (`misure-2024-06-30.csv`, `-2024-12-31`, `-2025-06-30`) and
/// `piano.docx` (a Word file); the codes it prints and whether it succeeded.
fn command_codes(example: &str) -> (Vec<Code>, bool) {
    let dir = std::env::temp_dir().join(format!("piano-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (plan_text, file) = small();
    std::fs::write(dir.join("piano.piano"), plan_text).unwrap();
    std::fs::write(dir.join("misure.csv"), &file).unwrap();
    // One file per monitoring date, for the examples of reports with several dates.
    for (name, date) in [
        ("misure-2024-06-30.csv", "30/06/2024"),
        ("misure-2024-12-31.csv", "31/12/2024"),
        ("misure-2025-06-30.csv", "30/06/2025"),
    ] {
        let dated = file.replace("rilevazione;30/06/2024;", &format!("rilevazione;{date};"));
        std::fs::write(dir.join(name), dated).unwrap();
    }
    std::fs::write(
        dir.join("piano.docx"),
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    )
    .unwrap();
    let args: Vec<&str> = example.split_whitespace().skip(1).collect();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(&args)
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .env_remove("PIANO_LANG")
        .output()
        .expect("piano runs");
    let _ = std::fs::remove_dir_all(&dir);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let codes = text
        .split('[')
        .skip(1)
        .filter_map(|s| s.get(..5))
        .filter_map(Code::parse)
        .collect();
    (codes, out.status.success())
}

// ---------------------------------------------------------------------------------------------

/// The unit the examples' targets are written in, when they say it by their values.
fn udm_of_targets(examples: &str) -> Option<&'static str> {
    let targets: Vec<&str> = examples
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("target ") || l.starts_with("baseline "))
        .collect();
    let any = |f: &dyn Fn(&str) -> bool| targets.iter().any(|t| f(t));
    if any(&|t| t.contains("entro") || t.matches('/').count() == 2) {
        Some("data")
    } else if any(&|t| t.ends_with('%')) {
        Some("%")
    } else if any(&|t| t.ends_with('€')) {
        Some("€")
    } else if any(&|t| t.ends_with(" gg")) {
        Some("gg")
    } else {
        None
    }
}

/// What an example gives when run, and the text it was run as.
fn run(code: Code, example: &str, both: &str) -> (Vec<Code>, String) {
    if example.starts_with("piano ") && !example.contains('"') {
        let (codes, ok) = command_codes(example);
        let mut codes = codes;
        if !ok && codes.is_empty() {
            codes.push(code); // failed without a code: never right
        }
        return (codes, example.to_string());
    }
    let s = code.as_str();
    // A workbook: its first line names a sheet (`[Misure]`; a JSON file starts with `[{` too).
    let sheet = example
        .lines()
        .next()
        .is_some_and(|l| l.starts_with('[') && l.ends_with(']') && !l.contains(['{', '"']));
    if s.starts_with('M') && sheet {
        return (workbook_codes(code, example, both), example.to_string());
    }
    if s.starts_with('M') || (s.starts_with('E') && !example.starts_with("piano ")) {
        return (measurement_codes(code, example, both), example.to_string());
    }
    let mut ctx = context(code);
    if ctx.udm.is_none() {
        ctx.udm = udm_of_targets(both);
    }
    let cr = example.contains('⏎');
    let text = plan(&cr_as_lines(example), &ctx);
    (plan_codes(&text, cr), text)
}

/// Guards the examples of `piano explain` (src/diagnostics/explain.rs): each wrong one gives
/// its code and nothing else, each right one is clean.
#[test]
fn every_explain_example_gives_its_code_or_nothing() {
    let mut failures = Vec::new();
    for &code in Code::ALL {
        let x = explanation(code);
        let both = format!("{}\n{}", x.wrong, x.right);
        let (wrong, wrong_text) = run(code, x.wrong, &both);
        if wrong.is_empty() || wrong.iter().any(|c| *c != code) {
            failures.push(format!(
                "{code}: the wrong example gives {wrong:?}\n{wrong_text}"
            ));
        }
        let (right, right_text) = run(code, x.right, &both);
        if !right.is_empty() {
            failures.push(format!(
                "{code}: the right example gives {right:?}\n{right_text}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} examples do not do what they say:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
