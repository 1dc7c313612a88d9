//! Text → AST, one item at a time: the scanner cuts the file, pest parses each item, and the
//! builder turns pest's pairs into the typed AST, reporting what pest accepted only to explain
//! it (bad lines, ambiguous numbers, unknown words).

use super::ast::*;
use super::error::{Block, Expected, SyntaxError, Vocab};
use super::expected;
use super::formula;
use super::literal::{self, DateProblem, NumberProblem};
use super::parallel;
use super::scan::{self, ChunkKind};
use super::text;
use super::vocab::{FIELD_KEYWORDS, ITEM_KEYWORDS, Vocabulary, udm_synonym, unit_synonym};
use crate::diagnostics::{Diagnostic, FileError};
use crate::span::{Span, Spanned};
use crate::suggest;
use pest::Parser as _;
use pest::iterators::Pair;
use std::borrow::Cow;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/piano.pest"]
pub struct PianoParser;

/// The result of parsing one file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub plan: Plan,
    /// Every comment, in file order, for the formatter.
    pub comments: Vec<Span>,
    /// Items that could not be parsed at all: their keyword and, when readable, their code or
    /// name, so that references to them are not reported as undefined.
    pub broken: Vec<BrokenItem>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenItem {
    pub keyword: String,
    pub name: Option<String>,
    pub span: Span,
}

/// Files from this size up parse their items on several threads.
pub const PARALLEL_FROM: usize = 512 * 1024;

pub fn parse(text: &str) -> Parsed {
    parse_with(text, workers_for(text))
}

/// The threads worth parsing `text` on.
pub fn workers_for(text: &str) -> usize {
    if text.len() >= PARALLEL_FROM {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    } else {
        1
    }
}

/// [`parse`] on `workers` threads (1: on this one). The items are independent, so they are
/// parsed in any order and put back in file order: the result does not depend on `workers`.
pub fn parse_with(text: &str, workers: usize) -> Parsed {
    let mut parsed = Parsed::default();
    if crate::source::is_binary(text) {
        parsed
            .diagnostics
            .push(Diagnostic::new(Span::point(0), FileError::NotText));
        return parsed;
    }
    control_characters(text, &mut parsed.diagnostics);
    let scan = scan::scan(text);
    parsed.diagnostics.extend(scan.errors);
    let one = |chunk: &scan::Chunk| parse_chunk(text, chunk, &scan.comments);
    let outcomes = if workers > 1 && scan.chunks.len() > 1 {
        parallel::map(&scan.chunks, workers, one)
    } else {
        scan.chunks.iter().map(one).collect()
    };
    for outcome in outcomes {
        parsed.diagnostics.extend(outcome.diagnostics);
        parsed.plan.items.extend(outcome.item);
        parsed.broken.extend(outcome.broken);
    }
    parsed.comments = scan.comments;
    parsed.plan.items.shrink_to_fit();
    crate::diagnostics::sort(&mut parsed.diagnostics);
    parsed
}

/// The objectives of a file, parsed batch by batch after the rest of it ([`parse_staged`]).
pub struct Objectives<'t> {
    text: &'t str,
    chunks: Vec<scan::Chunk>,
    comments: Vec<Span>,
    workers: usize,
    /// The first chunk not parsed yet.
    next: usize,
    /// The current batch's outcomes not taken yet.
    parsed: std::vec::IntoIter<ChunkOutcome>,
}

/// Objectives parsed at a time: enough to keep the threads busy, few enough that their trees
/// stay small next to the plan.
const BATCH: usize = 256;

/// [`parse_with`] in two stages, for a caller that wants each objective's tree only until it
/// has used it: every item but the objectives now, the objectives then, from
/// iterating [`Objectives`]. Put together (the first stage's diagnostics, then each
/// objective's, sorted), the diagnostics, items and broken items are those of [`parse_with`].
pub fn parse_staged(text: &str, workers: usize) -> (Parsed, Objectives<'_>) {
    let mut parsed = Parsed::default();
    let mut objectives = Objectives {
        text,
        chunks: Vec::new(),
        comments: Vec::new(),
        workers,
        next: 0,
        parsed: Vec::new().into_iter(),
    };
    if crate::source::is_binary(text) {
        parsed
            .diagnostics
            .push(Diagnostic::new(Span::point(0), FileError::NotText));
        return (parsed, objectives);
    }
    control_characters(text, &mut parsed.diagnostics);
    let scan = scan::scan(text);
    parsed.diagnostics.extend(scan.errors);
    let (mine, rest): (Vec<scan::Chunk>, Vec<scan::Chunk>) =
        scan.chunks.into_iter().partition(|c| is_objective(text, c));
    let one = |chunk: &scan::Chunk| parse_chunk(text, chunk, &scan.comments);
    let outcomes = if workers > 1 && rest.len() > 1 {
        parallel::map(&rest, workers, one)
    } else {
        rest.iter().map(one).collect()
    };
    for outcome in outcomes {
        parsed.diagnostics.extend(outcome.diagnostics);
        parsed.plan.items.extend(outcome.item);
        parsed.broken.extend(outcome.broken);
    }
    parsed.comments = scan.comments.clone();
    objectives.chunks = mine;
    objectives.comments = scan.comments;
    (parsed, objectives)
}

/// An item chunk whose first word is `obiettivo`.
fn is_objective(text: &str, chunk: &scan::Chunk) -> bool {
    chunk.kind == ChunkKind::Item
        && text.get(chunk.span.range()).is_some_and(|t| {
            t.strip_prefix("obiettivo")
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        })
}

/// Objectives a worker parses at a time when they are parsed ahead of the reader.
const AHEAD_BATCH: usize = 32;

