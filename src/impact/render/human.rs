//! The impact for people: what was compared, how many bundles change, the verdicts under each
//! rule set and the flips between them, then the findings added and removed, one line a group
//! with its counts and first bundles. Not a contract (`--format json` is).

use super::words::{self, Noun, count};
use super::{sample_name, service, short_version};
use crate::check::Verdict;
use crate::impact::model::{Counted, Findings, Impact};
use crate::vocab::Lang;

/// The most groups listed in each direction; the JSON document has every one.
pub const MAX_LISTED: usize = 50;

/// The impact as text in `lang`, ending with a line break.
pub fn render(impact: &Impact, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&words::replayed(impact.bundles, lang));
    out.push('\n');
    let (base, new) = words::sides(lang);
    let width = base.chars().count().max(new.chars().count());
    for (label, side) in [(base, &impact.base), (new, &impact.new)] {
        out.push_str(&format!(
            "  {label:<width$}  {}  {}\n",
            crate::report::escaped(&side.rules),
            short_version(&side.rules_version)
        ));
    }
    let unchanged = impact.bundles - impact.changed.bundles;
    out.push_str(&words::changed(impact.changed.bundles, unchanged, lang));
    if impact.unreadable.bundles > 0 {
        out.push_str(&words::unreadable(
            impact.unreadable.bundles,
            &samples(&impact.unreadable, true, lang),
            lang,
        ));
    }
    let (verdicts, flips) = words::verdict_headings(lang);
    let column = 6.max(width);
    out.push_str(&format!(
        "\n\n{verdicts:<16}{base:>column$}   {new:>column$}\n"
    ));
    for ((v, base), new) in Verdict::ALL
        .iter()
        .zip(impact.base_verdicts)
        .zip(impact.new_verdicts)
    {
        out.push_str(&format!(
            "  {:<14}{base:>column$}   {new:>column$}\n",
            v.as_str()
        ));
    }
    out.push_str(&format!("\n{flips}\n"));
    if impact.flips.is_empty() {
        out.push_str(&format!("  {}\n", words::none(lang)));
    }
    for flip in &impact.flips {
        out.push_str(&format!(
            "  {} → {}: {}{}{}\n",
            flip.from.as_str(),
            flip.to.as_str(),
            count(flip.bundles.bundles, Noun::Bundle, lang),
            words::then_named(lang),
            samples(&flip.bundles, false, lang)
        ));
    }
    let (added, removed) = words::directions(lang);
    findings(&mut out, added, &impact.added, lang);
    findings(&mut out, removed, &impact.removed, lang);
    out
}

/// The groups of one direction.
fn findings(out: &mut String, what: &str, findings: &Findings, lang: Lang) {
    out.push_str(&format!("\n{}", words::findings_heading(what, lang)));
    if findings.bundles == 0 {
        out.push_str(&format!(": {}\n", words::none(lang)));
        return;
    }
    out.push_str(&format!(
        " ({})\n",
        words::findings_in(findings.findings, findings.bundles, lang)
    ));
    for group in findings.groups.iter().take(MAX_LISTED) {
        let key = &group.key;
        let place = service(key).map_or_else(String::new, |s| words::in_service(&s, lang));
        out.push_str(&format!(
            "  {} {}{place} ({}): {}{}{}{}\n",
            key.code,
            crate::report::escaped(&key.subject),
            key.severity.as_str(),
            count(group.bundles.bundles, Noun::Bundle, lang),
            if group.findings == group.bundles.bundles {
                String::new()
            } else {
                format!(", {}", count(group.findings, Noun::Finding, lang))
            },
            words::then_named(lang),
            samples(&group.bundles, false, lang)
        ));
    }
    let hidden = findings.groups.len().saturating_sub(MAX_LISTED);
    if hidden > 0 {
        out.push_str(&format!("  {}\n", words::more_groups(hidden, lang)));
    }
    if findings.left_out.findings > 0 {
        out.push_str(&format!(
            "  {}\n",
            words::left_out(
                findings.left_out.findings,
                findings.left_out.bundles,
                crate::impact::MAX_GROUPS,
                lang
            )
        ));
    }
}

/// The first bundles of a count, and how many more; `lines` names them by line only.
fn samples(counted: &Counted, lines: bool, lang: Lang) -> String {
    let mut names: Vec<String> = counted
        .samples
        .iter()
        .map(|s| {
            if lines {
                words::line(s.line, lang)
            } else {
                sample_name(s, lang)
            }
        })
        .collect();
    if counted.left_out() > 0 {
        names.push(format!("… {}", words::and_more(counted.left_out(), lang)));
    }
    names.join(", ")
}
