//! The impact as Markdown (GitHub's), for a comment on a change of the rules: a headline, a
//! table of the verdict flips, then a short section per group of findings added and removed
//! with its counts and first bundles. Long lists are cut, saying how many were left out, so
//! that the comment stays short enough to read and to paste; `--format json` has everything.

use super::words::{self, Noun, count};
use super::{sample_name, service, short_version};
use crate::impact::model::{Counted, Findings, Impact};
use crate::vocab::Lang;

/// The most groups given a section in each direction.
pub const MAX_SECTIONS: usize = 10;

/// The impact as Markdown in `lang`, ending with a line break.
pub fn render(impact: &Impact, lang: Lang) -> String {
    let mut out = String::from("## ereje impact\n\n");
    let side =
        |rules: &str, version: &str| format!("{}, {}", code(rules), code(short_version(version)));
    out.push_str(&words::headline(
        impact.changed.bundles,
        impact.bundles,
        &side(&impact.base.rules, &impact.base.rules_version),
        &side(&impact.new.rules, &impact.new.rules_version),
        lang,
    ));
    if impact.unreadable.bundles > 0 {
        out.push_str(&words::unreadable_sentence(impact.unreadable.bundles, lang));
    }
    let (heading, table, no_flips) = words::flips_section(lang);
    out.push_str(&format!("\n\n### {heading}\n\n"));
    if impact.flips.is_empty() {
        out.push_str(&format!("{no_flips}\n"));
    } else {
        out.push_str(&format!("{table}\n| --- | --- | ---: | --- |\n"));
        for flip in &impact.flips {
            out.push_str(&format!(
                "| `{}` | `{}` | {} | {} |\n",
                flip.from.as_str(),
                flip.to.as_str(),
                flip.bundles.bundles,
                samples(&flip.bundles, true, lang)
            ));
        }
    }
    let (added, removed) = words::directions(lang);
    findings(&mut out, added, &impact.added, lang);
    findings(&mut out, removed, &impact.removed, lang);
    out
}

/// The sections of one direction.
fn findings(out: &mut String, what: &str, findings: &Findings, lang: Lang) {
    out.push_str(&format!("\n### {}\n\n", words::findings_title(what, lang)));
    if findings.bundles == 0 {
        out.push_str(&format!("{}.\n", words::capitalised(words::none(lang))));
        return;
    }
    out.push_str(&format!(
        "{}.\n",
        words::capitalised(&words::findings_in(
            findings.findings,
            findings.bundles,
            lang
        ))
    ));
    for group in findings.groups.iter().take(MAX_SECTIONS) {
        let key = &group.key;
        let place = service(key).map_or_else(String::new, |s| words::in_service(&code(&s), lang));
        out.push_str(&format!(
            "\n#### `{}` {}{place} ({})\n\n{}{}{}{}\n",
            key.code,
            code(&key.subject),
            key.severity.as_str(),
            words::capitalised(&count(group.bundles.bundles, Noun::Bundle, lang)),
            if group.findings == group.bundles.bundles {
                String::new()
            } else {
                format!(", {}", count(group.findings, Noun::Finding, lang))
            },
            words::then_named(lang),
            samples(&group.bundles, false, lang)
        ));
    }
    let hidden = findings.groups.get(MAX_SECTIONS..).unwrap_or_default();
    if !hidden.is_empty() || findings.left_out.findings > 0 {
        // groups past the cap of the tally are counted as one more
        let groups = hidden.len() + usize::from(findings.left_out.findings > 0);
        let found = hidden.iter().map(|g| g.findings).sum::<usize>() + findings.left_out.findings;
        out.push_str(&format!("\n{}\n", words::not_shown(groups, found, lang)));
    }
}

/// The first bundles of a count as code spans, and how many more (in a table cell, `|` is
/// escaped as GitHub's tables require).
fn samples(counted: &Counted, in_table: bool, lang: Lang) -> String {
    let mut names: Vec<String> = counted
        .samples
        .iter()
        .map(|s| {
            let name = if s.id.is_some() {
                code(&sample_name(s, lang))
            } else {
                sample_name(s, lang)
            };
            if in_table {
                name.replace('|', "\\|")
            } else {
                name
            }
        })
        .collect();
    if counted.left_out() > 0 {
        names.push(words::and_more(counted.left_out(), lang));
    }
    names.join(", ")
}

/// `text` as a Markdown code span: fenced by one backtick more than its longest run of them,
/// padded with a space when it starts or ends with one, so no text can end the span early.
fn code(text: &str) -> String {
    let text = crate::report::escaped(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}
