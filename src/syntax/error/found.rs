//! What stands where the parser stopped, in words: the token, the block it is in, and the
//! slips people make when editing a rule file (`=` for `==`, `&&`, typographic quotes,
//! day-first dates, misspelled or foreign keywords, a text never closed).

/// Declarations that open a block with `{`, so an error can say which block it is in.
const BLOCKS: &str = "service act calendar document refusal process view example";

/// Words of the language, for "did you mean".
const KEYWORDS: &str = "\
    act service calendar title kind issued issuer number registered published in_force amended \
    repealed annex excluded unknown standard timezone channel actor input document required \
    always when unless valid where matched refusal message quote source unverified note since \
    until allow because process view step within after parallel with maps term action example \
    bundle expect finding has_any true false list one_of weekend holiday working transfer \
    observed fixed years counting minutes minute hours hour days day months month year";

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
pub(super) fn describe_found(text: &str, context: usize, offset: usize) -> (String, usize) {
    let rest = text.get(offset..).unwrap_or("");
    let before = text.get(context.min(offset)..offset).unwrap_or("");
    let line_base = text.get(..context).map_or(0, |t| t.matches('\n').count());
    let block = open_block(before);
    let Some(first) = rest.chars().next() else {
        return match block {
            Some(header) => (format!("end of file: `{header}` has no closing `}}`"), 0),
            None => (String::from("end of file"), 0),
        };
    };
    if first == '\n' || first == '\r' {
        let found = match previous_token(before).filter(|t| is_one_of(CONTINUED, t)) {
            Some(prev) => format!("end of line right after `{prev}`"),
            None => String::from("end of line"),
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
        Some(len) => (String::from("quoted text"), len),
        None if word.is_empty() => (format!("`{first}`"), first.len_utf8()),
        None => (format!("`{word}`"), word.len()),
    };
    let prev = previous_token(before);
    if first == '}' && block.is_none() {
        return (String::from("`}`, which closes no block"), 1);
    }
    if let Some(line_slip) = statement_slip(&word, rest) {
        return (format!("{token}: {line_slip}"), len);
    }
    if let Some(line) = type_forgotten(before, prev) {
        return (
            format!(
                "{token}: the type after `:` on line {} is missing",
                line + line_base
            ),
            len,
        );
    }
    if let Some(line) = open_parenthesis(before).filter(|_| first != ')') {
        return (
            format!(
                "{token}: the `(` opened on line {} is not closed",
                line + line_base
            ),
            len,
        );
    }
    if is_one_of(RESERVED, &word) && prev.is_some_and(|p| is_one_of(NAMED, p)) {
        return (
            format!("{token}, a reserved word that cannot be a name"),
            len,
        );
    }
    let place = step_header(before).or_else(|| block.clone());
    if let Some(keyword) = did_you_mean(&word) {
        let place = place.map(|b| format!(" in `{b}`")).unwrap_or_default();
        return (format!("{token}{place} (did you mean `{keyword}`?)"), len);
    }
    if let Some(header) = &block {
        let kind = header.split_whitespace().next().unwrap_or_default();
        let top_level =
            word == "service" || (matches!(word.as_str(), "act" | "calendar") && kind != "service");
        let service_item = matches!(
            word.as_str(),
            "document" | "refusal" | "process" | "view" | "example"
        ) && kind != "service";
        if top_level || service_item {
            return (
                format!("{token} inside `{header}` (is its closing `}}` missing?)"),
                len,
            );
        }
    }
    if let Some(prev) = prev.filter(|t| is_one_of(CONTINUED, t)) {
        return (format!("{token} right after `{prev}`"), len);
    }
    match place {
        Some(header) => (format!("{token} in `{header}`"), len),
        None => (token, len),
    }
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
    let kind = words.next().filter(|k| *k == "step")?;
    Some(format!("{kind} {}", words.next()?))
}

/// The line of a `(` still open at the end of `before`, within the current block.
fn open_parenthesis(before: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut line = 1;
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.peek() == Some(&'/') => {
                while chars.peek().is_some_and(|n| *n != '\n') {
                    chars.next();
                }
            }
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
    words.split_whitespace().any(|w| w == word)
}

/// A slip recognised from the characters at the error: what it is, and how long.
fn slip(rest: &str, before: &str) -> Option<(String, usize)> {
    let two = rest.get(..2).unwrap_or(rest);
    let first = rest.chars().next()?;
    let found = match first {
        '=' if two != "==" => (String::from("`=`: to compare, write `==`"), 1),
        '&' if two == "&&" => (String::from("`&&`: write `and`"), 2),
        '|' if two == "||" => (String::from("`||`: write `or`"), 2),
        '!' if two != "!=" => (String::from("`!`: write `not`"), 1),
        '“' | '”' | '„' | '«' | '»' | '‘' | '’' => (
            format!("typographic quote `{first}`: write texts in straight quotes, like `\"…\"`"),
            first.len_utf8(),
        ),
        '"' => {
            let after_allow = before
                .trim_end()
                .strip_suffix("because")
                .is_some_and(|b| b.trim_end().ends_with("allow"));
            return match closing_quote(rest) {
                None => Some((
                    String::from(
                        "quoted text that is not closed on its line: add the closing `\"` (write `\\n` for a line break inside a text)",
                    ),
                    rest.lines().next().map_or(1, str::len),
                )),
                Some(len) if after_allow => Some((
                    String::from("quoted text after `allow because`: the lint's name is missing"),
                    len,
                )),
                Some(_) => None,
            };
        }
        '0'..='9' => return day_first_date(rest),
        '.' if before.ends_with(|c: char| c.is_ascii_digit())
            && current_line(before).contains('§') =>
        {
            let para: String = before
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let sub: String = rest
                .chars()
                .skip(1)
                .take_while(char::is_ascii_digit)
                .collect();
            let sub = if sub.is_empty() {
                String::from("2")
            } else {
                sub
            };
            (
                format!(
                    "`.` in a paragraph number: write a subparagraph in parentheses, like `{para}({sub})`"
                ),
                1,
            )
        }
        ')' if before
            .trim_end()
            .strip_suffix('(')
            .is_some_and(|b| b.trim_end().ends_with("one_of") || b.trim_end().ends_with("set")) =>
        {
            (
                String::from("`)`: list at least one value, like `one_of(foreigner, stateless)`"),
                1,
            )
        }
        '(' if previous_token(before).is_some_and(|t| t == "one_of" || t == "set") => (
            String::from(
                "`(`: write the values as names separated by commas, like `one_of(foreigner, stateless)`",
            ),
            1,
        ),
        _ => return None,
    };
    Some(found)
}

/// A date written day first (`23.03.2019`, `23/03/2019`), with the same date written year first.
fn day_first_date(rest: &str) -> Option<(String, usize)> {
    let token: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '/')
        .take(12)
        .collect();
    let parts: Vec<&str> = token.split(['.', '/']).collect();
    match parts.as_slice() {
        [day, month, year]
            if (1..=2).contains(&day.len())
                && (1..=2).contains(&month.len())
                && year.len() == 4 =>
        {
            let found =
                format!("`{token}`: write dates year first, like `{year}-{month:0>2}-{day:0>2}`");
            Some((found, token.len()))
        }
        _ => None,
    }
}

