//! Puts the command line's words (`texts.rs`) into a clap `Command`, in one language: clap has
//! no translations of its own, so every text it would print is replaced: abouts, argument
//! help, value names, defaults and possible values, headings, usage lines, `--help`.

use super::texts::{self, EN, IT, Words};
use crate::diagnostics::Lang;
use clap::{Arg, ArgAction, Command};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&IT, &EN)
}

/// The text for `key` (`command.argument`, falling back to `argument` alone, for arguments
/// shared by several commands).
pub fn help_text(key: &str, lang: Lang) -> Option<&'static str> {
    let find = |k: &str| {
        texts::HELP
            .iter()
            .find(|(name, _, _)| *name == k)
            .map(|(_, it, en)| lang.pick(*it, *en))
    };
    find(key).or_else(|| key.split_once('.').and_then(|(_, arg)| find(arg)))
}

fn value_name(id: &str, lang: Lang) -> Option<&'static str> {
    texts::VALUE_NAMES
        .iter()
        .find(|(name, _, _)| *name == id)
        .map(|(_, it, en)| lang.pick(*it, *en))
}

/// The program's command in `lang`: built (so that clap's `help` command and the usage lines
/// exist), then every text replaced.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    let w = words(lang);
    let mut cmd = prepare(cmd, "", lang, true);
    cmd.build();
    finish(cmd, w, lang)
}

/// Texts that must be in place before clap builds the command.
fn prepare(mut cmd: Command, key: &str, lang: Lang, root: bool) -> Command {
    let w = words(lang);
    if let Some(about) = help_text(key, lang) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(help_text("help.help", lang).unwrap_or("Print help")),
        )
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.command_tag)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            w.usage
        ));
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(help_text("help.version", lang).unwrap_or("Print version")),
        );
    }
    let name = cmd.get_name().to_string();
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for (order, id) in ids.into_iter().enumerate() {
        let arg_key = if root {
            id.clone()
        } else {
            format!("{name}.{id}")
        };
        cmd = cmd.mut_arg(&id, |a| {
            localise_arg(a, &arg_key, lang).display_order(order)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| prepare(s, &sub, lang, false));
    }
    cmd
}

fn localise_arg(mut a: Arg, key: &str, lang: Lang) -> Arg {
    let w = words(lang);
    let id = a.get_id().to_string();
    if !matches!(id.as_str(), "help" | "version") {
        let mut help = help_text(key, lang)
            .map(str::to_string)
            .or_else(|| a.get_help().map(|h| h.to_string()))
            .unwrap_or_default();
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        // An option whose help already names its values (`--lang`) hides them.
        if !values.is_empty() && a.get_action().takes_values() && !a.is_hide_possible_values_set() {
            help.push_str(&format!(" [{}: {}]", w.values, values.join(", ")));
        }
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && a.get_action().takes_values() {
            help.push_str(&format!(" [{}: {}]", w.default, defaults.join(", ")));
        }
        a = a.help(help);
        if a.get_action().takes_values() {
            a = a.hide_possible_values(true).hide_default_value(true);
        }
        if let Some(name) = value_name(&id, lang) {
            a = a.value_name(name);
        }
    }
    // Under a heading of its own clap sorts by display order, then by name: `prepare` sets the
    // order in which the arguments are declared.
    if a.is_positional() {
        a.help_heading(w.arguments)
    } else {
        a.help_heading(w.options)
    }
}

/// Texts that exist only once clap has built the command: its `help` command, and the usage
/// lines, whose `[OPTIONS]` is clap's own.
fn finish(mut cmd: Command, w: &'static Words, lang: Lang) -> Command {
    if cmd.find_subcommand("help").is_some() {
        cmd = cmd.mut_subcommand("help", |h| {
            let h = h
                .about(help_text("help", lang).unwrap_or_default())
                .subcommand_help_heading(w.commands)
                .subcommand_value_name(w.command_tag)
                .help_template(format!(
                    "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                    w.usage
                ));
            let ids: Vec<String> = h.get_arguments().map(|a| a.get_id().to_string()).collect();
            ids.into_iter().fold(h, |h, id| {
                h.mut_arg(&id, |a| {
                    let heading = if a.is_positional() {
                        w.arguments
                    } else {
                        w.options
                    };
                    a.help_heading(heading)
                        .value_name(w.command_tag)
                })
            })
        });
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .strip_prefix(EN.usage)
        .unwrap_or(&usage)
        .trim()
        .replace(EN.options_tag, w.options_tag);
    cmd = cmd.override_usage(usage);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| finish(s, w, lang));
    }
    cmd
}

/// The keys of the commands and arguments that have no text of their own in `texts.rs`: a
/// test keeps this empty, so that no help is left in one language only.
pub fn missing_texts(cmd: &Command) -> Vec<String> {
    let mut missing = Vec::new();
    collect_missing(cmd, "", true, &mut missing);
    missing
}

fn collect_missing(cmd: &Command, key: &str, root: bool, missing: &mut Vec<String>) {
    if help_text(key, Lang::It).is_none() {
        missing.push(if key.is_empty() { "(piano)" } else { key }.to_string());
    }
    for a in cmd.get_arguments() {
        let id = a.get_id().as_str();
        if matches!(id, "help" | "version") {
            continue;
        }
        let k = if root {
            id.to_string()
        } else {
            format!("{key}.{id}")
        };
        if help_text(&k, Lang::It).is_none() {
            missing.push(k.clone());
        }
        if a.get_action().takes_values() && value_name(id, Lang::It).is_none() {
            missing.push(format!("{k} (value name)"));
        }
    }
    for s in cmd.get_subcommands() {
        collect_missing(s, s.get_name(), false, missing);
    }
}
