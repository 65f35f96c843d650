//! SARIF 2.1.0 output (`ereje lint --format sarif`), as GitHub code scanning and other
//! viewers read it: one run whose tool lists every lint as a rule (its page as help), and a
//! result per finding. Columns count Unicode code points, as every other output of ereje
//! does, and the run says so (`columnKind`). A finding an `allow` or the baseline silences is
//! still a result, marked with a suppression, which is how SARIF records a known finding
//! (code scanning shows it as dismissed, not as an alert).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::codes::{Code, Severity};
use crate::diagnostic::{Diagnostic, Fix, Label};
use crate::lint::{LINTS, Level, fingerprint};
use crate::source::SourceMap;
use crate::vocab::Lang;

/// The schema a log names (the OASIS standard's, with its errata).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of ereje's fingerprint in `partialFingerprints`; the version changes if the
/// fingerprint ever does.
pub const FINGERPRINT_KEY: &str = "erejeFinding/v1";

/// Why a finding is not reported as an alert.
#[derive(Debug, Clone, Copy)]
pub enum Suppression<'a> {
    /// An `allow … because "…"` in the rule file, with its reasons (innermost first).
    InSource(&'a [String]),
    /// The baseline file (named as given) records it.
    Baseline(&'a str),
}

/// A finding, and what silences it if anything does.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The finding.
    pub diagnostic: &'a Diagnostic,
    /// Its suppression.
    pub suppression: Option<Suppression<'a>>,
}

/// The SARIF log of a lint run, pretty-printed, with its final newline.
pub fn log(entries: &[Entry<'_>], sources: &SourceMap, lang: Lang) -> String {
    let mut rules: Vec<Value> = LINTS.iter().map(|l| lint_rule(l)).collect();
    let mut index: BTreeMap<&str, usize> = LINTS
        .iter()
        .enumerate()
        .map(|(i, l)| (l.code.code, i))
        .collect();
    // a rule file that does not compile reports its errors too: their codes become rules
    for e in entries {
        let code = e.diagnostic.code;
        if !index.contains_key(code.code) {
            index.insert(code.code, rules.len());
            rules.push(code_rule(code));
        }
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let results: Vec<Value> = entries
        .iter()
        .map(|e| {
            let print = fingerprint::of(e.diagnostic, sources);
            let n = seen.entry(print.clone()).or_insert(0);
            *n += 1;
            // identical findings are told apart by their order, as code scanning's own are
            let print = format!("{print}:{n}");
            result(
                e,
                index.get(e.diagnostic.code.code).copied(),
                &print,
                sources,
                lang,
            )
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ereje",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|e| {
        format!("{{\"version\":\"2.1.0\",\"runs\":[],\"error\":\"not serializable: {e}\"}}")
    });
    text.push('\n');
    text
}

/// A lint as a SARIF rule: its summary, the first paragraph of its page, and the page.
fn lint_rule(lint: &crate::lint::Lint) -> Value {
    let page = crate::lint::docs::page(lint);
    let first: Vec<&str> = lint
        .docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end())
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .collect();
    json!({
        "id": lint.code.code,
        "name": lint.code.name,
        "shortDescription": { "text": lint.code.summary },
        "fullDescription": { "text": first.join(" ") },
        "help": { "text": page, "markdown": page },
        "defaultConfiguration": { "level": level(lint.level) },
    })
}

/// A code that is no lint (a rule-file error) as a SARIF rule.
fn code_rule(code: &Code) -> Value {
    json!({
        "id": code.code,
        "name": code.name,
        "shortDescription": { "text": code.summary },
        "fullDescription": { "text": code.summary },
        "defaultConfiguration": { "level": severity(code.severity) },
    })
}

fn result(
    e: &Entry<'_>,
    rule: Option<usize>,
    print: &str,
    sources: &SourceMap,
    lang: Lang,
) -> Value {
    let d = e.diagnostic;
    let mut text = d.message.get(lang).to_string();
    if let Some(help) = &d.help {
        text.push_str("\n\nhelp: ");
        text.push_str(help.get(lang));
    }
    if let Some(law) = &d.law {
        text.push_str("\nlaw: ");
        text.push_str(law.get(lang));
    }
    let mut r = json!({
        "ruleId": d.code.code,
        "level": severity(d.severity),
        "message": { "text": text },
        "locations": d.primary.iter().filter_map(|l| location(l, sources, lang)).collect::<Vec<_>>(),
        "partialFingerprints": { FINGERPRINT_KEY: print },
    });
    if let Some(i) = rule {
        r["ruleIndex"] = json!(i);
    }
    let related: Vec<Value> = d
        .secondary
        .iter()
        .filter_map(|l| location(l, sources, lang))
        .enumerate()
        .map(|(i, mut loc)| {
            loc["id"] = json!(i + 1);
            loc
        })
        .collect();
    if !related.is_empty() {
        r["relatedLocations"] = json!(related);
    }
    match e.suppression {
        Some(Suppression::InSource(reasons)) => {
            r["suppressions"] =
                json!([{ "kind": "inSource", "justification": reasons.join("; ") }]);
        }
        Some(Suppression::Baseline(file)) => {
            r["suppressions"] = json!([{
                "kind": "external",
                "justification": format!("recorded in the baseline `{file}`"),
            }]);
        }
        None => {}
    }
    if let Some(fix) = &d.fix
        && let Some(fix) = fix_value(fix, sources, lang)
    {
        r["fixes"] = json!([fix]);
    }
    if let Some(w) = &d.witness {
        // SARIF has no slot for a demonstrating input; a property bag is its extension point
        let bundle: Value = serde_json::from_str(&w.bundle).unwrap_or(Value::Null);
        let shows: Vec<Value> = w
            .shows
            .iter()
            .map(|(code, subject)| json!({ "code": code, "subject": subject }))
            .collect();
        r["properties"] =
            json!({ "witness": { "name": w.name, "bundle": bundle, "shows": shows } });
    }
    r
}

/// A safe fix as a SARIF fix: its title in `lang`, and its edits as replacements grouped by file, each
/// region in lines and code-point columns as the locations are (an insertion is an empty
/// region). `None` if an edit's file is not in the source map.
fn fix_value(fix: &Fix, sources: &SourceMap, lang: Lang) -> Option<Value> {
    let mut by_file: BTreeMap<usize, Vec<Value>> = BTreeMap::new();
    for edit in &fix.edits {
        let file = sources.get(edit.span.file)?;
        let (start_line, start_column) = file.line_col(edit.span.start);
        let (end_line, end_column) = file.line_col(edit.span.end.max(edit.span.start));
        by_file.entry(edit.span.file).or_default().push(json!({
            "deletedRegion": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
            },
            "insertedContent": { "text": edit.replacement },
        }));
    }
    let changes: Vec<Value> = by_file
        .into_iter()
        .filter_map(|(id, replacements)| {
            let file = sources.get(id)?;
            Some(json!({
                "artifactLocation": { "uri": uri(&file.name) },
                "replacements": replacements,
            }))
        })
        .collect();
    Some(json!({ "description": { "text": fix.title.get(lang) }, "artifactChanges": changes }))
}

