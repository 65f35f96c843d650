//! An editor session on a rule file the server has never seen: the file is typed from empty,
//! a word at a time, with two mistakes (an unknown type and a misspelt actor), asking for
//! completion as an author does; then the mistakes are found at their places, with the
//! did-you-mean, and corrected.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::lsp_client::{Client, uri};

const TYPED: &str = r#"act kz.test.order_1 { kind order issued 2020-01-02 number "1" in_force 2020-01-13 }

service kz.test.permit {
  title kk "Рұқсат беру"
  act kz.test.order_1 annex 1
  timezone "Asia/Almaty"
  § 1
  actor officer "қызметкер" § 2
  input applicant.age: int § 3
  document passport { required always § 9(2) }
  refusal too_young {
    when applicant.age < 18
    § 10
  }
  process {
    step accept by officr within 1 working days after submitted_at § 6
  }
}
"#;

/// The position just past `text`, in UTF-16 columns.
fn end_of(text: &str) -> (u32, u32) {
    let line = text.matches('\n').count();
    let start = text.rfind('\n').map_or(0, |i| i + 1);
    let column: usize = text[start..].chars().map(char::len_utf16).sum();
    (
        u32::try_from(line).expect("few lines"),
        u32::try_from(column).expect("short lines"),
    )
}

/// The position of `needle` in `text` (its first character).
fn find(text: &str, needle: &str) -> (u32, u32) {
    let at = text.find(needle).unwrap_or_else(|| panic!("`{needle}`"));
    end_of(&text[..at])
}

fn range(from: (u32, u32), to: (u32, u32)) -> Value {
    json!({
        "start": { "line": from.0, "character": from.1 },
        "end": { "line": to.0, "character": to.1 }
    })
}

fn labels(completion: &Value) -> Vec<String> {
    completion["result"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["label"].as_str().map(str::to_string))
        .collect()
}

fn errors(list: &[Value]) -> Vec<&Value> {
    list.iter().filter(|d| d["severity"] == 1).collect()
}

#[test]
fn a_file_typed_from_empty_with_mistakes_gets_them_at_their_places() {
    let dir = workspace("lsp-typing");
    let file = dir.join("permit.ereje");
    std::fs::write(&file, "").expect("write");
    let u = uri(&file);
    let mut client = Client::start(&dir, json!({ "lang": "en" }));
    client.open(&file, "");
    // type the file a word at a time, asking for completion every few words
    let mut typed = String::new();
    let mut words = 0;
    for piece in TYPED.split_inclusive([' ', '\n']) {
        let at = end_of(&typed);
        client.edit(&file, at, at, piece);
        typed.push_str(piece);
        words += 1;
        if words % 7 == 0 {
            let here = end_of(&typed);
            let answer = client.request(
                "textDocument/completion",
                json!({ "textDocument": { "uri": u }, "position": { "line": here.0, "character": here.1 } }),
            );
            assert!(answer.get("error").is_none(), "{answer}");
        }
    }
    assert_eq!(typed, TYPED);
    // the two mistakes, each at its place, and nothing else
    let published = client.diagnostics_until(&file, |d| errors(d).len() == 2);
    let found = errors(&published);
    let int_at = find(TYPED, "int §");
    assert_eq!(found[0]["code"], "E0305", "{:#?}", found[0]);
    assert_eq!(
        found[0]["range"],
        range(int_at, (int_at.0, int_at.1 + 3)),
        "{:#?}",
        found[0]
    );
    let typo = find(TYPED, "officr");
    assert_eq!(found[1]["code"], "E0201", "{:#?}", found[1]);
    assert_eq!(found[1]["range"], range(typo, (typo.0, typo.1 + 6)));
    let message = found[1]["message"].as_str().unwrap_or_default();
    assert!(message.contains("did you mean `officer`?"), "{message}");
    // completion after `by` offers the actor that is declared
    let after_by = (typo.0, typo.1);
    let offered = labels(&client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": u }, "position": { "line": after_by.0, "character": after_by.1 } }),
    ));
    assert!(offered.iter().any(|l| l == "officer"), "{offered:?}");
    // correct both; the errors go
    client.edit(&file, typo, (typo.0, typo.1 + 6), "officer");
    client.edit(&file, int_at, (int_at.0, int_at.1 + 3), "number");
    let published = client.diagnostics_until(&file, |d| errors(d).is_empty());
    assert!(errors(&published).is_empty(), "{published:#?}");
    // and the actor's use now leads to it, its Kazakh name on hover
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": typo.0, "character": typo.1 + 2 } }),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        shown.contains("`officer`") && shown.contains("қызметкер"),
        "{hover}"
    );
    assert!(client.shutdown().success());
    let _ = std::fs::remove_dir_all(&dir);
}

fn workspace(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::canonicalize(Path::new(&dir)).expect("canonical")
}
