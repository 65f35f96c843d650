//! `ereje.toml`: a project's lint settings, read once before linting. `[lint]` sets levels
//! (lists `allow`, `warn`, `deny` as the command line's `-A/-W/-D`, `deny = ["warnings"]`,
//! and a `levels` table by name or code), `[lint.paths]` which files under the searched
//! folders make the rule set, and `[[lint.overrides]]` levels for the findings in some files.
//! Anything ereje cannot follow (a key it does not know, a lint or level that does not exist,
//! a pattern it cannot read) is an error pointing into the file, all of them at once: a
//! setting that is silently ignored is worse than none.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::glob::Glob;
use super::{LINTS, Level, lookup};
use crate::codes;
use crate::diagnostic::{Diagnostic, Diagnostics, Label};
use crate::source::{SourceFile, SourceMap, Span};
use crate::vocab::Wording;

/// The name of the configuration file.
pub const FILE_NAME: &str = "ereje.toml";

/// A configuration that ereje can follow.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Levels for every file, by code.
    pub levels: BTreeMap<&'static str, Level>,
    /// `deny = ["warnings"]`: every warning is an error.
    pub deny_warnings: bool,
    /// The files to lint, of those found in folders (none: every one).
    pub include: Vec<Glob>,
    /// The files to leave out, of those found in folders.
    pub exclude: Vec<Glob>,
    /// Levels for the findings in some files, in the order written (a later one wins).
    pub overrides: Vec<Override>,
}

/// `[[lint.overrides]]`: levels for the findings whose primary place is in a matching file.
#[derive(Debug, Clone, Default)]
pub struct Override {
    /// The files.
    pub paths: Vec<Glob>,
    /// The levels, by code.
    pub levels: BTreeMap<&'static str, Level>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    lint: RawLint,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLint {
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    warn: Vec<Spanned<String>>,
    #[serde(default)]
    deny: Vec<Spanned<String>>,
    #[serde(default)]
    levels: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    paths: RawPaths,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPaths {
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    levels: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// Read the text of a configuration file named `name`; the errors point into it.
    pub fn parse(name: &str, text: &str) -> Result<Config, Diagnostics> {
        let mut sources = SourceMap::new();
        sources.add(SourceFile::new(name, text));
        let mut errors = Errors(Diagnostics::new(sources));
        let raw: Raw =
            match toml::from_str(text) {
                Ok(raw) => raw,
                Err(e) => {
                    // the TOML reader's own words are English: they stay, introduced in each language
                    let why = e.message().trim_end();
                    errors.push(
                    e.span().unwrap_or(0..0),
                    Wording::new(why, format!("ошибка TOML: {why}"), format!("TOML қатесі: {why}")),
                    Wording::new("here", "здесь", "осында"),
                    Wording::new(
                        "write the file as TOML with the keys `docs/lint.md` describes",
                        "напишите файл в формате TOML с ключами, которые описывает `docs/lint.md`",
                        "файлды `docs/lint.md` сипаттайтын кілттермен TOML пішімінде жазыңыз",
                    ),
                );
                    return Err(errors.0);
                }
            };
        let lint = raw.lint;
        let mut config = Config::default();
        for (names, level) in [
            (&lint.allow, Level::Allow),
            (&lint.warn, Level::Warn),
            (&lint.deny, Level::Deny),
        ] {
            for name in names {
                if level == Level::Deny && name.get_ref() == "warnings" {
                    config.deny_warnings = true;
                } else if let Some(code) = errors.lint(name) {
                    config.levels.insert(code, level);
                }
            }
        }
        config.levels.extend(errors.levels(&lint.levels));
        config.include = errors.globs(&lint.paths.include);
        config.exclude = errors.globs(&lint.paths.exclude);
        for o in &lint.overrides {
            config.overrides.push(Override {
                paths: errors.globs(&o.paths),
                levels: errors.levels(&o.levels),
            });
        }
        if errors.0.is_empty() {
            Ok(config)
        } else {
            Err(errors.0)
        }
    }

    /// Whether a file found in a folder is linted: `path` is relative to the configuration's
    /// folder (`None`: outside it, where no pattern reaches).
    pub fn selects(&self, path: Option<&str>) -> bool {
        let Some(path) = path else {
            return self.include.is_empty();
        };
        (self.include.is_empty() || self.include.iter().any(|g| g.matches(path)))
            && !self.exclude.iter().any(|g| g.matches(path))
    }

    /// The levels the overrides set for the findings in the file at `path` (relative to the
    /// configuration's folder), later overrides over earlier ones.
    pub fn levels_in(&self, path: &str) -> BTreeMap<&'static str, Level> {
        let mut levels = BTreeMap::new();
        for o in &self.overrides {
            if o.paths.iter().any(|g| g.matches(path)) {
                levels.extend(o.levels.iter().map(|(k, v)| (*k, *v)));
            }
        }
        levels
    }
}

