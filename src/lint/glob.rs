//! The path patterns of `ereje.toml` (`rules/**/*.ereje`, `rules/drafts/**`): `*` is any
//! part of one name, `?` one character of it, `**` any number of folders. A pattern that
//! matches a folder matches everything in it, so `rules/drafts` means the whole folder.
//! That is all a rule tree's configuration needs; a full glob crate would bring a regular
//! expression engine for character classes and alternatives nobody writes here, so those
//! (`[…]`, `{…}`) are refused with a message rather than read some other way.

use crate::vocab::Wording;

/// A path pattern, relative to the folder of the configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    /// The pattern's names, split at `/`.
    parts: Vec<String>,
}

impl Glob {
    /// Read a pattern; the error says what it cannot hold, in each language.
    pub fn new(pattern: &str) -> Result<Glob, Wording> {
        if pattern.is_empty() {
            return Err(Wording::new(
                "a pattern cannot be empty",
                "шаблон не может быть пустым",
                "үлгі бос бола алмайды",
            ));
        }
        if pattern.starts_with('/') || pattern.contains('\\') {
            return Err(Wording::new(
                "write the pattern relative to the folder of `ereje.toml`, with `/` between names",
                "пишите шаблон относительно папки `ereje.toml`, разделяя имена знаком `/`",
                "үлгіні `ereje.toml` қалтасына қатысты жазып, атауларды `/` белгісімен бөліңіз",
            ));
        }
        if let Some(c) = pattern.chars().find(|c| matches!(c, '[' | ']' | '{' | '}')) {
            return Err(Wording::new(
                format!("`{c}` has no meaning in a pattern here: only `*`, `?` and `**` do"),
                format!(
                    "`{c}` в шаблоне здесь ничего не значит: значение имеют только `*`, `?` и `**`"
                ),
                format!("мұнда үлгідегі `{c}` ештеңе білдірмейді: тек `*`, `?` және `**` мағыналы"),
            ));
        }
        let parts: Vec<String> = pattern
            .split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .map(String::from)
            .collect();
        if parts.iter().any(|p| p.contains("**") && p != "**") {
            return Err(Wording::new(
                "`**` stands for whole folders: write it between `/`s, as in `rules/**/*.ereje`",
                "`**` означает целые папки: пишите его между `/`, как в `rules/**/*.ereje`",
                "`**` тұтас қалталарды білдіреді: оны `rules/**/*.ereje` үлгісіндегідей `/` белгілерінің арасына жазыңыз",
            ));
        }
        Ok(Glob { parts })
    }

    /// Whether `path` (relative, names separated by `/`) or a folder it is in matches.
    pub fn matches(&self, path: &str) -> bool {
        let names: Vec<&str> = path.split('/').filter(|n| !n.is_empty()).collect();
        (1..=names.len()).any(|n| names.get(..n).is_some_and(|p| parts_match(&self.parts, p)))
    }
}

/// Whether the pattern's parts match these names, `**` taking any number of them.
fn parts_match(parts: &[String], names: &[&str]) -> bool {
    match parts.split_first() {
        None => names.is_empty(),
        Some((first, rest)) if first == "**" => {
            (0..=names.len()).any(|skip| names.get(skip..).is_some_and(|n| parts_match(rest, n)))
        }
        Some((first, rest)) => match names.split_first() {
            Some((name, others)) => name_matches(first, name) && parts_match(rest, others),
            None => false,
        },
    }
}

/// Whether one name matches one part of a pattern with `*` and `?`.
fn name_matches(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // the classic two-pointer match, going back to the last `*` on a mismatch
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        match p.get(i) {
            Some('*') => {
                star = Some((i, j));
                i += 1;
            }
            Some(&c) if c == '?' || Some(&c) == n.get(j) => {
                i += 1;
                j += 1;
            }
            _ => match star {
                Some((si, sj)) => {
                    i = si + 1;
                    j = sj + 1;
                    star = Some((si, sj + 1));
                }
                None => return false,
            },
        }
    }
    p.get(i..)
        .is_some_and(|rest| rest.iter().all(|c| *c == '*'))
}

#[cfg(test)]
mod tests {
    use super::Glob;

    fn m(pattern: &str, path: &str) -> bool {
        Glob::new(pattern).expect("pattern").matches(path)
    }

    #[test]
    fn stars_match_within_a_name_and_double_stars_across_folders() {
        assert!(m("rules/**/*.ereje", "rules/kz/a.ereje"));
        assert!(m("rules/**/*.ereje", "rules/a.ereje"));
        assert!(m("rules/**/*.ereje", "rules/kz/mvd/a.ereje"));
        assert!(!m("rules/**/*.ereje", "tests/a.ereje"));
        assert!(!m("rules/*.ereje", "rules/kz/a.ereje"));
        assert!(m("rules/*.ereje", "rules/a.ereje"));
        assert!(m("**/draft-?.ereje", "x/y/draft-1.ereje"));
        assert!(!m("**/draft-?.ereje", "x/y/draft-12.ereje"));
        assert!(m("*", "a.ereje"));
        assert!(m("a*b*c", "aXbYbZc"));
        assert!(m("правила/*", "правила/виза.ereje"));
    }

    #[test]
    fn a_folder_s_pattern_matches_what_is_in_it() {
        assert!(m("rules/drafts/**", "rules/drafts/a.ereje"));
        assert!(m("rules/drafts", "rules/drafts/x/a.ereje"));
        assert!(m("./rules/drafts/", "rules/drafts/a.ereje"));
        assert!(!m("rules/drafts", "rules/drafts2/a.ereje"));
    }

    #[test]
    fn what_the_patterns_cannot_say_is_refused() {
        for bad in [
            "",
            "/rules/*",
            "rules\\a",
            "rules/[ab].ereje",
            "{a,b}",
            "rules/x**",
        ] {
            assert!(Glob::new(bad).is_err(), "{bad}");
        }
    }
}