impl<'t> Objectives<'t> {
    /// How many objectives are still to come: a resolver reserves room for them at once
    /// instead of doubling a vector of 10,000 objectives up to 16,384.
    pub fn remaining(&self) -> usize {
        self.chunks.len().saturating_sub(self.next) + self.parsed.len()
    }

    /// The same outcomes, parsed on `workers` threads of `scope` while the caller uses the
    /// ones before (`parallel::ahead`): resolving an objective overlaps parsing the next.
    pub fn ahead<'scope>(
        self,
        scope: &'scope std::thread::Scope<'scope, '_>,
    ) -> impl Iterator<Item = ChunkOutcome> + 'scope
    where
        't: 'scope,
    {
        let Objectives {
            text,
            chunks,
            comments,
            workers,
            next,
            parsed,
        } = self;
        // The chunks not parsed yet, moved rather than copied.
        let mut rest = chunks;
        rest.drain(..next.min(rest.len()));
        let ahead = parallel::ahead(scope, rest, AHEAD_BATCH, workers, move |chunk| {
            parse_chunk(text, chunk, &comments)
        });
        parsed.chain(ahead)
    }
}

/// Each objective chunk's outcome, in file order: parsed [`BATCH`] at a time, a batch when
/// the previous one has been taken.
impl Iterator for Objectives<'_> {
    type Item = ChunkOutcome;

    fn next(&mut self) -> Option<ChunkOutcome> {
        if let Some(outcome) = self.parsed.next() {
            return Some(outcome);
        }
        let end = (self.next + BATCH).min(self.chunks.len());
        let batch = self.chunks.get(self.next..end)?;
        if batch.is_empty() {
            return None;
        }
        self.next = end;
        let (text, comments) = (self.text, &self.comments);
        let one = |chunk: &scan::Chunk| parse_chunk(text, chunk, comments);
        let outcomes = if self.workers > 1 && batch.len() > 1 {
            parallel::map(batch, self.workers, one)
        } else {
            batch.iter().map(one).collect()
        };
        self.parsed = outcomes.into_iter();
        self.parsed.next()
    }
}

/// What one chunk of the file gives.
#[derive(Default)]
pub struct ChunkOutcome {
    pub item: Option<Item>,
    pub broken: Option<BrokenItem>,
    pub diagnostics: Vec<Diagnostic>,
}

fn parse_chunk(text: &str, chunk: &scan::Chunk, comments: &[Span]) -> ChunkOutcome {
    let mut out = ChunkOutcome::default();
    let chunk_text = &text[chunk.span.range()];
    match chunk.kind {
        // Control characters alone are reported as such (P0127).
        ChunkKind::Stray
            if chunk_text
                .trim_start_matches([' ', '\t'])
                .starts_with(crate::controls::is_control) => {}
        ChunkKind::Stray => out
            .diagnostics
            .push(stray(text, chunk_text, chunk.span.start)),
        ChunkKind::Item if chunk.too_deep => out.broken = Some(broken(chunk_text, chunk.span)),
        ChunkKind::Item => {
            let (source, inserted_at) = repaired(text, chunk, comments);
            let mut builder = Builder {
                base: chunk.span.start,
                limit: chunk.span.end,
                inserted_at,
                comments,
                diagnostics: &mut out.diagnostics,
                broken_lines: 0,
                text_closed_by_repair: chunk.repair.append.starts_with("\"\"\""),
            };
            match PianoParser::parse(Rule::item, &source) {
                Ok(mut pairs) => out.item = pairs.next().and_then(|p| builder.item(p)),
                Err(error) => {
                    let mut d = expected::from_pest(&error, &source, 0);
                    if unclosed_quote_at(&source, d.span.start) {
                        d = Diagnostic::new(
                            Span::new(d.span.start, d.span.start + 1),
                            SyntaxError::UnclosedString,
                        );
                    }
                    d.span = Span::new(builder.offset(d.span.start), builder.offset(d.span.end));
                    builder.diagnostics.push(d);
                    out.broken = Some(broken(chunk_text, chunk.span));
                }
            }
        }
    }
    out
}

/// Control characters other than tab and line ends: invisible in an editor, and able to
/// repaint a terminal. One diagnostic for each run of them.
fn control_characters(text: &str, diagnostics: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    // C0 controls and DEL are one byte; C1 controls (U+0080–U+009F) are 0xC2 0x80..=0x9F.
    let width = |i: usize| match bytes[i] {
        b'\t' | b'\n' | b'\r' => 0,
        0..=0x1f | 0x7f => 1,
        0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => 2,
        _ => 0,
    };
    let mut i = next_candidate(bytes, 0);
    while i < bytes.len() {
        let w = width(i);
        if w == 0 {
            i = next_candidate(bytes, i + 1);
            continue;
        }
        let start = i;
        let first = text[start..].chars().next().unwrap_or('\0');
        i += w;
        while i < bytes.len() && width(i) > 0 {
            i += width(i);
        }
        diagnostics.push(Diagnostic::new(
            Span::new(start, i),
            SyntaxError::ControlCharacter {
                code: first as u32,
                count: text[start..i].chars().count(),
            },
        ));
    }
}

/// A byte that may start a control character (see `control_characters`).
fn may_be_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xc2
}

/// The first byte from `from` that may start a control character, or the end. Blocks of 64
/// bytes are tested whole, without stopping at the first hit, which the compiler turns into
/// vector instructions: a plan has none, and this runs over every byte of it.
fn next_candidate(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(block) = bytes
        .get(i..(i + 64).min(bytes.len()))
        .filter(|b| !b.is_empty())
    {
        if block.iter().fold(false, |hit, &b| hit | may_be_control(b)) {
            return i + block.iter().position(|&b| may_be_control(b)).unwrap_or(0);
        }
        i += block.len();
    }
    bytes.len()
}

