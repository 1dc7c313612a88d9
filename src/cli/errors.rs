//! clap's errors in our own words: each error kind is rendered from its context (the argument,
//! the value, the suggestion) in the chosen language, since clap writes its messages in
//! English only. Help and version requests are clap's own output, already localised.

use super::localise::words;
use crate::diagnostics::{Lang, texts_list};
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The text of a clap error in `lang`, ending with a newline; `command` (`piano check`) is the
/// one whose `--help` the last line points to.
pub fn render(err: &clap::Error, lang: Lang, command: &str) -> String {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return err.render().to_string();
    }
    let w = words(lang);
    let mut out = format!("piano: {}: {}\n", w.error, message(err, lang));
    for hint in hints(err, lang) {
        out.push_str(&format!("  {hint}\n"));
    }
    let usage = one(err, ContextKind::Usage);
    if let Some(usage) = &usage {
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push_str(&format!("\n{} {usage}\n", w.usage));
    }
    out.push_str(&format!(
        "\n{}\n",
        w.more.replace("{help}", &format!("{command} --help"))
    ));
    out
}

/// The first line: what is wrong.
fn message(err: &clap::Error, lang: Lang) -> String {
    let arg = one(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = one(err, ContextKind::InvalidValue).unwrap_or_default();
    match err.kind() {
        ErrorKind::InvalidSubcommand => {
            let sub = one(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            lang.pick(
                format!("comando sconosciuto `{sub}`"),
                format!("unknown command `{sub}`"),
            )
        }
        ErrorKind::UnknownArgument => lang.pick(
            format!("argomento inatteso `{arg}`"),
            format!("unexpected argument `{arg}`"),
        ),
        ErrorKind::InvalidValue if value.is_empty() => lang.pick(
            format!("`{arg}` vuole un valore"),
            format!("`{arg}` needs a value"),
        ),
        ErrorKind::InvalidValue => lang.pick(
            format!("valore non valido `{value}` per `{arg}`"),
            format!("invalid value `{value}` for `{arg}`"),
        ),
        ErrorKind::ValueValidation => {
            let whole = std::error::Error::source(err).is_some_and(|s| {
                s.to_string().contains("digit") || s.to_string().contains("number")
            });
            let reason = match (whole, lang) {
                (true, Lang::It) => ": serve un numero intero",
                (true, Lang::En) => ": a whole number is needed",
                _ => "",
            };
            lang.pick(
                format!("valore non valido `{value}` per `{arg}`{reason}"),
                format!("invalid value `{value}` for `{arg}`{reason}"),
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = many(err, ContextKind::InvalidArg)
                .iter()
                .map(|a| format!("`{a}`"))
                .collect();
            let list = texts_list(lang, &missing)
                .replace(" o ", " e ")
                .replace(" or ", " and ");
            if missing.len() == 1 {
                lang.pick(
                    format!("manca un argomento obbligatorio: {list}"),
                    format!("a required argument is missing: {list}"),
                )
            } else {
                lang.pick(
                    format!("mancano argomenti obbligatori: {list}"),
                    format!("required arguments are missing: {list}"),
                )
            }
        }
        ErrorKind::MissingSubcommand => {
            let name = one(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            lang.pick(
                format!("`{name}` vuole un comando"),
                format!("`{name}` needs a command"),
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = many(err, ContextKind::PriorArg);
            let prior: Vec<String> = prior.iter().map(|a| format!("`{a}`")).collect();
            let prior = texts_list(lang, &prior);
            lang.pick(
                format!("`{arg}` non si può usare insieme a {prior}"),
                format!("`{arg}` cannot be used with {prior}"),
            )
        }
        ErrorKind::NoEquals => lang.pick(
            format!("`{arg}` vuole il valore dopo `=`"),
            format!("`{arg}` needs its value after `=`"),
        ),
        ErrorKind::TooManyValues => lang.pick(
            format!("valore in più `{value}` per `{arg}`"),
            format!("unexpected value `{value}` for `{arg}`"),
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let actual = one(err, ContextKind::ActualNumValues).unwrap_or_default();
            let expected = one(err, ContextKind::ExpectedNumValues)
                .or_else(|| one(err, ContextKind::MinValues))
                .unwrap_or_default();
            lang.pick(
                format!("`{arg}` vuole {expected} valori, ne ha {actual}"),
                format!("`{arg}` takes {expected} values, got {actual}"),
            )
        }
        ErrorKind::InvalidUtf8 => lang
            .pick(
                "un argomento non è testo UTF-8 valido",
                "an argument is not valid UTF-8 text",
            )
            .to_string(),
        _ => {
            let text = err.render().to_string();
            let text = text.trim_start_matches("error:").trim();
            text.lines().next().unwrap_or_default().to_string()
        }
    }
}

/// The lines under the message: "did you mean", the possible values, clap's tips.
fn hints(err: &clap::Error, lang: Lang) -> Vec<String> {
    let mut hints = Vec::new();
    let quoted = |v: &[String]| {
        let q: Vec<String> = v.iter().map(|s| format!("`{s}`")).collect();
        texts_list(lang, &q)
    };
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let suggested = many(err, kind);
        if !suggested.is_empty() {
            let list = quoted(&suggested);
            hints.push(lang.pick(
                format!("forse intendevi {list}?"),
                format!("did you mean {list}?"),
            ));
        }
    }
    if err.kind() == ErrorKind::InvalidValue {
        let valid = many(err, ContextKind::ValidValue);
        if !valid.is_empty() {
            let list = valid.join(", ");
            hints.push(lang.pick(
                format!("valori possibili: {list}"),
                format!("possible values: {list}"),
            ));
        }
    }
    for tip in many(err, ContextKind::Suggested) {
        hints.push(tip_in(&tip, lang));
    }
    hints
}

/// clap's tips, in the shapes clap writes them, in `lang`.
fn tip_in(tip: &str, lang: Lang) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    let (it, en) = if tip.starts_with("to pass") && quoted.len() == 2 {
        (
            format!(
                "per passare `{}` come valore, scrivi `{}`",
                quoted[0], quoted[1]
            ),
            format!("to pass `{}` as a value, write `{}`", quoted[0], quoted[1]),
        )
    } else if tip.starts_with("subcommand") && !quoted.is_empty() {
        (
            format!(
                "il comando `{}` esiste: per usarlo, togli il `--` che lo precede",
                quoted[0]
            ),
            format!(
                "the command `{}` exists: to use it, remove the `--` before it",
                quoted[0]
            ),
        )
    } else if tip.ends_with("exists") && quoted.len() == 1 {
        (
            format!("esiste `{}`", quoted[0]),
            format!("`{}` exists", quoted[0]),
        )
    } else {
        (tip.to_string(), tip.to_string())
    };
    lang.pick(it, en)
}

fn one(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStrs(v) => v.first().map(|s| s.to_string()),
        _ => None,
    }
}

fn many(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    }
}
