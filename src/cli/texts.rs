//! The command line's own words, Italian and English: what each command and option does, the
//! names of the values they take, and the headings of the help. Keyed by the command's name
//! and the argument's id as clap knows them (`check`, `check.format`); `""` is the program.

/// (key, Italian, English): the `about` of a command (key = its name) or the help of an
/// argument (key = `command.argument`).
pub const HELP: &[(&str, &str, &str)] = &[
    (
        "",
        "Controlla e valuta i piani della performance scritti in .piano",
        "Checker and evaluator for .piano performance plans",
    ),
    (
        "check",
        "Controlla i piani: sintassi, nomi, unità, pesi, target, codici",
        "Check plans: syntax, names, units, weights, targets, codes",
    ),
    (
        "check.paths",
        "File o cartelle (vi si cercano i file .piano)",
        "Files or directories (searched for .piano files)",
    ),
    (
        "check.format",
        "Come stampare le diagnostiche",
        "How to print diagnostics",
    ),
    (
        "check.quiet",
        "Nessun riepilogo quando va tutto bene",
        "Print nothing when all is well",
    ),
    (
        "check.deny_warnings",
        "Anche gli avvisi fanno fallire il controllo (tranne quelli consentiti)",
        "Fail (exit 1) on warnings too (accepted ones excepted)",
    ),
    (
        "check.fix",
        "Applica ai file le correzioni sicure, poi segnala ciò che resta",
        "Apply the safe fixes to the files, then report what remains",
    ),
    (
        "check.diff",
        "Con --fix: stampa le correzioni come diff invece di scriverle",
        "With --fix: print a unified diff of the fixes instead of writing them",
    ),
    (
        "check.unsafe_fixes",
        "Con --fix: applica anche le correzioni da verificare",
        "With --fix: apply the fixes to verify too",
    ),
    (
        "check.show_accepted",
        "Mostra anche gli avvisi consentiti dai commenti `# consenti`",
        "Print the warnings accepted by `# consenti` comments too",
    ),
    (
        "color",
        "Colori: auto = solo su un terminale e se NO_COLOR non è impostata",
        "Colours: auto = only on a terminal and when NO_COLOR is unset",
    ),
    (
        "lang",
        "Lingua dei messaggi: it (predefinita) o en; anche PIANO_LANG",
        "Language of messages: it (default) or en; also PIANO_LANG",
    ),
    (
        "fmt",
        "Riscrive i piani nella forma canonica (i commenti restano)",
        "Rewrite plans in the canonical layout (comments are kept)",
    ),
    (
        "fmt.paths",
        "File o cartelle (vi si cercano i file .piano)",
        "Files or directories (searched for .piano files)",
    ),
    (
        "fmt.check",
        "Non scrive nulla: elenca i file da riformattare ed esce con 1 se ce ne sono",
        "Write nothing; list the files that would change and exit 1 if any",
    ),
    (
        "fmt.diff",
        "Non scrive nulla: stampa le modifiche come diff ed esce con 1 se ce ne sono",
        "Write nothing; print a unified diff of the changes and exit 1 if any",
    ),
    (
        "eval",
        "Valuta un piano con i valori di un file di misure e stampa il rapporto",
        "Score a plan with the values of a measurement file and print the report",
    ),
    ("eval.plan", "Il piano (.piano)", "The plan (.piano)"),
    (
        "eval.measurements",
        "I file di misure (CSV separato da `;`, cartella di lavoro .xlsx o .ods, o JSON), uno per data di rilevazione",
        "The measurement files (CSV separated by `;`, an .xlsx or .ods workbook, or JSON), one per monitoring date",
    ),
    (
        "eval.as_of",
        "Data di rilevazione GG/MM/AAAA, al posto della riga `rilevazione` del file",
        "Monitoring date DD/MM/YYYY, over the file's `rilevazione` row",
    ),
    (
        "eval.year",
        "Anno valutato (predefinito: quello della rilevazione, altrimenti l'`anno` del piano)",
        "Scored year (default: the monitoring date's year, else the plan's `anno`)",
    ),
    (
        "eval.format",
        "Formato del rapporto (predefinito: dall'estensione del file di uscita, altrimenti testo)",
        "Report format (default: from the output file's extension, else text)",
    ),
    (
        "eval.responsabile",
        "Solo gli obiettivi il cui `responsabile` contiene TESTO (maiuscole e minuscole uguali)",
        "Report only the objectives whose `responsabile` contains TEXT (ignoring case)",
    ),
    (
        "eval.ordina",
        "Ordine di obiettivi e indicatori: quello del piano, o prima le performance più basse",
        "Order of objectives and indicators: the plan's, or the lowest performance first",
    ),
    (
        "eval.layout",
        "Disposizione del rapporto CSV: una riga per indicatore (wide) o un fatto per riga (tidy)",
        "Layout of the CSV report: one row per indicator (wide), or one fact per row (tidy)",
    ),
    (
        "eval.output",
        "Scrive il rapporto in questo file invece che sullo standard output",
        "Write the report to this file instead of standard output",
    ),
    (
        "template",
        "Scrive il file di misure da compilare per un piano (CSV, o una cartella di lavoro Excel)",
        "Write the measurement file to fill in for a plan (CSV, or an Excel workbook)",
    ),
    ("template.plan", "Il piano (.piano)", "The plan (.piano)"),
    (
        "template.output",
        "Scrive in questo file invece che sullo standard output (`.xlsx`: una cartella di lavoro)",
        "Write to this file instead of standard output (`.xlsx`: a workbook)",
    ),
    (
        "template.format",
        "Formato del file (predefinito: dall'estensione del file di uscita, altrimenti CSV)",
        "The file's format (default: from the output file's extension, else CSV)",
    ),
    (
        "explain",
        "Spiega un codice di diagnostica, con un esempio sbagliato e uno giusto",
        "Explain a diagnostic code, with a wrong and a right example",
    ),
    (
        "explain.code",
        "Il codice, per esempio P0107",
        "The code, for example P0107",
    ),
    ("explain.all", "Spiega tutti i codici", "Explain every code"),
    (
        "completions",
        "Stampa lo script di completamento per una shell (bash, zsh, fish, powershell)",
        "Print the completion script for a shell (bash, zsh, fish, powershell)",
    ),
    ("completions.shell", "La shell", "The shell"),
    (
        "man",
        "Stampa la pagina di manuale (man) di piano, o le scrive tutte in una cartella",
        "Print piano's manual page, or write every page into a directory",
    ),
    (
        "man.dir",
        "Scrive piano.1 e una pagina per comando (piano-check.1, …) in questa cartella",
        "Write piano.1 and one page per command (piano-check.1, …) into this directory",
    ),
    (
        "lsp",
        "Avvia il server del linguaggio su standard input e output (per gli editor: docs/lsp.md)",
        "Run the language server on standard input and output (for editors: docs/lsp.md)",
    ),
    (
        "help",
        "Mostra questo aiuto, o quello del comando indicato",
        "Print this message or the help of the given command",
    ),
    ("help.help", "Mostra l'aiuto", "Print help"),
    ("help.version", "Mostra la versione", "Print version"),
];

