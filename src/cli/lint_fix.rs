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
    let changed: Vec<(&SourceFile, &SourceFile)> = original
        .iter()
        .zip(current.model.sources.files())
        .filter(|(old, new)| old.text != new.text)
        .collect();
    let files = changed.len();
    if mode == Mode::Write {
        for (old, _) in &changed {
            still_as_linted(old)?;
        }
    }
    for (old, new) in changed {
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

/// The fixes are made on the texts that were linted; a file that holds other bytes now (an
/// editor saved it meanwhile) would lose what was written since, so nothing is written.
fn still_as_linted(linted: &SourceFile) -> Result<(), String> {
    let now = crate::source::read_text_bounded(
        std::path::Path::new(&linted.name),
        crate::source::MAX_RULE_FILE_BYTES,
    );
    if now.is_ok_and(|text| *text == *linted.text) {
        Ok(())
    } else {
        Err(format!(
            "`{}` changed after it was linted; nothing was written (run `ereje lint --fix` again)",
            super::out::shown(linted.name.as_ref())
        ))
    }
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
            .map(|(rules, _)| rules)
    };
    let same = match (plan(before), plan(&after)) {
        (Some(old), Some(new)) => old.plan().checks_as(new.plan()),
        _ => false,
    };
    if !same {
        return Err(String::from(
            "the fixes would change what the rules check (a bug of ereje); nothing was written",
        ));
    }
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::{still_as_linted, verify};
    use crate::analysis::analyze_sources;
    use crate::source::SourceFile;

    const RULES: &str = "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n  allow unused-input because \"none\"\n  input applicant.resident: bool\n  document passport {\n    title en \"passport\"\n    required when applicant.resident § 9(2)\n  }\n}\n";

    fn files(text: &str) -> Vec<SourceFile> {
        vec![SourceFile::new("r.ereje", text)]
    }

    #[test]
    fn a_fix_that_only_moves_lines_is_accepted() {
        let before = analyze_sources(files(RULES));
        let fixed = RULES.replace("  allow unused-input because \"none\"\n", "");
        assert!(verify(&before, files(&fixed)).is_ok());
    }

    #[test]
    fn a_fix_that_changes_what_is_checked_is_refused() {
        let before = analyze_sources(files(RULES));
        for unsafe_edit in [
            RULES.replace("when applicant.resident", "when not applicant.resident"),
            RULES.replace("§ 9(2)", "§ 9(3)"),
            RULES.replace("document passport", "document photo"),
        ] {
            let refused = verify(&before, files(&unsafe_edit));
            assert!(
                refused.is_err_and(|e| e.contains("would change what the rules check")),
                "{unsafe_edit}"
            );
        }
    }

    #[test]
    fn a_file_changed_after_it_was_linted_is_not_written() {
        let dir = std::env::temp_dir().join(format!("ereje-fix-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("r.ereje");
        std::fs::write(&path, RULES).unwrap();
        let name = path.display().to_string();
        assert!(still_as_linted(&SourceFile::new(name.clone(), RULES)).is_ok());
        std::fs::write(&path, format!("{RULES}\n")).unwrap();
        let refused = still_as_linted(&SourceFile::new(name, RULES));
        assert!(refused.is_err_and(|e| e.contains("changed after it was linted")));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
