//! A deterministic generator of random but syntactically valid plans, written as messily as the
//! language allows: fields in any order, odd indentation, blank lines, comments in every
//! position, every accepted spelling of literals, CRLF line ends. Each seed gives one plan.

/// xorshift64: small, deterministic, good enough to vary test inputs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A line of a plan before it is written out: a field, or a header with a block.
enum Line {
    Field(String),
    Block { header: String, children: Vec<Line> },
}

fn field(text: impl Into<String>) -> Line {
    Line::Field(text.into())
}

fn block(header: impl Into<String>, children: Vec<Line>) -> Line {
    Line::Block {
        header: header.into(),
        children,
    }
}

const COMMENTS: &[&str] = &[
    "# nota di servizio",
    "#senza spazio",
    "# con \"virgolette\" e { graffe }",
    "# pubblicato: peso 33,3% # due cancelletti",
    "#",
    "# àèìòù €",
    "#   rientrato   ",
];

const STRINGS: &[&str] = &[
    "Camera di Commercio",
    "Virgolette \"interne\"",
    "Barra \\ rovescia",
    "Cancelletto # non commento",
    "Graffe { e }",
    "Qualità e €",
    "",
];

const LONG_LINES: &[&str] = &[
    "Tra i programmi prioritari",
    "con \"virgolette\" singole",
    "# non è un commento",
    "obiettivo 01 \"non è un item\" {",
    "riga con   spazi interni",
    "}",
];

const NAMES: &[&str] = &[
    "eventi",
    "qualità_percepita",
    "risorse_utilizzate",
    "pratiche",
    "giorni_medi",
    "x1",
];

struct Gen {
    rng: Rng,
}

/// One plan: the same seed always gives the same text.
pub fn plan(seed: u64) -> String {
    let mut g = Gen {
        rng: Rng::new(seed),
    };
    let mut items = vec![g.piano()];
    if g.rng.chance(50) {
        items.push(g.punteggio());
    }
    for code in 1..=1 + g.rng.below(3) {
        items.push(g.ambito(code));
    }
    for _ in 0..g.rng.below(3) {
        items.push(g.strategico());
    }
    for _ in 0..g.rng.below(3) {
        items.push(g.misura());
    }
    for _ in 0..g.rng.below(2) {
        items.push(g.modello());
    }
    for _ in 0..1 + g.rng.below(3) {
        items.push(g.obiettivo());
    }
    g.rng.shuffle(&mut items);
    g.write(&items)
}

/// `text` with a few random edits (characters deleted, doubled or inserted), usually breaking
/// it: for checking that nothing panics on broken input.
pub fn mutate(text: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(5) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => chars.insert(at, chars[at]),
            _ => {
                let c = rng.pick(&[
                    "{", "}", "\"", "#", "\n", "-", ".", ",", "%", "€", "(", ";", " ",
                ]);
                chars.splice(at..at, c.chars());
            }
        }
    }
    chars.into_iter().collect()
}

impl Gen {
    // -----------------------------------------------------------------------------------------
    // Items

    fn piano(&mut self) -> Line {
        let mut fields = vec![
            field(format!("ente {}", self.string())),
            field("anno 2024"),
            field(format!("triennio 2024{}-{}2026", self.gap(), self.gap())),
        ];
        if self.rng.chance(50) {
            fields.push(field(format!("approvato {}", self.string())));
        }
        if self.rng.chance(50) {
            fields.push(field(format!("descrizione {}", self.text())));
        }
        self.rng.shuffle(&mut fields);
        block(format!("piano {}", self.text()), fields)
    }

    fn punteggio(&mut self) -> Line {
        let mut fields = vec![
            field(format!("massimo {}", self.quantity("%"))),
            field(format!("ritardo {}", self.quantity("gg"))),
            field(format!(
                "dati_mancanti {}",
                self.rng.pick(&["esclusi", "zero"])
            )),
        ];
        self.rng.shuffle(&mut fields);
        fields.truncate(1 + self.rng.below(3));
        block("punteggio", fields)
    }

    fn ambito(&mut self, code: usize) -> Line {
        let header = format!("ambito {code} {}", self.string());
        if self.rng.chance(50) {
            field(header)
        } else {
            let children = if self.rng.chance(70) {
                vec![field(format!("descrizione {}", self.text()))]
            } else {
                vec![]
            };
            block(header, children)
        }
    }

    fn strategico(&mut self) -> Line {
        let header = format!(
            "strategico 0{}_0{} {}",
            1 + self.rng.below(3),
            1 + self.rng.below(5),
            self.string()
        );
        if self.rng.chance(20) {
            return field(header);
        }
        let mut fields = vec![field(format!("ambito {}", 1 + self.rng.below(3)))];
        if self.rng.chance(30) {
            fields.push(field(format!("descrizione {}", self.text())));
        }
        self.rng.shuffle(&mut fields);
        block(header, fields)
    }

