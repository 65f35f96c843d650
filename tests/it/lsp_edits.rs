//! No sequence of edits crashes or hangs `ereje lsp`: random edits of the shipped rule files
//! (characters, fragments of the language, Kazakh letters, letters outside the basic plane,
//! ranges past the end or reversed, whole-text replacements), each followed by a request at a
//! random place. The server runs in process on an in-memory connection, as the binary runs it
//! on stdio. Every request must be answered in time and never by an internal error (the
//! server answers so when a handler panics), every diagnostic published must lie inside the
//! text as the editor has it, and the server must shut down cleanly.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use proptest::prelude::*;
use serde_json::{Value, json};

/// How long an answer may take before the server is called hung (debug build, whole
/// workspace analysed again after each edit).
const PATIENCE: Duration = Duration::from_secs(30);

const FILES: [&str; 4] = [
    "kz/calendar.ereje",
    "kz/mvd-495/acts.ereje",
    "kz/mvd-495/permanent-residence.ereje",
    "kz/mvd-495/refugee-status.ereje",
];

/// Fragments an author types: the language's punctuation and words, and text that is hard to
/// count (Cyrillic, a letter outside the basic plane, a line break with a carriage return).
const FRAGMENTS: [&str; 24] = [
    "{",
    "}",
    "(",
    ")",
    "\"",
    "§ ",
    "§ 9(",
    "art. ",
    "allow ",
    "because \"",
    "when ",
    "unless ",
    "applicant.",
    "has document ",
    " == ",
    " in (",
    "document x { required always }",
    "step s by ",
    "within 5 working days",
    "қызмет",
    "Құжат",
    "𝔸",
    "\r\n",
    "\n",
];

#[derive(Debug, Clone)]
enum Edit {
    /// Replace the range from `start` to `end` (either may be past the end, `end` may come
    /// before `start`).
    Range {
        start: (u32, u32),
        end: (u32, u32),
        text: String,
    },
    /// Replace the whole text by its first `keep` bytes (on a character boundary) and `text`.
    Whole { keep: usize, text: String },
}

#[derive(Debug, Clone, Copy)]
enum Ask {
    Hover,
    Definition,
    References,
    PrepareRename,
    Rename,
    Symbols,
    WorkspaceSymbols,
    Completion,
    Formatting,
    CodeActions,
    Tokens,
}

fn inserted() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(FRAGMENTS.to_vec()).prop_map(str::to_string),
        2 => "[a-z_ {}()\"§.0-9құүәіөңғһа-я\\n-]{0,12}",
        1 => Just(String::new()),
    ]
}

fn place() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![
        8 => (0u32..520, 0u32..90),
        1 => (0u32..3, 0u32..3),
        1 => (Just(u32::MAX), Just(u32::MAX)),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (place(), 0u32..3, 0u32..40, inserted()).prop_map(|(start, lines, columns, text)| {
            let end = (start.0.saturating_add(lines), start.1.saturating_add(columns));
            Edit::Range { start, end, text }
        }),
        1 => (place(), place(), inserted())
            .prop_map(|(start, end, text)| Edit::Range { start, end, text }),
        1 => (0usize..40_000, inserted()).prop_map(|(keep, text)| Edit::Whole { keep, text }),
    ]
}

fn ask() -> impl Strategy<Value = Ask> {
    prop::sample::select(vec![
        Ask::Hover,
        Ask::Definition,
        Ask::References,
        Ask::PrepareRename,
        Ask::Rename,
        Ask::Symbols,
        Ask::WorkspaceSymbols,
        Ask::Completion,
        Ask::Formatting,
        Ask::CodeActions,
        Ask::Tokens,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_edits_crashes_or_hangs_the_server(
        file in 0usize..FILES.len(),
        steps in prop::collection::vec((edit(), ask(), place()), 1..7),
    ) {
        let path = rules().join(FILES[file]);
        let original = std::fs::read_to_string(&path).expect("shipped rule file");
        let uri = lsp_types::Url::from_file_path(&path).expect("absolute path").to_string();
        let mut editor = Editor::start();
        editor.notify("textDocument/didOpen", json!({
            "textDocument": { "uri": uri, "languageId": "ereje", "version": 1, "text": original }
        }));
        let mut text = original.clone();
        for (version, (edit, ask, at)) in (2..).zip(steps) {
            let change = apply(&mut text, &edit);
            editor.notify("textDocument/didChange", json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [change],
            }));
            let (method, params) = request(ask, &uri, at);
            let answer = editor.request(method, params);
            if let Some(error) = &answer.error {
                prop_assert_ne!(
                    error.code,
                    lsp_server::ErrorCode::InternalError as i32,
                    "`{}` failed inside the server after {:?}: {}", method, edit, error.message
                );
            }
            if let Some(diagnostics) = editor.published(&uri) {
                for d in diagnostics {
                    prop_assert!(inside(&text, &d["range"]), "{} outside the text after {:?}", d, edit);
                }
            }
            if matches!(ask, Ask::Tokens) {
                prop_assert!(tokens_inside(&text, &answer.result), "tokens outside the text after {:?}", edit);
            }
        }
        editor.shutdown();
    }
}

