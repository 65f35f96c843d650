//! A trace for people at a terminal: the bundle and the law applied, then each requirement,
//! ground and step with the conditions decided, the facts they read and what each concluded,
//! indented, in the trace's language. Every text from the bundle is shown with its control
//! and bidirectional characters as code points (`report::escaped`), so none can reorder or
//! colour the terminal.

use std::fmt::Write;

use super::model::{Conclusion, Condition, Fact, Rule, Trace, Truth};
use super::words::{Words, words};
use crate::report::escaped;

/// The trace of the bundle named `name`, as text.
pub fn render(trace: &Trace, name: &str) -> String {
    let w = words(trace.lang);
    let mut out = String::new();
    let mut line = |indent: usize, text: &str| {
        let _ = writeln!(out, "{}{text}", "  ".repeat(indent));
    };
    let field = |value: &Option<String>| -> String {
        value
            .as_deref()
            .map_or_else(|| String::from("—"), |v| escaped(v).into_owned())
    };
    line(0, &format!("{} — {}", w.title, escaped(name)));
    if trace.id.is_some() {
        line(1, &format!("id: {}", field(&trace.id)));
    }
    line(1, &format!("{}: {}", w.service, field(&trace.service)));
    line(
        1,
        &format!("{}: {}", w.submitted, field(&trace.submitted_at)),
    );
    line(1, &format!("{}: {}", w.as_of, field(&trace.as_of)));
    if let Some(law) = &trace.law {
        line(1, &format!("{}: {}", w.law, period(w, &law.in_force)));
        line(2, &rule(w, &law.rule));
    }
    line(1, &format!("{}: {}", w.verdict, trace.verdict.as_str()));
    let mut body = String::new();
    section(&mut body, w.input, &trace.input, w);
    section(&mut body, w.applicability, &trace.applicability, w);
    if !trace.requirements.is_empty() {
        let _ = writeln!(body, "\n{}", w.requirements);
    }
    for r in &trace.requirements {
        let _ = writeln!(body, "  {}", r.document);
        let _ = writeln!(body, "    {}", rule(w, &r.rule));
        let _ = writeln!(
            body,
            "    {}: {} ({}); {}: {}",
            w.in_force,
            w.truth(r.in_force),
            period(w, &r.period),
            w.attached,
            r.attached
        );
        match &r.required {
            Some(c) => condition(&mut body, 2, w.required, c, w),
            None if r.attached > 0 && r.items.is_empty() && r.in_force == Truth::True => {
                let _ = writeln!(body, "    {}: {}", w.required, w.not_decided_attached);
            }
            None => {}
        }
        if let Some(c) = &r.when {
            condition(&mut body, 3, w.when, c, w);
        }
        if let Some(c) = &r.exemption {
            condition(&mut body, 3, w.exemption, c, w);
            if c.value == Truth::True {
                let _ = writeln!(body, "      → {}", w.exemption_applied);
            }
        }
        for item in &r.items {
            let head = format!("{} {}: {}", w.item, item.index, w.needs);
            condition(&mut body, 2, &head, &item.needs, w);
        }
        for copy in &r.copies {
            let _ = writeln!(body, "    {} /documents/{}", w.copy, copy.document);
            for c in &copy.rules {
                condition(&mut body, 3, w.valid_when, c, w);
            }
        }
        conclusions(&mut body, 2, &r.findings, w, r.in_force == Truth::True);
    }
    if !trace.grounds.is_empty() {
        let _ = writeln!(body, "\n{}", w.grounds);
    }
    for g in &trace.grounds {
        let _ = writeln!(body, "  {}", g.ground);
        let _ = writeln!(body, "    {}", rule(w, &g.rule));
        let _ = writeln!(
            body,
            "    {}: {} ({})",
            w.in_force,
            w.truth(g.in_force),
            period(w, &g.period)
        );
        if let Some(c) = &g.holds {
            condition(&mut body, 2, w.holds, c, w);
        }
        if let Some(c) = &g.when {
            condition(&mut body, 3, w.when, c, w);
        }
        if let Some(c) = &g.exemption {
            condition(&mut body, 3, w.exemption, c, w);
            if c.value == Truth::True {
                let _ = writeln!(body, "      → {}", w.exemption_applied);
            }
        }
        conclusions(&mut body, 2, &g.findings, w, g.in_force == Truth::True);
    }
    if !trace.steps.is_empty() {
        let _ = writeln!(body, "\n{}", w.steps);
    }
    let statuses = crate::report::words::timeline(trace.lang).statuses;
    for s in &trace.steps {
        let d = &s.deadline;
        let _ = writeln!(body, "  {}", d.step);
        let _ = writeln!(body, "    {}", rule(w, &s.rule));
        let mut facts = Vec::new();
        if let Some(actor) = &d.actor {
            facts.push(format!("{}: {actor}", w.actor));
        }
        if let Some(within) = &s.within {
            facts.push(format!("{}: {within}", w.within));
        }
        if let Some(after) = &s.after {
            facts.push(format!("{}: {after}", w.after));
        }
        if !facts.is_empty() {
            let _ = writeln!(body, "    {}", facts.join("; "));
        }
        let status = crate::check::DeadlineStatus::ALL
            .iter()
            .position(|x| *x == d.status)
            .and_then(|i| statuses.get(i))
            .copied()
            .unwrap_or_default();
        let _ = writeln!(
            body,
            "    {}: {}; {}: {}; {}: {status}",
            w.due,
            d.due.as_deref().unwrap_or("—"),
            w.at,
            d.at.as_deref().map_or("—".into(), escaped),
            w.status,
        );
        conclusions(&mut body, 2, &s.findings, w, false);
    }
    if !trace.missing_facts.is_empty() {
        let _ = writeln!(body, "\n{}", w.missing_facts);
    }
    for m in &trace.missing_facts {
        let _ = writeln!(
            body,
            "  {} — {}: {}",
            escaped(&m.fact),
            w.waiting,
            m.rules.join(", ")
        );
    }
    out.push_str(&body);
    out
}