    fn misura(&mut self) -> Line {
        let name = self.rng.pick(NAMES);
        let udm = self.udm();
        if self.rng.chance(80) {
            field(format!("misura {name} {} {udm}", self.text()))
        } else {
            field(format!("misura {name} {udm}"))
        }
    }

    fn modello(&mut self) -> Line {
        let mut fields = self.indicator_fields();
        for _ in 0..self.rng.below(3) {
            fields.push(self.misura());
        }
        self.rng.shuffle(&mut fields);
        let name = self.rng.pick(NAMES);
        let header = if self.rng.chance(70) {
            format!("modello {name} {}", self.text())
        } else {
            format!("modello {name}")
        };
        block(header, fields)
    }

    fn obiettivo(&mut self) -> Line {
        let mut fields = Vec::new();
        let optional = |g: &mut Gen, percent, line: Line, fields: &mut Vec<Line>| {
            if g.rng.chance(percent) {
                fields.push(line);
            }
        };
        let strategico = field(format!("strategico 0{}_01", 1 + self.rng.below(3)));
        optional(self, 80, strategico, &mut fields);
        let missione = format!(
            "missione {} programma {}",
            self.rng.pick(&["11", "011", "32", "032", "12"]),
            self.rng.pick(&["5", "005", "03", "2"])
        );
        optional(self, 80, field(missione), &mut fields);
        let finanziamento = field(format!("finanziamento {}", self.string()));
        optional(self, 30, finanziamento, &mut fields);
        let risorse = self.risorse();
        optional(self, 70, risorse, &mut fields);
        for keyword in ["area", "ufficio", "stakeholder", "fonte"] {
            let line = field(format!("{keyword} {}", self.string()));
            optional(self, 50, line, &mut fields);
        }
        let descrizione = field(format!("descrizione {}", self.text()));
        optional(self, 60, descrizione, &mut fields);
        for _ in 0..self.rng.below(3) {
            fields.push(field(format!("nota {}", self.text())));
        }
        let peso = field(format!("peso {}", self.quantity("%")));
        optional(self, 40, peso, &mut fields);
        let pesi = field(format!("pesi{}uguali", self.space()));
        optional(self, 30, pesi, &mut fields);
        for _ in 0..self.rng.below(4) {
            fields.push(self.misura());
        }
        for _ in 0..1 + self.rng.below(3) {
            fields.push(self.indicatore());
        }
        self.rng.shuffle(&mut fields);
        let code = format!("0{}_01_OS0{}", 1 + self.rng.below(3), 1 + self.rng.below(9));
        block(format!("obiettivo {code} {}", self.text()), fields)
    }

    fn risorse(&mut self) -> Line {
        match self.rng.below(3) {
            0 => field(format!("risorse {}", self.quantity("€"))),
            1 => field("risorse interne"),
            _ => {
                let rows = (0..self.rng.below(4))
                    .map(|_| {
                        let nature = self.rng.pick(&[
                            "personale",
                            "funzionamento",
                            "interventi",
                            "ammortamenti",
                        ]);
                        let year = 2024 + self.rng.below(3);
                        field(format!("{year} {nature} {}", self.quantity("€")))
                    })
                    .collect();
                block("risorse", rows)
            }
        }
    }

    fn indicatore(&mut self) -> Line {
        let mut fields = self.indicator_fields();
        self.rng.shuffle(&mut fields);
        let name = self.rng.pick(NAMES);
        let header = if self.rng.chance(70) {
            format!("indicatore {name} {}", self.text())
        } else {
            format!("indicatore {name}")
        };
        block(header, fields)
    }

    fn indicator_fields(&mut self) -> Vec<Line> {
        let mut fields = Vec::new();
        if self.rng.chance(20) {
            fields.push(field(format!("modello {}", self.rng.pick(NAMES))));
        }
        if self.rng.chance(80) {
            fields.push(field(format!("algoritmo {}", self.string())));
        }
        if self.rng.chance(50) {
            fields.push(field(format!("formula {}", self.formula(3))));
        }
        if self.rng.chance(80) {
            let tipologia = self.rng.pick(&[
                "efficienza",
                "efficacia",
                "volume",
                "qualità",
                "qualita",
                "salute_economica",
            ]);
            fields.push(field(format!("tipologia {tipologia}")));
        }
        if self.rng.chance(30) {
            let tipo = self
                .rng
                .pick(&["realizzazione_fisica", "risultato", "impatto", "altro"]);
            fields.push(field(format!("tipo {tipo}")));
        }
        let udm = self.udm();
        fields.push(field(format!("udm {udm}")));
        for (keyword, percent) in [("fonte", 30), ("kpi", 20)] {
            if self.rng.chance(percent) {
                fields.push(field(format!("{keyword} {}", self.string())));
            }
        }
        if self.rng.chance(20) {
            fields.push(field(format!("descrizione {}", self.text())));
        }
        let mut years = vec![2024, 2025, 2026];
        if self.rng.chance(10) {
            years.push(2025); // a duplicate year: the checker's business, kept in order here
        }
        years.truncate(years.len() - self.rng.below(2));
        for year in years {
            let goal = self.goal(udm);
            fields.push(field(format!("target {year}{}{goal}", self.space())));
        }
        if self.rng.chance(70) {
            fields.push(field(format!("peso {}", self.quantity("%"))));
        }
        for _ in 0..self.rng.below(2) {
            fields.push(field(format!("nota {}", self.string())));
        }
        fields
    }

