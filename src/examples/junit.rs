//! The outcomes of `ereje test` as JUnit XML, for CI systems that show test results: one
//! `<testsuite>` per service, its coverage as `<properties>`, one `<testcase>` per example, a
//! `<failure>` for each example that failed. Written by hand: the format is small and only
//! needs escaping done right.

use std::io::{self, Write};

use super::ExampleOutcome;
use super::coverage::{Elements, ServiceCoverage};

/// Write the outcomes and the coverage as one JUnit XML document.
pub fn write(
    out: &mut impl Write,
    outcomes: &[ExampleOutcome],
    coverage: &[ServiceCoverage],
) -> io::Result<()> {
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="ereje test" tests="{}" failures="{failed}" errors="0">"#,
        outcomes.len()
    )?;
    for service in services(outcomes, coverage) {
        let cases: Vec<&ExampleOutcome> =
            outcomes.iter().filter(|o| o.service == service).collect();
        let failed = cases.iter().filter(|o| !o.passed()).count();
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{failed}" errors="0" skipped="0">"#,
            attr(service),
            cases.len()
        )?;
        if let Some(c) = coverage.iter().find(|c| c.service == service) {
            properties(out, c)?;
        }
        for case in cases {
            let head = format!(
                r#"    <testcase name="{}" classname="{}" file="{}" line="{}""#,
                attr(&case.name),
                attr(&case.service),
                attr(&case.file),
                case.line
            );
            if case.passed() {
                writeln!(out, "{head}/>")?;
                continue;
            }
            writeln!(out, "{head}>")?;
            let message = case.failures.join("; ");
            let body = case.failures.join("\n");
            writeln!(
                out,
                r#"      <failure message="{}" type="example">{}</failure>"#,
                attr(&message),
                text(&body)
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// The coverage of a service as properties: `coverage.documents` is `5 of 14`,
/// `coverage.documents.uncovered` the ids no example exercises, separated by `, `.
fn properties(out: &mut impl Write, c: &ServiceCoverage) -> io::Result<()> {
    writeln!(out, "    <properties>")?;
    let kinds: [(&str, &Elements); 3] = [
        ("documents", &c.documents),
        ("refusal_grounds", &c.refusal_grounds),
        ("steps", &c.steps),
    ];
    for (kind, elements) in kinds {
        writeln!(
            out,
            r#"      <property name="coverage.{kind}" value="{} of {}"/>"#,
            elements.covered(),
            elements.total
        )?;
        writeln!(
            out,
            r#"      <property name="coverage.{kind}.uncovered" value="{}"/>"#,
            attr(&elements.uncovered.join(", "))
        )?;
    }
    writeln!(out, "    </properties>")
}

/// The services: those with examples in the order their first example comes, then those
/// without any (a suite of no test cases that still shows its coverage).
fn services<'a>(outcomes: &'a [ExampleOutcome], coverage: &'a [ServiceCoverage]) -> Vec<&'a str> {
    let mut services: Vec<&str> = Vec::new();
    let ids = outcomes
        .iter()
        .map(|o| o.service.as_str())
        .chain(coverage.iter().map(|c| c.service.as_str()));
    for id in ids {
        if !services.contains(&id) {
            services.push(id);
        }
    }
    services
}

/// Text for an attribute value in double quotes: line breaks and tabs as character
/// references, since a parser turns them into spaces otherwise.
fn attr(value: &str) -> String {
    escape(value, true)
}

/// Text for element content.
fn text(value: &str) -> String {
    escape(value, false)
}

fn escape(value: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\r' | '\t' if in_attribute => out.push_str(&format!("&#{};", u32::from(c))),
            '\n' | '\t' => out.push(c),
            // a carriage return in content would be read as a line break: keep it as it is
            '\r' => out.push_str("&#13;"),
            // XML 1.0 has no way to write other control characters, even as references
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Whether XML 1.0 allows the character at all (tab, line feed and carriage return are
/// handled before).
fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            attr("a <b> & \"c\" 'd'\n\te"),
            "a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;&#9;e"
        );
        assert_eq!(text("x\ny\r\u{1}\u{FFFF}ü"), "x\ny&#13;\u{FFFD}\u{FFFD}ü");
    }
}
