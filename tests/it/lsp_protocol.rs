//! `ereje lsp` on messages no editor should send: each is answered with a JSON-RPC error and
//! the session goes on — a body that is not JSON, not an object, a batch, a lone surrogate
//! escape in an edit, bytes that are not UTF-8, a response of the wrong shape.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::lsp_client::{Client, uri};

fn rules() -> PathBuf {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).expect("rules")
}

#[test]
fn a_malformed_message_is_answered_and_the_session_goes_on() {
    let file = rules().join("kz/mvd-495/acts.ereje");
    let text = std::fs::read_to_string(&file).expect("rule file");
    let u = uri(&file);
    let mut client = Client::start(&rules(), json!({}));
    client.open(&file, &text);
    let cases: [(&[u8], i64); 6] = [
        (b"{not json", -32700),
        (b"42", -32600),
        (b"[{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}]", -32600),
        (
            b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"contentChanges\":[{\"text\":\"\\ud800\"}]}}",
            -32700,
        ),
        (&[b'{', 0xFF, 0xFE, b'}'], -32700),
        (b"{\"jsonrpc\":\"2.0\",\"id\":99,\"error\":\"x\"}", -32600),
    ];
    for (body, code) in cases {
        let answer = client.send_raw(body, code);
        let expected_id = if code == -32600 && body.starts_with(b"{\"jsonrpc\":\"2.0\",\"id\":99") {
            json!(99)
        } else {
            Value::Null
        };
        assert_eq!(answer["id"], expected_id, "{answer}");
        // and the server still answers about the text it has
        let line = text
            .lines()
            .position(|l| l.starts_with("act kz.mia.order_495"))
            .expect("order 495");
        let hover = client.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": u }, "position": { "line": line, "character": 6 } }),
        );
        let shown = hover["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default();
        assert!(shown.contains("kz.mia.order_495"), "{hover}");
    }
    assert!(client.shutdown().success());
}

#[test]
fn an_open_configuration_counts_as_typed_and_an_oversized_file_is_not_analysed() {
    let dir = std::env::temp_dir().join(format!("ereje-lsp-config-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let dir = std::fs::canonicalize(&dir).expect("canonical");
    let rules = dir.join("permit.ereje");
    let text = "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\n";
    std::fs::write(&rules, text).expect("write");
    let config = dir.join("ereje.toml");
    std::fs::write(&config, "[lint.levels]\n").expect("write");
    let mut client = Client::start(&dir, json!({}));
    client.open(&rules, text);
    client.diagnostics_until(&rules, |_| true);
    // a lint name misspelt in the open, unsaved configuration: its error, at its place
    client.open(&config, "[lint.levels]\nunused-actr = \"deny\"\n");
    client.edit(&rules, (1, 0), (1, 0), "\n");
    let published = client.diagnostics_until(&config, |d| !d.is_empty());
    assert_eq!(published[0]["code"], "E0002", "{published:?}");
    assert_eq!(published[0]["range"]["start"]["line"], 1, "{published:?}");
    let message = published[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("unused-actor"), "{message}");
    // a file past the size limit is said to be so, not analysed
    let big = dir.join("big.ereje");
    let huge = "// x\n".repeat((16 << 20) / 5 + 1);
    client.open(&big, &huge);
    let published = client.diagnostics_until(&big, |d| !d.is_empty());
    let message = published[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("larger than 16 MiB"), "{message}");
    assert!(client.shutdown().success());
    let _ = std::fs::remove_dir_all(&dir);
}