/// "from 2015-07-20 until 2020-04-14" in the trace's words, or "as long as the service" for
/// a rule with no bound of its own.
pub(crate) fn period(w: &Words, p: &super::model::Period) -> String {
    let parts: Vec<String> = [(w.since_day, &p.from), (w.until_day, &p.until)]
        .into_iter()
        .filter_map(|(words, day)| day.as_deref().map(|d| words.replace("{day}", d)))
        .collect();
    if parts.is_empty() {
        String::from(w.unbounded)
    } else {
        parts.join(" ")
    }
}

/// "law: order 315, annex 1, § 9(2) — rule `…` (rules/…:41)".
fn rule(w: &Words, r: &Rule) -> String {
    let cited: Vec<&str> = r.citations.iter().map(|c| c.text.as_str()).collect();
    let mut out = if cited.is_empty() {
        format!("{} `{}` ({})", w.rule, r.id, r.location)
    } else {
        format!(
            "{}: {} — {} `{}` ({})",
            w.cited,
            cited.join("; "),
            w.rule,
            r.id,
            r.location
        )
    };
    if let Some(why) = &r.unverified {
        out.push_str(&format!("; {}: {why}", w.unverified));
    }
    out
}

/// A condition's line (`head: value  `written`  (place)`), then a line per fact it read.
fn condition(out: &mut String, indent: usize, head: &str, c: &Condition, w: &Words) {
    let pad = "  ".repeat(indent);
    let _ = writeln!(
        out,
        "{pad}{head}: {}  `{}`  ({})",
        w.truth(c.value),
        c.written,
        c.location
    );
    for f in &c.facts {
        let _ = writeln!(out, "{pad}  {}", fact(f, w));
    }
    if !c.missing.is_empty() {
        let missing: Vec<_> = c.missing.iter().map(|m| escaped(m)).collect();
        let _ = writeln!(out, "{pad}  {}: {}", w.missing, missing.join(", "));
    }
}

/// "/applicant/category = "foreigner"", or that it is absent.
pub(crate) fn fact_value(f: &Fact, w: &Words) -> String {
    match (&f.value, f.size) {
        (Some(v), _) => v.to_string(),
        (None, Some(n)) => format!("[{n} {}]", w.elements),
        (None, None) => format!("({})", w.absent),
    }
}

fn fact(f: &Fact, w: &Words) -> String {
    format!("{} = {}", escaped(&f.pointer), escaped(&fact_value(f, w)))
}

/// The findings an element concluded, or that it concluded none (said only of an element that
/// was decided).
fn conclusions(out: &mut String, indent: usize, findings: &[Conclusion], w: &Words, say: bool) {
    let pad = "  ".repeat(indent);
    if findings.is_empty() && say {
        let _ = writeln!(out, "{pad}→ {}", w.no_finding);
    }
    for f in findings {
        let _ = writeln!(
            out,
            "{pad}→ {} {} `{}`: {}",
            sign(f),
            f.code,
            escaped(&f.subject),
            escaped(&f.message)
        );
    }
}

fn sign(f: &Conclusion) -> &'static str {
    match f.severity {
        crate::codes::Severity::Error => "×",
        _ => "⚠",
    }
}

/// The findings of a part of the bundle that no rule decides (its own problems,
/// applicability), under a heading; nothing when there are none.
fn section(out: &mut String, head: &str, findings: &[Conclusion], w: &Words) {
    if findings.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{head}");
    conclusions(out, 1, findings, w, false);
}