/// The text to parse for an item: as written, with its comments blanked out, and with the
/// `}` or `"""` the scanner judged missing. Returns where the `}` was inserted, relative to
/// the item.
///
/// The scanner has found the comments already (the formatter and `consenti` read them from
/// its table): written over with spaces, byte for byte so that offsets do not move, they
/// leave the grammar no comment to try between every two tokens.
fn repaired<'t>(
    text: &'t str,
    chunk: &scan::Chunk,
    comments: &[Span],
) -> (Cow<'t, str>, Option<usize>) {
    let mut item = Cow::Borrowed(&text[chunk.span.range()]);
    let first = comments.partition_point(|c| c.start < chunk.span.start);
    let inside = comments
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.start < chunk.span.end);
    for comment in inside {
        let from = comment.start - chunk.span.start;
        let to = comment.end.min(chunk.span.end) - chunk.span.start;
        // Whole characters are replaced by as many ASCII spaces as they had bytes: the text
        // stays UTF-8 and every offset stays where it was.
        if item.get(from..to).is_some() {
            item.to_mut()
                .replace_range(from..to, &" ".repeat(to - from));
        }
    }
    let repair = &chunk.repair;
    let insert = repair
        .insert_brace_at
        .filter(|at| (chunk.span.start..=chunk.span.end).contains(at))
        .map(|at| at - chunk.span.start);
    if insert.is_none() && repair.append.is_empty() {
        return (item, None);
    }
    let mut out = String::with_capacity(item.len() + repair.append.len() + 2);
    match insert {
        Some(at) => {
            out.push_str(&item[..at]);
            out.push_str(scan::INSERTED);
            out.push_str(&item[at..]);
        }
        None => out.push_str(&item),
    }
    out.push_str(&repair.append);
    (Cow::Owned(out), insert)
}

/// Whether a `"` at `at` opens a string that its line never closes (an item's header, where
/// the grammar can only say it expected a text).
fn unclosed_quote_at(source: &str, at: usize) -> bool {
    let rest = source.get(at..).unwrap_or("");
    let line = rest.split('\n').next().unwrap_or("");
    line.starts_with('"') && !line.starts_with("\"\"\"") && !line[1..].contains('"')
}

/// Text outside any item: one diagnostic for the whole run of it. `file` is the whole text.
fn stray(file: &str, text: &str, base: usize) -> Diagnostic {
    let word_len = text
        .find(|c: char| c.is_whitespace())
        .unwrap_or(text.len())
        .max(text.chars().next().map_or(0, char::len_utf8));
    let span = Span::new(base, base + word_len);
    if text.starts_with('}') {
        let brace = Span::new(base, base + 1);
        let remove = crate::diagnostics::Edit::delete_in_line(file, brace).span;
        return Diagnostic::new(brace, SyntaxError::UnexpectedClosingBrace { remove });
    }
    let word: String = text[..word_len].chars().take(40).collect();
    let suggestion = suggest::closest(&word, ITEM_KEYWORDS.iter().copied());
    Diagnostic::new(span, SyntaxError::StrayText { word, suggestion })
}

fn broken(text: &str, span: Span) -> BrokenItem {
    let mut words = text.split_whitespace();
    let keyword = words.next().unwrap_or("").to_string();
    let name = words
        .next()
        .filter(|w| w.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .map(str::to_string);
    BrokenItem {
        keyword,
        name,
        span,
    }
}

/// The longest formula accepted, in operators: far beyond any real plan, and short enough
/// that checking and evaluating it recursively stays well within the stack.
pub const MAX_OPERATORS: usize = 256;

pub(super) struct Builder<'a> {
    /// Where the item starts in the file: pest's offsets are relative to the item.
    pub(super) base: usize,
    /// Where the item ends in the file; text appended to close it maps to this point.
    pub(super) limit: usize,
    /// Where a repair inserted a `}` (relative to the item): later offsets shift back.
    inserted_at: Option<usize>,
    comments: &'a [Span],
    pub(super) diagnostics: &'a mut Vec<Diagnostic>,
    /// Lines reported as broken in the block being built.
    broken_lines: usize,
    /// The item's last long text runs to the end of the file: its `"""` was added to parse
    /// it, and the lines it swallowed are lost.
    text_closed_by_repair: bool,
}

type P<'i> = Pair<'i, Rule>;

