//! A client of `ereje lsp` for the tests: it starts the binary, speaks JSON-RPC over its
//! stdin and stdout with `Content-Length` framing, as an editor does, and keeps the
//! diagnostics the server publishes.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long a test waits for an answer before it fails.
const PATIENCE: Duration = Duration::from_secs(30);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// The last diagnostics published for each file, by address.
    pub diagnostics: HashMap<String, Vec<Value>>,
    /// The versions of the open files.
    versions: HashMap<String, i64>,
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "the tests write their JSON in place, as `json!` values"
)]
impl Client {
    /// Start `ereje lsp` and initialize it on the workspace folder `root`.
    pub fn start(root: &Path, options: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("ereje lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 1,
            diagnostics: HashMap::new(),
            versions: HashMap::new(),
        };
        let root_uri = uri(root);
        let answer = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": [{ "uri": root_uri, "name": "rules" }],
                "capabilities": {
                    "textDocument": { "publishDiagnostics": { "relatedInformation": true } },
                    "general": { "positionEncodings": ["utf-16"] }
                },
                "initializationOptions": options,
            }),
        );
        assert!(answer["result"]["capabilities"].is_object(), "{answer}");
        client.notify("initialized", json!({}));
        client
    }

    /// Send a request and wait for its answer (the whole response: `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let until = Instant::now() + PATIENCE;
        loop {
            let message = self
                .receive(until)
                .unwrap_or_else(|| panic!("no answer to `{method}` within {PATIENCE:?}"));
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
        }
    }

    /// Send a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Open a file with its text.
    pub fn open(&mut self, path: &Path, text: &str) {
        let u = uri(path);
        self.versions.insert(u.clone(), 1);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": u, "languageId": "ereje", "version": 1, "text": text } }),
        );
    }

    /// Replace the range `(line, character)..(line, character)` of an open file.
    pub fn edit(&mut self, path: &Path, from: (u32, u32), to: (u32, u32), text: &str) {
        let u = uri(path);
        let version = self.versions.entry(u.clone()).or_insert(1);
        *version += 1;
        let v = *version;
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": u, "version": v },
                "contentChanges": [{
                    "range": {
                        "start": { "line": from.0, "character": from.1 },
                        "end": { "line": to.0, "character": to.1 }
                    },
                    "text": text
                }]
            }),
        );
    }

    /// Wait until the server publishes diagnostics for `path` that satisfy `done`, and return
    /// them.
    pub fn diagnostics_until(
        &mut self,
        path: &Path,
        done: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let u = uri(path);
        let until = Instant::now() + PATIENCE;
        loop {
            if let Some(d) = self.diagnostics.get(&u)
                && done(d)
            {
                return d.clone();
            }
            let last = self.diagnostics.get(&u).cloned();
            assert!(
                self.receive(until).is_some(),
                "the diagnostics of {u} never satisfied the test; last: {last:#?}"
            );
        }
    }

    /// Shut the server down and wait for it to exit; its exit status.
    pub fn shutdown(mut self) -> std::process::ExitStatus {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        self.notify("exit", Value::Null);
        let until = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(Instant::now() < until, "ereje lsp did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Send `body` as one framed message, whatever it holds (for messages no editor should
    /// send), and wait for the answer with the error `code`.
    pub fn send_raw(&mut self, body: &[u8], code: i64) -> Value {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("write");
        self.stdin.write_all(body).expect("write");
        self.stdin.flush().expect("flush");
        let until = Instant::now() + PATIENCE;
        loop {
            let message = self
                .receive(until)
                .unwrap_or_else(|| panic!("no error {code} for {}", String::from_utf8_lossy(body)));
            if message["error"]["code"] == json!(code) {
                return message;
            }
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    /// The next message, keeping published diagnostics; `None` past `until`.
    fn receive(&mut self, until: Instant) -> Option<Value> {
        let wait = until.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(wait) {
            Ok(message) => {
                if message["method"] == "textDocument/publishDiagnostics" {
                    let u = message["params"]["uri"].as_str().unwrap_or("").to_string();
                    let list = message["params"]["diagnostics"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                    self.diagnostics.insert(u, list);
                }
                Some(message)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `file://` address of a path.
pub fn uri(path: &Path) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    lsp_types::Url::from_file_path(&absolute).map_or_else(
        |()| format!("file://{}", absolute.display()),
        |u| u.to_string(),
    )
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}
