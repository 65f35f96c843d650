//! `ereje lint --fix` and `--diff`: apply the safe fixes the findings carry, after checking
//! that the fixed files still compile to the same checker (a fix may only tidy the record:
//! an `allow`'s name, an `allow` that suppresses nothing, a repeated citation).

use std::io::Write;

use crate::analysis::{Analysis, analyze_sources};
use crate::lint::{Linted, Settings};
use crate::source::SourceFile;

/// What to do with the fixed texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Write them over the files.
    Write,
    /// Print a diff of each, write nothing.
    Diff,
}

/// A fix can leave another behind (removing a repeated citation can leave the `allow` that
/// suppressed its finding unused), so fixing goes on in rounds, at most this many.
const ROUNDS: usize = 8;

/// Apply the fixes, round after round until none is left; say on stderr how many were
/// applied. `Err`: the fixes would have changed what the rules mean (or broken them), so
/// nothing was written.
pub(super) fn run(
    analysis: &Analysis,
    linted: &Linted,
    settings: &Settings,
    mode: Mode,
) -> Result<usize, String> {
    let original = analysis.model.sources.files().to_vec();
    let mut count = 0;
    let mut current = analysis.clone();
    let mut diagnostics = linted.diagnostics.clone();
    for _ in 0..ROUNDS {
        let (edits, applied) = crate::lint::fix::edits_by_file(&diagnostics);
        if applied == 0 {
            break;
        }
        let sources = &current.model.sources;
        let mut fixed: Vec<SourceFile> = sources.files().to_vec();
        for (&file, file_edits) in &edits {
            let Some(source) = sources.get(file) else {
                continue;
            };
            let text = crate::lint::fix::apply(&source.text, file_edits).ok_or_else(|| {
                format!(
                    "the fixes for `{}` overlap; nothing was written",
                    source.name
                )
            })?;
            if let Some(slot) = fixed.get_mut(file) {
                *slot = SourceFile::new(source.name.clone(), text);
            }
        }
        let after = verify(&current, fixed)?;
        count += applied;
        diagnostics = crate::lint::lint(&after, settings).diagnostics;
        current = after;
    }
    let mut files = 0;
    for (old, new) in original.iter().zip(current.model.sources.files()) {
        if old.text == new.text {
            continue;
        }
        files += 1;
        match mode {
            Mode::Diff => super::out::put(&super::fmt::labelled_diff(
                &old.name, &old.text, &new.text, "fixed",
            )),
            Mode::Write => std::fs::write(&old.name, new.text.as_bytes()).map_err(|e| {
                format!(
                    "cannot write `{}`: {e}",
                    super::out::shown(old.name.as_ref())
                )
            })?,
        }
    }
    if count > 0 {
        let _ = writeln!(
            std::io::stderr(),
            "{} {count} finding{} in {files} file{}",
            if mode == Mode::Write {
                "fixed"
            } else {
                "would fix"
            },
            if count == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" },
        );
    }
    Ok(count)
}

/// The fixed files must compile, and to the same checker as before (spans and the lines
/// they are on aside: deleting an `allow` moves what follows it).
fn verify(before: &Analysis, fixed: Vec<SourceFile>) -> Result<Analysis, String> {
    let after = analyze_sources(fixed);
    if after.diagnostics.has_errors() {
        return Err(String::from(
            "the fixed files do not compile (a bug of ereje); nothing was written",
        ));
    }
    let plan = |a: &Analysis| {
        crate::RuleSet::from_analysis(a.clone())
            .ok()
            .map(|(rules, _)| {
                without_locations(&crate::syntax::shape::debug_without_spans(rules.plan()))
            })
    };
    if plan(before) != plan(&after) {
        return Err(String::from(
            "the fixes would change what the rules check (a bug of ereje); nothing was written",
        ));
    }
    Ok(after)
}

/// A plan's `Debug` text without its `location: "FILE:LINE"` fields.
fn without_locations(text: &str) -> String {
    const FIELD: &str = "location: \"";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(FIELD) {
        out.push_str(&rest[..at]);
        let value = &rest[at + FIELD.len()..];
        // the string ends at the first quote that is not escaped
        let mut escaped = false;
        let end = value.char_indices().find_map(|(i, c)| match c {
            '\\' if !escaped => {
                escaped = true;
                None
            }
            '"' if !escaped => Some(i),
            _ => {
                escaped = false;
                None
            }
        });
        match end {
            Some(i) => rest = &value[i + 1..],
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_locations;

    #[test]
    fn locations_are_removed_and_other_text_kept() {
        let text = r#"A { location: "r\"s.ereje:4", id: "location: x" } B { location: "a:1" }"#;
        assert_eq!(
            without_locations(text),
            r#"A { , id: "location: x" } B {  }"#
        );
    }
}