impl Builder<'_> {
    /// A file offset for an offset in the parsed (possibly repaired) text.
    pub(super) fn offset(&self, x: usize) -> usize {
        let x = match self.inserted_at {
            Some(at) if x >= at + scan::INSERTED.len() => x - scan::INSERTED.len(),
            Some(at) if x > at => at,
            _ => x,
        };
        (self.base + x).min(self.limit)
    }

    /// The span of a pair in the file, without trailing blanks and comments (pest includes
    /// them in some repetitions).
    pub(super) fn span(&self, pair: &P) -> Span {
        let s = pair.as_span();
        let text = pair.as_str();
        let mut end = s.start() + text.trim_end().len();
        let abs = |x: usize| self.offset(x);
        // A comment at the end of the pair: cut before it.
        let abs_end = abs(end);
        let abs_start = abs(s.start());
        let at = self.comments.partition_point(|c| c.end < abs_end);
        if let Some(comment) = self.comments.get(at)
            && comment.start < abs_end
            && comment.start >= abs_start
        {
            let cut = (comment.start - abs_start).min(text.len());
            end = s.start() + text.get(..cut).unwrap_or(text).trim_end().len();
        }
        Span::new(abs(s.start()), abs(end))
    }

    fn error(&mut self, span: Span, error: SyntaxError) {
        self.diagnostics.push(Diagnostic::new(span, error));
    }

    pub(super) fn item(&mut self, pair: P) -> Option<Item> {
        let inner = pair.into_inner().find(|p| p.as_rule() != Rule::EOI)?;
        Some(match inner.as_rule() {
            Rule::piano => Item::Piano(Box::new(self.piano(inner))),
            Rule::punteggio => Item::Punteggio(Box::new(self.punteggio(inner))),
            Rule::ambito => Item::Ambito(Box::new(self.ambito(inner))),
            Rule::strategico => Item::Strategico(Box::new(self.strategico(inner))),
            Rule::misura => Item::Misura(Box::new(self.misura(inner)?)),
            Rule::modello => Item::Modello(Box::new(self.modello(inner))),
            Rule::obiettivo => Item::Obiettivo(Box::new(self.obiettivo(inner))),
            _ => return None,
        })
    }

    // -----------------------------------------------------------------------------------------
    // Items

    fn piano(&mut self, pair: P) -> Piano {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next(); // keyword
        let title = self.text(it.next());
        let mut piano = Piano {
            span,
            title,
            ente: None,
            comparto: None,
            anno: None,
            triennio: None,
            approvato: None,
            responsabile: None,
            descrizione: None,
            has_errors: false,
        };
        let before = self.broken_lines;
        for field in block_fields(it.next()) {
            let fspan = self.span(&field);
            match field.as_rule() {
                Rule::ente => {
                    let v = self.field_text(field);
                    self.set(&mut piano.ente, "ente", fspan, v)
                }
                Rule::anno => {
                    let v = self.year(first_inner(field));
                    self.set(&mut piano.anno, "anno", fspan, v)
                }
                Rule::triennio => {
                    let mut inner = field.into_inner().skip(1);
                    let from = self.year(inner.next());
                    let to = self.year(inner.nth(1));
                    self.set(&mut piano.triennio, "triennio", fspan, (from, to))
                }
                Rule::approvato => {
                    let v = self.field_text(field);
                    self.set(&mut piano.approvato, "approvato", fspan, v)
                }
                Rule::comparto => {
                    let w = self.word::<Comparto>(first_inner(field), Vocab::Comparto);
                    self.set(&mut piano.comparto, "comparto", fspan, w)
                }
                Rule::responsabile => {
                    let v = self.field_text(field);
                    self.set(&mut piano.responsabile, "responsabile", fspan, v)
                }
                Rule::descrizione => {
                    let v = self.field_text(field);
                    self.set(&mut piano.descrizione, "descrizione", fspan, v)
                }
                _ => self.bad_line(field, Block::Piano),
            }
        }
        piano.has_errors = self.broken_lines > before;
        piano
    }

    fn punteggio(&mut self, pair: P) -> Punteggio {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let mut p = Punteggio {
            span,
            massimo: None,
            ritardo: None,
            dati_mancanti: None,
            has_errors: false,
        };
        let before = self.broken_lines;
        for field in block_fields(it.next()) {
            let fspan = self.span(&field);
            match field.as_rule() {
                Rule::massimo => {
                    if let Some(q) = self.quantity(first_inner(field)) {
                        self.set(&mut p.massimo, "massimo", fspan, q)
                    }
                }
                Rule::ritardo => {
                    if let Some(q) = self.quantity(first_inner(field)) {
                        self.set(&mut p.ritardo, "ritardo", fspan, q)
                    }
                }
                Rule::dati_mancanti => {
                    let w = self.word::<MissingData>(first_inner(field), Vocab::MissingData);
                    self.set(&mut p.dati_mancanti, "dati_mancanti", fspan, w)
                }
                _ => self.bad_line(field, Block::Punteggio),
            }
        }
        p.has_errors = self.broken_lines > before;
        p
    }

    fn ambito(&mut self, pair: P) -> Ambito {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let code = self.code(it.next());
        let title = self.text(it.next());
        let mut ambito = Ambito {
            span,
            code,
            title,
            descrizione: None,
            responsabile: None,
        };
        for field in block_fields(it.next()) {
            let fspan = self.span(&field);
            match field.as_rule() {
                Rule::descrizione => {
                    let v = self.field_text(field);
                    self.set(&mut ambito.descrizione, "descrizione", fspan, v)
                }
                Rule::responsabile => {
                    let v = self.field_text(field);
                    self.set(&mut ambito.responsabile, "responsabile", fspan, v)
                }
                _ => self.bad_line(field, Block::Ambito),
            }
        }
        ambito
    }

    fn strategico(&mut self, pair: P) -> Strategico {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let code = self.code(it.next());
        let title = self.text(it.next());
        let mut s = Strategico {
            span,
            code,
            title,
            ambito: None,
            descrizione: None,
            has_errors: false,
        };
        let before = self.broken_lines;
        for field in block_fields(it.next()) {
            let fspan = self.span(&field);
            match field.as_rule() {
                Rule::ambito_ref => {
                    let v = self.code(field.into_inner().nth(1));
                    self.set(&mut s.ambito, "ambito", fspan, v)
                }
                Rule::descrizione => {
                    let v = self.field_text(field);
                    self.set(&mut s.descrizione, "descrizione", fspan, v)
                }
                _ => self.bad_line(field, Block::Strategico),
            }
        }
        s.has_errors = self.broken_lines > before;
        s
    }

    fn misura(&mut self, pair: P) -> Option<Misura> {
        let span = self.span(&pair);
        let mut name = None;
        let mut description = None;
        let mut udm = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::string | Rule::long_text | Rule::curly_text => {
                    description = Some(self.text(Some(p)))
                }
                Rule::udm => udm = Some(self.udm(p)),
                _ => {}
            }
        }
        Some(Misura {
            span,
            name: name?,
            description,
            udm: udm?,
        })
    }

    fn modello(&mut self, pair: P) -> Modello {
        let span = self.span(&pair);
        let mut name = None;
        let mut title = None;
        let mut misure = Vec::new();
        let mut fields = IndicatorFields::default();
        let before = self.broken_lines;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::string | Rule::long_text | Rule::curly_text => {
                    title = Some(self.text(Some(p)))
                }
                Rule::modello_block => {
                    for field in block_fields(Some(p)) {
                        if field.as_rule() == Rule::misura {
                            misure.extend(self.misura(field));
                        } else {
                            self.indicator_field(field, &mut fields, Block::Modello);
                        }
                    }
                }
                _ => {}
            }
        }
        Modello {
            span,
            name: name.unwrap_or_else(|| Spanned::new(String::new(), span)),
            title,
            misure,
            fields,
            has_errors: self.broken_lines > before,
        }
    }

    fn obiettivo(&mut self, pair: P) -> Obiettivo {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let code = self.code(it.next());
        let title = self.text(it.next());
        let mut o = Obiettivo {
            span,
            code,
            title,
            strategico: None,
            missione: None,
            finanziamento: None,
            risorse: None,
            area: None,
            ufficio: None,
            responsabile: None,
            descrizione: None,
            stakeholder: None,
            fonte: None,
            note: Vec::new(),
            peso: None,
            prerequisito: None,
            pesi_uguali: None,
            misure: Vec::new(),
            indicatori: Vec::new(),
            has_errors: false,
        };
        let before = self.broken_lines;
        for field in block_fields(it.next()) {
            let fspan = self.span(&field);
            match field.as_rule() {
                Rule::strategico_ref => {
                    let v = self.code(field.into_inner().nth(1));
                    self.set(&mut o.strategico, "strategico", fspan, v)
                }
                Rule::missione => {
                    let mut inner = field.into_inner();
                    let missione = self.code(inner.nth(1));
                    let programma = self.code(inner.nth(1));
                    let v = MissioneProgramma {
                        missione,
                        programma,
                    };
                    self.set(&mut o.missione, "missione", fspan, v)
                }
                Rule::finanziamento => {
                    let v = self.field_text(field);
                    self.set(&mut o.finanziamento, "finanziamento", fspan, v)
                }
                Rule::risorse => {
                    if let Some(v) = self.risorse(field) {
                        self.set(&mut o.risorse, "risorse", fspan, v)
                    }
                }
                Rule::area => {
                    let v = self.field_text(field);
                    self.set(&mut o.area, "area", fspan, v)
                }
                Rule::ufficio => {
                    let v = self.field_text(field);
                    self.set(&mut o.ufficio, "ufficio", fspan, v)
                }
                Rule::descrizione => {
                    let v = self.field_text(field);
                    self.set(&mut o.descrizione, "descrizione", fspan, v)
                }
                Rule::stakeholder => {
                    let v = self.field_text(field);
                    self.set(&mut o.stakeholder, "stakeholder", fspan, v)
                }
                Rule::fonte => {
                    let v = self.field_text(field);
                    self.set(&mut o.fonte, "fonte", fspan, v)
                }
                Rule::nota => {
                    let value = self.field_text(field);
                    o.note.push(Field { value, span: fspan })
                }
                Rule::peso => {
                    if let Some(q) = self.quantity(first_inner(field)) {
                        self.set(&mut o.peso, "peso", fspan, q)
                    }
                }
                Rule::pesi_uguali => self.set(&mut o.pesi_uguali, "pesi uguali", fspan, ()),
                Rule::prerequisito => self.set(&mut o.prerequisito, "prerequisito", fspan, ()),
                Rule::responsabile => {
                    let v = self.field_text(field);
                    self.set(&mut o.responsabile, "responsabile", fspan, v)
                }
                Rule::misura => o.misure.extend(self.misura(field)),
                Rule::indicatore => {
                    let ind = self.indicatore(field);
                    o.indicatori.push(ind)
                }
                _ => self.bad_line(field, Block::Obiettivo),
            }
        }
        o.has_errors = self.broken_lines > before;
        // Vectors grow by doubling; a plan's AST is kept whole, so give the slack back.
        o.indicatori.shrink_to_fit();
        o.misure.shrink_to_fit();
        o.note.shrink_to_fit();
        o
    }

    fn indicatore(&mut self, pair: P) -> Indicatore {
        let span = self.span(&pair);
        let mut name = None;
        let mut title = None;
        let mut fields = IndicatorFields::default();
        let before = self.broken_lines;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::string | Rule::long_text | Rule::curly_text => {
                    title = Some(self.text(Some(p)))
                }
                Rule::indicatore_block => {
                    for field in block_fields(Some(p)) {
                        self.indicator_field(field, &mut fields, Block::Indicatore);
                    }
                    fields.targets.shrink_to_fit();
                    fields.note.shrink_to_fit();
                }
                _ => {}
            }
        }
        Indicatore {
            span,
            name: name.unwrap_or_else(|| Spanned::new(String::new(), span)),
            title,
            fields,
            has_errors: self.broken_lines > before,
        }
    }

    fn indicator_field(&mut self, field: P, f: &mut IndicatorFields, block: Block) {
        let fspan = self.span(&field);
        match field.as_rule() {
            Rule::modello_ref => {
                let v = self.name_opt(field.into_inner().nth(1));
                self.set(&mut f.modello, "modello", fspan, v)
            }
            Rule::algoritmo => {
                let v = self.field_text(field);
                self.set(&mut f.algoritmo, "algoritmo", fspan, v)
            }
            Rule::formula => {
                if let Some(expr) = field.into_inner().nth(1)
                    && let Some(e) = formula::build(self, expr)
                {
                    self.set(&mut f.formula, "formula", fspan, e)
                } else {
                    self.broken_lines += 1;
                }
            }
            Rule::tipologia => {
                let w = self.word::<Tipologia>(field.into_inner().nth(1), Vocab::Tipologia);
                self.set(&mut f.tipologia, "tipologia", fspan, w)
            }
            Rule::tipo => {
                let w = self.word::<Tipo>(field.into_inner().nth(1), Vocab::Tipo);
                self.set(&mut f.tipo, "tipo", fspan, w)
            }
            Rule::udm_field => {
                if let Some(p) = field.into_inner().nth(1) {
                    let w = self.udm(p);
                    self.set(&mut f.udm, "udm", fspan, w)
                }
            }
            Rule::fonte => {
                let v = self.field_text(field);
                self.set(&mut f.fonte, "fonte", fspan, v)
            }
            Rule::kpi => {
                let v = self.field_text(field);
                self.set(&mut f.kpi, "kpi", fspan, v)
            }
            Rule::descrizione => {
                let v = self.field_text(field);
                self.set(&mut f.descrizione, "descrizione", fspan, v)
            }
            Rule::baseline => {
                let mut it = field.into_inner().skip(1);
                let year = self.year(it.next());
                if let Some(value) = it.next().and_then(|v| self.value(v)) {
                    let v = Baseline { year, value };
                    self.set(&mut f.baseline, "baseline", fspan, v)
                } else {
                    self.broken_lines += 1;
                }
            }
            Rule::target => {
                if let Some(t) = self.target(field) {
                    f.targets.push(Field {
                        value: t,
                        span: fspan,
                    })
                }
            }
            Rule::peso => {
                if let Some(q) = self.quantity(first_inner(field)) {
                    self.set(&mut f.peso, "peso", fspan, q)
                }
            }
            Rule::nota => {
                let value = self.field_text(field);
                f.note.push(Field { value, span: fspan })
            }
            _ => self.bad_line(field, block),
        }
    }

    fn risorse(&mut self, field: P) -> Option<Risorse> {
        let inner = field.into_inner().nth(1)?;
        match inner.as_rule() {
            Rule::risorse_interne => Some(Risorse::Interne),
            Rule::quantity => self.quantity(Some(inner)).map(Risorse::Amount),
            Rule::risorse_block => {
                let mut rows = Vec::new();
                for line in block_fields(Some(inner)) {
                    if line.as_rule() != Rule::risorse_row {
                        self.bad_line(line, Block::Risorse);
                        continue;
                    }
                    let span = self.span(&line);
                    let mut it = line.into_inner();
                    let year = self.year(it.next());
                    let nature = self.word::<CostNature>(it.next(), Vocab::CostNature);
                    if let Some(amount) = self.quantity(it.next()) {
                        rows.push(RisorseRow {
                            span,
                            year,
                            nature,
                            amount,
                        });
                    }
                }
                Some(Risorse::PerYear(rows))
            }
            _ => None,
        }
    }

    fn target(&mut self, field: P) -> Option<Target> {
        let mut it = field.into_inner();
        it.next();
        let year = self.year(it.next());
        let next = it.next()?;
        let goal = match next.as_rule() {
            Rule::not_available => Goal::NotAvailable(self.span(&next)),
            Rule::comparator => {
                let comparator = self.comparator(next)?;
                match self.value(it.next()?)? {
                    // `>= n.d.`: no target, said with a comparator.
                    Value::NotAvailable(span) => {
                        let at = comparator.span.to(span);
                        self.error(at, SyntaxError::ComparedToNotAvailable { year: year.value });
                        Goal::NotAvailable(span)
                    }
                    value => Goal::Compare { comparator, value },
                }
            }
            _ => return None,
        };
        Some(Target { year, goal })
    }

    fn comparator(&mut self, pair: P) -> Option<Spanned<Comparator>> {
        let span = self.span(&pair);
        let text = pair.as_str().trim();
        let value = match text {
            ">=" => Comparator::Ge,
            "<=" => Comparator::Le,
            "=" => Comparator::Eq,
            ">" => Comparator::Gt,
            "<" => Comparator::Lt,
            "entro" => Comparator::Entro,
            bad => {
                let (suggestion, value) = match bad {
                    "=>" | "≥" => (">=", Comparator::Ge),
                    "=<" | "≤" => ("<=", Comparator::Le),
                    "==" => ("=", Comparator::Eq),
                    _ => ("=", Comparator::Eq),
                };
                self.broken_lines += 1;
                self.error(
                    span,
                    SyntaxError::BadComparator {
                        found: bad.to_string(),
                        suggestion,
                    },
                );
                if matches!(bad, "!=" | "<>") {
                    return None;
                }
                value
            }
        };
        Some(Spanned::new(value, span))
    }

    // -----------------------------------------------------------------------------------------
    // Values

    pub(super) fn value(&mut self, pair: P) -> Option<Value> {
        let pair = if pair.as_rule() == Rule::value {
            pair.into_inner().next()?
        } else {
            pair
        };
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::not_available => Some(Value::NotAvailable(span)),
            Rule::yes => Some(Value::Bool(Spanned::new(true, span))),
            Rule::no => Some(Value::Bool(Spanned::new(false, span))),
            Rule::date => match literal::parse_date(pair.as_str()) {
                Ok(d) => Some(Value::Date(Spanned::new(d, span))),
                Err(DateProblem::Impossible { suggestion }) => {
                    self.broken_lines += 1;
                    let text = pair.as_str().to_string();
                    self.error(span, SyntaxError::ImpossibleDate { text, suggestion });
                    None
                }
            },
            Rule::bad_date => {
                self.broken_lines += 1;
                let text = pair.as_str().to_string();
                let error = match literal::iso_date(&text) {
                    Ok(d) => SyntaxError::IsoDate {
                        suggestion: Some(crate::italian::date(d)),
                    },
                    // `2024-02-30`: first of all, no such day.
                    Err(last) => SyntaxError::ImpossibleDate {
                        text,
                        suggestion: last.map(crate::italian::date),
                    },
                };
                self.error(span, error);
                None
            }
            Rule::bad_year => {
                self.broken_lines += 1;
                let text = pair.as_str().to_string();
                let year = text.rsplit('/').next().unwrap_or("").to_string();
                self.error(span, SyntaxError::ImpossibleYear { text, year });
                None
            }
            Rule::quantity => self.quantity(Some(pair)).map(Value::Quantity),
            _ => None,
        }
    }

    fn quantity(&mut self, pair: Option<P>) -> Option<Quantity> {
        let pair = pair?;
        let span = self.span(&pair);
        let mut number = None;
        let mut unit: Option<Word<LitUnit>> = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::currency => {
                    unit = Some(Word {
                        text: "€".into(),
                        span: self.span(&p),
                        known: Some(LitUnit::Euro),
                    })
                }
                Rule::number => number = self.number(&p),
                Rule::scientific => {
                    self.scientific(&p);
                    return None;
                }
                Rule::unit => {
                    let uspan = self.span(&p);
                    if unit.is_some() {
                        self.broken_lines += 1;
                        self.error(uspan, SyntaxError::UnitRepeated);
                        return None;
                    }
                    let text = p.as_str().to_string();
                    let known = LitUnit::lookup(&text);
                    if known.is_none() {
                        self.broken_lines += 1;
                        let suggestion = unit_suggestion(&text);
                        self.error(
                            uspan,
                            SyntaxError::UnknownUnit {
                                word: text.clone(),
                                suggestion,
                            },
                        );
                        return None;
                    }
                    unit = Some(Word {
                        text,
                        span: uspan,
                        known,
                    })
                }
                _ => {}
            }
        }
        Some(Quantity {
            number: number?,
            unit,
            span,
        })
    }

    pub(super) fn number(&mut self, pair: &P) -> Option<rust_decimal::Decimal> {
        let text = pair.as_str();
        match literal::parse_number(text) {
            Ok(n) => Some(n),
            Err(problem) => {
                self.broken_lines += 1;
                let span = self.span(pair);
                let text = text.to_string();
                let error = match problem {
                    NumberProblem::Ambiguous { suggestion } => {
                        SyntaxError::AmbiguousNumber { text, suggestion }
                    }
                    NumberProblem::Malformed { suggestion } => {
                        SyntaxError::MalformedNumber { text, suggestion }
                    }
                    NumberProblem::TooLarge => SyntaxError::NumberTooLarge { text },
                    NumberProblem::TooManyDecimals { suggestion } => {
                        SyntaxError::TooManyDecimals { text, suggestion }
                    }
                };
                self.error(span, error);
                None
            }
        }
    }

    /// `1e9`: reported with the number written in full.
    pub(super) fn scientific(&mut self, pair: &P) {
        self.broken_lines += 1;
        let span = self.span(pair);
        let text = pair.as_str().to_string();
        let suggestion = literal::scientific(&text);
        self.error(span, SyntaxError::Scientific { text, suggestion });
    }

    fn year(&mut self, pair: Option<P>) -> Spanned<i32> {
        match pair {
            Some(p) => {
                let span = self.span(&p);
                Spanned::new(p.as_str().parse().unwrap_or(0), span)
            }
            None => Spanned::new(0, Span::point(self.base)),
        }
    }

    fn code(&mut self, pair: Option<P>) -> Spanned<String> {
        match pair {
            Some(p) => Spanned::new(p.as_str().to_string(), self.span(&p)),
            None => Spanned::new(String::new(), Span::point(self.base)),
        }
    }

    pub(super) fn name(&mut self, pair: P) -> Spanned<String> {
        let span = self.span(&pair);
        let name = pair.as_str().to_string();
        if name.chars().any(char::is_uppercase) {
            self.error(span, SyntaxError::NameNotLowercase { name: name.clone() });
        }
        Spanned::new(name, span)
    }

    fn name_opt(&mut self, pair: Option<P>) -> Spanned<String> {
        match pair {
            Some(p) => self.name(p),
            None => Spanned::new(String::new(), Span::point(self.base)),
        }
    }

    fn udm(&mut self, pair: P) -> Word<Udm> {
        let span = self.span(&pair);
        let text = pair.as_str().to_string();
        let mut known = Udm::lookup(&text);
        if known.is_none() {
            if text == "entro" {
                // What was meant is clear: check the rest as a date indicator.
                self.error(span, SyntaxError::UdmEntro);
                known = Some(Udm::Date);
            } else {
                let suggestion =
                    udm_synonym(&text).or_else(|| suggest::closest(&text, Udm::canonical_words()));
                self.error(
                    span,
                    SyntaxError::UnknownWord {
                        vocab: Vocab::Udm,
                        word: text.clone(),
                        suggestion,
                    },
                );
            }
        }
        Word { text, span, known }
    }

    fn word<T: Vocabulary>(&mut self, pair: Option<P>, vocab: Vocab) -> Word<T> {
        let Some(pair) = pair else {
            return Word {
                text: String::new(),
                span: Span::point(self.base),
                known: None,
            };
        };
        let span = self.span(&pair);
        let text = pair.as_str().to_string();
        let known = T::lookup(&text).or_else(|| T::lookup(&text.to_lowercase()));
        if known.is_none() {
            let suggestion = suggest::closest(&text, T::canonical_words());
            self.error(
                span,
                SyntaxError::UnknownWord {
                    vocab,
                    word: text.clone(),
                    suggestion,
                },
            );
        }
        Word { text, span, known }
    }

    fn field_text(&mut self, field: P) -> Text {
        let t = field.into_inner().nth(1);
        self.text(t)
    }

    fn text(&mut self, pair: Option<P>) -> Text {
        let Some(pair) = pair else {
            return Text {
                value: String::new(),
                long: false,
                span: Span::point(self.base),
            };
        };
        let span = self.span(&pair);
        let long = pair.as_rule() == Rule::long_text;
        let curly = pair.as_rule() == Rule::curly_text;
        let inner = pair.into_inner().next();
        let raw = inner.as_ref().map_or("", |p| p.as_str());
        let value = if curly {
            // Read as written: nothing is escaped between typographic quotes.
            let straight = text::quoted(raw);
            self.error(span, SyntaxError::CurlyQuotes { straight });
            raw.to_string()
        } else if long {
            if self.text_closed_by_repair && span.end >= self.limit {
                self.broken_lines += 1;
            }
            text::dedent(raw)
        } else {
            let (value, bad) = text::unescape(raw);
            let rel = inner.map(|p| p.as_span().start());
            for (offset, sequence) in bad {
                let len = sequence.len();
                let at = match rel {
                    Some(rel) => {
                        Span::new(self.offset(rel + offset), self.offset(rel + offset + len))
                    }
                    None => span,
                };
                self.error(at, SyntaxError::BadEscape { sequence });
            }
            value
        };
        Text { value, long, span }
    }

    fn set<T>(&mut self, slot: &mut Option<Field<T>>, name: &'static str, span: Span, value: T) {
        if let Some(first) = slot {
            let first = first.span;
            self.error(span, SyntaxError::DuplicateField { field: name, first });
        } else {
            *slot = Some(Field { value, span });
        }
    }

    // -----------------------------------------------------------------------------------------
    // Broken lines

    /// A line that matched no field of its block: says what is wrong with it.
    fn bad_line(&mut self, line: P, block: Block) {
        self.broken_lines += 1;
        let text = line.as_str();
        // Offsets within the line are mapped to the file one by one: the line may hold text
        // a repair appended (a `"""` closing a long text), which is not in the file.
        let rel = line.as_span().start();
        let at = |b: &Self, a: usize, z: usize| Span::new(b.offset(rel + a), b.offset(rel + z));

        if let Some(quote) = line
            .clone()
            .into_inner()
            .find(|p| p.as_rule() == Rule::unclosed_text)
        {
            let q = quote.as_span().start() - rel;
            let len = text[q..].chars().next().map_or(0, char::len_utf8);
            self.error(at(self, q, q + len), SyntaxError::UnclosedString);
            return;
        }

        let trimmed = text.trim_start();
        if text
            .trim_start_matches([' ', '\t'])
            .starts_with(crate::controls::is_control)
        {
            // Reported as control characters (P0127): not a second mistake.
            return;
        }
        let lead = text.len() - trimmed.len();
        let word_len = trimmed
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        let word_span = at(self, lead, lead + word_len);

        if word.is_empty() {
            let found = trimmed.split_whitespace().next().unwrap_or("").to_string();
            let expected = vec![Expected::Keyword(
                block.fields().first().copied().unwrap_or(""),
            )];
            let span = at(self, lead, lead + found.len());
            self.error(
                span,
                SyntaxError::Expected {
                    expected: if block == Block::Risorse {
                        vec![Expected::Year]
                    } else {
                        expected
                    },
                    found,
                },
            );
            return;
        }
        if block == Block::Risorse {
            self.reparse(text, rel, "");
            return;
        }
        if block.fields().contains(&word) {
            self.reparse(text, rel, word);
            return;
        }
        if FIELD_KEYWORDS.contains(&word) || ITEM_KEYWORDS.contains(&word) || word == "indicatore" {
            self.error(
                word_span,
                SyntaxError::MisplacedField {
                    word: word.to_string(),
                    block,
                },
            );
            return;
        }
        let suggestion = suggest::closest(word, block.fields().iter().copied())
            .or_else(|| suggest::closest(word, FIELD_KEYWORDS.iter().copied()));
        self.error(
            word_span,
            SyntaxError::UnknownField {
                word: word.chars().take(40).collect(),
                block,
                suggestion,
            },
        );
    }

    /// Parses a broken line again, to the end of the line, to report where and why it fails.
    /// `rel` is where the line starts in the parsed (possibly repaired) text.
    fn reparse(&mut self, line: &str, rel: usize, keyword: &str) {
        let Err(error) = PianoParser::parse(Rule::field_line, line) else {
            // Valid on its own yet not in its block: a field misplaced in a way the checks
            // above did not name.
            let span = Span::new(self.offset(rel), self.offset(rel + line.len()));
            self.error(
                span,
                SyntaxError::MisplacedField {
                    word: keyword.to_string(),
                    block: Block::TopLevel,
                },
            );
            return;
        };
        let mut d = expected::from_pest(&error, line, 0);
        let rest_start = d.span.start;
        d.span = Span::new(
            self.offset(rel + d.span.start),
            self.offset(rel + d.span.end),
        );
        // Nothing after the keyword: say the value is missing.
        if let crate::diagnostics::Kind::Syntax(SyntaxError::Expected { expected, .. }) = &d.kind {
            let before = line.get(..rest_start).unwrap_or("").trim();
            let after = line.get(rest_start..).unwrap_or("").trim();
            if before == keyword && (after.is_empty() || after.starts_with('#')) {
                d.kind = SyntaxError::MissingValue {
                    field: keyword.to_string(),
                    expected: expected.clone(),
                }
                .into();
            }
        }
        self.diagnostics.push(d);
    }

    pub(super) fn formula_too_long(&mut self, span: Span) {
        self.error(
            span,
            SyntaxError::TooLong {
                limit: MAX_OPERATORS,
            },
        );
    }
}

/// The field lines of a block (skipping the braces).
fn block_fields(block: Option<P>) -> impl Iterator<Item = P> {
    block
        .into_iter()
        .flat_map(|b| b.into_inner())
        .filter(|p| !matches!(p.as_rule(), Rule::open_brace | Rule::close_brace))
}

fn first_inner(field: P) -> Option<P> {
    field.into_inner().nth(1)
}

fn unit_suggestion(word: &str) -> Option<&'static str> {
    unit_synonym(word)
        .or_else(|| suggest::closest(&word.to_lowercase(), LitUnit::canonical_words()))
}
