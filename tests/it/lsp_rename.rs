//! Rename and references as a legal editor relies on them: every occurrence of an act's id
//! is found (examples' findings that name it included), a rename that would define a name
//! twice or write a name that is no name of its kind is refused, saying why; and "fix all"
//! is offered for a file with a single safe fix.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::lsp_client::{Client, uri};

fn rules() -> PathBuf {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).expect("rules")
}

/// The position of the first `needle` in `text`, plus `skip` characters.
fn at(text: &str, needle: &str, skip: usize) -> Value {
    let offset = text.find(needle).unwrap_or_else(|| panic!("`{needle}`"));
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[start..].chars().count() + skip;
    json!({ "line": line, "character": column })
}

/// Occurrences of `id` as a whole name in the shipped rule files.
fn occurrences(id: &str) -> usize {
    [
        "kz/calendar.ereje",
        "kz/mvd-495/acts.ereje",
        "kz/mvd-495/permanent-residence.ereje",
        "kz/mvd-495/refugee-status.ereje",
    ]
    .iter()
    .map(|f| {
        let text = std::fs::read_to_string(rules().join(f)).expect("rule file");
        text.match_indices(id)
            .filter(|(i, _)| {
                let next = text[i + id.len()..].chars().next();
                !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
            .count()
    })
    .sum()
}

#[test]
fn every_occurrence_of_an_act_is_found_and_renamed() {
    let file = rules().join("kz/mvd-495/acts.ereje");
    let text = std::fs::read_to_string(&file).expect("rule file");
    let u = uri(&file);
    let mut client = Client::start(&rules(), json!({}));
    client.open(&file, &text);
    let here = at(&text, "act kz.mia.order_799", 6);
    let found = client.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": u }, "position": here, "context": { "includeDeclaration": true } }),
    );
    let places = found["result"].as_array().map_or(0, Vec::len);
    assert_eq!(places, occurrences("kz.mia.order_799"), "{found}");
    // a rename to a new id changes every one
    let renamed = client.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": u }, "position": here, "newName": "kz.mia.order_7990" }),
    );
    let edits: usize = renamed["result"]["changes"].as_object().map_or(0, |m| {
        m.values().filter_map(Value::as_array).map(Vec::len).sum()
    });
    assert_eq!(edits, places, "{renamed}");
    // to the id of another act: refused
    let refused = client.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": u }, "position": here, "newName": "kz.mia.order_495" }),
    );
    let why = refused["error"]["message"].as_str().unwrap_or_default();
    assert!(
        why.contains("is already the name of another act"),
        "{refused}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_rename_that_would_break_the_file_is_refused() {
    let file = rules().join("kz/mvd-495/permanent-residence.ereje");
    let text = std::fs::read_to_string(&file).expect("rule file");
    let u = uri(&file);
    let mut client = Client::start(&rules(), json!({}));
    client.open(&file, &text);
    let actor = at(&text, "actor police_head", 6);
    for (new, code, says) in [
        ("provider", -32803, "is already the name of another actor"),
        ("a.b", -32602, "is not a name of a"),
        ("1st", -32602, "is not a name of a"),
    ] {
        let answer = client.request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": u }, "position": actor, "newName": new }),
        );
        assert_eq!(answer["error"]["code"], code, "{new}: {answer}");
        let why = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(why.contains(says), "{new}: {why}");
    }
    // a Kazakh name is a name
    let answer = client.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": u }, "position": actor, "newName": "полиция_бастығы" }),
    );
    assert!(answer["result"]["changes"].is_object(), "{answer}");
    assert!(client.shutdown().success());
}

#[test]
fn fix_all_is_offered_for_a_single_safe_fix() {
    let dir = std::env::temp_dir().join(format!("ereje-lsp-fixall-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let dir = std::fs::canonicalize(&dir).expect("canonical");
    let file = dir.join("permit.ereje");
    let text = "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n  actor clerk \"the clerk\" § 2\n    allow unused-actr because \"the clerk is named by the act only\"\n}\n";
    std::fs::write(&file, text).expect("write");
    let u = uri(&file);
    let mut client = Client::start(&dir, json!({}));
    client.open(&file, text);
    let answer = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": u },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] }
        }),
    );
    let all: Vec<&Value> = answer["result"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a["kind"] == "source.fixAll")
        .collect();
    assert_eq!(all.len(), 1, "{answer}");
    let edits = &all[0]["edit"]["changes"][&u];
    assert_eq!(edits[0]["newText"], "unused-actor", "{answer}");
    assert!(client.shutdown().success());
    let _ = std::fs::remove_dir_all(&dir);
}
