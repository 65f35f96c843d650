#![no_main]
//! A sequence of edits of a shipped rule file, each followed by a request, sent to the
//! language server on an in-memory connection. Each step takes its bytes as: an operation,
//! a line, a column, a length, then text up to a 0xFF byte. The server must answer every
//! request, never with an internal error (what it answers when a handler panics), and shut
//! down cleanly.
use std::sync::OnceLock;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

const FILES: [&str; 4] = [
    "rules/kz/calendar.ereje",
    "rules/kz/mvd-495/acts.ereje",
    "rules/kz/mvd-495/permanent-residence.ereje",
    "rules/kz/mvd-495/refugee-status.ereje",
];

const METHODS: [&str; 8] = [
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/completion",
    "textDocument/prepareRename",
    "textDocument/documentSymbol",
    "textDocument/semanticTokens/full",
    "textDocument/formatting",
    "textDocument/references",
];

static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository")
        .to_path_buf()
}

fn texts() -> &'static [(String, String)] {
    TEXTS.get_or_init(|| {
        FILES
            .iter()
            .map(|f| {
                let path = root().join(f);
                let uri = lsp_types::Url::from_file_path(&path).expect("absolute").to_string();
                (uri, std::fs::read_to_string(&path).expect("a shipped rule file"))
            })
            .collect()
    })
}

fn send(c: &Connection, m: Message) {
    c.sender.send(m).expect("the server listens");
}

fn answer(c: &Connection, id: i32) -> lsp_server::Response {
    loop {
        match c.receiver.recv_timeout(Duration::from_secs(20)) {
            Ok(Message::Response(r)) if r.id == RequestId::from(id) => return r,
            Ok(_) => {}
            Err(e) => panic!("no answer to request {id}: {e}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, mut rest)) = data.split_first() else {
        return;
    };
    let (uri, text) = &texts()[usize::from(pick) % FILES.len()];
    let (client, server) = Connection::memory();
    let handle = std::thread::spawn(move || ereje::lsp::serve(&server));
    let mut id = 1;
    let workspace = lsp_types::Url::from_file_path(root().join("rules")).expect("absolute");
    send(&client, Message::Request(Request::new(RequestId::from(id), "initialize".into(),
        json!({ "processId": null, "rootUri": workspace, "capabilities": {} }))));
    assert!(answer(&client, id).error.is_none());
    send(&client, Message::Notification(Notification::new("initialized".into(), json!({}))));
    send(&client, Message::Notification(Notification::new("textDocument/didOpen".into(), json!({
        "textDocument": { "uri": uri, "languageId": "ereje", "version": 1, "text": text }
    }))));
    let mut version = 1;
    for _ in 0..8 {
        let [op, line, column, length, tail @ ..] = rest else { break };
        let end = tail.iter().position(|&b| b == 0xFF).unwrap_or(tail.len());
        let inserted = String::from_utf8_lossy(&tail[..end]).into_owned();
        rest = tail.get(end + 1..).unwrap_or_default();
        let (line, column) = (u32::from(*line) * 2, u32::from(*column));
        version += 1;
        let change = if op & 0x10 != 0 {
            json!({ "text": inserted })
        } else {
            json!({
                "range": {
                    "start": { "line": line, "character": column },
                    "end": { "line": line + u32::from(*length >> 5), "character": column + u32::from(*length & 0x1F) }
                },
                "text": inserted
            })
        };
        send(&client, Message::Notification(Notification::new("textDocument/didChange".into(), json!({
            "textDocument": { "uri": uri, "version": version },
            "contentChanges": [change],
        }))));
        id += 1;
        let method = METHODS[usize::from(*op) % METHODS.len()];
        let params: Value = json!({
            "textDocument": { "uri": uri },
            "position": { "line": line, "character": column },
            "context": { "includeDeclaration": true },
            "options": { "tabSize": 2, "insertSpaces": true },
        });
        send(&client, Message::Request(Request::new(RequestId::from(id), method.into(), params)));
        let response = answer(&client, id);
        if let Some(e) = response.error {
            assert_ne!(e.code, lsp_server::ErrorCode::InternalError as i32, "{method}: {}", e.message);
        }
    }
    id += 1;
    send(&client, Message::Request(Request::new(RequestId::from(id), "shutdown".into(), Value::Null)));
    assert!(answer(&client, id).error.is_none());
    send(&client, Message::Notification(Notification::new("exit".into(), Value::Null)));
    assert_eq!(handle.join().expect("the server thread"), Ok(()));
});