/// The errors found so far, about the file of index 0.
struct Errors(Diagnostics);

impl Errors {
    fn push(&mut self, at: Range<usize>, message: Wording, label: Wording, help: Wording) {
        let primary = Label::new(Span::new(0, at.start, at.end), label);
        self.0
            .push(Diagnostic::new(&codes::INVALID_CONFIG, message, primary).with_help(help));
    }

    /// The code of the lint named, or an error with the closest name.
    fn lint(&mut self, name: &Spanned<String>) -> Option<&'static str> {
        if let Some(lint) = lookup(name.get_ref()) {
            return Some(lint.code.code);
        }
        let help = if name.get_ref() == "warnings" {
            Wording::new(
                "`warnings` stands for every warning only in `deny = [\"warnings\"]`",
                "`warnings` означает все предупреждения только в `deny = [\"warnings\"]`",
                "`warnings` барлық ескертулерді тек `deny = [\"warnings\"]` ішінде білдіреді",
            )
        } else {
            match crate::suggest::suggest(name.get_ref(), LINTS.iter().map(|l| l.name())) {
                Some(near) => Wording::new(
                    format!("did you mean `{near}`? (`ereje lint --list` lists them)"),
                    format!(
                        "возможно, имелось в виду `{near}`? (`ereje lint --list` выводит все проверки)"
                    ),
                    format!(
                        "`{near}` деп жазғыңыз келді ме? (`ereje lint --list` барлық тексерулерді көрсетеді)"
                    ),
                ),
                None => Wording::new(
                    "`ereje lint --list` lists the lints",
                    "`ereje lint --list` выводит все проверки",
                    "`ereje lint --list` барлық тексерулерді көрсетеді",
                ),
            }
        };
        let named = crate::report::escaped(name.get_ref());
        let message = Wording::new(
            format!("no lint is named `{named}`"),
            format!("нет проверки с именем `{named}`"),
            format!("`{named}` деп аталатын тексеру жоқ"),
        );
        let label = Wording::new("not a lint", "не проверка", "тексеру емес");
        self.push(name.span(), message, label, help);
        None
    }

    /// A `levels` table, by code; its errors noted.
    fn levels(
        &mut self,
        table: &BTreeMap<Spanned<String>, Spanned<String>>,
    ) -> BTreeMap<&'static str, Level> {
        let mut levels = BTreeMap::new();
        for (name, level) in table {
            let code = self.lint(name);
            let names = ["allow", "info", "warn", "deny"];
            let Some(parsed) = Level::from_name(level.get_ref()) else {
                let near = crate::suggest::suggest(level.get_ref(), names.into_iter());
                let (en, ru, kk) = near.map_or_else(Default::default, |n| {
                    (
                        format!("did you mean `{n}`? "),
                        format!("возможно, имелось в виду `{n}`? "),
                        format!("`{n}` деп жазғыңыз келді ме? "),
                    )
                });
                let written = crate::report::escaped(level.get_ref());
                let message = Wording::new(
                    format!("`{written}` is not a level"),
                    format!("`{written}` — не уровень"),
                    format!("`{written}` деңгей емес"),
                );
                let help = Wording::new(
                    format!("{en}a level is `allow`, `info`, `warn` or `deny`"),
                    format!("{ru}уровень — это `allow`, `info`, `warn` или `deny`"),
                    format!("{kk}деңгей: `allow`, `info`, `warn` немесе `deny`"),
                );
                let label = Wording::new("not a level", "не уровень", "деңгей емес");
                self.push(level.span(), message, label, help);
                continue;
            };
            if let Some(code) = code {
                levels.insert(code, parsed);
            }
        }
        levels
    }

    /// Path patterns; their errors noted.
    fn globs(&mut self, patterns: &[Spanned<String>]) -> Vec<Glob> {
        let mut globs = Vec::new();
        for p in patterns {
            match Glob::new(p.get_ref()) {
                Ok(g) => globs.push(g),
                Err(why) => {
                    let written = crate::report::escaped(p.get_ref());
                    let message = Wording::new(
                        format!("ereje cannot read the pattern `{written}`"),
                        format!("ereje не может прочитать шаблон `{written}`"),
                        format!("ereje `{written}` үлгісін оқи алмайды"),
                    );
                    let label = Wording::new("this pattern", "этот шаблон", "осы үлгі");
                    self.push(p.span(), message, label, why);
                }
            }
        }
        globs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        match Config::parse("ereje.toml", text) {
            Ok(_) => Vec::new(),
            Err(d) => d
                .iter()
                .map(|d| {
                    let span = d.primary.as_ref().map_or(Span::default(), |l| l.span);
                    format!(
                        "{} at `{}`",
                        d.message.get(crate::vocab::Lang::En),
                        text.get(span.start..span.end).unwrap_or("?")
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn levels_by_name_or_code_lists_and_overrides_are_read() {
        let text = r#"
[lint]
deny = ["warnings", "missing-citation"]
allow = ["L020"]
[lint.levels]
unused-actor = "deny"
L032 = "info"
[lint.paths]
include = ["rules/**/*.ereje"]
exclude = ["rules/drafts/**"]
[[lint.overrides]]
paths = ["rules/drafts/**"]
levels = { missing-translation = "allow" }
"#;
        let c = Config::parse("ereje.toml", text).expect("valid");
        assert!(c.deny_warnings);
        assert_eq!(c.levels.get("L020"), Some(&Level::Allow));
        assert_eq!(c.levels.get("L062"), Some(&Level::Deny));
        assert_eq!(c.levels.get("L032"), Some(&Level::Info));
        assert!(c.selects(Some("rules/kz/a.ereje")));
        assert!(!c.selects(Some("rules/drafts/a.ereje")));
        assert!(!c.selects(Some("tests/a.ereje")));
        assert!(!c.selects(None));
        let code = lookup("missing-translation").expect("lint").code.code;
        assert_eq!(
            c.levels_in("rules/drafts/a.ereje").get(code),
            Some(&Level::Allow)
        );
        assert!(c.levels_in("rules/kz/a.ereje").is_empty());
    }

    #[test]
    fn every_error_points_at_what_is_wrong() {
        assert_eq!(
            messages("[lint]\ndeny = [\"unstated-day-kinds\"]\n[lint.levels]\nL020 = \"error\"\n"),
            [
                "no lint is named `unstated-day-kinds` at `\"unstated-day-kinds\"`",
                "`error` is not a level at `\"error\"`",
            ]
        );
        let unknown = messages("[lint]\ndenny = []\n");
        assert_eq!(unknown.len(), 1);
        assert!(
            unknown[0].starts_with("unknown field `denny`"),
            "{unknown:?}"
        );
        assert!(unknown[0].ends_with("at `denny`"), "{unknown:?}");
        let pattern = messages("[lint.paths]\ninclude = [\"rules/[ab]\"]\n");
        assert_eq!(
            pattern,
            ["ereje cannot read the pattern `rules/[ab]` at `\"rules/[ab]\"`"]
        );
        assert_eq!(messages("[lint\n").len(), 1, "not TOML");
        assert_eq!(messages("[lint.levels]\nwarnings = \"deny\"\n").len(), 1);
    }

    #[test]
    fn every_error_reads_in_russian_and_kazakh() {
        use crate::vocab::Lang;
        let text = "[lint]\nallow = [\"warnings\", \"L0200\"]\n[lint.levels]\nL020 = \"eror\"\n[lint.paths]\ninclude = [\"/rules\", \"rules/[ab]\", \"\", \"a**\"]\n";
        let Err(errors) = Config::parse("ereje.toml", text) else {
            panic!("the configuration should be refused")
        };
        assert_eq!(errors.len(), 7);
        for d in &errors {
            let parts = [Some(&d.message), d.help.as_ref()]
                .into_iter()
                .flatten()
                .chain(d.labels().filter_map(|l| l.text.as_ref()));
            for words in parts {
                for lang in [Lang::Ru, Lang::Kk] {
                    assert_ne!(words.get(lang), words.get(Lang::En), "{lang:?}");
                }
            }
        }
    }
}
