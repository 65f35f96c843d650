//! The impact as Markdown (GitHub's), for a comment on a change of the rules: a headline, a
//! table of the verdict flips, then a short section per group of findings added and removed
//! with its counts and first bundles. Long lists are cut, saying how many were left out, so
//! that the comment stays short enough to read and to paste; `--format json` has everything.

use super::{count, sample_name, service, short_version};
use crate::impact::model::{Counted, Findings, Impact};

/// The most groups given a section in each direction.
pub const MAX_SECTIONS: usize = 10;

/// The impact as Markdown, ending with a line break.
pub fn render(impact: &Impact) -> String {
    let mut out = String::from("## ereje impact\n\n");
    let changed = impact.changed.bundles;
    out.push_str(&format!(
        "**{changed} of {} {}** between the base rules ({}, {}) and the new rules ({}, {}).",
        count(impact.bundles, "bundle"),
        if changed == 1 { "changes" } else { "change" },
        code(&impact.base.rules),
        code(short_version(&impact.base.rules_version)),
        code(&impact.new.rules),
        code(short_version(&impact.new.rules_version)),
    ));
    if impact.unreadable.bundles > 0 {
        out.push_str(&format!(
            " {} could not be read as JSON bundles: `invalid` under both, counted in every total.",
            count(impact.unreadable.bundles, "line"),
        ));
    }
    out.push_str("\n\n### Verdict flips\n\n");
    if impact.flips.is_empty() {
        out.push_str("No verdict flips.\n");
    } else {
        out.push_str("| from | to | bundles | first bundles |\n| --- | --- | ---: | --- |\n");
        for flip in &impact.flips {
            out.push_str(&format!(
                "| `{}` | `{}` | {} | {} |\n",
                flip.from.as_str(),
                flip.to.as_str(),
                flip.bundles.bundles,
                samples(&flip.bundles, true)
            ));
        }
    }
    findings(&mut out, "added", &impact.added);
    findings(&mut out, "removed", &impact.removed);
    out
}

/// The sections of one direction.
fn findings(out: &mut String, what: &str, findings: &Findings) {
    out.push_str(&format!("\n### Findings {what}\n\n"));
    if findings.bundles == 0 {
        out.push_str("None.\n");
        return;
    }
    out.push_str(&format!(
        "{} in {}.\n",
        count(findings.findings, "finding"),
        count(findings.bundles, "bundle")
    ));
    for group in findings.groups.iter().take(MAX_SECTIONS) {
        let key = &group.key;
        let place = service(key).map_or_else(String::new, |s| format!(" in {}", code(&s)));
        out.push_str(&format!(
            "\n#### `{}` {}{place} ({})\n\n{}{}: {}\n",
            key.code,
            code(&key.subject),
            key.severity.as_str(),
            count(group.bundles.bundles, "bundle"),
            if group.findings == group.bundles.bundles {
                String::new()
            } else {
                format!(", {}", count(group.findings, "finding"))
            },
            samples(&group.bundles, false)
        ));
    }
    let hidden = findings.groups.get(MAX_SECTIONS..).unwrap_or_default();
    if !hidden.is_empty() || findings.left_out.findings > 0 {
        // groups past the cap of the tally are counted as one more
        let groups = hidden.len() + usize::from(findings.left_out.findings > 0);
        let found = hidden.iter().map(|g| g.findings).sum::<usize>() + findings.left_out.findings;
        out.push_str(&format!(
            "\n_… and {groups} more {} ({}), not shown: `ereje impact --format json` lists them._\n",
            if groups == 1 { "group" } else { "groups" },
            count(found, "finding"),
        ));
    }
}

/// The first bundles of a count as code spans, and how many more (in a table cell, `|` is
/// escaped as GitHub's tables require).
fn samples(counted: &Counted, in_table: bool) -> String {
    let mut names: Vec<String> = counted
        .samples
        .iter()
        .map(|s| {
            let name = if s.id.is_some() {
                code(&sample_name(s))
            } else {
                sample_name(s)
            };
            if in_table {
                name.replace('|', "\\|")
            } else {
                name
            }
        })
        .collect();
    if counted.left_out() > 0 {
        names.push(format!("and {} more", counted.left_out()));
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