/// (argument id, Italian, English): the placeholder of the value an argument takes.
pub const VALUE_NAMES: &[(&str, &str, &str)] = &[
    ("paths", "PERCORSI", "PATHS"),
    ("plan", "PIANO", "PLAN"),
    ("measurements", "MISURE", "MEASUREMENTS"),
    ("as_of", "GG/MM/AAAA", "DD/MM/YYYY"),
    ("year", "ANNO", "YEAR"),
    ("format", "FORMATO", "FORMAT"),
    ("ordina", "ORDINE", "ORDER"),
    ("layout", "DISPOSIZIONE", "LAYOUT"),
    ("responsabile", "TESTO", "TEXT"),
    ("output", "FILE", "FILE"),
    ("color", "QUANDO", "WHEN"),
    ("lang", "LINGUA", "LANG"),
    ("code", "CODICE", "CODE"),
    ("shell", "SHELL", "SHELL"),
    ("dir", "CARTELLA", "DIR"),
];

/// The words of the help page and of clap's errors that are not per command.
pub struct Words {
    pub usage: &'static str,
    pub options: &'static str,
    pub options_tag: &'static str,
    pub arguments: &'static str,
    pub commands: &'static str,
    pub command_tag: &'static str,
    pub default: &'static str,
    pub values: &'static str,
    pub error: &'static str,
    pub more: &'static str,
}

pub const IT: Words = Words {
    usage: "Uso:",
    options: "Opzioni",
    options_tag: "[OPZIONI]",
    arguments: "Argomenti",
    commands: "Comandi",
    command_tag: "COMANDO",
    default: "predefinito",
    values: "valori",
    error: "errore",
    more: "Per saperne di più: `{help}`",
};

pub const EN: Words = Words {
    usage: "Usage:",
    options: "Options",
    options_tag: "[OPTIONS]",
    arguments: "Arguments",
    commands: "Commands",
    command_tag: "COMMAND",
    default: "default",
    values: "possible values",
    error: "error",
    more: "For more information, try `{help}`",
};
