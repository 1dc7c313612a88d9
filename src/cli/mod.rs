//! The command line in the user's language. The language is read before clap parses anything
//! (`--lang` among the arguments, else `PIANO_LANG`), so that `--help` and clap's own errors
//! are Italian by default; `man` and `completions` generate from the same localised command.

mod errors;
mod localise;
mod texts;

pub use errors::render as render_error;
pub use localise::{localise, missing_texts};

use crate::diagnostics::Lang;
use std::ffi::OsString;

/// The language the arguments ask for: `--lang X` or `--lang=X` (the last one wins, as clap
/// reads it; arguments after `--` are values), else `PIANO_LANG`, else Italian.
pub fn lang_from_args(args: &[OsString]) -> Lang {
    let mut setting = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            setting = iter.next().map(|v| v.into_owned());
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            setting = Some(v.to_string());
        }
    }
    Lang::from_setting(setting.as_deref())
}

/// Parses `args` with `cmd` localised in `lang`: the matches, or the text to print and the
/// exit status (help and version go to standard output with status 0).
pub fn parse(cmd: clap::Command, args: &[OsString], lang: Lang) -> Result<clap::ArgMatches, Exit> {
    let command = command_path(&cmd, args);
    localise(cmd, lang)
        .try_get_matches_from(args)
        .map_err(|err| Exit {
            text: render_error(&err, lang, &command),
            to_stderr: err.use_stderr(),
            status: err.exit_code(),
        })
}

/// `piano` and the command the arguments name (`piano check`), for "see `piano check --help`".
pub fn command_path(cmd: &clap::Command, args: &[OsString]) -> String {
    let sub = args.iter().skip(1).find_map(|a| {
        let a = a.to_str()?;
        cmd.find_subcommand(a).map(|s| s.get_name().to_string())
    });
    match sub {
        Some(sub) if sub != "help" => format!("piano {sub}"),
        _ => "piano".to_string(),
    }
}

/// What to print instead of running a command.
pub struct Exit {
    pub text: String,
    pub to_stderr: bool,
    pub status: i32,
}

/// The completion script for `shell`, from the localised command (descriptions in `lang`).
pub fn completions(cmd: clap::Command, shell: clap_complete::Shell, lang: Lang) -> String {
    let mut cmd = localise(cmd, lang);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "piano", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page of `piano` (roff), texts in `lang`.
pub fn man_page(cmd: clap::Command, lang: Lang) -> std::io::Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(localise(cmd, lang)).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Writes `piano.1` and one page per command (`piano-check.1`, …) into `dir`; returns the
/// files written.
pub fn write_man_pages(
    cmd: clap::Command,
    lang: Lang,
    dir: &std::path::Path,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    let cmd = localise(cmd, lang);
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    let mut pages = vec![cmd.clone()];
    pages.extend(
        cmd.get_subcommands()
            .filter(|s| s.get_name() != "help")
            .map(|s| s.clone().name(format!("piano-{}", s.get_name()))),
    );
    for page in pages {
        let path = dir.join(format!("{}.1", page.get_name()));
        let mut out = Vec::new();
        clap_mangen::Man::new(page).render(&mut out)?;
        std::fs::write(&path, out)?;
        written.push(path);
    }
    Ok(written)
}
