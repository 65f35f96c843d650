//! A trace as one self-contained HTML page that a case officer can print: inline CSS, no
//! scripts, no external assets, `<html lang=…>` in the trace's language. The markup is also
//! well-formed XML (XHTML-compatible: every element closed, only the five XML entities), and
//! every value that comes from the bundle or the rules is escaped.

use std::fmt::Write;

use super::model::{Conclusion, Condition, Rule, Trace, Truth};
use super::words::{Words, words};

/// The page's style: readable on screen, one column on paper.
const STYLE: &str = "body{font-family:sans-serif;margin:2em;color:#111;max-width:60em}\
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:1px solid #999;margin-top:1.5em}\
h3{font-size:1em;margin:.8em 0 .2em}table{border-collapse:collapse}\
th,td{text-align:left;vertical-align:top;padding:.15em .6em .15em 0}\
.element{border-left:3px solid #ccc;padding-left:.8em;margin:.6em 0;page-break-inside:avoid}\
.law,.place{color:#444;font-size:.9em}code{font-family:monospace;background:#f3f3f3}\
.true{color:#063;font-weight:bold}.false{color:#333;font-weight:bold}.unknown{color:#a60;font-weight:bold}\
.error{color:#a00}.warning{color:#a60}ul{margin:.2em 0}\
@media print{body{margin:0;max-width:none}a{color:#000}}";

