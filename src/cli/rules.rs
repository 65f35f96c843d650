//! What every subcommand that loads rules shares: the rule set named by `--rules` (or the
//! shipped one), and its diagnostics on stderr, for people or as JSON lines, in the language
//! asked for. Stdout is left to the subcommand's own output.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::ValueEnum;

use super::Outcome;
use crate::RuleSet;
use crate::diagnostic::Diagnostics;
use crate::report::human::{self, Style};
use crate::vocab::Lang;

/// Languages of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Kk => Lang::Kk,
            LangArg::Ru => Lang::Ru,
            LangArg::En => Lang::En,
        }
    }
}

/// How diagnostics are written to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shown {
    /// One JSON object per line instead of reports for people.
    pub json: bool,
    /// The language of their words.
    pub lang: Lang,
    /// No `--lang` was given: a diagnostic in a file written in Kazakh or Russian keywords is
    /// worded in that language.
    pub per_file: bool,
}

/// The language of `d`: the file's, when its keywords are Kazakh or Russian and `per_file`,
/// else `lang`.
pub(crate) fn lang_of(
    d: &crate::Diagnostic,
    sources: &crate::source::SourceMap,
    lang: Lang,
    per_file: bool,
) -> Lang {
    use crate::syntax::keywords::{Set, set_of};
    let file = d.primary.as_ref().and_then(|p| sources.get(p.span.file));
    match file.map(|f| set_of(&f.text)) {
        Some(set) if per_file && set != Set::En => set.lang(),
        _ => lang,
    }
}

/// Load the rule set named by `--rules`, or the shipped one, and show its diagnostics: the
/// errors if it does not compile (then nothing is done: exit status 2), else its warnings.
pub(crate) fn load(rules: Option<&PathBuf>, shown: Shown) -> Result<RuleSet, Outcome> {
    let loaded = match rules {
        Some(dir) => RuleSet::load(dir),
        None => RuleSet::shipped().map(|r| (r, Diagnostics::default())),
    };
    match loaded {
        Ok((rules, warnings)) => {
            if !warnings.is_empty() {
                print(&warnings, shown, human::Over::RuleFiles);
            }
            Ok(rules)
        }
        Err(errors) => {
            print(&errors, shown, human::Over::RuleFilesUnchecked);
            Err(Outcome::Failure)
        }
    }
}

/// Write diagnostics to stderr; for people, with a closing summary line about `what`.
pub(crate) fn print(diagnostics: &Diagnostics, shown: Shown, what: human::Over) {
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    if shown.json {
        for d in diagnostics {
            let lang = lang_of(d, &diagnostics.sources, shown.lang, shown.per_file);
            let line = crate::report::json::diagnostic_line(d, &diagnostics.sources, lang);
            let _ = out.write_all(line.as_bytes());
        }
        return;
    }
    for d in diagnostics {
        let lang = lang_of(d, &diagnostics.sources, shown.lang, shown.per_file);
        let style = Style::for_stream(stderr.is_terminal(), lang);
        let _ = out.write_all(human::render(d, &diagnostics.sources, &style).as_bytes());
        // a blank line between diagnostics, as `check` leaves between findings
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "{}",
        human::summary(
            diagnostics.errors(),
            diagnostics.warnings(),
            what,
            shown.lang
        )
    );
}