/// A statement whose keyword is right but whose shape is not, judged from the rest of its line.
fn statement_slip(word: &str, rest: &str) -> Option<&'static str> {
    let line = rest.lines().next().unwrap_or_default();
    let after = line.get(word.len()..).unwrap_or_default().trim();
    match word {
        "weeks" | "week" => {
            Some("there is no unit of weeks; write them as days, like `14 calendar days`")
        }
        "input" if !line.contains(':') => {
            Some("give the fact a type, like `input applicant.birth_date: date`")
        }
        "input" if after.ends_with(':') => {
            Some("name a type after `:`, like `date`, `bool`, `text` or `one_of(…)`")
        }
        "let" if !line.contains('=') => Some("write `let name = condition`"),
        "years" if after.contains('-') && !after.contains("..") => {
            Some("write a range of years with `..`, like `years 2015..2020`")
        }
        _ => None,
    }
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

/// The byte length of a quoted text at the start of `rest`, closing quote included; `None` if
/// the line ends first (a text cannot run on to the next line).
fn closing_quote(rest: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match c {
            '\n' => return None,
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The text of the line up to the end of `before`.
fn current_line(before: &str) -> &str {
    before
        .rfind('\n')
        .and_then(|i| before.get(i + 1..))
        .unwrap_or(before)
}

/// The last token before the error, skipping spaces: a word or an operator.
fn previous_token(before: &str) -> Option<&str> {
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map(|(i, _)| i);
    if let Some(start) = start {
        return trimmed.get(start..);
    }
    [
        "==", "!=", "<=", ">=", "<", ">", "+", "-", "§", "=", "(", ",",
    ]
    .into_iter()
    .find(|op| trimmed.ends_with(op))
}

/// The header of the innermost block still open at the end of `before` (`document passport`),
/// reading braces outside strings and comments.
fn open_block(before: &str) -> Option<String> {
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = before.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                while chars.peek().is_some_and(|(_, n)| *n != '\n') {
                    chars.next();
                }
            }
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
    if !BLOCKS.split_whitespace().any(|b| b == kind) {
        return None;
    }
    Some(match kind {
        "process" => String::from(kind),
        "example" => {
            let title = line.trim().strip_prefix("example")?.trim();
            let title: String = title.chars().take(50).collect();
            format!("example {title}")
        }
        _ => match words.next() {
            Some(name) => format!("{kind} {name}"),
            None => String::from(kind),
        },
    })
}
