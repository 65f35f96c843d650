//! GitHub Actions output (`ereje lint --format github`): one workflow command per finding,
//! which the runner turns into an annotation on the file and line of the pull request, and a
//! Markdown table of the counts by lint for the job summary. Escaping is the runner's own
//! (`@actions/core`): `%`, carriage return and line feed in the message; those and `:` and `,`
//! in the properties, which `,` separates and `::` ends.

use std::collections::BTreeMap;

use crate::codes::{Code, Severity};
use crate::diagnostic::Diagnostic;
use crate::lint::fingerprint;
use crate::source::SourceMap;
use crate::vocab::Lang;

/// A finding as one workflow command, with its newline: `::warning file=…,line=…,col=…,
/// endLine=…,endColumn=…,title=L020 unstated-day-kind::message`. The message carries the
/// help and the law on lines of their own (escaped, so the command stays one line).
pub fn command(d: &Diagnostic, sources: &SourceMap, lang: Lang) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut properties = Vec::new();
    if let Some(label) = &d.primary
        && let Some(file) = sources.get(label.span.file)
    {
        let (line, col) = file.line_col(label.span.start);
        let (end_line, end_col) = file.line_col(label.span.end.max(label.span.start));
        properties.push(format!(
            "file={}",
            property(&fingerprint::file_key(&file.name))
        ));
        properties.push(format!("line={line}"));
        properties.push(format!("endLine={end_line}"));
        // the runner shows columns only on a finding of one line
        if line == end_line {
            properties.push(format!("col={col}"));
            properties.push(format!("endColumn={end_col}"));
        }
    }
    properties.push(format!(
        "title={}",
        property(&format!("{} {}", d.code.code, d.code.name))
    ));
    let mut message = d.message.get(lang).to_string();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help.get(lang));
    }
    if let Some(law) = &d.law {
        message.push_str("\nlaw: ");
        message.push_str(law.get(lang));
    }
    format!("::{kind} {}::{}\n", properties.join(","), data(&message))
}

/// The job summary of a lint run, in Markdown: a heading, a table of how many findings of
/// each lint there are at each severity (or a line saying there are none), and `summary`,
/// the closing line of the run.
pub fn summary(diagnostics: &[Diagnostic], summary: &str) -> String {
    let mut by_code: BTreeMap<&str, (&Code, [usize; 3])> = BTreeMap::new();
    for d in diagnostics {
        let row = by_code.entry(d.code.code).or_insert((d.code, [0; 3]));
        let column = match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        if let Some(n) = row.1.get_mut(column) {
            *n += 1;
        }
    }
    let mut out = String::from("### ereje lint\n\n");
    if by_code.is_empty() {
        out.push_str("No findings.\n\n");
    } else {
        out.push_str("| code | lint | errors | warnings | notes |\n");
        out.push_str("| --- | --- | ---: | ---: | ---: |\n");
        for (code, (c, [e, w, n])) in &by_code {
            out.push_str(&format!("| {code} | `{}` | {e} | {w} | {n} |\n", c.name));
        }
        out.push('\n');
    }
    out.push_str(summary);
    out.push_str("\n\n");
    out
}

/// A command's message, escaped.
pub fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value, escaped.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped_as_the_runner_reads_them() {
        assert_eq!(
            data("50% done\r\nnext, then: last"),
            "50%25 done%0D%0Anext, then: last"
        );
        assert_eq!(
            property("a,b:c%\nd"),
            "a%2Cb%3Ac%25%0Ad",
            "`,` and `:` end a property"
        );
    }
}
