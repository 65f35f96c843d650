//! What stands where the parser stopped, in words: the token, the block it is in, and the
//! slips people make when editing a rule file (`=` for `==`, `&&`, typographic quotes,
//! day-first dates, misspelled or foreign keywords, a text never closed).

use super::around::{closing_quote, current_line, previous_token};
use super::slips::{personal_before_type, slip, statement_slip};
use crate::syntax::keywords::english;
use crate::vocab::Wording;

/// Declarations that open a block with `{`, so an error can say which block it is in.
const BLOCKS: &str = "service act calendar document refusal process view example";

/// Words of the language, for "did you mean".
const KEYWORDS: &str = "\
    act service calendar title kind issued issuer number registered published in_force amended \
    repealed annex excluded unknown standard timezone channel actor input document required \
    always when unless valid where matched refusal message quote source unverified note since \
    until allow because process view step within after parallel with maps term action example \
    bundle expect finding others has_any true false list one_of weekend holiday working transfer \
    observed fixed years counting personal minutes minute hours hour days day months month year";

/// Words people write for a keyword of the language: other words, and Russian or Kazakh ones.
const SYNONYMS: &[(&str, &str)] = &[
    ("mandatory", "required"),
    ("obligatory", "required"),
    ("if", "when"),
    ("before", "after"),
    ("except", "unless"),
    ("документ", "document"),
    ("құжат", "document"),
    ("услуга", "service"),
    ("қызмет", "service"),
    ("акт", "act"),
    ("приказ", "act"),
    ("бұйрық", "act"),
    ("календарь", "calendar"),
    ("отказ", "refusal"),
    ("процесс", "process"),
    ("шаг", "step"),
    ("срок", "term"),
    ("мерзім", "term"),
    ("заголовок", "title"),
    ("сообщение", "message"),
];

/// Tokens after which something must follow: an error right after one means the rest is missing.
const CONTINUED: &str = "\
    == != <= >= < > + - § and or not when unless within after since until by in has has_any \
    where = act service calendar document refusal view step let input actor channel example \
    required valid title message";

/// Keywords followed by a name.
const NAMED: &str = "\
    act service calendar document refusal view step let input actor channel by after each";

/// Words the grammar reserves: they cannot be names.
const RESERVED: &str = "\
    act service calendar and or not in has_any has within after when where for each true false \
    document since until by unknown";