    // -----------------------------------------------------------------------------------------
    // Values

    fn udm(&mut self) -> &'static str {
        self.rng.pick(&[
            "n.", "%", "€", "gg", "ore", "anni", "punti", "data", "sì/no", "si/no", "sí/no",
        ])
    }

    fn goal(&mut self, udm: &str) -> String {
        if self.rng.chance(15) {
            return self.rng.pick(&["n.d.", "--"]).to_string();
        }
        let (comparators, value): (&[&str], String) = match udm {
            "data" => (&["entro", "<=", ">=", "="], self.date()),
            "sì/no" | "si/no" | "sí/no" => {
                (&["="], self.rng.pick(&["sì", "si", "sí", "no"]).to_string())
            }
            "%" | "€" | "gg" | "ore" | "anni" | "punti" => {
                (&[">=", "<=", ">", "<", "="], self.quantity(udm))
            }
            _ => (&[">=", "<=", "="], self.number()),
        };
        let comparator = self.rng.pick(comparators);
        format!("{comparator}{}{value}", self.space())
    }

    fn date(&mut self) -> String {
        let (day, month) = (1 + self.rng.below(28), 1 + self.rng.below(12));
        let year = 2024 + self.rng.below(3);
        match self.rng.below(3) {
            0 => format!("{day:02}/{month:02}/{year}"),
            1 => format!("{day}.{month}.{year}"),
            _ => format!("{day}/{month}/{year}"),
        }
    }

    /// An Italian number, with or without thousands separators, sometimes negative.
    fn number(&mut self) -> String {
        let int = match self.rng.below(4) {
            0 => self.rng.below(10),
            1 => self.rng.below(1000),
            2 => self.rng.below(100_000),
            _ => self.rng.below(10_000_000),
        };
        let digits = int.to_string();
        let mut text = if self.rng.chance(50) {
            group(&digits)
        } else {
            digits
        };
        match self.rng.below(4) {
            0 => text.push_str(&format!(",{}", self.rng.below(10))),
            1 => text.push_str(&format!(",{:02}", self.rng.below(100))),
            _ => {}
        }
        if self.rng.chance(10) {
            text.insert(0, '-');
        }
        text
    }

    /// A number in `unit`, written in one of the accepted ways.
    fn quantity(&mut self, unit: &str) -> String {
        let n = self.number();
        match unit {
            "€" => match self.rng.below(4) {
                0 => format!("€ {n}"),
                1 => format!("€{n}"),
                2 => format!("{n}€"),
                _ => format!("{n} €"),
            },
            "%" => format!("{n}{}%", self.gap()),
            _ if self.rng.chance(20) => n,
            _ => format!("{n}{}{unit}", self.rng.pick(&[" ", "  ", ""])),
        }
    }

    fn formula(&mut self, depth: usize) -> String {
        let leaf = depth == 0 || self.rng.chance(30);
        if leaf {
            return if self.rng.chance(70) {
                self.rng.pick(NAMES).to_string()
            } else {
                self.rng
                    .pick(&["100", "1.000", "12,5", "0,10", "2"])
                    .to_string()
            };
        }
        let s = self.gap();
        match self.rng.below(6) {
            0 => format!("-{s}{}", self.formula(depth - 1)),
            1 => format!("({s}{}{s})", self.formula(depth - 1)),
            2 => {
                let function = self.rng.pick(&["min", "max"]);
                let (a, b) = (self.formula(depth - 1), self.formula(depth - 1));
                format!("{function}({s}{a}{s};{}{b})", self.gap())
            }
            3 => format!("abs({})", self.formula(depth - 1)),
            _ => {
                let op = self.rng.pick(&["+", "-", "*", "/"]);
                let (a, b) = (self.formula(depth - 1), self.formula(depth - 1));
                format!("{a}{s}{op}{}{b}", self.gap())
            }
        }
    }

    /// A `"..."` string with escapes.
    fn string(&mut self) -> String {
        let raw = self.rng.pick(STRINGS);
        format!("\"{}\"", raw.replace('\\', "\\\\").replace('"', "\\\""))
    }

    /// A short string or a long text in one of its shapes.
    fn text(&mut self) -> String {
        if self.rng.chance(70) {
            return self.string();
        }
        let base = self.rng.pick(&["", "  ", "      ", "\t"]).to_string();
        let mut lines: Vec<String> = (0..1 + self.rng.below(4))
            .map(|_| {
                if self.rng.chance(15) {
                    String::new()
                } else {
                    let extra = self.rng.pick(&["", "", "  ", " "]);
                    format!("{base}{extra}{}", self.rng.pick(LONG_LINES))
                }
            })
            .collect();
        // Content must not end in `"` right before the closing quotes.
        let closing_inline = self.rng.chance(30);
        if closing_inline {
            lines.retain(|l| !l.trim().is_empty());
            lines.push(format!("{base}fine"));
        }
        let mut text = String::from("\"\"\"");
        if self.rng.chance(30) {
            text.push_str("Sulla riga di apertura");
        }
        for line in &lines {
            text.push('\n');
            text.push_str(line);
        }
        if !closing_inline {
            text.push('\n');
            text.push_str(self.rng.pick(&["", "  ", "    "]));
        }
        text.push_str("\"\"\"");
        text
    }

    /// Optional blanks between tokens that may touch.
    fn gap(&mut self) -> &'static str {
        self.rng.pick(&["", " ", "  "])
    }

    /// Required blanks between tokens.
    fn space(&mut self) -> &'static str {
        self.rng.pick(&[" ", " ", "  ", "\t"])
    }

    // -----------------------------------------------------------------------------------------
    // Writing

    fn write(&mut self, items: &[Line]) -> String {
        let mut out = String::new();
        if self.rng.chance(10) {
            out.push('\u{FEFF}');
        }
        for item in items {
            self.blank_lines(&mut out);
            self.own_line_comments(&mut out, "");
            let indent = self.rng.pick(&["", "", "", " "]).to_string();
            self.line(&mut out, item, &indent);
        }
        self.blank_lines(&mut out);
        self.own_line_comments(&mut out, "");
        if self.rng.chance(20) {
            // No final newline.
            while out.ends_with('\n') {
                out.pop();
            }
        }
        if self.rng.chance(25) {
            out = out.replace('\n', "\r\n");
        }
        out
    }

    fn line(&mut self, out: &mut String, line: &Line, indent: &str) {
        match line {
            Line::Field(text) => {
                out.push_str(indent);
                out.push_str(text);
                self.trailing(out);
            }
            Line::Block { header, children } => {
                let one_line = children.len() <= 1
                    && children
                        .iter()
                        .all(|c| matches!(c, Line::Field(t) if !t.contains('\n')))
                    && self.rng.chance(40);
                out.push_str(indent);
                out.push_str(header);
                out.push_str(self.space());
                out.push('{');
                if one_line {
                    for child in children {
                        if let Line::Field(text) = child {
                            out.push_str(self.space());
                            out.push_str(text);
                        }
                    }
                    out.push_str(self.space());
                    out.push('}');
                    self.trailing(out);
                    return;
                }
                self.trailing(out);
                // Nested lines are indented at least one blank: a field such as
                // `strategico 01_01` at column 0 would start a new item.
                let inner = format!(
                    "{indent}{}",
                    self.rng.pick(&["  ", "  ", "    ", "\t", " "])
                );
                for child in children {
                    self.blank_lines(out);
                    self.own_line_comments(out, &inner);
                    self.line(out, child, &inner);
                }
                self.blank_lines(out);
                self.own_line_comments(out, &inner);
                out.push_str(indent);
                out.push('}');
                self.trailing(out);
            }
        }
    }

    /// Ends a line, sometimes with a comment and trailing blanks.
    fn trailing(&mut self, out: &mut String) {
        if self.rng.chance(20) {
            out.push_str(self.rng.pick(&[" ", "  ", "\t", ""]));
            out.push_str(self.rng.pick(COMMENTS));
        }
        if self.rng.chance(10) {
            out.push_str("  ");
        }
        out.push('\n');
    }

    fn own_line_comments(&mut self, out: &mut String, indent: &str) {
        if !self.rng.chance(25) {
            return;
        }
        for _ in 0..1 + self.rng.below(3) {
            out.push_str(indent);
            out.push_str(self.rng.pick(&["", " ", "\t"]));
            out.push_str(self.rng.pick(COMMENTS));
            out.push('\n');
            if self.rng.chance(20) {
                out.push('\n');
            }
        }
    }

    fn blank_lines(&mut self, out: &mut String) {
        for _ in 0..self.rng.below(4).saturating_sub(1) {
            out.push_str(self.rng.pick(&["", "  ", "\t"]));
            out.push('\n');
        }
    }
}

/// `1234567` → `1.234.567`.
fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}
