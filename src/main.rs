//! The `piano` command line: parses arguments, calls the library, sets the exit status.

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use piano::commands::{self, Outcome};
use piano::diagnostics::render::{Format, Options};
use piano::diagnostics::{Code, Lang, explain, output};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// The arguments. Help texts here are the English fallback: what the user reads, in either
/// language, comes from `piano::cli` (texts.rs), applied before parsing.
#[derive(Parser)]
#[command(
    name = "piano",
    version,
    about = "Checker and evaluator for .piano performance plans"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Accepted before the command too (`piano --lang en check ...`).
    #[arg(long, global = true, value_parser = ["it", "en"], ignore_case = true, hide_possible_values = true)]
    lang: Option<String>,
}

#[derive(Args, Clone)]
struct Common {
    /// Language of messages: `it` (default) or `en`. Also PIANO_LANG.
    #[arg(long, global = true, value_parser = ["it", "en"], ignore_case = true, hide_possible_values = true)]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Check plans: syntax, names, units, weights, targets, codes.
    Check {
        /// Files or directories (searched for .piano files).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
        format: DiagFormat,
        /// Print nothing when all is well.
        #[arg(short, long)]
        quiet: bool,
        /// Fail (exit 1) on warnings too (accepted ones excepted).
        #[arg(long)]
        deny_warnings: bool,
        /// Apply the safe fixes to the files, then report what remains.
        #[arg(long)]
        fix: bool,
        /// With --fix: print a unified diff of the fixes instead of writing them.
        #[arg(long, requires = "fix")]
        diff: bool,
        /// With --fix: apply the fixes to verify ("da verificare") too.
        #[arg(long, requires = "fix")]
        unsafe_fixes: bool,
        /// Print the warnings accepted by `# consenti` comments too.
        #[arg(long)]
        show_accepted: bool,
        /// Colours: auto (when printing to a terminal and NO_COLOR is unset), always, never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        #[command(flatten)]
        common: Common,
    },
    /// Rewrite plans in the canonical layout (comments are kept).
    Fmt {
        /// Files or directories (searched for .piano files).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write nothing; list the files that would change and exit 1 if any.
        #[arg(long)]
        check: bool,
        /// Write nothing; print a unified diff of the changes and exit 1 if any.
        #[arg(long)]
        diff: bool,
        /// Colours of diagnostics: auto, always, never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        #[command(flatten)]
        common: Common,
    },
    /// Score a plan with the values of one or more measurement files and print the report.
    Eval {
        /// The plan (.piano).
        plan: PathBuf,
        /// The measurement files (CSV separated by `;`, an .xlsx or .ods workbook, or JSON): one
        /// per monitoring date, shown side by side, oldest first.
        #[arg(required = true, num_args = 1..)]
        measurements: Vec<PathBuf>,
        /// Monitoring date DD/MM/YYYY, over the file's `rilevazione` row.
        #[arg(long, value_name = "DD/MM/YYYY")]
        as_of: Option<String>,
        /// Scored year (default: the monitoring date's year, else the plan's `anno`).
        #[arg(long)]
        year: Option<i32>,
        /// Report format (default: from the output file's extension, else text).
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// Report only the objectives whose `responsabile` contains TEXT (ignoring case).
        #[arg(long, value_name = "TEXT")]
        responsabile: Option<String>,
        /// Order of objectives and indicators: the plan's, or the lowest performance first.
        #[arg(long, value_enum, default_value_t = OrderChoice::Piano)]
        ordina: OrderChoice,
        /// Layout of the CSV report: one row per indicator (wide), or one fact per row (tidy).
        #[arg(long, value_enum, default_value_t = LayoutChoice::Wide)]
        layout: LayoutChoice,
        /// Write the report to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Colours: auto (on a terminal, unless NO_COLOR is set), always, never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        #[command(flatten)]
        common: Common,
    },
    /// Write the measurement file to fill in for a plan (CSV, or an Excel workbook).
    Template {
        /// The plan (.piano).
        plan: PathBuf,
        /// Write to this file instead of standard output (`.xlsx`: a workbook).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The file's format (default: from the output file's extension, else CSV).
        #[arg(long, value_enum)]
        format: Option<TemplateFormatArg>,
        #[command(flatten)]
        common: Common,
    },
    /// Run the language server on standard input and output (for editors: docs/lsp.md).
    Lsp,
    /// Explain a diagnostic code, with a wrong and a right example.
    Explain {
        /// The code, e.g. P0107; `--all` lists every code.
        code: Option<String>,
        /// Explain every code.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Print the completion script for a shell.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
        #[command(flatten)]
        common: Common,
    },
    /// Print the man page, or write every page into a directory.
    Man {
        /// Write piano.1 and one page per command into this directory.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DiagFormat {
    Human,
    Json,
    Short,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
    Csv,
    Markdown,
    Html,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum TemplateFormatArg {
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum OrderChoice {
    Piano,
    Performance,
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutChoice {
    Wide,
    Tidy,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn stderr_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = piano::cli::lang_from_args(&args);
    let command = piano::cli::command_path(&Cli::command(), &args);
    let cli = match piano::cli::parse(Cli::command(), &args, lang)
        .and_then(|m| Cli::from_arg_matches(&m).map_err(|e| clap_exit(&e, lang, &command)))
    {
        Ok(cli) => cli,
        Err(exit) => {
            let mut outcome = Outcome {
                status: exit.status,
                ..Outcome::default()
            };
            if exit.to_stderr {
                outcome.stderr = exit.text;
            } else {
                outcome.stdout = exit.text;
            }
            finish(outcome, lang)
        }
    };
    let outcome = match cli.command {
        Command::Check {
            paths,
            format,
            quiet,
            deny_warnings,
            fix,
            diff,
            unsafe_fixes,
            show_accepted,
            color: c,
            common,
        } => commands::check::run(&commands::check::CheckArgs {
            paths,
            options: Options {
                lang: Lang::from_setting(common.lang.as_deref()),
                format: match format {
                    DiagFormat::Human => Format::Human,
                    DiagFormat::Json => Format::Json,
                    DiagFormat::Short => Format::Short,
                },
                color: color(c),
            },
            quiet,
            deny_warnings,
            fix: fix.then_some(commands::fix::FixArgs { diff, unsafe_fixes }),
            show_accepted,
        }),
        Command::Fmt {
            paths,
            check,
            diff,
            color: c,
            common,
        } => commands::fmt::run(&commands::fmt::FmtArgs {
            paths,
            mode: if diff {
                commands::fmt::Mode::Diff
            } else if check {
                commands::fmt::Mode::Check
            } else {
                commands::fmt::Mode::Write
            },
            options: Options {
                lang: Lang::from_setting(common.lang.as_deref()),
                format: Format::Human,
                color: color(c),
            },
        }),
        Command::Eval {
            plan,
            measurements,
            as_of,
            year,
            format,
            responsabile,
            ordina,
            layout,
            output,
            color: c,
            common,
        } => commands::eval::run_to(
            &commands::eval::EvalArgs {
                plan,
                measurements,
                as_of,
                year,
                format: match format {
                    Some(ReportFormat::Text) => piano::report::Format::Text,
                    Some(ReportFormat::Json) => piano::report::Format::Json,
                    Some(ReportFormat::Csv) => piano::report::Format::Csv,
                    Some(ReportFormat::Markdown) => piano::report::Format::Markdown,
                    Some(ReportFormat::Html) => piano::report::Format::Html,
                    Some(ReportFormat::Xlsx) => piano::report::Format::Xlsx,
                    None => output
                        .as_deref()
                        .and_then(|p| p.extension())
                        .and_then(|e| piano::report::Format::of_extension(&e.to_string_lossy()))
                        .unwrap_or_default(),
                },
                stdout_is_terminal: std::io::stdout().is_terminal(),
                output,
                lang: Lang::from_setting(common.lang.as_deref()),
                fancy: color(c),
                color: stderr_color(c),
                responsabile,
                order: match ordina {
                    OrderChoice::Piano => piano::report::Order::Plan,
                    OrderChoice::Performance => piano::report::Order::Performance,
                },
                layout: match layout {
                    LayoutChoice::Wide => piano::report::CsvLayout::Wide,
                    LayoutChoice::Tidy => piano::report::CsvLayout::Tidy,
                },
                ..Default::default()
            },
            // The report streams to standard output as it is written.
            &mut std::io::stdout().lock(),
        ),
        Command::Template {
            plan,
            output,
            format,
            common,
        } => commands::template::run(&commands::template::TemplateArgs {
            plan,
            output,
            format: format.map(|f| match f {
                TemplateFormatArg::Csv => commands::template::TemplateFormat::Csv,
                TemplateFormatArg::Xlsx => commands::template::TemplateFormat::Xlsx,
            }),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            lang: Lang::from_setting(common.lang.as_deref()),
            color: stderr_color(ColorChoice::Auto),
        }),
        Command::Lsp => run_lsp(),
        Command::Explain { code, all, common } => {
            run_explain(code, all, Lang::from_setting(common.lang.as_deref()))
        }
        Command::Completions { shell, common: _ } => Outcome {
            stdout: piano::cli::completions(Cli::command(), shell, lang),
            ..Outcome::default()
        },
        Command::Man { dir, common: _ } => run_man(dir, lang),
    };
    finish(outcome, lang);
}

fn clap_exit(err: &clap::Error, lang: Lang, command: &str) -> piano::cli::Exit {
    piano::cli::Exit {
        text: piano::cli::render_error(err, lang, command),
        to_stderr: err.use_stderr(),
        status: err.exit_code(),
    }
}

fn run_man(dir: Option<PathBuf>, lang: Lang) -> Outcome {
    let mut out = Outcome::default();
    let result = match &dir {
        None => piano::cli::man_page(Cli::command(), lang).map(|page| out.stdout = page),
        Some(dir) => piano::cli::write_man_pages(Cli::command(), lang, dir).map(|files| {
            for f in files {
                out.stdout.push_str(&format!("{}\n", f.display()));
            }
        }),
    };
    if let Err(e) = result {
        out.stderr = lang.pick(
            format!("piano: non riesco a scrivere le pagine di manuale: {e}\n"),
            format!("piano: cannot write the man pages: {e}\n"),
        );
        out.status = commands::USAGE;
    }
    out
}

fn run_lsp() -> Outcome {
    let mut out = Outcome::default();
    if let Err(e) = piano::lsp::run_stdio() {
        out.stderr = format!("piano lsp: {e}\n");
        out.status = 1;
    }
    out
}

fn run_explain(code: Option<String>, all: bool, lang: Lang) -> Outcome {
    let mut out = Outcome::default();
    if all {
        for c in Code::ALL {
            out.stdout.push_str(&explain::render(*c, lang));
            out.stdout.push('\n');
        }
        return out;
    }
    match code.as_deref().and_then(Code::parse) {
        Some(c) => out.stdout = explain::render(c, lang),
        None => {
            out.stderr = match code {
                Some(c) => {
                    let near: Vec<String> = explain::nearest(&c)
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect();
                    let near = piano::diagnostics::texts_list(lang, &near);
                    if near.is_empty() {
                        lang.pick(
                            format!("piano: codice sconosciuto `{c}`; `piano explain --all` li elenca tutti\n"),
                            format!("piano: unknown code `{c}`; `piano explain --all` lists them all\n"),
                        )
                    } else {
                        lang.pick(
                            format!("piano: codice sconosciuto `{c}`: forse intendevi {near}? `piano explain --all` li elenca tutti\n"),
                            format!("piano: unknown code `{c}`: did you mean {near}? `piano explain --all` lists them all\n"),
                        )
                    }
                }
                None => lang
                    .pick(
                        "piano: indica un codice, per esempio `piano explain P0107`\n",
                        "piano: give a code, for example `piano explain P0107`\n",
                    )
                    .to_string(),
            };
            out.status = commands::USAGE;
        }
    }
    out
}

/// Prints what the command produced. A write to standard output that fails (a full disk,
/// `> /dev/full`) is exit status 2 with a message; a closed pipe (`piano ... | head`) is the
/// reader's choice and stays quiet.
fn finish(outcome: Outcome, lang: Lang) -> ! {
    let mut status = outcome.status;
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(outcome.stdout.as_bytes())
        .and_then(|()| stdout.write_all(&outcome.stdout_bytes))
        .and_then(|()| stdout.flush());
    drop(stdout);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(outcome.stderr.as_bytes());
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = stderr.write_all(output::stdout_failed(lang, &e).as_bytes());
        status = commands::USAGE;
    }
    let _ = stderr.flush();
    std::process::exit(status);
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every command and option has its Italian and English text in `piano::cli`'s table:
    /// a new option without one would show its English doc comment to an Italian user.
    #[test]
    fn every_command_and_option_has_its_texts() {
        let missing = piano::cli::missing_texts(&Cli::command());
        assert!(
            missing.is_empty(),
            "add these to src/cli/texts.rs: {missing:?}"
        );
    }

    #[test]
    fn the_command_line_is_well_formed() {
        for lang in [piano::diagnostics::Lang::It, piano::diagnostics::Lang::En] {
            piano::cli::localise(Cli::command(), lang).debug_assert();
        }
    }
}
