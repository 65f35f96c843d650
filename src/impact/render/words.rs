//! The words of the impact for people, in English, Russian and Kazakh. Russian and Kazakh
//! give a count after its noun (`пакетов: 3`, `пакет: 3`), as ereje's other summaries do,
//! so that no noun needs a plural form per number. Verdicts, codes and severities are the
//! report's own identifiers and stay as they are.

use crate::vocab::Lang;

/// What is counted.
#[derive(Debug, Clone, Copy)]
pub enum Noun {
    Bundle,
    Line,
    Finding,
    Group,
}

/// `n` of `noun`: `1 bundle`, `3 bundles`; `пакетов: 3`; `пакет: 3`.
pub fn count(n: usize, noun: Noun, lang: Lang) -> String {
    let (en, ru, kk) = match noun {
        Noun::Bundle => ("bundle", "пакетов", "пакет"),
        Noun::Line => ("line", "строк", "жол"),
        Noun::Finding => ("finding", "замечаний", "ескерту"),
        Noun::Group => ("group", "групп", "топ"),
    };
    match lang {
        Lang::En if n == 1 => format!("{n} {en}"),
        Lang::En => format!("{n} {en}s"),
        Lang::Ru => format!("{ru}: {n}"),
        Lang::Kk => format!("{kk}: {n}"),
    }
}

/// Between a count and the bundles it names: `3 bundles: a, b`; `пакетов: 3 — a, b`.
pub fn then_named(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Ru | Lang::Kk => " — ",
    }
}

/// `text` with its first letter capitalised, to begin a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A bundle named by its line: `line 8`, `строка 8`, `8-жол`.
pub fn line(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("line {n}"),
        Lang::Ru => format!("строка {n}"),
        Lang::Kk => format!("{n}-жол"),
    }
}

/// `… and 3 more` (without the ellipsis).
pub fn and_more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("and {n} more"),
        Lang::Ru => format!("и ещё {n}"),
        Lang::Kk => format!("тағы {n}"),
    }
}

/// Where a group's finding is: ` in SERVICE`.
pub fn in_service(service: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" in {service}"),
        Lang::Ru => format!(" в {service}"),
        Lang::Kk => format!(", {service} қызметінде"),
    }
}

/// The two rule sets, as the columns and lines name them.
pub fn sides(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("base", "new"),
        Lang::Ru => ("базовые", "новые"),
        Lang::Kk => ("негізгі", "жаңа"),
    }
}

/// The two directions of findings, as headings: added, removed.
pub fn directions(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("added", "removed"),
        Lang::Ru => ("добавленные", "снятые"),
        Lang::Kk => ("қосылған", "алынған"),
    }
}

/// Nothing of a kind: `none`.
pub fn none(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "none",
        Lang::Ru => "нет",
        Lang::Kk => "жоқ",
    }
}

/// The first line for people.
pub fn replayed(bundles: usize, lang: Lang) -> String {
    let n = count(bundles, Noun::Bundle, lang);
    match lang {
        Lang::En => format!("ereje impact: {n} replayed under two rule sets"),
        Lang::Ru => format!("ereje impact: повторная проверка по двум наборам правил, {n}"),
        Lang::Kk => format!("ereje impact: екі ереже жиынымен қайта тексеру, {n}"),
    }
}

/// How many change and how many do not.
pub fn changed(changed: usize, unchanged: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} {}, {unchanged} {}",
            count(changed, Noun::Bundle, lang),
            if changed == 1 { "changes" } else { "change" },
            if unchanged == 1 { "does not" } else { "do not" },
        ),
        Lang::Ru => format!("изменились: {changed}, не изменились: {unchanged}"),
        Lang::Kk => format!("өзгергені: {changed}, өзгермегені: {unchanged}"),
    }
}

/// The lines that are no JSON, with their first lines named.
pub fn unreadable(lines: usize, named: &str, lang: Lang) -> String {
    let n = count(lines, Noun::Line, lang);
    match lang {
        Lang::En => format!(
            "; {n} {} not readable JSON (invalid under both rule sets): {named}",
            if lines == 1 { "is" } else { "are" },
        ),
        Lang::Ru => {
            format!("; не читаются как JSON (invalid по обоим наборам правил), {n} — {named}")
        }
        Lang::Kk => format!("; JSON ретінде оқылмайды (екі жиында да invalid), {n} — {named}"),
    }
}

/// The heading of the verdict table and of the verdict flips.
pub fn verdict_headings(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("verdicts", "verdict flips"),
        Lang::Ru => ("вердикты", "смены вердикта"),
        Lang::Kk => ("шешімдер", "шешімнің өзгеруі"),
    }
}