/// A label as a SARIF location: the file, the region in lines and code-point columns (the
/// end column is the one after the region), and the label's words.
fn location(label: &Label, sources: &SourceMap, lang: Lang) -> Option<Value> {
    let file = sources.get(label.span.file)?;
    let (start_line, start_column) = file.line_col(label.span.start);
    let (end_line, end_column) = file.line_col(label.span.end.max(label.span.start));
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&file.name) },
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
            }
        }
    });
    if let Some(text) = &label.text {
        loc["message"] = json!({ "text": text.get(lang) });
    }
    Some(loc)
}

/// A file's name as a URI reference: a relative path stays relative (code scanning resolves
/// it against the repository), with forward slashes; an absolute one becomes a `file:` URI.
/// Every byte outside the unreserved characters and `/` is percent-encoded, so a space, a `#`,
/// a `:` or a Cyrillic name cannot change what the reference means.
pub fn uri(name: &str) -> String {
    let path = fingerprint::file_key(name);
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    let (prefix, rest) = if drive {
        (format!("file:///{}:", char::from(bytes[0])), &path[2..])
    } else if path.starts_with('/') {
        (String::from("file://"), path.as_str())
    } else {
        (String::new(), path.as_str())
    };
    let mut out = prefix;
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The SARIF level of a lint level.
fn level(level: Level) -> &'static str {
    match level {
        Level::Allow => "none",
        Level::Info => "note",
        Level::Warn => "warning",
        Level::Deny => "error",
    }
}

/// The SARIF level of a finding's severity.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn a_file_name_becomes_a_uri_reference() {
        assert_eq!(uri("rules/kz/a.ereje"), "rules/kz/a.ereje");
        assert_eq!(uri("./rules\\a b#1.ereje"), "rules/a%20b%231.ereje");
        assert_eq!(
            uri("правила/a.ereje"),
            "%D0%BF%D1%80%D0%B0%D0%B2%D0%B8%D0%BB%D0%B0/a.ereje"
        );
        assert_eq!(uri("/tmp/x:y.ereje"), "file:///tmp/x%3Ay.ereje");
        assert_eq!(uri("C:\\rules\\a.ereje"), "file:///C:/rules/a.ereje");
        assert_eq!(uri("100%.ereje"), "100%25.ereje");
    }
}
