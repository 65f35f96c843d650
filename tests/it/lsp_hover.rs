//! Hover on every element of the shipped law shows the law's text: for each name the outline
//! lists, in every shipped rule file, the hover names it, and shows each `quote` of the
//! element (the act's own words), its `unverified` mark and its citations, in the language
//! the editor asked for.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::lsp_client::{Client, uri};

fn rules() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")
}

fn rule_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("rules folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rule_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ereje") {
            out.push(path);
        }
    }
}

/// Every symbol of an outline, children included.
fn flatten<'a>(symbols: &'a [Value], out: &mut Vec<&'a Value>) {
    for s in symbols {
        out.push(s);
        if let Some(children) = s["children"].as_array() {
            flatten(children, out);
        }
    }
}

/// The byte offset of an LSP position in `text` (UTF-16 columns).
fn offset(text: &str, position: &Value) -> usize {
    let line = usize::try_from(position["line"].as_u64().unwrap_or(0)).unwrap_or(0);
    let character = usize::try_from(position["character"].as_u64().unwrap_or(0)).unwrap_or(0);
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The element's own `quote` texts, and whether it has an `unverified` mark and a citation:
/// the clauses directly in its braces, not those of what it holds (a service's quotes are
/// not its documents', a process's term is not the service's).
fn own_words(text: &str, symbol: &Value) -> (Vec<String>, bool, bool) {
    let from = offset(text, &symbol["range"]["start"]);
    let to = offset(text, &symbol["range"]["end"]);
    let children: Vec<(usize, usize)> = symbol["children"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            (
                offset(text, &c["range"]["start"]),
                offset(text, &c["range"]["end"]),
            )
        })
        .collect();
    let (mut quotes, mut unverified, mut cited) = (Vec::new(), false, false);
    // a braced element's clauses are inside its braces, an unbraced one's follow its line
    let braced = text[from..to]
        .lines()
        .next()
        .is_some_and(|l| l.contains('{'));
    let own_depth = usize::from(braced);
    let mut depth = 0usize;
    let mut at = from;
    for line in text[from..to].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let in_child = children.iter().any(|&(a, b)| a <= at && at < b);
        at += line.len();
        if depth == own_depth && !in_child {
            if let Some(rest) = trimmed.strip_prefix("quote ")
                && let (Some(a), Some(b)) = (rest.find('"'), rest.rfind('"'))
                && b > a
            {
                quotes.push(rest[a + 1..b].replace("\\\"", "\""));
            }
            unverified |= trimmed.starts_with("unverified ");
            cited |= trimmed.starts_with("§ ");
        }
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                '\\' if in_string && !escaped => {
                    escaped = true;
                    continue;
                }
                '"' if !escaped => in_string = !in_string,
                '{' if !in_string => depth += 1,
                '}' if !in_string => depth = depth.saturating_sub(1),
                _ => {}
            }
            escaped = false;
        }
    }
    (quotes, unverified, cited)
}

#[test]
fn hover_on_every_element_of_the_shipped_law_shows_its_text() {
    let mut files = Vec::new();
    rule_files(&rules(), &mut files);
    assert!(files.len() >= 4, "{files:?}");
    let mut client = Client::start(&rules(), json!({ "lang": "en" }));
    let mut hovered = 0;
    let mut quoted = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("rule file");
        let u = uri(file);
        client.open(file, &text);
        let outline = client.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": u } }),
        );
        let top = outline["result"].as_array().cloned().unwrap_or_default();
        let mut symbols = Vec::new();
        flatten(&top, &mut symbols);
        assert!(!symbols.is_empty(), "no outline for {}", file.display());
        for symbol in symbols {
            let name = symbol["name"].as_str().unwrap_or_default();
            let at = &symbol["selectionRange"]["start"];
            let hover = client.request(
                "textDocument/hover",
                json!({ "textDocument": { "uri": u }, "position": at }),
            );
            let shown = hover["result"]["contents"]["value"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let short = name.rsplit(' ').next().unwrap_or(name);
            assert!(
                shown.contains(short),
                "the hover on `{name}` in {} does not name it: {hover}",
                file.display()
            );
            let (quotes, unverified, cited) = own_words(&text, symbol);
            for q in &quotes {
                assert!(
                    shown.contains(q.as_str()),
                    "the hover on `{name}` in {} lacks its quote «{q}»:\n{shown}",
                    file.display()
                );
                quoted += 1;
            }
            if unverified {
                assert!(
                    shown.contains("unverified"),
                    "the hover on `{name}` does not say it is unverified:\n{shown}"
                );
            }
            if cited {
                assert!(
                    shown.contains("§ "),
                    "the hover on `{name}` shows no citation:\n{shown}"
                );
            }
            hovered += 1;
        }
    }
    // the shipped law has well over a hundred elements, many with the act's own words
    assert!(hovered > 100, "{hovered}");
    assert!(quoted > 20, "{quoted}");
    assert!(client.shutdown().success());
}

#[test]
fn hover_on_a_term_shows_how_it_is_counted_and_the_law_s_words_for_it() {
    let mut files = Vec::new();
    rule_files(&rules(), &mut files);
    let mut client = Client::start(&rules(), json!({ "lang": "en" }));
    let mut terms = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("rule file");
        let u = uri(file);
        client.open(file, &text);
        for (line, l) in text.lines().enumerate() {
            let Some(column) = l.find("term ") else {
                continue;
            };
            if !l[..column].trim().is_empty() {
                continue;
            }
            let character = l[..column + "term ".len()].chars().count();
            let hover = client.request(
                "textDocument/hover",
                json!({ "textDocument": { "uri": u }, "position": { "line": line, "character": character } }),
            );
            let shown = hover["result"]["contents"]["value"]
                .as_str()
                .unwrap_or_default();
            assert!(shown.contains("days"), "{}:{line}: {shown}", file.display());
            assert!(shown.contains("§ "), "{}:{line}: {shown}", file.display());
            terms += 1;
        }
    }
    assert!(terms >= 2, "{terms}");
    // the refugee status term: read as 90 calendar days, written «күнтізбелік 90 жұмыс күні»
    let file = rules().join("kz/mvd-495/refugee-status.ereje");
    let text = std::fs::read_to_string(&file).expect("rule file");
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("term 90 calendar days"))
        .expect("the refugee term");
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": line, "character": 10 } }),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.starts_with("**90 calendar days**"), "{shown}");
    assert!(
        shown.contains("*the act writes:* `90 calendar working days`"),
        "{shown}"
    );
    assert!(
        shown.contains("күнтізбелік 90 (тоқсан) жұмыс күнін"),
        "{shown}"
    );
    assert!(shown.contains("unverified"), "{shown}");
    assert!(client.shutdown().success());
}