/// `findings added`, as the heading of a direction for people.
pub fn findings_heading(direction: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("findings {direction}"),
        Lang::Ru => format!("{direction} замечания"),
        Lang::Kk => format!("{direction} ескертулер"),
    }
}

/// How many findings in how many bundles.
pub fn findings_in(findings: usize, bundles: usize, lang: Lang) -> String {
    let f = count(findings, Noun::Finding, lang);
    let b = count(bundles, Noun::Bundle, lang);
    match lang {
        Lang::En => format!("{f} in {b}"),
        Lang::Ru | Lang::Kk => format!("{f}, {b}"),
    }
}

/// The groups past those listed: `… and 3 more groups (…)`.
pub fn more_groups(groups: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "… and {} more (`--format json` lists every one)",
            count(groups, Noun::Group, lang)
        ),
        Lang::Ru => format!("… и ещё групп: {groups} (`--format json` перечисляет все)"),
        Lang::Kk => format!("… тағы {groups} топ (`--format json` бәрін тізеді)"),
    }
}

/// The findings of groups the tally counted without keeping them apart.
pub fn left_out(findings: usize, bundles: usize, groups: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "… and {} in {} of groups past the first {groups} (counted, not listed)",
            count(findings, Noun::Finding, lang),
            count(bundles, Noun::Bundle, lang),
        ),
        Lang::Ru => format!(
            "… и ещё замечаний: {findings}, пакетов: {bundles} — в группах после первых {groups} (посчитаны, не перечислены)"
        ),
        Lang::Kk => format!(
            "… тағы ескерту: {findings}, пакет: {bundles} — алғашқы {groups} топтан кейінгі топтарда (саналды, тізілмеді)"
        ),
    }
}

/// The headline of the Markdown comment: how many bundles change between which rule sets
/// (each given as a code span).
pub fn headline(changed: usize, bundles: usize, base: &str, new: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "**{changed} of {} {}** between the base rules ({base}) and the new rules ({new}).",
            count(bundles, Noun::Bundle, lang),
            if changed == 1 { "changes" } else { "change" },
        ),
        Lang::Ru => format!(
            "**Изменились пакеты: {changed} из {bundles}** между базовыми правилами ({base}) и новыми ({new})."
        ),
        Lang::Kk => format!(
            "**Өзгерген пакет: {changed}, барлығы {bundles}**: негізгі ережелер ({base}) мен жаңа ережелер ({new}) арасында."
        ),
    }
}

/// The lines that are no JSON, in the Markdown comment.
pub fn unreadable_sentence(lines: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            " {} could not be read as JSON bundles: `invalid` under both, counted in every total.",
            count(lines, Noun::Line, lang)
        ),
        Lang::Ru => format!(
            " Строк, не прочитанных как пакеты JSON: {lines}; это `invalid` по обоим наборам, учтено во всех итогах."
        ),
        Lang::Kk => format!(
            " JSON пакеті ретінде оқылмаған жол: {lines}; екі жиында да `invalid`, барлық қорытындыға кірді."
        ),
    }
}

/// The Markdown section of the flips: its heading, the table's head, and the sentence when
/// there are none.
pub fn flips_section(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::En => (
            "Verdict flips",
            "| from | to | bundles | first bundles |",
            "No verdict flips.",
        ),
        Lang::Ru => (
            "Смены вердикта",
            "| было | стало | пакетов | первые пакеты |",
            "Вердикты не меняются.",
        ),
        Lang::Kk => (
            "Шешімнің өзгеруі",
            "| бұрын | енді | пакет | алғашқы пакеттер |",
            "Шешім өзгермейді.",
        ),
    }
}

/// `Findings added`, as a Markdown heading.
pub fn findings_title(direction: &str, lang: Lang) -> String {
    capitalised(&findings_heading(direction, lang))
}

/// The groups a Markdown comment leaves out.
pub fn not_shown(groups: usize, findings: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "_… and {groups} more {} ({}), not shown: `ereje impact --format json` lists them._",
            if groups == 1 { "group" } else { "groups" },
            count(findings, Noun::Finding, lang),
        ),
        Lang::Ru => format!(
            "_… и ещё групп: {groups} (замечаний: {findings}), не показаны: их перечисляет `ereje impact --format json`._"
        ),
        Lang::Kk => format!(
            "_… тағы {groups} топ (ескерту: {findings}) көрсетілмеді: оларды `ereje impact --format json` тізеді._"
        ),
    }
}
