//! The slips people make when editing a rule file, recognised from the characters where the
//! parser stopped (`=` for `==`, `&&`, typographic quotes, a text never closed, day-first
//! dates, `.` in a paragraph number) or from the shape of a statement's line.

use super::around::{closing_quote, current_line, previous_token};
use crate::vocab::Wording;

/// A slip recognised from the characters at the error: what it is, and how long.
pub(super) fn slip(rest: &str, before: &str) -> Option<(Wording, usize)> {
    let two = rest.get(..2).unwrap_or(rest);
    let first = rest.chars().next()?;
    let found = match first {
        '=' if two != "==" => (
            Wording::new(
                "`=`: to compare, write `==`",
                "`=`: для сравнения пишите `==`",
                "`=`: салыстыру үшін `==` деп жазыңыз",
            ),
            1,
        ),
        '&' if two == "&&" => (
            Wording::new(
                "`&&`: write `and`",
                "`&&`: пишите `and`",
                "`&&`: `and` деп жазыңыз",
            ),
            2,
        ),
        '|' if two == "||" => (
            Wording::new(
                "`||`: write `or`",
                "`||`: пишите `or`",
                "`||`: `or` деп жазыңыз",
            ),
            2,
        ),
        '!' if two != "!=" => (
            Wording::new(
                "`!`: write `not`",
                "`!`: пишите `not`",
                "`!`: `not` деп жазыңыз",
            ),
            1,
        ),
        '“' | '”' | '„' | '«' | '»' | '‘' | '’' => (
            Wording::new(
                format!(
                    "typographic quote `{first}`: write texts in straight quotes, like `\"…\"`"
                ),
                format!(
                    "типографская кавычка `{first}`: пишите тексты в прямых кавычках, например `\"…\"`"
                ),
                format!(
                    "`{first}` типографиялық тырнақшасы: мәтіндерді `\"…\"` сияқты тік тырнақшамен жазыңыз"
                ),
            ),
            first.len_utf8(),
        ),
        '"' => {
            let after_allow = before
                .trim_end()
                .strip_suffix("because")
                .is_some_and(|b| b.trim_end().ends_with("allow"));
            return match closing_quote(rest) {
                None => Some((
                    Wording::new(
                        "quoted text that is not closed on its line: add the closing `\"` (write `\\n` for a line break inside a text)",
                        "текст в кавычках не закрыт в своей строке: добавьте закрывающую `\"` (для переноса строки внутри текста пишите `\\n`)",
                        "тырнақшадағы мәтін өз жолында жабылмаған: жабатын `\"` қосыңыз (мәтін ішінде жол ауыстыру үшін `\\n` деп жазыңыз)",
                    ),
                    rest.lines().next().map_or(1, str::len),
                )),
                Some(len) if after_allow => Some((
                    Wording::new(
                        "quoted text after `allow because`: the lint's name is missing",
                        "текст в кавычках после `allow because`: не указано имя проверки",
                        "`allow because` кейінгі тырнақшадағы мәтін: тексеру атауы жоқ",
                    ),
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
                Wording::new(
                    format!(
                        "`.` in a paragraph number: write a subparagraph in parentheses, like `{para}({sub})`"
                    ),
                    format!(
                        "`.` в номере пункта: подпункт пишите в скобках, например `{para}({sub})`"
                    ),
                    format!(
                        "тармақ нөміріндегі `.`: тармақшаны жақшаға алып жазыңыз, мысалы `{para}({sub})`"
                    ),
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
                Wording::new(
                    "`)`: list at least one value, like `one_of(foreigner, stateless)`",
                    "`)`: перечислите хотя бы одно значение, например `one_of(foreigner, stateless)`",
                    "`)`: кемінде бір мән жазыңыз, мысалы `one_of(foreigner, stateless)`",
                ),
                1,
            )
        }
        '(' if previous_token(before).is_some_and(|t| t == "one_of" || t == "set") => (
            Wording::new(
                "`(`: write the values as names separated by commas, like `one_of(foreigner, stateless)`",
                "`(`: пишите значения именами через запятую, например `one_of(foreigner, stateless)`",
                "`(`: мәндерді үтірмен бөлінген атаулар түрінде жазыңыз, мысалы `one_of(foreigner, stateless)`",
            ),
            1,
        ),
        _ => return None,
    };
    Some(found)
}

/// A date written day first (`23.03.2019`, `23/03/2019`), with the same date written year first.
fn day_first_date(rest: &str) -> Option<(Wording, usize)> {
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
            let iso = format!("{year}-{month:0>2}-{day:0>2}");
            let found = Wording::new(
                format!("`{token}`: write dates year first, like `{iso}`"),
                format!("`{token}`: пишите даты с года, например `{iso}`"),
                format!("`{token}`: күнді жылдан бастап жазыңыз, мысалы `{iso}`"),
            );
            Some((found, token.len()))
        }
        _ => None,
    }
}

/// `personal` written before a type (`birth_date: personal date`): it was read as the type, so
/// the parser stopped at the type itself.
pub(super) fn personal_before_type(before: &str, prev: Option<&str>) -> Option<Wording> {
    let head = before
        .trim_end()
        .strip_suffix(prev.filter(|p| *p == "personal")?)?;
    head.trim_end().ends_with(':').then(|| {
        Wording::new(
            "`personal` goes after the type, like `birth_date: date personal`",
            "`personal` пишется после типа, например `birth_date: date personal`",
            "`personal` түрден кейін жазылады, мысалы `birth_date: date personal`",
        )
    })
}

/// A statement whose keyword is right but whose shape is not, judged from the rest of its line.
pub(super) fn statement_slip(word: &str, rest: &str) -> Option<Wording> {
    let line = rest.lines().next().unwrap_or_default();
    let after = line.get(word.len()..).unwrap_or_default().trim();
    let (en, ru, kk) = match word {
        "weeks" | "week" => (
            "there is no unit of weeks; write them as days, like `14 calendar days`",
            "единицы «недели» нет; пишите дни, например `14 calendar days`",
            "«апта» өлшемі жоқ; күнмен жазыңыз, мысалы `14 calendar days`",
        ),
        "input" if !line.contains(':') => (
            "give the fact a type, like `input applicant.birth_date: date`",
            "укажите тип факта, например `input applicant.birth_date: date`",
            "фактінің түрін көрсетіңіз, мысалы `input applicant.birth_date: date`",
        ),
        "input" if after.ends_with(':') => (
            "name a type after `:`, like `date`, `bool`, `text` or `one_of(…)`",
            "укажите тип после `:`, например `date`, `bool`, `text` или `one_of(…)`",
            "`:` кейін түрді көрсетіңіз, мысалы `date`, `bool`, `text` немесе `one_of(…)`",
        ),
        "let" if !line.contains('=') => (
            "write `let name = condition`",
            "пишите `let name = condition`",
            "`let name = condition` деп жазыңыз",
        ),
        "personal" => (
            "`personal` marks an input, a field of a record or a document's fields: write it after the type, like `input applicant.birth_date: date personal`, or in a document, like `personal number`",
            "`personal` отмечает факт, поле записи или поля документа: пишите его после типа, например `input applicant.birth_date: date personal`, или в документе, например `personal number`",
            "`personal` фактіні, жазба өрісін немесе құжат өрістерін белгілейді: оны түрден кейін жазыңыз, мысалы `input applicant.birth_date: date personal`, немесе құжатта, мысалы `personal number`",
        ),
        "years" if after.contains('-') && !after.contains("..") => (
            "write a range of years with `..`, like `years 2015..2020`",
            "диапазон лет пишите через `..`, например `years 2015..2020`",
            "жылдар аралығын `..` арқылы жазыңыз, мысалы `years 2015..2020`",
        ),
        _ => return None,
    };
    Some(Wording::new(en, ru, kk))
}