/// A client on an in-memory connection to a server thread.
struct Editor {
    connection: Connection,
    server: Option<std::thread::JoinHandle<Result<(), String>>>,
    next: i32,
    /// The last diagnostics published for each file.
    diagnostics: std::collections::HashMap<String, Vec<Value>>,
}

impl Editor {
    fn start() -> Editor {
        let (client, server) = Connection::memory();
        let handle = std::thread::spawn(move || ereje::lsp::serve(&server));
        let mut editor = Editor {
            connection: client,
            server: Some(handle),
            next: 1,
            diagnostics: std::collections::HashMap::new(),
        };
        let root = lsp_types::Url::from_file_path(rules()).expect("absolute path");
        let answer = editor.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "workspaceFolders": [{ "uri": root, "name": "rules" }],
                "capabilities": {},
            }),
        );
        assert!(answer.error.is_none(), "{answer:?}");
        editor.notify("initialized", json!({}));
        editor
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_string(), params);
        self.connection
            .sender
            .send(Message::Notification(n))
            .expect("the server is listening");
    }

    fn request(&mut self, method: &str, params: Value) -> Response {
        let id = RequestId::from(self.next);
        self.next += 1;
        let r = Request::new(id.clone(), method.to_string(), params);
        self.connection
            .sender
            .send(Message::Request(r))
            .expect("the server is listening");
        let until = Instant::now() + PATIENCE;
        loop {
            let wait = until.saturating_duration_since(Instant::now());
            match self.connection.receiver.recv_timeout(wait) {
                Ok(Message::Response(response)) if response.id == id => return response,
                Ok(Message::Notification(n)) if n.method == "textDocument/publishDiagnostics" => {
                    let file = n.params["uri"].as_str().unwrap_or_default().to_string();
                    let list = n.params["diagnostics"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                    self.diagnostics.insert(file, list);
                }
                Ok(_) => {}
                Err(e) => {
                    panic!(
                        "no answer to `{method}` within {PATIENCE:?} ({e}): the server hangs or died"
                    )
                }
            }
        }
    }

    fn published(&self, uri: &str) -> Option<&Vec<Value>> {
        self.diagnostics.get(uri)
    }

    fn shutdown(mut self) {
        let answer = self.request("shutdown", Value::Null);
        assert!(answer.error.is_none(), "{answer:?}");
        self.notify("exit", Value::Null);
        let server = self.server.take().expect("started");
        let outcome = server.join().expect("the server thread does not panic");
        assert_eq!(outcome, Ok(()));
    }
}

fn rules() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")
}

/// The request `ask` at `at`, as an editor sends it.
fn request(ask: Ask, uri: &str, at: (u32, u32)) -> (&'static str, Value) {
    let document = json!({ "uri": uri });
    let position = json!({ "line": at.0, "character": at.1 });
    let here = json!({ "textDocument": document, "position": position });
    match ask {
        Ask::Hover => ("textDocument/hover", here),
        Ask::Definition => ("textDocument/definition", here),
        Ask::References => (
            "textDocument/references",
            json!({ "textDocument": document, "position": position, "context": { "includeDeclaration": true } }),
        ),
        Ask::PrepareRename => ("textDocument/prepareRename", here),
        Ask::Rename => (
            "textDocument/rename",
            json!({ "textDocument": document, "position": position, "newName": "нов_имя" }),
        ),
        Ask::Symbols => (
            "textDocument/documentSymbol",
            json!({ "textDocument": document }),
        ),
        Ask::WorkspaceSymbols => ("workspace/symbol", json!({ "query": "pass" })),
        Ask::Completion => ("textDocument/completion", here),
        Ask::Formatting => (
            "textDocument/formatting",
            json!({ "textDocument": document, "options": { "tabSize": 2, "insertSpaces": true } }),
        ),
        Ask::CodeActions => (
            "textDocument/codeAction",
            json!({
                "textDocument": document,
                "range": { "start": position, "end": { "line": at.0.saturating_add(5), "character": 0 } },
                "context": { "diagnostics": [] }
            }),
        ),
        Ask::Tokens => (
            "textDocument/semanticTokens/full",
            json!({ "textDocument": document }),
        ),
    }
}

