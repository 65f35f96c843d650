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
