//! `piano explain CODE`: the long form of every diagnostic, with a wrong and a right example.
//! The match is exhaustive, so a new code does not compile until it is explained.

use super::{Code, Lang};

pub struct Explanation {
    pub it: &'static str,
    pub en: &'static str,
    pub wrong: &'static str,
    pub right: &'static str,
}

const fn e(
    it: &'static str,
    en: &'static str,
    wrong: &'static str,
    right: &'static str,
) -> Explanation {
    Explanation {
        it,
        en,
        wrong,
        right,
    }
}

pub fn explanation(code: Code) -> Explanation {
    use Code::*;
    match code {
        F0001 => e(
            "Il file non si può leggere: non esiste, è una cartella o mancano i permessi.",
            "The file cannot be read: it does not exist, is a directory, or permissions are missing.",
            "piano check pinao.piano",
            "piano check piano.piano",
        ),
        F0002 => e(
            "Il file contiene dati binari: non è un piano scritto in testo. Un piano è un file `.piano` in UTF-8 (o Windows-1252), scritto con un editor di testo, non un documento Word, un PDF o un foglio Excel.",
            "The file holds binary data: it is not a plan written as text. A plan is a `.piano` file in UTF-8 (or Windows-1252), written with a text editor, not a Word document, a PDF or an Excel sheet.",
            "piano check piano.docx",
            "piano check piano.piano",
        ),
        P0101 => e(
            "Il testo non segue la forma del linguaggio in quel punto: il messaggio dice che cosa ci si aspettava (un numero, una data, un testo tra virgolette, la fine della riga...) e che cosa c'è invece.",
            "The text does not follow the language's form at that point: the message says what was expected (a number, a date, a quoted text, the end of the line...) and what is there instead.",
            "target 2024 >= alto",
            "target 2024 >= 80%",
        ),
        P0102 => e(
            "Un blocco aperto con `{` non è mai chiuso con `}`. Il controllo indica la `{` la cui `}` sembra mancare, guardando l'indentazione; gli elementi successivi vengono comunque controllati.",
            "A block opened with `{` is never closed with `}`. The check points at the `{` whose `}` seems missing, judging by indentation; the items after it are still checked.",
            "indicatore eventi \"Eventi\" {\n  udm n.\n\nindicatore bandi \"Bandi\" {",
            "indicatore eventi \"Eventi\" {\n  udm n.\n}\n\nindicatore bandi \"Bandi\" {",
        ),
        P0103 => e(
            "Un testo tra virgolette non è chiuso sulla stessa riga. I testi `\"...\"` stanno su una riga; per un testo su più righe si usa `\"\"\"`.",
            "A quoted text is not closed on the same line. `\"...\"` texts fit on one line; text over several lines uses `\"\"\"`.",
            "ufficio \"Punto impresa digitale",
            "ufficio \"Punto impresa digitale\"",
        ),
        P0104 => e(
            "Un testo lungo aperto con `\"\"\"` non è mai chiuso: tutto il resto del file finirebbe nel testo.",
            "A long text opened with `\"\"\"` is never closed: the rest of the file would end up in the text.",
            "descrizione \"\"\"\n  Il progetto prevede...\n",
            "descrizione \"\"\"\n  Il progetto prevede...\n\"\"\"",
        ),
        P0105 => e(
            "Nei testi la barra rovesciata introduce solo `\\\"` (virgolette) e `\\\\` (la barra stessa). Per andare a capo si usa un testo lungo `\"\"\"`.",
            "In texts a backslash only introduces `\\\"` (a quote) and `\\\\` (the backslash itself). For line breaks use a long text `\"\"\"`.",
            "nota \"prima riga\\nseconda riga\"",
            "nota \"\"\"\n  prima riga\n  seconda riga\n\"\"\"",
        ),
        P0106 => e(
            "La data non esiste nel calendario (per esempio il 31 febbraio o il mese 13). Le date si scrivono giorno/mese/anno.",
            "The date does not exist in the calendar (for example 31 February or month 13). Dates are written day/month/year.",
            "target 2024 entro 31/02/2024",
            "target 2024 entro 29/02/2024",
        ),
        P0107 => e(
            "Un numero con un punto non seguito da tre cifre, come `2.5`, è ambiguo: in italiano il punto separa le migliaia e la virgola i decimali. Il controllo non indovina: va scritto in modo inequivocabile.",
            "A number with a dot not followed by three digits, such as `2.5`, is ambiguous: in Italian the dot separates thousands and the comma decimals. The check does not guess: write it unambiguously.",
            "risorse 157575.48 €",
            "risorse 157.575,48 €",
        ),
        P0108 => e(
            "Il numero non è scritto né all'italiana né in un modo riconoscibile: per esempio ha due virgole, o una virgola prima del punto delle migliaia (uso inglese).",
            "The number is not written the Italian way nor in any recognisable way: for example it has two commas, or a comma before the thousands dot (English usage).",
            "risorse 1,234.56 €",
            "risorse 1.234,56 €",
        ),
        P0109 => e(
            "Il numero ha più cifre di quante l'aritmetica decimale esatta ne possa tenere (28 cifre significative).",
            "The number has more digits than exact decimal arithmetic can hold (28 significant digits).",
            "target 2024 >= 123456789012345678901234567890",
            "target 2024 >= 1.234.567",
        ),
        P0110 => e(
            "La riga inizia con una parola che non è un campo di quel blocco. Il messaggio suggerisce il campo più vicino.",
            "The line starts with a word that is not a field of that block. The message suggests the closest field.",
            "indicatore eventi \"Eventi\" {\n  tipologgia efficienza\n}",
            "indicatore eventi \"Eventi\" {\n  tipologia efficienza\n}",
        ),
        P0111 => e(
            "Il campo esiste, ma non in questo blocco: per esempio `peso` nel blocco `piano`, o un `obiettivo` dentro un altro obiettivo (spesso perché manca una `}`).",
            "The field exists, but not in this block: for example `peso` in the `piano` block, or an `obiettivo` inside another objective (often because a `}` is missing).",
            "piano \"PIRA 2024\" {\n  anno 2024\n  peso 20%\n}",
            "piano \"PIRA 2024\" {\n  anno 2024\n}",
        ),
        P0112 => e(
            "Lo stesso campo compare due volte nello stesso blocco: quale dei due vale? Va tenuto uno solo (fanno eccezione `nota`, `target`, `misura` e `indicatore`, che si ripetono).",
            "The same field appears twice in one block: which one counts? Keep only one (except `nota`, `target`, `misura` and `indicatore`, which repeat).",
            "indicatore eventi \"Eventi\" {\n  udm n.\n  udm %\n}",
            "indicatore eventi \"Eventi\" {\n  udm n.\n}",
        ),
        P0113 => e(
            "Il comparatore di un target si scrive `>=`, `<=`, `=`, `>`, `<` o, per le date, `entro`. Forme come `=>`, `=<` o `==` non sono ammesse.",
            "A target's comparator is written `>=`, `<=`, `=`, `>`, `<` or, for dates, `entro`. Forms such as `=>`, `=<` or `==` are not accepted.",
            "target 2024 => 80%",
            "target 2024 >= 80%",
        ),
        P0114 => e(
            "C'è del testo fuori da ogni elemento del piano. Ogni elemento inizia con `piano`, `punteggio`, `ambito`, `strategico`, `misura`, `modello` o `obiettivo`; i commenti iniziano con `#`.",
            "There is text outside any item of the plan. Every item starts with `piano`, `punteggio`, `ambito`, `strategico`, `misura`, `modello` or `obiettivo`; comments start with `#`.",
            "obbiettivo 01_01_OS01 \"Turismo\" {",
            "obiettivo 01_01_OS01 \"Turismo\" {",
        ),
        P0115 => e(
            "Una formula ha più di 64 parentesi annidate. Nessuna formula reale ne ha bisogno; il limite protegge il programma da file costruiti per bloccarlo.",
            "A formula has more than 64 nested parentheses. No real formula needs them; the limit protects the program from files built to crash it.",
            "formula ((((((((((a))))))))))  # ... oltre 64 livelli",
            "formula (a - b) / c",
        ),
        P0116 => e(
            "Una formula ha più di 256 operatori. Va spezzata in misure o indicatori intermedi.",
            "A formula has more than 256 operators. Split it into intermediate measures or indicators.",
            "formula a + a + a + ...  # oltre 256 operatori",
            "formula totale / imprese",
        ),
        P0117 => e(
            "Dopo un numero si può scrivere un'unità: `%`, `€`, `gg`, `ore`, `anni`, `punti`. Altre parole non sono unità.",
            "After a number a unit may be written: `%`, `€`, `gg`, `ore`, `anni`, `punti`. Other words are not units.",
            "target 2024 <= 30 giorni",
            "target 2024 <= 30 gg",
        ),
        P0118 => e(
            "I nomi di misure, indicatori e modelli si scrivono in minuscolo (lettere, cifre e `_`), così che non ci siano due modi di scrivere lo stesso nome.",
            "Names of measures, indicators and templates are written in lowercase (letters, digits and `_`), so that a name has one spelling only.",
            "indicatore Eventi \"Eventi\" {",
            "indicatore eventi \"Eventi\" {",
        ),
        P0119 => e(
            "Le date si scrivono giorno/mese/anno, come nei documenti italiani; la forma anno-mese-giorno non è ammessa.",
            "Dates are written day/month/year, as in Italian documents; the year-month-day form is not accepted.",
            "target 2024 entro 2024-12-31",
            "target 2024 entro 31/12/2024",
        ),
        P0120 => e(
            "Il campo è scritto senza valore.",
            "The field is written without a value.",
            "peso",
            "peso 20%",
        ),
        P0121 => e(
            "Una `}` chiude un blocco che non è aperto: di solito è una `}` doppia.",
            "A `}` closes a block that is not open: usually a doubled `}`.",
            "obiettivo 01 \"A\" {\n}\n}",
            "obiettivo 01 \"A\" {\n}",
        ),
        P0122 => e(
            "La parola non è tra quelle ammesse: `tipologia` (efficienza, efficacia, volume, qualità, salute_economica), `tipo` (realizzazione_fisica, realizzazione_finanziaria, risultato, impatto, altro), `udm` (n., %, €, gg, ore, anni, punti, data, sì/no), le nature di costo di `risorse` (personale, funzionamento, interventi, ammortamenti) e `dati_mancanti` (esclusi, zero).",
            "The word is not among those allowed: `tipologia` (efficienza, efficacia, volume, qualità, salute_economica), `tipo` (realizzazione_fisica, realizzazione_finanziaria, risultato, impatto, altro), `udm` (n., %, €, gg, ore, anni, punti, data, sì/no), the natures of cost in `risorse` (personale, funzionamento, interventi, ammortamenti) and `dati_mancanti` (esclusi, zero).",
            "tipologia eficienza",
            "tipologia efficienza",
        ),
        P0123 => e(
            "`entro` è un comparatore, non un'unità di misura: un indicatore che è una scadenza ha `udm data`, e i suoi target dicono `entro` una data.",
            "`entro` is a comparator, not a unit of measure: an indicator that is a deadline has `udm data`, and its targets say `entro` a date.",
            "udm entro\ntarget 2024 = 31/01/2024",
            "udm data\ntarget 2024 entro 31/01/2024",
        ),
        P0124 => e(
            "Un numero ha un'unità sola: `€ 5 €` o `5 € %` non hanno senso.",
            "A number has one unit: `€ 5 €` or `5 € %` make no sense.",
            "risorse € 9.100,00 €",
            "risorse 9.100,00 €",
        ),
    }
}

/// The explanation as printed by `piano explain`.
pub fn render(code: Code, lang: Lang) -> String {
    let x = explanation(code);
    let severity = crate::diagnostics::render::severity_word(lang, code.severity());
    let (wrong, right) = lang.pick(("Sbagliato:", "Giusto:"), ("Wrong:", "Right:"));
    let indent = |s: &str| {
        s.lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "{code} ({severity})\n\n{}\n\n{wrong}\n\n{}\n\n{right}\n\n{}\n",
        lang.pick(x.it, x.en),
        indent(x.wrong),
        indent(x.right)
    )
}