/// Apply `edit` to the editor's copy of the text as the protocol defines it, and return the
/// change event that says so.
fn apply(text: &mut String, edit: &Edit) -> Value {
    match edit {
        Edit::Range {
            start,
            end,
            text: new,
        } => {
            let from = offset(text, *start);
            let to = offset(text, *end).max(from);
            text.replace_range(from..to, new);
            json!({
                "range": {
                    "start": { "line": start.0, "character": start.1 },
                    "end": { "line": end.0, "character": end.1 }
                },
                "text": new
            })
        }
        Edit::Whole { keep, text: new } => {
            let mut cut = (*keep).min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            text.push_str(new);
            json!({ "text": text })
        }
    }
}

/// The byte offset of a protocol position: a column counts UTF-16 units; past the end of a
/// line is its end (before `\r\n` or `\n`), past the last line the end of the text; the
/// middle of a surrogate pair is the start of its character.
fn offset(text: &str, (line, character): (u32, u32)) -> usize {
    let Some(start) = line_start(text, line) else {
        return text.len();
    };
    let rest = &text[start..];
    let line_text = rest.split('\n').next().unwrap_or_default();
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let mut units = character as usize;
    let mut at = start;
    for c in line_text.chars() {
        if units < c.len_utf16() {
            break;
        }
        units -= c.len_utf16();
        at += c.len_utf8();
    }
    at
}

fn line_start(text: &str, line: u32) -> Option<usize> {
    if line == 0 {
        return Some(0);
    }
    text.match_indices('\n')
        .nth(line as usize - 1)
        .map(|(i, _)| i + 1)
}

/// The UTF-16 length of each line, breaks excluded (a `\r` before `\n` is part of the break).
fn line_lengths(text: &str) -> Vec<u32> {
    text.split('\n')
        .map(|l| {
            let l = l.strip_suffix('\r').unwrap_or(l);
            u32::try_from(l.chars().map(char::len_utf16).sum::<usize>()).unwrap_or(u32::MAX)
        })
        .collect()
}

/// Whether an LSP range lies inside `text`, start before end.
fn inside(text: &str, range: &Value) -> bool {
    let lengths = line_lengths(text);
    let point = |p: &Value| -> Option<(u32, u32)> {
        let line = u32::try_from(p["line"].as_u64()?).ok()?;
        let character = u32::try_from(p["character"].as_u64()?).ok()?;
        // a position may sit after a `\r` only if it ends the line; columns count to the end
        (*lengths.get(line as usize)? >= character).then_some((line, character))
    };
    match (point(&range["start"]), point(&range["end"])) {
        (Some(start), Some(end)) => start <= end,
        _ => false,
    }
}

/// Whether every semantic token (relative encoding: line delta, start delta, length) lies on
/// a line of `text` and within it.
fn tokens_inside(text: &str, result: &Option<Value>) -> bool {
    let Some(data) = result.as_ref().and_then(|r| r["data"].as_array()) else {
        return true;
    };
    let lengths = line_lengths(text);
    let numbers: Vec<u64> = data.iter().filter_map(Value::as_u64).collect();
    let (mut line, mut start) = (0u64, 0u64);
    for token in numbers.chunks(5) {
        let [delta_line, delta_start, length, _, _] = token else {
            return false;
        };
        if *delta_line > 0 {
            line += delta_line;
            start = *delta_start;
        } else {
            start += delta_start;
        }
        let Some(&len) = usize::try_from(line).ok().and_then(|l| lengths.get(l)) else {
            return false;
        };
        if start + length > u64::from(len) {
            return false;
        }
    }
    true
}
