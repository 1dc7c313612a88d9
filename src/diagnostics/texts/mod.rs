//! What each diagnostic says, in Italian and English. One file per stage; rendering is in
//! `render.rs`.

mod check;
mod comparto;
mod eval;
mod measure;
pub mod output;
mod syntax;
mod workbook;

use super::{Applicability, Edit, FileError, FileKind, Fix, Kind, Lang};
use crate::span::Span;

/// The words of one diagnostic in one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Texts {
    pub message: String,
    /// Under the primary span.
    pub label: Option<String>,
    pub help: Option<String>,
    /// Other places involved, in the diagnostic's own file, each with its label.
    pub related: Vec<(Span, String)>,
    /// Places in the plan, for a diagnostic of a measurement file (each with its label): they
    /// are shown against the plan, never against the file the diagnostic belongs to.
    pub in_plan: Vec<(Span, String)>,
    /// Machine-applicable repairs, best first (see `fix.rs`).
    pub fixes: Vec<Fix>,
}

impl Texts {
    pub fn new(message: String) -> Self {
        Texts {
            message,
            ..Texts::default()
        }
    }

    pub fn label(mut self, label: String) -> Self {
        self.label = Some(label);
        self
    }

    pub fn help(mut self, help: String) -> Self {
        self.help = Some(help);
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn related(mut self, span: Span, label: String) -> Self {
        self.related.push((span, label));
        self
    }

    pub fn in_plan(mut self, span: Span, label: String) -> Self {
        self.in_plan.push((span, label));
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
}

/// `format!` in the chosen language: `tr!(lang, "italiano {x}", "english {x}")`.
macro_rules! tr {
    ($lang:expr, $it:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::diagnostics::Lang::It => format!($it),
            $crate::diagnostics::Lang::En => format!($en),
        }
    };
    ($lang:expr, $it:literal, $en:literal, $($arg:tt)*) => {
        match $lang {
            $crate::diagnostics::Lang::It => format!($it, $($arg)*),
            $crate::diagnostics::Lang::En => format!($en, $($arg)*),
        }
    };
}
pub(crate) use tr;

/// "a, b o c" / "a, b or c".
pub fn list(lang: Lang, items: &[String]) -> String {
    let or = lang.pick(" o ", " or ");
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{or}{last}", init.join(", ")),
    }
}

/// A fix that writes `with` in place of `span`: "scrivi `with`".
pub fn write(lang: Lang, span: Span, with: &str, applicability: Applicability) -> Fix {
    Fix::new(
        tr!(lang, "scrivi `{with}`", "write `{with}`"),
        applicability,
        vec![Edit::replace(span, with)],
    )
}

/// "forse intendevi `x`?" when there is a suggestion.
pub fn did_you_mean(lang: Lang, suggestion: Option<&str>) -> Option<String> {
    suggestion.map(|s| tr!(lang, "forse intendevi `{s}`?", "did you mean `{s}`?"))
}

/// The texts of a diagnostic at `span` (the place its fixes edit).
pub fn describe(kind: &Kind, span: Span, lang: Lang) -> Texts {
    match kind {
        Kind::Syntax(e) => syntax::describe(e, Some(span), lang),
        Kind::Check(e) => check::describe(e, span, lang),
        Kind::File(e) => file(e, lang),
        Kind::Measure(e) => measure::describe(e, lang),
        Kind::Eval(e) => eval::describe(e, lang),
    }
}

