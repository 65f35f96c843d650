//! The VS Code extension's TextMate grammar (`editors/vscode/syntaxes/ereje.tmLanguage.json`)
//! is generated from `grammar/ereje.pest` by a Node script that CI does not run; this checks,
//! in Rust, that the committed grammar still knows every keyword and unit of the language, and
//! no word the language has dropped. `scripts/editor-test.sh` checks the whole file.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

/// The words a regex of the generator matches: its alternatives, unescaped, with the word
/// boundaries and groups the generator wraps them in taken off.
fn alternatives(regex: &str) -> BTreeSet<String> {
    let bare = regex
        .replace(r"(?<![\p{L}\p{N}_.])", "")
        .replace(r"(?<![\p{L}\p{N}_])", "")
        .replace(r"(?![\p{L}\p{N}_])", "");
    let mut words = BTreeSet::new();
    let mut word = String::new();
    let mut chars = bare.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => word.extend(chars.next()),
            '(' => {
                // `(?:` or `(?i:`: a group, not a character of a word
                while chars.next_if(|&c| c != ':').is_some() {}
                chars.next();
            }
            ')' => {}
            '|' => {
                words.insert(std::mem::take(&mut word));
            }
            _ => word.push(c),
        }
    }
    words.insert(word);
    words.remove("");
    words
}

/// `//` comments off, outside string literals.
fn strip_comments(source: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if c == '/' && chars.peek() == Some(&'/') {
            while chars.next_if(|&c| c != '\n').is_some() {}
        } else {
            out.push(c);
        }
    }
    out
}

/// The string literals of each pest rule whose name passes `wanted`, by rule.
fn pest_literals(source: &str, wanted: impl Fn(&str) -> bool) -> Vec<(String, BTreeSet<String>)> {
    let text = strip_comments(source);
    let mut rules = Vec::new();
    let mut rest = text.as_str();
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .trim_end()
            .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .next()
            .unwrap_or_default()
            .to_string();
        let after = &rest[eq + 1..];
        let Some(open) = after.find('{') else { break };
        // the body: up to the brace that closes it, outside strings
        let body = &after[open + 1..];
        let (mut depth, mut in_string, mut escaped, mut end) = (1, false, false, body.len());
        for (i, c) in body.char_indices() {
            match (in_string, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') | (false, _, '"') => in_string = !in_string,
                (false, _, '{') => depth += 1,
                (false, _, '}') => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let body = &body[..end];
        if wanted(&name) {
            let mut literals = BTreeSet::new();
            let mut parts = body.split('"');
            parts.next();
            // every other part is inside quotes; no kw literal holds an escaped quote
            while let Some(literal) = parts.next() {
                literals.insert(literal.replace("\\\\", "\\"));
                parts.next();
            }
            rules.push((name, literals));
        }
        rest = &after[(open + 1 + end).min(after.len())..];
    }
    rules
}

fn files() -> (String, Value) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pest = std::fs::read_to_string(root.join("grammar/ereje.pest")).expect("the pest grammar");
    let grammar =
        std::fs::read_to_string(root.join("editors/vscode/syntaxes/ereje.tmLanguage.json"))
            .expect("the TextMate grammar");
    (
        pest,
        serde_json::from_str(&grammar).expect("the TextMate grammar is JSON"),
    )
}

#[test]
fn the_editor_grammar_has_every_keyword_of_the_language_and_no_other() {
    let (pest, grammar) = files();
    let rules = pest_literals(&pest, |name| name.starts_with("kw_"));
    assert!(rules.len() > 50, "the kw rules were read: {}", rules.len());
    let language: BTreeSet<String> = rules.iter().flat_map(|(_, l)| l.iter().cloned()).collect();
    assert!(language.contains("act") && language.contains("art."));

    let repository = grammar["repository"].as_object().expect("a repository");
    let mut highlighted = BTreeSet::new();
    for (key, rule) in repository
        .iter()
        .filter(|(k, _)| k.starts_with("keywords-"))
    {
        let regex = rule["match"]
            .as_str()
            .expect("a keyword group is one regex");
        assert!(
            regex.starts_with(r"(?<![\p{L}\p{N}_.])"),
            "{key} starts on a Unicode word boundary: {regex}"
        );
        highlighted.extend(alternatives(regex));
    }
    let missing: Vec<_> = language.difference(&highlighted).collect();
    let stale: Vec<_> = highlighted.difference(&language).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "the editor grammar is behind grammar/ereje.pest: not highlighted {missing:?}, no longer \
         keywords {stale:?}; run `npm run gen-grammar` in editors/vscode"
    );
    // each kw rule's spellings in one group, whatever the language of the spelling
    for (name, literals) in &rules {
        let groups: BTreeSet<&String> = repository
            .iter()
            .filter(|(k, r)| {
                k.starts_with("keywords-")
                    && r["match"]
                        .as_str()
                        .is_some_and(|m| literals.is_subset(&alternatives(m)))
            })
            .map(|(k, _)| k)
            .collect();
        assert!(
            !groups.is_empty(),
            "{name}: {literals:?} split across groups"
        );
    }
}

#[test]
fn the_editor_grammar_reads_every_unit_of_a_duration() {
    let (pest, grammar) = files();
    let units: BTreeSet<String> = pest_literals(&pest, |name| {
        name == "unit_word" || name == "unit_qualifier"
    })
    .into_iter()
    .flat_map(|(_, l)| l)
    .collect();
    assert!(units.contains("working") && units.contains("minutes"));
    let duration = grammar["repository"]["duration"]["match"]
        .as_str()
        .expect("a duration rule");
    for unit in &units {
        assert!(
            duration.contains(unit.as_str()),
            "the editor grammar's durations lack `{unit}`: run `npm run gen-grammar`"
        );
    }
    assert_eq!(grammar["scopeName"], "source.ereje");
}

#[test]
fn the_alternatives_of_a_generated_regex_are_read_back() {
    let regex = r"(?<![\p{L}\p{N}_.])(?:art\.|(?:has_any|және|(?i:Act))(?![\p{L}\p{N}_]))";
    let words: Vec<String> = alternatives(regex).into_iter().collect();
    assert_eq!(words, ["Act", "art.", "has_any", "және"]);
    let rules = pest_literals(
        "// kw_no = @{ \"no\" }\nkw_act = @{ (\"act\" | \"акт\") ~ !ident_char }\nd = @{ ASCII_DIGIT{4} ~ \"-\" }\n",
        |_| true,
    );
    let names: Vec<&str> = rules.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["kw_act", "d"]);
    assert_eq!(
        rules[0].1,
        BTreeSet::from(["act".to_string(), "акт".to_string()])
    );
}
