//! `unknown-lint`: an `allow` that names no lint.

use super::Context;
use super::elements::elements;
use super::registry::{LINTS, declare_lint};
use crate::codes;
use crate::diagnostic::{Edit, Label};
use crate::vocab::Wording;

declare_lint! {
    /// Finds an `allow NAME because "…"` whose `NAME` is neither the name nor the code of a
    /// lint, and offers the closest name. A Cyrillic letter drawn like a Latin one (`а` for
    /// `a`, U+0430, common in text copied from the law) is named in the message, and the fix
    /// writes the name in Latin letters.
    ///
    /// ## Why it matters
    /// A misspelt suppression suppresses nothing: the finding it meant to record as a known
    /// defect of the law still fails the run, and the reason written for it is lost from
    /// every listing. A suppression is part of the legal record of a rule file; it must name
    /// what it answers for.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   allow unknown-entry-into-forse because "the publication date is not known"
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    /// }
    /// ```
    pub static UNKNOWN_LINT = codes::UNKNOWN_LINT, Deny, check;
}

fn check(cx: &mut Context<'_>) {
    for el in elements(cx.files()) {
        for allow in &el.provenance.allows {
            let name = allow.lint.node.as_str();
            if super::lookup(name).is_some() {
                continue;
            }
            // a Cyrillic letter that looks Latin («а» for `a`): the Latin spelling, if a lint
            let latin: String = name
                .chars()
                .map(|c| latin_lookalike(c).unwrap_or(c))
                .collect();
            let near = super::lookup(&latin)
                .map(|l| l.code.name)
                .or_else(|| crate::suggest::suggest(&latin, LINTS.iter().map(|l| l.code.name)));
            let mut d = cx.finding(
                match foreign_letters(name) {
                    None => Wording::new(
                        format!("no lint is named `{name}`"),
                        format!("нет проверки с именем `{name}`"),
                        format!("`{name}` деп аталатын тексеру жоқ"),
                    ),
                    Some((en, ru, kk)) => Wording::new(
                        format!("no lint is named `{name}`: {en}"),
                        format!("нет проверки с именем `{name}`: {ru}"),
                        format!("`{name}` деп аталатын тексеру жоқ: {kk}"),
                    ),
                },
                Label::new(
                    allow.lint.span,
                    Wording::new(
                        "not a lint's name or code",
                        "не имя и не код проверки",
                        "тексерудің атауы да, коды да емес",
                    ),
                ),
            );
            d = match near {
                Some(near) => d
                    .with_help(Wording::new(
                        format!("did you mean `{near}`? `ereje lint --list` lists every lint"),
                        format!("возможно, имелось в виду `{near}`? `ereje lint --list` выводит все проверки"),
                        format!("`{near}` деп жазғыңыз келді ме? `ereje lint --list` барлық тексерулерді көрсетеді"),
                    ))
                    .with_fix(
                        Wording::new(
                            format!("write `{near}`"),
                            format!("напишите `{near}`"),
                            format!("`{near}` деп жазыңыз"),
                        ),
                        vec![Edit {
                            span: allow.lint.span,
                            replacement: near.to_string(),
                        }],
                    ),
                None => d.with_help(Wording::new(
                    "`ereje lint --list` lists every lint by name and code",
                    "`ereje lint --list` выводит все проверки с их именами и кодами",
                    "`ereje lint --list` барлық тексерулерді атауы мен коды бойынша көрсетеді",
                )),
            };
            cx.emit(d);
        }
    }
}

/// The Latin letter a Cyrillic one is drawn like, in the lower case of lint names.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'һ' => 'h',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'к' => 'k',
        _ => return None,
    })
}

/// What is not Latin in a name, in English, Russian and Kazakh: `it contains the Cyrillic
/// letter «а» (U+0430)` (`None`: all ASCII).
fn foreign_letters(name: &str) -> Option<(String, String, String)> {
    let mut letters: Vec<char> = Vec::new();
    for c in name.chars().filter(|c| !c.is_ascii()) {
        if !letters.contains(&c) {
            letters.push(c);
        }
    }
    if letters.is_empty() {
        return None;
    }
    // a word of another script altogether is not a misspelling: say what names are
    if !name.chars().any(|c| c.is_ascii_alphabetic()) {
        return Some((
            String::from("lint names are written in Latin letters"),
            String::from("имена проверок пишутся латиницей"),
            String::from("тексеру атаулары латын әріптерімен жазылады"),
        ));
    }
    let listed = letters
        .iter()
        .map(|c| format!("«{c}» (U+{:04X})", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ");
    let cyrillic = letters.iter().all(|c| ('\u{400}'..='\u{52F}').contains(c));
    let many = letters.len() > 1;
    Some(match (cyrillic, many) {
        (true, false) => (
            format!("it contains the Cyrillic letter {listed}"),
            format!("в нём кириллическая буква {listed}"),
            format!("онда кирилл әрпі {listed} бар"),
        ),
        (true, true) => (
            format!("it contains the Cyrillic letters {listed}"),
            format!("в нём кириллические буквы {listed}"),
            format!("онда кирилл әріптері {listed} бар"),
        ),
        (false, false) => (
            format!("it contains the non-Latin letter {listed}"),
            format!("в нём нелатинская буква {listed}"),
            format!("онда латын емес әріп {listed} бар"),
        ),
        (false, true) => (
            format!("it contains the non-Latin letters {listed}"),
            format!("в нём нелатинские буквы {listed}"),
            format!("онда латын емес әріптер {listed} бар"),
        ),
    })
}