/// What stands at `offset`, in words, and how many bytes to underline.
///
/// Besides naming the token, this recognises the slips people make when editing a rule file
/// (`=` for `==`, `&&`, typographic quotes, day-first dates, misspelled keywords, a text that is
/// never closed) and names the block the error is in: a missing `}` only shows where the next
/// declaration starts, so the block it left open is the useful clue.
///
/// `context` is where the text that matters begins: the start of the declaration being read
/// (recovery reads declarations one by one, and a block left open by an earlier broken one must
/// not be blamed here). Line numbers are still counted from the start of the file.
pub(super) fn describe_found(text: &str, context: usize, offset: usize) -> (Wording, usize) {
    let rest = text.get(offset..).unwrap_or("");
    let before = text.get(context.min(offset)..offset).unwrap_or("");
    let line_base = text.get(..context).map_or(0, |t| t.matches('\n').count());
    let block = open_block(before);
    let Some(first) = rest.chars().next() else {
        return match block {
            Some(header) => (
                Wording::new(
                    format!("end of file: `{header}` has no closing `}}`"),
                    format!("конец файла: у `{header}` нет закрывающей `}}`"),
                    format!("файлдың соңы: `{header}` жабатын `}}` жоқ"),
                ),
                0,
            ),
            None => (
                Wording::new("end of file", "конец файла", "файлдың соңы"),
                0,
            ),
        };
    };
    let line_rest = rest.split('\n').next().unwrap_or("").trim();
    if first == '\n' || first == '\r' || line_rest.is_empty() || line_rest.starts_with("//") {
        let found = match previous_token(before).filter(|t| is_one_of(CONTINUED, t)) {
            Some(prev) => Wording::new(
                format!("end of line right after `{prev}`"),
                format!("конец строки сразу после `{prev}`"),
                format!("`{prev}` сөзінен кейін бірден жол соңы"),
            ),
            None => Wording::new("end of line", "конец строки", "жол соңы"),
        };
        return (found, 1);
    }
    if let Some(slip) = slip(rest, before) {
        return slip;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .take(40)
        .collect();
    let (token, len) = match (first == '"').then(|| closing_quote(rest)).flatten() {
        Some(len) => (
            Wording::new("quoted text", "текст в кавычках", "тырнақшадағы мәтін"),
            len,
        ),
        None if word.is_empty() => (Wording::same(format!("`{first}`")), first.len_utf8()),
        None => (Wording::same(format!("`{word}`")), word.len()),
    };
    let prev = previous_token(before);
    if first == '}' && block.is_none() {
        return (
            Wording::new(
                "`}`, which closes no block",
                "`}`, которая не закрывает никакой блок",
                "ешбір блокты жаппайтын `}`",
            ),
            1,
        );
    }
    if let Some(line_slip) = statement_slip(&word, rest) {
        return (token.join(": ", &line_slip), len);
    }
    if let Some(misplaced) = personal_before_type(before, prev) {
        return (token.join(": ", &misplaced), len);
    }
    if let Some(line) = type_forgotten(before, prev) {
        let line = line + line_base;
        return (
            token.join(
                ": ",
                &Wording::new(
                    format!("the type after `:` on line {line} is missing"),
                    format!("не хватает типа после `:` в строке {line}"),
                    format!("{line}-жолдағы `:` белгісінен кейін түр жоқ"),
                ),
            ),
            len,
        );
    }
    if let Some(line) = open_parenthesis(before).filter(|_| first != ')') {
        let line = line + line_base;
        return (
            token.join(
                ": ",
                &Wording::new(
                    format!("the `(` opened on line {line} is not closed"),
                    format!("скобка `(`, открытая в строке {line}, не закрыта"),
                    format!("{line}-жолда ашылған `(` жабылмаған"),
                ),
            ),
            len,
        );
    }
    if is_one_of(RESERVED, &word) && prev.is_some_and(|p| is_one_of(NAMED, p)) {
        return (
            token.join(
                ", ",
                &Wording::new(
                    "a reserved word that cannot be a name",
                    "зарезервированное слово, которое не может быть именем",
                    "атау бола алмайтын сақталған сөз",
                ),
            ),
            len,
        );
    }
    let place = step_header(before).or_else(|| block.clone());
    if let Some(keyword) = did_you_mean(&word) {
        // as the file's set writes it
        let set = crate::syntax::keywords::set_of(text);
        let keyword = crate::syntax::keywords::of_word(keyword)
            .filter(|k| k.en.contains(&keyword))
            .map_or(keyword, |k| k.translate(keyword, set));
        let place = place.map_or_else(Wording::default, |b| in_block(&b));
        let hint = Wording::new(
            format!(" (did you mean `{keyword}`?)"),
            format!(" (возможно, имелось в виду `{keyword}`?)"),
            format!(" (`{keyword}` деп жазғыңыз келді ме?)"),
        );
        return (token.join("", &place).join("", &hint), len);
    }
    if let Some(header) = &block {
        let kind = english(header.split_whitespace().next().unwrap_or_default());
        let word = english(&word);
        let top_level =
            word == "service" || (matches!(word, "act" | "calendar") && kind != "service");
        let service_item = matches!(
            word,
            "document" | "refusal" | "process" | "view" | "example"
        ) && kind != "service";
        if top_level || service_item {
            let inside = Wording::new(
                format!(" inside `{header}` (is its closing `}}` missing?)"),
                format!(" внутри `{header}` (не хватает закрывающей `}}`?)"),
                format!(" `{header}` ішінде (оны жабатын `}}` жоқ па?)"),
            );
            return (token.join("", &inside), len);
        }
    }
    if let Some(prev) = prev.filter(|t| is_one_of(CONTINUED, t)) {
        let after = Wording::new(
            format!(" right after `{prev}`"),
            format!(" сразу после `{prev}`"),
            format!(", `{prev}` сөзінен кейін бірден"),
        );
        return (token.join("", &after), len);
    }
    match place {
        Some(header) => (token.join("", &in_block(&header)), len),
        None => (token, len),
    }
}

/// ` in `document passport`` in three languages.
fn in_block(header: &str) -> Wording {
    Wording::new(
        format!(" in `{header}`"),
        format!(" в `{header}`"),
        format!(", `{header}` ішінде"),
    )
}

/// Where a line ends that stops right after a word that must be continued (`after`, `==`,
/// `and`, …), when the parser only noticed on a later line: the mistake is the end of that
/// line, not the first word of the next.
pub(super) fn unfinished_line_end(text: &str, context: usize, offset: usize) -> Option<usize> {
    let before = text.get(context.min(offset)..offset)?;
    let gap = before.len() - before.trim_end().len();
    let line_end = offset - gap;
    // the line before, without a comment
    let line_start = text.get(..line_end)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(line_start..line_end)?;
    let code = line
        .find("//")
        .map_or(line, |i| line.get(..i).unwrap_or(line));
    let crossed = text.get(line_start + code.len()..offset)?.contains('\n');
    let code = code.trim_end();
    let token = previous_token(code)?;
    (crossed && is_one_of(CONTINUED, token)).then_some(line_start + code.len())
}

/// The line of a `name:` whose type was forgotten, so that the first word of the next line was
/// read as the type (`input applicant.birth_date:` followed by `input …`).
fn type_forgotten(before: &str, prev: Option<&str>) -> Option<usize> {
    let head = before.trim_end().strip_suffix(prev?)?;
    let colon = head.trim_end();
    let gap = head.get(colon.len()..)?;
    (colon.ends_with(':') && gap.contains('\n')).then(|| colon.matches('\n').count() + 1)
}

/// `step file_formed` when the error is on a step's line.
fn step_header(before: &str) -> Option<String> {
    let mut words = current_line(before).split_whitespace();
    let kind = words.next().filter(|k| english(k) == "step")?;
    Some(format!("{kind} {}", words.next()?))
}

/// The line of a `(` still open at the end of `before`, within the current block.
fn open_parenthesis(before: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut line = 1;
    for (_, c) in crate::syntax::scan::code(before) {
        match c {
            '\n' => line += 1,
            '(' => open.push(line),
            ')' => {
                open.pop();
            }
            '{' | '}' => open.clear(),
            _ => {}
        }
    }
    open.last().copied()
}

/// Whether `word` is one of the space-separated `words`.
fn is_one_of(words: &str, word: &str) -> bool {
    let word = english(word);
    words.split_whitespace().any(|w| w == word)
}

/// A keyword close to a misspelled or foreign word.
fn did_you_mean(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    if let Some((_, keyword)) = SYNONYMS.iter().find(|(w, _)| *w == lower) {
        return Some(keyword);
    }
    let chars = lower.chars().count();
    if chars < 4 || !lower.is_ascii() || KEYWORDS.split_whitespace().any(|k| k == lower) {
        return None;
    }
    let limit = if chars <= 6 { 1 } else { 2 };
    KEYWORDS
        .split_whitespace()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), k))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

/// The header of the innermost block still open at the end of `before` (`document passport`),
/// reading braces outside strings and comments.
fn open_block(before: &str) -> Option<String> {
    let mut stack: Vec<Option<String>> = Vec::new();
    for (i, c) in crate::syntax::scan::code(before) {
        match c {
            '{' => stack.push(block_header(current_line(
                before.get(..i).unwrap_or_default(),
            ))),
            '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.into_iter().rev().flatten().next()
}

/// `document passport` from the line `  document passport {`; `None` for braces of other kinds.
fn block_header(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    let kind = words.next()?;
    if !BLOCKS.split_whitespace().any(|b| b == english(kind)) {
        return None;
    }
    Some(match english(kind) {
        "process" => String::from(kind),
        "example" => {
            let title = line.trim().strip_prefix(kind)?.trim();
            let title: String = title.chars().take(50).collect();
            format!("example {title}")
        }
        _ => match words.next() {
            Some(name) => format!("{kind} {name}"),
            None => String::from(kind),
        },
    })
}