fn file(e: &FileError, lang: Lang) -> Texts {
    match e {
        FileError::Unreadable { error } => {
            let error = os_reason(lang, error);
            Texts::new(tr!(
                lang,
                "impossibile leggere il file: {error}",
                "cannot read the file: {error}"
            ))
        }
        .help(tr!(
            lang,
            "controlla che il percorso sia giusto e che il file sia leggibile",
            "check that the path is right and the file is readable"
        )),
        FileError::InvalidUtf8 { bytes } => {
            let shown = bytes
                .iter()
                .map(|b| format!("0x{b:02X}"))
                .collect::<Vec<_>>()
                .join(" ");
            // What another program most likely meant: the same bytes in Windows-1252.
            let (guess, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let guess: String = guess.chars().filter(|c| !c.is_control()).collect();
            let help = if guess.is_empty() {
                tr!(
                    lang,
                    "il resto del file è UTF-8: riscrivi qui il carattere, oppure salva di nuovo il file come UTF-8",
                    "the rest of the file is UTF-8: type the character here again, or save the file again as UTF-8"
                )
            } else {
                tr!(
                    lang,
                    "il resto del file è UTF-8: qui forse c'era `{guess}`, scritto da un programma con un'altra codifica; riscrivilo, oppure salva di nuovo il file come UTF-8",
                    "the rest of the file is UTF-8: this was perhaps `{guess}`, written by a program with another encoding; type it again, or save the file again as UTF-8"
                )
            };
            Texts::new(tr!(
                lang,
                "il file è in UTF-8, ma non qui: {shown}",
                "the file is UTF-8, but not here: {shown}"
            ))
            .label(tr!(lang, "non è UTF-8 (mostrato come �)", "not UTF-8 (shown as �)"))
            .help(help)
        }
        FileError::CarriageReturns => Texts::new(tr!(
            lang,
            "le righe del file finiscono con il solo CR, come nei vecchi Mac",
            "the file's lines end with a lone CR, as on old Macs"
        ))
        .label(tr!(lang, "il primo fine riga", "the first line end"))
        .help(tr!(
            lang,
            "il file è letto lo stesso, una riga per ogni CR; salvalo con i fine riga LF o CRLF (`piano fmt` lo riscrive così)",
            "the file is read all the same, one line per CR; save it with LF or CRLF line ends (`piano fmt` rewrites it so)"
        )),
        FileError::NotText => Texts::new(tr!(
            lang,
            "questo file non è un testo: contiene dati binari",
            "this file is not text: it holds binary data"
        ))
        .help(tr!(
            lang,
            "un piano è un file di testo `.piano`, un file delle misure un testo CSV o JSON: forse hai indicato un documento Word, un PDF o un foglio Excel (salvalo come CSV)",
            "a plan is a `.piano` text file, a measurement file a CSV or JSON text: perhaps this is a Word document, a PDF or an Excel sheet (save it as CSV)"
        )),
        FileError::NotRegular { kind } => {
            let what = match kind {
                FileKind::Directory => tr!(lang, "una cartella", "a directory"),
                FileKind::Fifo => tr!(lang, "una pipe (FIFO)", "a pipe (FIFO)"),
                FileKind::Device => tr!(lang, "un dispositivo", "a device"),
                FileKind::Socket => tr!(lang, "un socket", "a socket"),
                FileKind::Other => tr!(lang, "un file speciale", "a special file"),
            };
            let help = match kind {
                FileKind::Directory => tr!(
                    lang,
                    "qui serve un file: indica il file del piano o delle misure che sta nella cartella",
                    "a file is needed here: give the plan or measurement file inside the directory"
                ),
                _ => tr!(
                    lang,
                    "indica il file del piano o delle misure; per leggere da una pipe o da un programma, salvane prima l'uscita in un file",
                    "give the plan or measurement file itself; to read from a pipe or a program, save its output to a file first"
                ),
            };
            Texts::new(tr!(
                lang,
                "questo non è un file normale ma {what}: piano legge solo file normali",
                "this is not a regular file but {what}: piano reads regular files only"
            ))
            .help(help)
        }
        FileError::TooLarge { size, limit } => {
            let limit_mib = limit / (1024 * 1024);
            let size = size
                .map(|s| crate::italian::group_thousands(&s.to_string()))
                .map_or_else(String::new, |s| {
                    let en = s.replace('.', ",");
                    tr!(lang, " ({s} byte)", " ({en} bytes)")
                });
            Texts::new(tr!(
                lang,
                "il file è troppo grande{size}: il limite è {limit_mib} MiB",
                "the file is too large{size}: the limit is {limit_mib} MiB"
            ))
            .help(tr!(
                lang,
                "un piano o un file delle misure è di solito di qualche centinaio di kilobyte: controlla di aver indicato il file giusto",
                "a plan or a measurement file usually takes a few hundred kilobytes: check that this is the right file"
            ))
        }
    }
}

/// The reason a file cannot be read, in the user's language: the operating system's message
/// (`No such file or directory (os error 2)`) is English, so its error number is read again
/// as a kind of error; an unknown one is left as the system says it.
fn os_reason(lang: Lang, error: &str) -> String {
    use std::io::ErrorKind as K;
    if error.contains("no such file or directory") && error.contains(" / ") {
        // `files::expand`'s own words for a path that does not exist.
        return tr!(lang, "il file non esiste", "the file does not exist");
    }
    let number = error
        .rsplit_once("(os error ")
        .and_then(|(_, n)| n.trim_end_matches(')').parse::<i32>().ok());
    let Some(number) = number else {
        return error.to_string();
    };
    match std::io::Error::from_raw_os_error(number).kind() {
        K::NotFound => tr!(lang, "il file non esiste", "the file does not exist"),
        K::PermissionDenied => tr!(
            lang,
            "mancano i permessi per leggerlo",
            "there is no permission to read it"
        ),
        K::IsADirectory => tr!(lang, "è una cartella", "it is a directory"),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_messages_are_said_in_the_user_language() {
        let not_found = std::io::Error::from(std::io::ErrorKind::NotFound);
        let raw = std::io::Error::from_raw_os_error(2).to_string();
        assert_eq!(os_reason(Lang::It, &raw), "il file non esiste");
        assert_eq!(os_reason(Lang::En, &raw), "the file does not exist");
        // Not a system error number: as it is.
        assert_eq!(
            os_reason(Lang::It, &not_found.to_string()),
            not_found.to_string()
        );
        assert_eq!(
            os_reason(
                Lang::It,
                "file o cartella inesistente / no such file or directory"
            ),
            "il file non esiste"
        );
    }
}
