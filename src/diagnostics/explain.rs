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
        F0005 => e(
            "Il percorso non indica un file normale ma una pipe (FIFO), un dispositivo (come `/dev/zero`), un socket o una cartella. `piano` legge solo file normali: da una pipe potrebbe aspettare per sempre, da un dispositivo leggere senza fine. Anche un file speciale chiamato `*.piano` dentro una cartella è segnalato così, e l'uscita è 2.",
            "The path names no regular file but a pipe (FIFO), a device (such as `/dev/zero`), a socket or a directory. `piano` reads regular files only: from a pipe it could wait forever, from a device read without end. A special file named `*.piano` inside a directory is reported the same way, and the exit status is 2.",
            "piano eval piano.piano /dev/zero",
            "piano eval piano.piano misure.csv",
        ),
        F0006 => e(
            "Il file supera il limite di 64 MiB. Un piano reale o un file delle misure è di qualche centinaio di kilobyte, e controllarne uno costa in memoria circa 13 volte la sua dimensione: un file così grande è quasi sempre quello sbagliato (un archivio, un'esportazione intera). L'uscita è 2.",
            "The file exceeds the 64 MiB limit. A real plan or measurement file takes a few hundred kilobytes, and checking one costs about 13 times its size in memory: a file this large is almost always the wrong one (an archive, a whole export). The exit status is 2.",
            "piano check archivio-completo.piano",
            "piano check piano.piano",
        ),
        F0003 => e(
            "Il piano è scritto in UTF-8 ma alcuni byte non lo sono: di solito una lettera accentata incollata da un programma che usa un'altra codifica (Windows-1252, Latin-1). Il controllo indica ogni byte non valido, lo mostra come �, e propone la lettera che probabilmente era. Un file senza alcun carattere UTF-8 oltre l'ASCII è invece letto come Windows-1252, come lo salvano Excel e i vecchi editor.",
            "The plan is written in UTF-8 but some bytes are not: usually an accented letter pasted from a program that uses another encoding (Windows-1252, Latin-1). The check points at each invalid byte, shows it as �, and offers the letter it most likely was. A file without a single UTF-8 character beyond ASCII is read as Windows-1252 instead, as Excel and old editors save it.",
            "descrizione \"Qualità del servizio\"    # `à` come byte 0xE0, in un file UTF-8",
            "descrizione \"Qualità del servizio\"    # `à` in UTF-8 (0xC3 0xA0)",
        ),
        F0004 => e(
            "Le righe del file finiscono con il solo carattere CR, come nei file dei vecchi Mac: è un avviso, e ogni CR è letto come un fine riga. Conviene salvare il file con i fine riga LF (o CRLF, come su Windows): `piano fmt` lo riscrive così.",
            "The file's lines end with a lone CR character, as in old Mac files: it is a warning, and each CR is read as a line end. Better save the file with LF line ends (or CRLF, as on Windows): `piano fmt` rewrites it so.",
            "piano \"PIRA 2024\" {⏎  anno 2024⏎}    # ⏎ sta per CR",
            "piano \"PIRA 2024\" {\n  anno 2024\n}",
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
            "Il numero è troppo grande: i numeri di un piano e di un file delle misure hanno al più 15 cifre prima della virgola (da -999.999.999.999.999 a 999.999.999.999.999) e al più 10 decimali. Entro questo intervallo ogni somma, quota e rapporto si calcola esattamente; un numero più grande è quasi sempre un errore di battitura.",
            "The number is too large: the numbers of a plan and of a measurement file have at most 15 digits before the comma (from -999.999.999.999.999 to 999.999.999.999.999) and at most 10 decimals. Within this range every sum, share and ratio is computed exactly; a larger number is almost always a typo.",
            "risorse 1234567890123456789 €",
            "risorse 1.234.567,89 €",
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
            "Il campo è scritto senza valore: dopo la parola chiave va il suo valore, sulla stessa riga.",
            "The field is written without a value: its value goes after the keyword, on the same line.",
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
            "udm entro\ntarget 2024 entro 31/01/2024",
            "udm data\ntarget 2024 entro 31/01/2024",
        ),
        N0201 => e(
            "Un codice o un nome è definito due volte: due obiettivi con lo stesso codice, due indicatori con lo stesso nome nello stesso obiettivo, due misure, due modelli. Un riferimento a quel nome non saprebbe a quale definizione puntare. Nello stesso obiettivo, misure e indicatori condividono i nomi.",
            "A code or name is defined twice: two objectives with the same code, two indicators with the same name in one objective, two measures, two templates. A reference to that name could not tell which definition it means. Within an objective, measures and indicators share one set of names.",
            "indicatore eventi \"Eventi\" { ... }\nindicatore eventi \"Eventi online\" { ... }",
            "indicatore eventi \"Eventi\" { ... }\nindicatore eventi_online \"Eventi online\" { ... }",
        ),
        N0202 => e(
            "Un riferimento punta a qualcosa che il piano non definisce: una linea strategica, un ambito, un modello, una misura o un indicatore in una formula, una funzione. Le formule cercano i nomi prima tra le misure e gli indicatori dell'obiettivo (e del modello), poi tra le misure globali. Il messaggio suggerisce il nome più vicino.",
            "A reference points at something the plan does not define: a strategic line, an ambito, a template, a measure or indicator in a formula, a function. Formulas look names up among the objective's (and template's) measures and indicators first, then among global measures. The message suggests the closest name.",
            "strategico 01_01\n...\nformula risorse_utilizate / risorse_stanziate",
            "strategico 01_01\n...\nformula risorse_utilizzate / risorse_stanziate",
        ),
        N0203 => e(
            "Due o più indicatori si calcolano l'uno dall'altro in circolo (a usa b, b usa a): nessuno dei due si può calcolare.",
            "Two or more indicators are computed from each other in a circle (a uses b, b uses a): neither can be computed.",
            "indicatore a { formula b / 2 }\nindicatore b { formula a * 2 }",
            "indicatore a { formula totale / 2 }\nindicatore b { formula a * 2 }",
        ),
        N0204 => e(
            "Una misura dichiarata non è usata da nessuna formula. È un avviso: il modello di rilevazione (`piano template`) chiederebbe agli uffici un valore che nessuno usa.",
            "A declared measure is not used by any formula. It is a warning: the measurement template (`piano template`) would ask offices for a value nobody uses.",
            "misura visite \"Visite al sito\" n.   # mai usata",
            "misura visite \"Visite al sito\" n.\n...\nformula visite / imprese_registrate",
        ),
        N0205 => e(
            "Un modello (`modello`) non è usato da nessun indicatore. È un avviso: forse il nome nell'indicatore è sbagliato, o il modello è rimasto da una versione precedente del piano.",
            "A template (`modello`) is not used by any indicator. It is a warning: perhaps the name in the indicator is wrong, or the template is left over from an earlier version of the plan.",
            "modello utilizzo_risorse \"...\" { ... }   # nessun indicatore dice `modello utilizzo_risorse`",
            "modello utilizzo_risorse \"...\" { ... }\n...\nindicatore risorse {\n  modello utilizzo_risorse\n}",
        ),
        N0206 => e(
            "Il file non ha il blocco `piano` che dice ente, anno e triennio: senza, non si possono controllare gli anni dei target né calcolare la performance.",
            "The file has no `piano` block giving the body, the year and the triennio: without it, target years cannot be checked nor performance computed.",
            "obiettivo 01_01_OS01 \"...\" { ... }",
            "piano \"PIRA 2024\" {\n  ente \"Camera di Commercio di Pistoia-Prato\"\n  anno 2024\n  triennio 2024-2026\n}\n\nobiettivo 01_01_OS01 \"...\" { ... }",
        ),
        N0207 => e(
            "Un piano ha un solo blocco `piano` e al più un blocco `punteggio`.",
            "A plan has one `piano` block and at most one `punteggio` block.",
            "punteggio { massimo 100% }\npunteggio { ritardo 63 gg }",
            "punteggio {\n  massimo 100%\n  ritardo 63 gg\n}",
        ),
        N0208 => e(
            "Manca un campo necessario: `ente`, `anno` e `triennio` nel piano; `strategico` e `missione` in un obiettivo; `ambito` in una linea strategica; `udm` e `tipologia` in un indicatore (suoi o del suo modello).",
            "A required field is missing: `ente`, `anno` and `triennio` in the plan; `strategico` and `missione` in an objective; `ambito` in a strategic line; `udm` and `tipologia` in an indicator (its own or its template's).",
            "indicatore eventi \"Eventi\" {\n  tipologia efficienza\n  target 2024 >= 4\n}",
            "indicatore eventi \"Eventi\" {\n  tipologia efficienza\n  udm n.\n  target 2024 >= 4\n}",
        ),
        N0210 => e(
            "Un commento `# consenti CODICE: motivo` accetta l'avviso CODICE della sua riga o, se sta da solo su una riga, della riga sotto (più commenti si possono impilare). Qui non c'è nessun avviso con quel codice: forse il problema è stato corretto, o il commento è sulla riga sbagliata. È un avviso, come in ruff un `noqa` inutile; `piano check --fix` toglie il commento.",
            "A `# consenti CODE: motivo` comment accepts the CODE warning of its own line or, alone on a line, of the line below (several can be stacked). There is no warning with that code here: perhaps the problem was fixed, or the comment is on the wrong line. It is a warning, as an unused `noqa` is in ruff; `piano check --fix` removes the comment.",
            "# consenti C0603: codice ufficiale della Camera\nobiettivo 01_01_OS01 \"Titolo\" {\n  strategico 01_01\n}",
            "obiettivo 01_01_OS01 \"Titolo\" {\n  strategico 01_01\n}",
        ),
        N0211 => e(
            "Un commento `consenti` dice perché l'avviso è accettato, dopo i due punti: chi rilegge il piano (un collega, l'OIV) deve poter capire la scelta. Senza motivo l'avviso è accettato lo stesso, ma se ne riceve un altro.",
            "A `consenti` comment says why the warning is accepted, after a colon: whoever reads the plan next (a colleague, the OIV) must be able to follow the choice. Without a reason the warning is accepted all the same, but another warning is given.",
            "# consenti C0603\nobiettivo 03_04_OS04 \"Titolo\" {\n  strategico 03_01\n}",
            "# consenti C0603: codice ufficiale della Camera\nobiettivo 03_04_OS04 \"Titolo\" {\n  strategico 03_01\n}",
        ),
        N0212 => e(
            "Un commento `consenti` nomina un codice che non esiste. I codici hanno una lettera e quattro cifre, come `C0603`; `piano explain --all` li elenca tutti.",
            "A `consenti` comment names a code that does not exist. Codes have a letter and four digits, such as `C0603`; `piano explain --all` lists them all.",
            "# consenti C0603 C063: codice ufficiale della Camera\nobiettivo 03_04_OS04 \"Titolo\" {\n  strategico 03_01\n}",
            "# consenti C0603: codice ufficiale della Camera\nobiettivo 03_04_OS04 \"Titolo\" {\n  strategico 03_01\n}",
        ),
        N0213 => e(
            "Solo gli avvisi si possono accettare con `consenti`: un errore rende il piano sbagliato, e va corretto. Neppure gli avvisi sui commenti `consenti` stessi si accettano.",
            "Only warnings can be accepted with `consenti`: an error makes the plan wrong, and must be fixed. Warnings about `consenti` comments themselves cannot be accepted either.",
            "target 2024 >= 4 # consenti T0403: gli altri anni non sono fissati",
            "target 2024 >= 4",
        ),
        U0301 => e(
            "L'unità che la formula produce non è quella dichiarata con `udm`. Le unità si calcolano così: grandezze uguali si sommano; un quoziente di unità uguali è un rapporto (%); dividere per un conteggio (`n.`) dà una media nell'altra unità; le costanti non hanno unità.",
            "The unit the formula produces is not the one declared with `udm`. Units are computed this way: equal quantities add up; a quotient of equal units is a ratio (%); dividing by a count (`n.`) gives an average in the other unit; constants have no unit.",
            "formula imprese_export / imprese_registrate\nudm n.",
            "formula imprese_export / imprese_registrate\nudm %",
        ),
        U0302 => e(
            "Si sommano o sottraggono (o si confrontano con `min`/`max`) grandezze in unità diverse, come euro e giorni. Una data meno una data dà i giorni, una data più dei giorni dà una data; una costante prende l'unità dell'altro termine.",
            "Quantities in different units are added, subtracted (or compared with `min`/`max`), such as euros and days. A date minus a date gives days, a date plus days gives a date; a constant takes the other term's unit.",
            "formula costi + giorni_lavorati",
            "formula costi_personale + costi_funzionamento",
        ),
        U0303 => e(
            "Si moltiplicano due unità tra loro (euro per giorni): nessuna unità del piano ne risulta. Si moltiplica per una costante, un rapporto o un conteggio.",
            "Two units are multiplied together (euros by days): no unit of the plan results. Multiply by a constant, a ratio or a count.",
            "formula costo_giornaliero * giorni",
            "formula costo_medio * pratiche",
        ),
        U0304 => e(
            "Il quoziente di due unità diverse (euro diviso giorni) non è un'unità del piano. Si dividono grandezze della stessa unità (un rapporto) o una grandezza per un conteggio `n.` (una media).",
            "The quotient of two different units (euros divided by days) is not a unit of the plan. Divide quantities in the same unit (a ratio) or a quantity by a count `n.` (an average).",
            "formula costi / giorni",
            "formula costi / pratiche",
        ),
        U0305 => e(
            "Molti documenti scrivono i rapporti in punti: `a / b * 100`, `100 * a / b`, `(a * 100) / b`, `a / (b / 100)`. Qui i rapporti sono già percentuali (80% vale 0,8): il 100 darebbe un valore cento volte troppo grande, e il punteggio sarebbe sbagliato. Il controllo segue le unità, non la forma della formula: vale per ogni rapporto moltiplicato per 100, in qualsiasi ordine. È un avviso: `piano eval` calcola il rapporto voluto (senza il 100) e lo ricorda nel report; `piano check --fix` toglie il 100 dalla formula.",
            "Many documents write ratios in points: `a / b * 100`, `100 * a / b`, `(a * 100) / b`, `a / (b / 100)`. Here ratios already are percentages (80% is 0.8): the 100 would give a value a hundred times too large, and a wrong score. The check follows the units, not the formula's shape: it applies to any ratio multiplied by 100, in any order. It is a warning: `piano eval` computes the ratio meant (without the 100) and says so in the report; `piano check --fix` removes the 100 from the formula.",
            "formula pratiche_5gg * 100 / pratiche_evase",
            "formula pratiche_5gg / pratiche_evase",
        ),
        U0306 => e(
            "Le date e i sì/no non entrano nei calcoli, salvo la differenza tra date (in giorni) e lo spostamento di una data di qualche giorno.",
            "Dates and yes/no values take no part in calculations, except the difference between dates (in days) and shifting a date by some days.",
            "formula data_approvazione * 2",
            "formula data_approvazione - data_scadenza",
        ),
        U0307 => e(
            "Il valore non è del tipo che l'unità di misura vuole: una data per `udm data`, `sì`/`no` per `udm sì/no`, un numero per le altre.",
            "The value is not of the kind the unit of measure wants: a date for `udm data`, `sì`/`no` for `udm sì/no`, a number for the others.",
            "udm data\ntarget 2024 >= 1",
            "udm data\ntarget 2024 entro 31/12/2024",
        ),
        U0308 => e(
            "Il valore è scritto con un'unità diversa da quella dell'indicatore, per esempio `32 €` su un conteggio o `65%` su `udm n.`. O si corregge il valore, o `udm`.",
            "The value is written with a unit other than the indicator's, for example `32 €` on a count or `65%` on `udm n.`. Either the value or `udm` must be corrected.",
            "udm n.\ntarget 2024 >= 63%",
            "udm %\ntarget 2024 >= 63%",
        ),
        U0309 => e(
            "Una percentuale va scritta con `%`: senza, `80` potrebbe voler dire 80% o 80 volte. Vale per i target degli indicatori in %, per i pesi e per `massimo`.",
            "A percentage is written with `%`: without it, `80` could mean 80% or 80 times. This holds for targets of indicators in %, for weights and for `massimo`.",
            "peso 20",
            "peso 20%",
        ),
        U0310 => e(
            "Un importo va scritto con `€`, per le risorse e per i target degli indicatori in euro.",
            "An amount is written with `€`, for resources and for targets of indicators in euros.",
            "risorse 1.379.480,99",
            "risorse 1.379.480,99 €",
        ),
        U0311 => e(
            "Una funzione ha il numero sbagliato di argomenti: `min` e `max` ne vogliono due, `abs` uno. Gli argomenti si separano con `;`.",
            "A function has the wrong number of arguments: `min` and `max` take two, `abs` one. Arguments are separated by `;`.",
            "formula min(a)",
            "formula min(a; b)",
        ),
        U0312 => e(
            "Un rapporto (per esempio una misura in `%`) diviso per 100. Qui le percentuali sono già frazioni (80% vale 0,8): dividerle ancora per 100 dà un valore cento volte troppo piccolo. È un avviso: `piano eval` calcola il valore senza la divisione e lo ricorda nel report; `piano check --fix` toglie `/ 100` dalla formula.",
            "A ratio (a measure in `%`, say) divided by 100. Here percentages already are fractions (80% is 0.8): dividing them by 100 again gives a value a hundred times too small. It is a warning: `piano eval` computes the value without the division and says so in the report; `piano check --fix` removes `/ 100` from the formula.",
            "formula imprese_registrate * quota_digitali / 100",
            "formula imprese_registrate * quota_digitali",
        ),
        T0401 => e(
            "Il comparatore non vale per l'unità di misura: un sì/no ammette solo `=`; una data ammette `entro`, `<=` (scadenza) e `>=` (non prima di), non `>` o `<`; `entro` vale solo per le date.",
            "The comparator does not apply to the unit of measure: a yes/no takes only `=`; a date takes `entro`, `<=` (deadline) and `>=` (not before), not `>` or `<`; `entro` applies only to dates.",
            "udm sì/no\ntarget 2024 >= sì",
            "udm sì/no\ntarget 2024 = sì",
        ),
        T0402 => e(
            "`=` su una data è letto come una scadenza (fatto entro quella data). È un avviso: scrivere `entro` dice la stessa cosa senza ambiguità.",
            "`=` on a date is read as a deadline (done by that date). It is a warning: writing `entro` says the same without ambiguity.",
            "target 2024 = 31/01/2024",
            "target 2024 entro 31/01/2024",
        ),
        T0403 => e(
            "Ogni indicatore ha un target per ogni anno del triennio del piano (suo o del suo modello). Se il target di un anno non è ancora fissato si scrive `n.d.`.",
            "Every indicator has a target for every year of the plan's triennio (its own or its template's). If a year's target is not set yet, write `n.d.`.",
            "target 2024 >= 4",
            "target 2024 >= 4\ntarget 2025 n.d.\ntarget 2026 n.d.",
        ),
        T0404 => e(
            "Due righe `target` per lo stesso anno nello stesso indicatore: quale vale?",
            "Two `target` lines for the same year in one indicator: which one counts?",
            "target 2024 >= 4\ntarget 2024 >= 5",
            "target 2024 >= 5",
        ),
        T0405 => e(
            "Un target riguarda un anno fuori dal triennio del piano.",
            "A target concerns a year outside the plan's triennio.",
            "triennio 2024-2026\n...\ntarget 2027 >= 4",
            "triennio 2024-2026\n...\ntarget 2026 >= 4",
        ),
        T0406 => e(
            "Il triennio è di tre anni, dall'anno del piano ai due successivi: è scritto al contrario, non copre tre anni, oppure l'anno del piano non vi è compreso.",
            "The triennio is three years, from the plan's year to two years later: it is written backwards, does not cover three years, or the plan's year is not within it.",
            "anno 2024\ntriennio 2026-2024",
            "anno 2024\ntriennio 2024-2026",
        ),
        T0407 => e(
            "La `baseline` di un indicatore è il valore di partenza, misurato prima del triennio del piano (di solito l'anno precedente): una baseline per un anno del triennio o successivo è un avviso. Il valore è controllato come quello di un target (tipo e unità), o è `n.d.`.",
            "An indicator's `baseline` is the starting value, measured before the plan's triennio (usually the year before): a baseline for a year of the triennio or later is a warning. Its value is checked like a target's (kind and unit), or is `n.d.`.",
            "triennio 2024-2026\n...\nbaseline 2024 45%",
            "triennio 2024-2026\n...\nbaseline 2023 45%",
        ),
        W0501 => e(
            "I pesi degli indicatori di un obiettivo devono sommare esattamente a 100%, calcolati in decimale senza arrotondamenti. Pesi uguali arrotondati (3 × 33,3% = 99,9%, 6 × 16,7% = 100,2%) si scrivono con `pesi uguali` nell'obiettivo: ogni indicatore pesa esattamente 1/n.",
            "The weights of an objective's indicators must add up to exactly 100%, computed in decimal without rounding. Rounded equal weights (3 × 33,3% = 99,9%, 6 × 16,7% = 100,2%) are written with `pesi uguali` in the objective: each indicator weighs exactly 1/n.",
            "indicatore a { peso 33,3% }\nindicatore b { peso 33,3% }\nindicatore c { peso 33,3% }",
            "pesi uguali\n\nindicatore a { ... }\nindicatore b { ... }\nindicatore c { ... }",
        ),
        W0502 => e(
            "L'obiettivo dice `pesi uguali` ma un indicatore ha anche un suo `peso`: le due cose si contraddicono.",
            "The objective says `pesi uguali` but an indicator also has its own `peso`: the two contradict each other.",
            "pesi uguali\nindicatore a { peso 50% }",
            "pesi uguali\nindicatore a { ... }",
        ),
        W0503 => e(
            "Un peso è maggiore di 0% e al più 100% (il massimo di `punteggio` è almeno 100%). Un indicatore che non deve contare va tolto dall'obiettivo; un obiettivo che non pesa ma condiziona gli altri si scrive `prerequisito`.",
            "A weight is above 0% and at most 100% (the `punteggio` cap is at least 100%). An indicator that must not count should be removed from the objective; an objective that carries no weight but conditions the others is written `prerequisito`.",
            "indicatore a { peso 0% }\nindicatore b { peso 100% }",
            "indicatore b { peso 100% }",
        ),
        W0504 => e(
            "Un indicatore non ha `peso` e l'obiettivo non dice `pesi uguali`: non si sa quanto conti.",
            "An indicator has no `peso` and the objective does not say `pesi uguali`: how much it counts is unknown.",
            "indicatore eventi \"Eventi\" {\n  udm n.\n}",
            "indicatore eventi \"Eventi\" {\n  udm n.\n  peso 20%\n}",
        ),
        W0505 => e(
            "Gli obiettivi possono avere un `peso` nel piano (altrimenti contano tutti uguale): se uno ce l'ha, devono averlo tutti, e i pesi devono sommare a 100%. Un obiettivo che non pesa ma condiziona gli altri (la \"X\" nella colonna del peso di molti piani) si scrive `prerequisito` e non entra nella somma. Il controllo indica l'obiettivo senza `peso` né `prerequisito` e propone le due correzioni.",
            "Objectives may carry a `peso` in the plan (otherwise all count the same): if one has it, all must, and the weights must add up to 100%. An objective that carries no weight but conditions the others (the \"X\" in the weight column of many plans) is written `prerequisito` and is not part of the sum. The check points at the objective with neither `peso` nor `prerequisito` and offers both fixes.",
            "obiettivo 01_01_OS01 \"...\" { peso 60% }\nobiettivo 01_01_OS02 \"...\" { ... }",
            "obiettivo 01_01_OS01 \"...\" { peso 60% }\nobiettivo 01_01_OS02 \"...\" { peso 40% }",
        ),
        W0506 => e(
            "Un obiettivo `prerequisito` non pesa nella performance: la condiziona. Una riga `peso` nello stesso obiettivo contraddice `prerequisito`: va tolta l'una o l'altra.",
            "A `prerequisito` objective carries no weight in the performance: it conditions it. A `peso` line in the same objective contradicts `prerequisito`: remove one or the other.",
            "obiettivo 01_OS11 \"Pre requisito\" {\n  peso 10%\n  prerequisito\n}",
            "obiettivo 01_OS11 \"Pre requisito\" {\n  prerequisito\n}",
        ),
        C0601 => e(
            "La coppia missione/programma non è nel registro del comparto del piano: per `comparto camera` (e per un piano senza `comparto`) quello delle Camere di Commercio (D.M. 27/03/2013): 011/005, 012/004, 016/005, 032/002, 032/003, 033/001, 033/002, dove `11` si legge `011`; per `ente_locale` e `regione` le missioni e i programmi del D.Lgs. 118/2011 (allegato 14), a due cifre; per `stato` le 34 missioni del bilancio dello Stato; per `universita` quelle del D.I. 16/01/2014 n. 21. I codici sono riportati come scritti; se un altro comparto conosce il codice, l'aiuto lo dice.",
            "The mission/programme pair is not in the registry of the plan's comparto: for `comparto camera` (and a plan without `comparto`) that of Chambers of Commerce (D.M. 27/03/2013): 011/005, 012/004, 016/005, 032/002, 032/003, 033/001, 033/002, where `11` reads as `011`; for `ente_locale` and `regione` the missions and programmes of D.Lgs. 118/2011 (allegato 14), two digits each; for `stato` the 34 missions of the State budget; for `universita` those of D.I. 16/01/2014 n. 21. Codes are reported as written; if another comparto knows the code, the help says so.",
            "missione 011 programma 004",
            "missione 011 programma 005",
        ),
        C0602 => e(
            "Con la nota del 9/6/2015 (prot. 0087080) il MiSE ha chiesto alle camere di commercio di far rientrare le attività del programma 032.004 nel programma 032.003. È un avviso.",
            "With the note of 9/6/2015 (prot. 0087080) the MiSE asked chambers of commerce to report the activities of programme 032.004 under programme 032.003. It is a warning.",
            "missione 032 programma 004",
            "missione 032 programma 003",
        ),
        C0603 => e(
            "I codici degli obiettivi seguono `AA_SS_OSnn`, dove `AA_SS` è la linea strategica dichiarata con `strategico`. Un codice che inizia diversamente è un avviso: spesso è un errore di copia, ma se il codice è quello ufficiale va lasciato com'è.",
            "Objective codes follow `AA_SS_OSnn`, where `AA_SS` is the strategic line declared with `strategico`. A code starting otherwise is a warning: often a copying mistake, but if it is the official code it should stay as it is.",
            "obiettivo 03_04_OS04 \"Compliance\" {\n  strategico 03_01",
            "obiettivo 03_01_OS04 \"Compliance\" {\n  strategico 03_01",
        ),
        C0604 => e(
            "I codici delle linee strategiche seguono `AA_SS`, dove `AA` è il numero dell'ambito. Un codice che inizia diversamente è un avviso.",
            "Strategic line codes follow `AA_SS`, where `AA` is the ambito's number. A code starting otherwise is a warning.",
            "strategico 02_01 \"...\" { ambito 3 }",
            "strategico 03_01 \"...\" { ambito 3 }",
        ),
        C0606 => e(
            "Ogni comparto scrive i codici nella sua forma: due cifre per `ente_locale` e `regione` (`01`, `02`), tre per `stato` e `universita` (`011`), solo cifre per `altro`. Il controllo legge il codice nella forma giusta, così il resto del piano è controllato, e indica come scriverlo; `piano fmt` non cambia mai le cifre di un codice.",
            "Each comparto writes codes in its own form: two digits for `ente_locale` and `regione` (`01`, `02`), three for `stato` and `universita` (`011`), digits only for `altro`. The check reads the code in the right form, so the rest of the plan is checked, and says how to write it; `piano fmt` never changes a code's digits.",
            "piano \"PEG 2024\" {\n  comparto ente_locale\n}\nobiettivo 01 \"x\" {\n  missione 1 programma 2\n}",
            "piano \"PEG 2024\" {\n  comparto ente_locale\n}\nobiettivo 01 \"x\" {\n  missione 01 programma 02\n}",
        ),
        C0607 => e(
            "L'allegato 14 al D.Lgs. 118/2011 riserva alcuni programmi alle Regioni: quelli di \"Politica regionale unitaria\" di ogni missione, l'edilizia scolastica (04/03) e la cooperazione territoriale (19/02). In un piano `comparto ente_locale` è un avviso.",
            "Allegato 14 of D.Lgs. 118/2011 reserves some programmes to regions: the \"Politica regionale unitaria\" programme of every mission, school buildings (04/03) and territorial cooperation (19/02). In a `comparto ente_locale` plan it is a warning.",
            "missione 01 programma 12",
            "missione 01 programma 11",
        ),
        C0608 => e(
            "Il blocco `piano` non dice di quale comparto è l'amministrazione: `camera`, `ente_locale`, `regione`, `stato`, `universita` o `altro`. Senza, missioni e programmi si controllano con il registro delle Camere di Commercio e ogni campo di una scheda PIRA è obbligatorio, come prima; il comparto dice quale registro vale e quali campi servono.",
            "The `piano` block does not say which comparto the administration belongs to: `camera`, `ente_locale`, `regione`, `stato`, `universita` or `altro`. Without it, missions and programmes are checked against the Chambers of Commerce's registry and every field of a PIRA card is required, as before; the comparto says which registry applies and which fields are needed.",
            "piano \"PIRA 2024\" {\n  ente \"Camera di Commercio di ...\"\n  anno 2024\n}",
            "piano \"PIRA 2024\" {\n  ente \"Camera di Commercio di ...\"\n  comparto camera\n  anno 2024\n}",
        ),
        C0605 => e(
            "Le risorse di un obiettivo sono un importo positivo in euro, oppure `risorse interne`.",
            "An objective's resources are a positive amount in euros, or `risorse interne`.",
            "risorse -5.000,00 €",
            "risorse 5.000,00 €",
        ),
        P0125 => e(
            "Un target non fissato si scrive `target ANNO n.d.`: un comparatore davanti a `n.d.` (`>= n.d.`) non dice nulla di più e fa pensare a un valore dimenticato.",
            "A target not set is written `target YEAR n.d.`: a comparator before `n.d.` (`>= n.d.`) says nothing more and suggests a forgotten value.",
            "target 2025 >= n.d.",
            "target 2025 n.d.",
        ),
        P0126 => e(
            "Il numero ha troppi decimali: al più 10 dopo la virgola (e al più 15 cifre prima). Entro questo intervallo ogni somma, quota e rapporto si calcola esattamente; un valore così piccolo, come `0,0000000000001`, verrebbe mostrato come 0 in ogni report. Il messaggio propone il numero arrotondato a 10 decimali.",
            "The number has too many decimals: at most 10 after the comma (and at most 15 digits before it). Within this range every sum, share and ratio is computed exactly; a value this small, such as `0,0000000000001`, would show as 0 in every report. The message offers the number rounded to 10 decimals.",
            "target 2024 >= 0,000000000001%",
            "target 2024 >= 0,01%",
        ),
        P0127 => e(
            "Il piano contiene caratteri di controllo (codici U+0000–U+001F, U+007F–U+009F, tranne tabulazione e fine riga): non si vedono in un editor, e stampati su un terminale possono cambiarne la visualizzazione (una sequenza `ESC [2J` cancella lo schermo). Arrivano di solito copiando il testo da un altro programma. Vanno tolti; nelle diagnostiche e nel report di testo `piano` li mostra come `\\x1b`.",
            "The plan holds control characters (codes U+0000–U+001F, U+007F–U+009F, except tab and line ends): they cannot be seen in an editor, and printed on a terminal they can change what it shows (an `ESC [2J` sequence clears the screen). They usually come from text copied from another program. Remove them; in diagnostics and in the text report `piano` shows them as `\\x1b`.",
            "ente \"Camera di Commercio␛[2J\"    # ␛ sta per il carattere invisibile ESC",
            "ente \"Camera di Commercio\"",
        ),
        P0128 => e(
            "I numeri non si scrivono in notazione scientifica (`1e9`, `2,5E-3`), come la esportano alcuni fogli di calcolo: si scrivono per intero, all'italiana. Il messaggio propone il numero scritto così.",
            "Numbers are not written in scientific notation (`1e9`, `2,5E-3`), as some spreadsheets export them: they are written in full, the Italian way. The message offers the number written so.",
            "risorse 1,5e6 €",
            "risorse 1.500.000 €",
        ),
        P0129 => e(
            "Una data ha l'anno di quattro cifre: `31/12/99999` o `31/12/24` non sono date possibili. Le date si scrivono giorno/mese/anno, con l'anno intero.",
            "A date has a four-digit year: `31/12/99999` or `31/12/24` are not possible dates. Dates are written day/month/year, with the whole year.",
            "target 2024 entro 31/12/24",
            "target 2024 entro 31/12/2024",
        ),
        P0140 => e(
            "Un testo è tra virgolette tipografiche (“ ” o « »), come le scrive Word, invece che tra virgolette diritte `\"`. Il testo è letto lo stesso; è un avviso, e `piano check --fix` (o `piano fmt`) scrive le virgolette diritte.",
            "A text is between typographic quotes (“ ” or « »), as Word writes them, instead of straight quotes `\"`. The text is read all the same; it is a warning, and `piano check --fix` (or `piano fmt`) writes straight quotes.",
            "ufficio “Punto impresa digitale”",
            "ufficio \"Punto impresa digitale\"",
        ),
        P0124 => e(
            "Un numero ha un'unità sola: `€ 5 €` o `5 € %` non hanno senso.",
            "A number has one unit: `€ 5 €` or `5 € %` make no sense.",
            "risorse € 9.100,00 €",
            "risorse 9.100,00 €",
        ),
        M0701 => e(
            "Il file delle misure è vuoto. Il file da compilare si ottiene con `piano template PIANO`: ha una riga per ogni codice che il piano usa.",
            "The measurement file is empty. The file to fill in comes from `piano template PLAN`: it has a row for every code the plan uses.",
            "",
            "codice;valore;nota\n01_01_OS01.eventi;1;\nrilevazione;30/06/2024;",
        ),
        M0702 => e(
            "La prima riga del file delle misure nomina le colonne, separate da `;`: `codice` e `valore` sono obbligatorie, `nota`, `udm` e `descrizione` facoltative. Un file salvato da Excel con la virgola come separatore non si legge: va salvato come CSV con il punto e virgola.",
            "The first line of a measurement file names the columns, separated by `;`: `codice` and `valore` are required, `nota`, `udm` and `descrizione` optional. A file saved by Excel with commas as separators cannot be read: save it as CSV with semicolons.",
            "01_01_OS01.eventi;1;\nrilevazione;30/06/2024;",
            "codice;valore;nota\n01_01_OS01.eventi;1;\nrilevazione;30/06/2024;",
        ),
        M0703 => e(
            "L'intestazione nomina una colonna che il file delle misure non prevede. Le colonne sono `codice`, `valore`, `nota`, `udm` e `descrizione`: nessuna colonna viene ignorata in silenzio.",
            "The header names a column that measurement files do not have. The columns are `codice`, `valore`, `nota`, `udm` and `descrizione`: no column is silently ignored.",
            "codice;valore;note",
            "codice;valore;nota",
        ),
        M0704 => e(
            "Una colonna compare due volte nell'intestazione: quale delle due vale?",
            "A column appears twice in the header: which one counts?",
            "codice;valore;valore",
            "codice;valore;nota",
        ),
        M0705 => e(
            "Ogni riga ha tante celle quante ne nomina l'intestazione, anche vuote. Una cella in più di solito è un `;` dentro una nota: i testi che contengono `;` vanno tra virgolette.",
            "Every row has as many cells as the header names, empty ones included. One cell too many is usually a `;` inside a note: texts holding `;` go in quotes.",
            "codice;valore;nota\n01_01_OS01.eventi;1;dato; provvisorio",
            "codice;valore;nota\n01_01_OS01.eventi;1;\"dato; provvisorio\"",
        ),
        M0706 => e(
            "Una cella che inizia con `\"` continua fino alla `\"` che la chiude, anche su più righe: se manca, tutto il resto del file finirebbe nella cella. Le virgolette dentro un testo si scrivono doppie (`\"\"`).",
            "A cell starting with `\"` goes on to the `\"` that closes it, across lines too: without it, the rest of the file would end up in the cell. Quotes inside a text are doubled (`\"\"`).",
            "codice;valore;nota\n01_01_OS01.eventi;1;\"dato provvisorio",
            "codice;valore;nota\n01_01_OS01.eventi;1;\"dato provvisorio\"",
        ),
        M0707 => e(
            "Una riga ha dei valori ma nessun codice nella colonna `codice`: non si sa a che cosa si riferisca.",
            "A row has values but no code in the `codice` column: there is no telling what it refers to.",
            "codice;valore;nota\n;12;",
            "codice;valore;nota\n01_01_OS01.eventi;12;",
        ),
        M0708 => e(
            "Il codice non corrisponde a nessuna misura né a nessun indicatore misurato del piano. I codici sono `OBIETTIVO.indicatore` per un indicatore misurato, `OBIETTIVO.misura` per una misura dell'obiettivo (anche quelle dei modelli) e il nome per una misura globale. `piano template PIANO` li elenca tutti.",
            "The code matches no measure and no measured indicator of the plan. Codes are `OBJECTIVE.indicator` for a measured indicator, `OBJECTIVE.measure` for an objective's measure (template measures included) and the name for a global measure. `piano template PLAN` lists them all.",
            "01_01_OS01.eventti;1;",
            "01_01_OS01.eventi;1;",
        ),
        M0709 => e(
            "Lo stesso codice compare in due righe: il controllo non sceglie quale valore tenere.",
            "The same code appears on two rows: the check does not choose which value to keep.",
            "01_01_OS01.eventi;1;\n01_01_OS01.eventi;2;",
            "01_01_OS01.eventi;2;",
        ),
        M0710 => e(
            "Il valore non si legge: i valori si scrivono come nel piano, con i numeri all'italiana (`1.234,56`, `46,56%`, `30.789,29 €`), le date giorno/mese/anno (`31/12/2024`), `sì`, `no` e `n.d.`.",
            "The value cannot be read: values are written as in the plan, with Italian numbers (`1.234,56`, `46,56%`, `30.789,29 €`), dates day/month/year (`31/12/2024`), `sì`, `no` and `n.d.`.",
            "01_01_OS01.risorse_utilizzate;30789.29;",
            "01_01_OS01.risorse_utilizzate;30.789,29 €;",
        ),
        M0711 => e(
            "L'unità scritta accanto al valore contraddice la `udm` che il piano dichiara per quel codice (per esempio `€` per un indicatore in `%`).",
            "The unit written beside the value contradicts the `udm` the plan declares for that code (for example `€` for an indicator in `%`).",
            "03_01_OS05.personale;65 gg;",
            "03_01_OS05.personale;65%;",
        ),
        M0712 => e(
            "Per un codice in `%` il valore va scritto con il segno `%`: `0,5` potrebbe voler dire 0,5% o 50%, e il controllo non indovina.",
            "For a code in `%` the value is written with the `%` sign: `0,5` could mean 0.5% or 50%, and the check does not guess.",
            "01_01_OS04.cronoprogramma;100;",
            "01_01_OS04.cronoprogramma;100%;",
        ),
        M0713 => e(
            "Il valore è del tipo sbagliato per la `udm` del codice: una scadenza (`udm data`) vuole la data in cui è stata rispettata o `no`; un `sì/no` vuole `sì` o `no`; un numero vuole un numero (`0` se non si è fatto nulla, `n.d.` se il dato non c'è); la riga `rilevazione` vuole una data.",
            "The value is of the wrong kind for the code's `udm`: a deadline (`udm data`) takes the date it was met or `no`; a `sì/no` takes `sì` or `no`; a number takes a number (`0` if nothing was done, `n.d.` if the figure is not available); the `rilevazione` row takes a date.",
            "03_04_OS04.antiriciclaggio_formazione;no;",
            "03_04_OS04.antiriciclaggio_formazione;0;",
        ),
        M0714 => e(
            "L'indicatore ha una `formula` nel piano: il suo valore si calcola dalle misure e non si scrive nel file. Vanno scritti invece i valori delle misure che la formula usa.",
            "The indicator has a `formula` in the plan: its value is computed from measures and is not written in the file. Give the values of the measures the formula uses instead.",
            "01_01_OS01.risorse;7%;",
            "01_01_OS01.risorse_utilizzate;30.789,29 €;\n01_01_OS01.risorse_stanziate;439.846,96 €;",
        ),
        M0715 => e(
            "La colonna `udm` (quella che `piano template` stampa) deve dire la stessa unità del piano: se non coincide, o il file è di un altro piano o uno dei due va corretto. Una cella vuota va bene.",
            "The `udm` column (the one `piano template` prints) must give the plan's unit: if it differs, either the file belongs to another plan or one of the two needs correcting. An empty cell is fine.",
            "codice;valore;udm\n01_01_OS01.eventi;1;%",
            "codice;valore;udm\n01_01_OS01.eventi;1;n.",
        ),
        M0716 => e(
            "Il piano usa dei codici che il file delle misure non dà (o dà con la cella del valore vuota): contano come n.d. È un avviso, elencato una volta sola. Se un dato non c'è, scrivere `n.d.` nella sua riga mostra che non è una dimenticanza.",
            "The plan uses codes the measurement file does not give (or gives with an empty value cell): they count as n.d. It is a warning, listed once. If a figure is not available, writing `n.d.` on its row shows it was not forgotten.",
            "codice;valore;nota\n01_01_OS01.eventi;1;",
            "codice;valore;nota\n01_01_OS01.eventi;1;\n01_01_OS01.assessment;n.d.;",
        ),
        M0717 => e(
            "Il file delle misure in forma JSON non è JSON valido nel punto indicato (una virgola in più o in meno, virgolette o parentesi non chiuse).",
            "The measurement file in JSON form is not valid JSON at the point shown (a comma too many or missing, unclosed quotes or brackets).",
            "{\"rilevazione\": \"2024-06-30\", \"valori\": [{\"codice\": \"01_01_OS01.eventi\", \"valore\": 1,}]}",
            "{\"rilevazione\": \"2024-06-30\", \"valori\": [{\"codice\": \"01_01_OS01.eventi\", \"valore\": 1}]}",
        ),
        M0718 => e(
            "Il file delle misure in forma JSON è un oggetto con `valori` (una lista di righe `{\"codice\", \"valore\", \"nota\"}`) e facoltativamente `rilevazione`. I valori sono numeri (le percentuali in punti: 46.56 vuol dire 46,56%), testi scritti come nel piano, `true`/`false` per sì/no e `null` per n.d.",
            "The measurement file in JSON form is an object with `valori` (a list of rows `{\"codice\", \"valore\", \"nota\"}`) and optionally `rilevazione`. Values are numbers (percentages in points: 46.56 means 46.56%), texts written as in the plan, `true`/`false` for yes/no and `null` for n.d.",
            "[{\"01_01_OS01.eventi\": 1}]",
            "{\"rilevazione\": \"2024-06-30\", \"valori\": [{\"codice\": \"01_01_OS01.eventi\", \"valore\": 1}]}",
        ),
        M0730 => e(
            "Il file delle misure contiene testo rovinato dalla codifica: `â‚¬` al posto di `€`, `Ã¬` al posto di `ì`, `Ã¨` al posto di `è`. Succede quando un file UTF-8 viene aperto come Windows-1252 (Excel con un CSV senza BOM) e poi salvato. È una sola diagnostica per tutto il file: le celle rovinate non danno altri errori di unità o di valore. `piano template` scrive ora il CSV con il BOM, che Excel apre bene; per i file già rovinati si riparte da un modello nuovo, oppure si correggono le celle e si salva come «CSV UTF-8».",
            "The measurement file holds text garbled by the encoding: `â‚¬` instead of `€`, `Ã¬` instead of `ì`, `Ã¨` instead of `è`. It happens when a UTF-8 file is opened as Windows-1252 (Excel with a CSV without a BOM) and saved again. It is one diagnostic for the whole file: the garbled cells give no further unit or value errors. `piano template` now writes the CSV with a BOM, which Excel opens right; files already garbled start again from a new template, or have their cells corrected and are saved as \"CSV UTF-8\".",
            "codice;valore;nota\n01_01_OS01.eventi;3;Ã¨ un dato provvisorio",
            "codice;valore;nota\n01_01_OS01.eventi;3;è un dato provvisorio",
        ),
        M0731 => e(
            "La cartella di lavoro (`.xlsx` o `.ods`) non si può leggere: è danneggiata, è protetta da una password, è nel vecchio formato `.xls` (o `.xlsb`), oppure non ha fogli. Si legge il formato `.xlsx` di Excel e `.ods` di LibreOffice; la protezione del foglio senza password, come nel modello, va bene.",
            "The workbook (`.xlsx` or `.ods`) cannot be read: it is damaged, protected by a password, in the old `.xls` (or `.xlsb`) format, or has no sheets. Excel's `.xlsx` and LibreOffice's `.ods` are read; sheet protection without a password, as in the template, is fine.",
            "piano eval piano.piano piano.docx",
            "piano eval piano.piano misure.csv",
        ),
        M0732 => e(
            "Una cella della cartella di lavoro contiene un errore del foglio di calcolo (`#DIV/0!`, `#VALORE!`, `#N/D`...) invece di un valore. Va corretta la formula, o scritto il valore; se il dato non c'è si scrive `n.d.`. Negli esempi, `[Misure]` apre un foglio, le celle di una riga sono separate da `|`, e `3 [Generale]` è una cella che mostra 3 con il formato Generale.",
            "A cell of the workbook holds a spreadsheet error (`#DIV/0!`, `#VALUE!`, `#N/A`...) instead of a value. Correct the formula or type the value; if the figure is not available, write `n.d.`. In the examples, `[Misure]` starts a sheet, the cells of a row are separated by `|`, and `3 [Generale]` is a cell that shows 3 with the General format.",
            "[Misure]\ncodice | valore\n01_01_OS01.eventi | #DIV/0!",
            "[Misure]\ncodice | valore\n01_01_OS01.eventi | 3 [Generale]",
        ),
        M0733 => e(
            "In una riga in `%` della cartella di lavoro c'è un numero in una cella che non ha il formato percentuale. Una cella formattata come percentuale contiene la frazione (0,8 si vede come 80%) e si legge così; un numero senza formato è ambiguo: `80` può voler dire 80% o 8000%, `0,8` può voler dire 80% o 0,8%. Il controllo non indovina: si scrive il valore con il segno `%`, o si dà alla cella il formato «Percentuale». Negli esempi, `[Misure]` apre un foglio, le celle di una riga sono separate da `|`, e `3 [Generale]` è una cella che mostra 3 con il formato Generale.",
            "In a `%` row of the workbook there is a number in a cell without the percentage format. A cell formatted as a percentage holds the fraction (0.8 shows as 80%) and is read so; a number without the format is ambiguous: `80` may mean 80% or 8000%, `0,8` may mean 80% or 0.8%. The check does not guess: type the value with the `%` sign, or give the cell the \"Percentage\" format. In the examples, `[Misure]` starts a sheet, the cells of a row are separated by `|`, and `3 [Generale]` is a cell that shows 3 with the General format.",
            "[Misure]\ncodice | valore\n01_01_OS04.cronoprogramma | 100 [Generale]",
            "[Misure]\ncodice | valore\n01_01_OS04.cronoprogramma | 100% [Percentuale]",
        ),
        M0734 => e(
            "La cartella di lavoro viene da un modello di `piano template` fatto per un'altra versione del piano: la sua impronta (un hash dei codici e delle unità che il piano chiedeva) non è quella del piano attuale. L'avviso dice quali codici mancano, quali non servono più e quali hanno cambiato unità. Conviene generare un modello nuovo e riportare i valori. Negli esempi, `[Misure]` apre un foglio, le celle di una riga sono separate da `|`, e `3 [Generale]` è una cella che mostra 3 con il formato Generale.",
            "The workbook comes from a `piano template` template made for another version of the plan: its fingerprint (a hash of the codes and units the plan needed) is not the current plan's. The warning says which codes are missing, which are no longer needed and which changed unit. Make a new template and copy the values. In the examples, `[Misure]` starts a sheet, the cells of a row are separated by `|`, and `3 [Generale]` is a cell that shows 3 with the General format.",
            "[Misure]\ncodice | valore\n01_01_OS01.eventi | 3 [Generale]\n[_piano]\nimpronta | (quella di un'altra versione del piano)\ncodice | udm\n01_01_OS01.eventi | n.\n01_01_OS01.vecchio | n.",
            "[Misure]\ncodice | valore\n01_01_OS01.eventi | 3 [Generale]\n[_piano]\nimpronta | (quella del piano)\ncodice | udm\n01_01_OS01.eventi | n.",
        ),
        M0735 => e(
            "Dalla cartella di lavoro fatta con `piano template` è stata cancellata una riga che il piano chiede. Le righe del modello non si cancellano: se un dato non c'è, si scrive `n.d.` nella sua cella `valore`, così si vede che non è una dimenticanza. Negli esempi, `[Misure]` apre un foglio, le celle di una riga sono separate da `|`, e `3 [Generale]` è una cella che mostra 3 con il formato Generale.",
            "A row the plan needs was deleted from the workbook made by `piano template`. The template's rows are not deleted: if a figure is not available, write `n.d.` in its `valore` cell, so that it shows it was not forgotten. In the examples, `[Misure]` starts a sheet, the cells of a row are separated by `|`, and `3 [Generale]` is a cell that shows 3 with the General format.",
            "[Misure]\ncodice | valore\n01_01_OS01.eventi | (riga cancellata)\n[_piano]\nimpronta | (quella del piano)\ncodice | udm\n01_01_OS01.eventi | n.",
            "[Misure]\ncodice | valore\n01_01_OS01.eventi | n.d.\n[_piano]\nimpronta | (quella del piano)\ncodice | udm\n01_01_OS01.eventi | n.",
        ),
        M0736 => e(
            "Nella cartella di lavoro ci sono celle piene in una colonna che non ha un nome nella riga d'intestazione: non verrebbero lette, e un valore scritto nella colonna sbagliata andrebbe perso senza che nessuno se ne accorga. I valori vanno nella colonna `valore`, i commenti nella colonna `nota`. Negli esempi, `[Misure]` apre un foglio, le celle di una riga sono separate da `|`, e `3 [Generale]` è una cella che mostra 3 con il formato Generale.",
            "The workbook has filled cells in a column with no name in the header row: they would not be read, and a value typed in the wrong column would be lost without anyone noticing. Values go in the `valore` column, comments in the `nota` column. In the examples, `[Misure]` starts a sheet, the cells of a row are separated by `|`, and `3 [Generale]` is a cell that shows 3 with the General format.",
            "[Misure]\ncodice | valore | nota\n01_01_OS01.eventi |  |  | 3 [Generale]",
            "[Misure]\ncodice | valore | nota\n01_01_OS01.eventi | 3 [Generale] | ",
        ),
        M0737 => e(
            "La cartella di lavoro ha un foglio con del contenuto che non viene letto: i valori si leggono solo dal foglio `Misure` (o dal primo foglio, se `Misure` non c'è). L'avviso c'è perché nessun valore vada perso in silenzio; il foglio `Istruzioni` del modello è escluso. Negli esempi, `[Misure]` apre un foglio, le celle di una riga sono separate da `|`, e `3 [Generale]` è una cella che mostra 3 con il formato Generale.",
            "The workbook has a sheet with content that is not read: values are read only from the sheet `Misure` (or the first sheet, when there is no `Misure`). The warning is there so that no value is lost silently; the template's `Istruzioni` sheet is left out. In the examples, `[Misure]` starts a sheet, the cells of a row are separated by `|`, and `3 [Generale]` is a cell that shows 3 with the General format.",
            "[Misure]\ncodice | valore\n01_01_OS01.eventi | 3 [Generale]\n[Foglio2]\n01_01_OS01.eventi | 4 [Generale]",
            "[Misure]\ncodice | valore\n01_01_OS01.eventi | 3 [Generale]",
        ),
        E0801 => e(
            "Una formula divide per una misura che vale 0: l'indicatore è \"non calcolabile\", resta fuori dalla media del suo obiettivo e la valutazione continua. È un avviso. Se il dato in realtà manca, va scritto `n.d.` e non 0.",
            "A formula divides by a measure whose value is 0: the indicator is \"not computable\", is left out of its objective's mean, and the evaluation goes on. It is a warning. If the figure is in fact missing, write `n.d.`, not 0.",
            "01_02_OS01.risorse_stanziate;0,00 €;",
            "01_02_OS01.risorse_stanziate;357.416,65 €;",
        ),
        E0802 => e(
            "Una formula, o la performance di un indicatore, non si può calcolare con i valori dati: il risultato è fuori dall'intervallo dei numeri (da -999.999.999.999.999 a 999.999.999.999.999, lo stesso dei valori scritti), un passaggio supera le 28 cifre dell'aritmetica decimale esatta, o si combina una data con un numero. L'indicatore è \"non calcolabile\" e la valutazione continua.",
            "A formula, or an indicator's performance, cannot be computed with the given values: the result is outside the range of numbers (from -999.999.999.999.999 to 999.999.999.999.999, the same as for written values), a step exceeds the 28 digits of exact decimal arithmetic, or a date is combined with a number. The indicator is \"not computable\" and the evaluation goes on.",
            "02_01_OS01.aderenti_cassetto;999.999.999.999.999;\nimprese_registrate;0,0000000001;",
            "02_01_OS01.aderenti_cassetto;30.026;\nimprese_registrate;64.488;",
        ),
        E0803 => e(
            "L'anno valutato deve essere un anno del triennio del piano. È `--year` se indicato, altrimenti l'anno della data di rilevazione (`--as-of` o la riga `rilevazione`), altrimenti l'`anno` del piano.",
            "The scored year must be a year of the plan's triennio. It is `--year` if given, else the year of the monitoring date (`--as-of` or the `rilevazione` row), else the plan's `anno`.",
            "piano eval piano.piano misure.csv --year 2030",
            "piano eval piano.piano misure.csv --year 2025",
        ),
        E0804 => e(
            "Il file delle misure non ha la riga `rilevazione` e non è stato indicato `--as-of`: la data di rilevazione si assume al 31/12 dell'anno valutato. La data decide quali scadenze sono passate e quali sono \"in corso\".",
            "The measurement file has no `rilevazione` row and `--as-of` was not given: the monitoring date is taken as 31/12 of the scored year. The date decides which deadlines have passed and which are \"in progress\".",
            "codice;valore;nota\n01_01_OS01.eventi;1;",
            "codice;valore;nota\n01_01_OS01.eventi;1;\nrilevazione;30/06/2024;",
        ),
        E0810 => e(
            "`piano eval` con più file delle misure fa un report con una colonna per data di rilevazione, dalla più vecchia: due file con la stessa data (la riga `rilevazione`, o il 31/12 assunto quando manca) darebbero due colonne uguali. Di solito è lo stesso file indicato due volte, o una data non aggiornata.",
            "`piano eval` with several measurement files makes one report with a column per monitoring date, oldest first: two files with the same date (the `rilevazione` row, or the 31/12 assumed when it is missing) would give two identical columns. Usually it is the same file given twice, or a date left unchanged.",
            "piano eval piano.piano misure-2024-06-30.csv misure-2024-06-30.csv",
            "piano eval piano.piano misure-2024-06-30.csv misure-2024-12-31.csv",
        ),
        E0811 => e(
            "I file delle misure di un report con più date devono valutare lo stesso anno, cioè usare gli stessi target: l'anno valutato è quello della data di rilevazione. Per confrontare due anni sugli stessi target si indica l'anno con `--year`; altrimenti si fa un report per anno.",
            "The measurement files of a report with several dates must score the same year, that is use the same targets: the scored year is the monitoring date's. To compare two years against the same targets give the year with `--year`; otherwise make one report per year.",
            "piano eval piano.piano misure-2024-12-31.csv misure-2025-06-30.csv",
            "piano eval piano.piano misure-2024-06-30.csv misure-2024-12-31.csv",
        ),
    }
}

/// The known codes nearest to an unknown one, for "did you mean" (`W050` → `W0501` …
/// `W0506`, `C603` → `C0603`, `W0510` → `W0501`): the codes it begins, else those one
/// character away. At most ten, in order.
pub fn nearest(text: &str) -> Vec<Code> {
    let upper = text.trim().to_ascii_uppercase();
    if upper.is_empty() {
        return Vec::new();
    }
    let starting: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| c.as_str().starts_with(&upper))
        .collect();
    let near = if starting.is_empty() {
        Code::ALL
            .iter()
            .copied()
            .filter(|c| {
                let name = c.as_str();
                strsim::osa_distance(name, &upper) <= 1
            })
            .collect()
    } else {
        starting
    };
    near.into_iter().take(10).collect()
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