/// The trace of the bundle named `name`, as one HTML page.
pub fn render(trace: &Trace, name: &str) -> String {
    let w = words(trace.lang);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{0}\" xml:lang=\"{0}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{1} — {2}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{1}</h1>\n",
        trace.lang.tag(),
        esc(w.title),
        esc(name)
    );
    h.push_str("<table class=\"summary\">\n");
    let row = |h: &mut String, head: &str, value: &str| {
        let _ = writeln!(h, "<tr><th>{}</th><td>{}</td></tr>", esc(head), esc(value));
    };
    row(&mut h, w.bundle, name);
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| String::from("—"));
    if let Some(id) = &trace.id {
        row(&mut h, "id", id);
    }
    row(&mut h, w.service, &or_dash(&trace.service));
    row(&mut h, w.submitted, &or_dash(&trace.submitted_at));
    row(&mut h, w.as_of, &or_dash(&trace.as_of));
    if let Some(law) = &trace.law {
        let period = super::human::period(w, &law.in_force);
        let _ = writeln!(
            h,
            "<tr><th>{}</th><td>{}<br/>{}</td></tr>",
            esc(w.law),
            esc(&period),
            rule(w, &law.rule)
        );
    }
    row(&mut h, w.verdict, trace.verdict.as_str());
    row(&mut h, w.rules_version, &trace.rules_version);
    h.push_str("</table>\n");
    section(&mut h, w.input, &trace.input, w);
    section(&mut h, w.applicability, &trace.applicability, w);
    if !trace.requirements.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>", esc(w.requirements));
    }
    for r in &trace.requirements {
        let _ = writeln!(
            h,
            "<div class=\"element\">\n<h3>{}</h3>\n<p class=\"law\">{}</p>\n<p>{}: {} ({}); {}: {}</p>",
            esc(&r.document),
            rule(w, &r.rule),
            esc(w.in_force),
            truth(w, r.in_force),
            esc(&super::human::period(w, &r.period)),
            esc(w.attached),
            r.attached
        );
        h.push_str("<table>\n");
        if let Some(c) = &r.required {
            condition(&mut h, w.required, c, w);
        } else if r.attached > 0 && r.items.is_empty() && r.in_force == Truth::True {
            let _ = writeln!(
                h,
                "<tr><th>{}</th><td colspan=\"2\">{}</td></tr>",
                esc(w.required),
                esc(w.not_decided_attached)
            );
        }
        if let Some(c) = &r.when {
            condition(&mut h, w.when, c, w);
        }
        if let Some(c) = &r.exemption {
            condition(&mut h, w.exemption, c, w);
        }
        for item in &r.items {
            let head = format!("{} {}: {}", w.item, item.index, w.needs);
            condition(&mut h, &head, &item.needs, w);
        }
        for copy in &r.copies {
            for c in &copy.rules {
                let head = format!("{} /documents/{}: {}", w.copy, copy.document, w.valid_when);
                condition(&mut h, &head, c, w);
            }
        }
        h.push_str("</table>\n");
        if r.exemption.as_ref().is_some_and(|c| c.value == Truth::True) {
            let _ = writeln!(h, "<p><strong>{}</strong></p>", esc(w.exemption_applied));
        }
        conclusions(&mut h, &r.findings, w, r.in_force == Truth::True);
        h.push_str("</div>\n");
    }
    if !trace.grounds.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>", esc(w.grounds));
    }
    for g in &trace.grounds {
        let _ = writeln!(
            h,
            "<div class=\"element\">\n<h3>{}</h3>\n<p class=\"law\">{}</p>\n<p>{}: {} ({})</p>\n<table>",
            esc(&g.ground),
            rule(w, &g.rule),
            esc(w.in_force),
            truth(w, g.in_force),
            esc(&super::human::period(w, &g.period))
        );
        for (head, c) in [
            (w.holds, &g.holds),
            (w.when, &g.when),
            (w.exemption, &g.exemption),
        ] {
            if let Some(c) = c {
                condition(&mut h, head, c, w);
            }
        }
        h.push_str("</table>\n");
        if g.exemption.as_ref().is_some_and(|c| c.value == Truth::True) {
            let _ = writeln!(h, "<p><strong>{}</strong></p>", esc(w.exemption_applied));
        }
        conclusions(&mut h, &g.findings, w, g.in_force == Truth::True);
        h.push_str("</div>\n");
    }
    steps(&mut h, trace, w);
    if !trace.missing_facts.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>\n<ul>", esc(w.missing_facts));
        for m in &trace.missing_facts {
            let _ = writeln!(
                h,
                "<li><code>{}</code> — {}: {}</li>",
                esc(&m.fact),
                esc(w.waiting),
                esc(&m.rules.join(", "))
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// The steps and the term, one row each.
fn steps(h: &mut String, trace: &Trace, w: &Words) {
    if trace.steps.is_empty() {
        return;
    }
    let statuses = crate::report::words::timeline(trace.lang).statuses;
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<table>\n<tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(w.steps),
        esc(w.actor),
        esc(w.within),
        esc(w.after),
        esc(w.due),
        esc(w.at),
        esc(w.status)
    );
    for s in &trace.steps {
        let d = &s.deadline;
        let status = crate::check::DeadlineStatus::ALL
            .iter()
            .position(|x| *x == d.status)
            .and_then(|i| statuses.get(i))
            .copied()
            .unwrap_or_default();
        let cell = |v: &Option<String>| esc(v.as_deref().unwrap_or("—"));
        let _ = writeln!(
            h,
            "<tr><th>{}<br/><span class=\"law\">{}</span></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&d.step),
            rule(w, &s.rule),
            cell(&d.actor),
            cell(&s.within),
            cell(&s.after),
            cell(&d.due),
            cell(&d.at),
            esc(status)
        );
        if !s.findings.is_empty() {
            h.push_str("<tr><td></td><td colspan=\"6\">");
            conclusions(h, &s.findings, w, false);
            h.push_str("</td></tr>\n");
        }
    }
    h.push_str("</table>\n");
}

/// Text as HTML (and XML) text or attribute value.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // a control character is not allowed in XML: shown by its code point
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "&lt;U+{:04X}&gt;", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

fn truth(w: &Words, value: Truth) -> String {
    format!(
        "<span class=\"{}\">{}</span>",
        value.as_str(),
        esc(w.truth(value))
    )
}

/// A rule's citations, id and place, escaped.
fn rule(w: &Words, r: &Rule) -> String {
    let cited: Vec<&str> = r.citations.iter().map(|c| c.text.as_str()).collect();
    let mut out = String::new();
    if !cited.is_empty() {
        let _ = write!(out, "{}: {} — ", esc(w.cited), esc(&cited.join("; ")));
    }
    let _ = write!(
        out,
        "{} <code>{}</code> ({})",
        esc(w.rule),
        esc(&r.id),
        esc(&r.location)
    );
    if let Some(why) = &r.unverified {
        let _ = write!(out, "; {}: {}", esc(w.unverified), esc(why));
    }
    out
}

/// A condition as a row: what it is, its value, its text and place, the facts it read.
fn condition(h: &mut String, head: &str, c: &Condition, w: &Words) {
    let _ = write!(
        h,
        "<tr><th>{}</th><td>{}</td><td><code>{}</code> <span class=\"place\">({})</span>",
        esc(head),
        truth(w, c.value),
        esc(&c.written),
        esc(&c.location)
    );
    if !c.facts.is_empty() {
        h.push_str("<ul>");
        for f in &c.facts {
            let _ = write!(
                h,
                "<li><code>{}</code> = {}</li>",
                esc(&f.pointer),
                esc(&super::human::fact_value(f, w))
            );
        }
        h.push_str("</ul>");
    }
    if !c.missing.is_empty() {
        let _ = write!(
            h,
            "<p>{}: <code>{}</code></p>",
            esc(w.missing),
            esc(&c.missing.join(", "))
        );
    }
    h.push_str("</td></tr>\n");
}

/// The findings an element concluded, as a list (or that there are none).
fn conclusions(h: &mut String, findings: &[Conclusion], w: &Words, say: bool) {
    if findings.is_empty() {
        if say {
            let _ = writeln!(h, "<p>{}: {}</p>", esc(w.concluded), esc(w.no_finding));
        }
        return;
    }
    h.push_str("<ul class=\"findings\">");
    for f in findings {
        let severity = match f.severity {
            crate::codes::Severity::Error => "error",
            _ => "warning",
        };
        let _ = write!(
            h,
            "<li class=\"{severity}\"><strong>{}</strong> <code>{}</code>: {}</li>",
            esc(f.code),
            esc(&f.subject),
            esc(&f.message)
        );
    }
    h.push_str("</ul>\n");
}

/// The findings of a part of the bundle that no rule decides, under a heading.
fn section(h: &mut String, head: &str, findings: &[Conclusion], w: &Words) {
    if findings.is_empty() {
        return;
    }
    let _ = writeln!(h, "<h2>{}</h2>", esc(head));
    conclusions(h, findings, w, false);
}
