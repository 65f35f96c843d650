//! The impact for people: what was compared, how many bundles change, the verdicts under each
//! rule set and the flips between them, then the findings added and removed, one line a group
//! with its counts and first bundles. Not a contract (`--format json` is).

use super::{count, sample_name, service, short_version};
use crate::check::Verdict;
use crate::impact::model::{Counted, Findings, Impact};

/// The most groups listed in each direction; the JSON document has every one.
pub const MAX_LISTED: usize = 50;

/// The impact as text, ending with a line break.
pub fn render(impact: &Impact) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "ereje impact: {} replayed under two rule sets\n",
        count(impact.bundles, "bundle")
    ));
    for (label, side) in [("base", &impact.base), ("new ", &impact.new)] {
        out.push_str(&format!(
            "  {label}  {}  {}\n",
            crate::report::escaped(&side.rules),
            short_version(&side.rules_version)
        ));
    }
    let unchanged = impact.bundles - impact.changed.bundles;
    out.push_str(&format!(
        "{} {}, {unchanged} {}",
        count(impact.changed.bundles, "bundle"),
        if impact.changed.bundles == 1 {
            "changes"
        } else {
            "change"
        },
        if unchanged == 1 { "does not" } else { "do not" },
    ));
    if impact.unreadable.bundles > 0 {
        out.push_str(&format!(
            "; {} {} not readable JSON (invalid under both rule sets): {}",
            count(impact.unreadable.bundles, "line"),
            if impact.unreadable.bundles == 1 {
                "is"
            } else {
                "are"
            },
            samples(&impact.unreadable, true)
        ));
    }
    out.push_str("\n\nverdicts          base      new\n");
    for ((v, base), new) in Verdict::ALL
        .iter()
        .zip(impact.base_verdicts)
        .zip(impact.new_verdicts)
    {
        out.push_str(&format!("  {:<14}{base:>6}   {new:>6}\n", v.as_str()));
    }
    out.push_str("\nverdict flips\n");
    if impact.flips.is_empty() {
        out.push_str("  none\n");
    }
    for flip in &impact.flips {
        out.push_str(&format!(
            "  {} → {}: {}: {}\n",
            flip.from.as_str(),
            flip.to.as_str(),
            count(flip.bundles.bundles, "bundle"),
            samples(&flip.bundles, false)
        ));
    }
    findings(&mut out, "added", &impact.added);
    findings(&mut out, "removed", &impact.removed);
    out
}

/// The groups of one direction.
fn findings(out: &mut String, what: &str, findings: &Findings) {
    out.push_str(&format!("\nfindings {what}"));
    if findings.bundles == 0 {
        out.push_str(": none\n");
        return;
    }
    out.push_str(&format!(
        " ({}, in {})\n",
        count(findings.findings, "finding"),
        count(findings.bundles, "bundle")
    ));
    for group in findings.groups.iter().take(MAX_LISTED) {
        let key = &group.key;
        let place = service(key).map_or_else(String::new, |s| format!(" in {s}"));
        out.push_str(&format!(
            "  {} {}{place} ({}): {}{}: {}\n",
            key.code,
            crate::report::escaped(&key.subject),
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
    let hidden = findings.groups.len().saturating_sub(MAX_LISTED);
    if hidden > 0 {
        out.push_str(&format!(
            "  … and {} more (`--format json` lists every one)\n",
            count(hidden, "group")
        ));
    }
    if findings.left_out.findings > 0 {
        out.push_str(&format!(
            "  … and {} in {} of groups past the first {} (counted, not listed)\n",
            count(findings.left_out.findings, "finding"),
            count(findings.left_out.bundles, "bundle"),
            crate::impact::MAX_GROUPS
        ));
    }
}

/// The first bundles of a count, and how many more; `lines` names them by line only.
fn samples(counted: &Counted, lines: bool) -> String {
    let mut names: Vec<String> = counted
        .samples
        .iter()
        .map(|s| {
            if lines {
                format!("line {}", s.line)
            } else {
                sample_name(s)
            }
        })
        .collect();
    if counted.left_out() > 0 {
        names.push(format!("… and {} more", counted.left_out()));
    }
    names.join(", ")
}
