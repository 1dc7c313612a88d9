//! The one diagnostic type of the project. Each stage reports its problems as its own error
//! enum; texts (Italian and English) are written in `texts/`, and rendering (miette, JSON,
//! short) happens in `render.rs`.

mod codes;
pub mod explain;
pub mod fix;
pub mod render;
mod snippet;
mod texts;

pub use codes::Code;
pub use fix::{Applicability, Edit, Fix};
pub use texts::list as texts_list;
pub use texts::{Texts, output};

use crate::check::error::CheckError;
use crate::eval::error::{EvalError, MeasureError};
use crate::span::Span;
use crate::syntax::error::SyntaxError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// The language of user-facing text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    /// `--lang` wins, then `PIANO_LANG`, then Italian.
    pub fn from_setting(setting: Option<&str>) -> Lang {
        let env = std::env::var("PIANO_LANG").ok();
        match setting.or(env.as_deref()) {
            Some(s) if s.trim().to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::It,
        }
    }

    /// Picks the text of this language.
    pub fn pick<T>(self, it: T, en: T) -> T {
        match self {
            Lang::It => it,
            Lang::En => en,
        }
    }
}

/// What went wrong, by stage.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Syntax(SyntaxError),
    Check(CheckError),
    File(FileError),
    Measure(MeasureError),
    Eval(EvalError),
}

/// Problems with a file as a whole.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// The file could not be read.
    Unreadable { error: String },
    /// The file holds binary data, not text.
    NotText,
    /// A plan's bytes that are not UTF-8, in a file that otherwise is (the first few bytes).
    InvalidUtf8 { bytes: Vec<u8> },
    /// The file's lines end with a lone CR.
    CarriageReturns,
    /// Not a regular file (a pipe, a device, a socket, a directory): never read, since
    /// reading could wait forever or never end.
    NotRegular { kind: FileKind },
    /// Larger than [`crate::commands::files::MAX_FILE_SIZE`]; `size` when the file system
    /// says it.
    TooLarge { size: Option<u64>, limit: u64 },
}

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Device,
    Socket,
    Other,
}

/// One diagnostic: what (the kind), where (the primary span, in the file it belongs to).
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub span: Span,
    pub kind: Kind,
    /// A warning accepted by a `# consenti CODE: motivo` comment: the reason given. Accepted
    /// warnings are counted apart and do not fail `--deny-warnings`.
    pub accepted: Option<Box<str>>,
}

impl Diagnostic {
    pub fn new(span: Span, kind: impl Into<Kind>) -> Self {
        Diagnostic {
            span,
            kind: kind.into(),
            accepted: None,
        }
    }

    /// A warning that counts: not accepted by a `consenti` comment.
    pub fn is_open_warning(&self) -> bool {
        self.severity() == Severity::Warning && self.accepted.is_none()
    }

    pub fn code(&self) -> Code {
        match &self.kind {
            Kind::Syntax(e) => e.code(),
            Kind::Check(e) => e.code(),
            Kind::File(e) => e.code(),
            Kind::Measure(e) => e.code(),
            Kind::Eval(e) => e.code(),
        }
    }

    pub fn severity(&self) -> Severity {
        self.code().severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    pub fn texts(&self, lang: Lang) -> Texts {
        texts::describe(&self.kind, self.span, lang)
    }
}

impl From<SyntaxError> for Kind {
    fn from(e: SyntaxError) -> Self {
        Kind::Syntax(e)
    }
}

impl From<CheckError> for Kind {
    fn from(e: CheckError) -> Self {
        Kind::Check(e)
    }
}

impl From<FileError> for Kind {
    fn from(e: FileError) -> Self {
        Kind::File(e)
    }
}

impl From<MeasureError> for Kind {
    fn from(e: MeasureError) -> Self {
        Kind::Measure(e)
    }
}

impl From<EvalError> for Kind {
    fn from(e: EvalError) -> Self {
        Kind::Eval(e)
    }
}

impl FileError {
    pub fn code(&self) -> Code {
        match self {
            FileError::Unreadable { .. } => Code::F0001,
            FileError::NotText => Code::F0002,
            FileError::NotRegular { .. } => Code::F0005,
            FileError::TooLarge { .. } => Code::F0006,
            FileError::InvalidUtf8 { .. } => Code::F0003,
            FileError::CarriageReturns => Code::F0004,
        }
    }
}

/// Sorts diagnostics by position (then code), as they are shown.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end, d.code()));
}
