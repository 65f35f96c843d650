//! The server's loop: messages in, answers and diagnostics out, on one thread.
//!
//! Edits only mark the rule set changed; it is analysed again when the editor has been quiet
//! for [`DEBOUNCE`], or at once when a request needs an answer about the text as it is now.
//! A handler that panics answers an internal error and the server goes on: no edit may take
//! the editor's server down.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    InitializeParams, PublishDiagnosticsParams, Url,
};
use serde_json::Value;

use super::workspace::{Open, Snapshot, Workspace};
use crate::vocab::Lang;

/// How long the editor must be quiet before the rule set is analysed again.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// The server's state.
pub struct Server {
    workspace: Workspace,
    lang: Speech,
    snapshot: Option<Snapshot>,
    /// When the rule set changed and has not been analysed since.
    changed: Option<Instant>,
    /// The files diagnostics were last published for, so a vanished one is cleared.
    published: Vec<Url>,
}

impl Server {
    /// A server for the workspace the editor named when it started.
    pub fn new(init: &InitializeParams) -> Server {
        let mut roots: Vec<std::path::PathBuf> = init
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().ok())
            .collect();
        #[allow(
            deprecated,
            reason = "older clients name their folder only by `rootUri`"
        )]
        if roots.is_empty()
            && let Some(root) = init.root_uri.as_ref().and_then(|u| u.to_file_path().ok())
        {
            roots.push(root);
        }
        let tag = |asked: &str| match asked.get(..2) {
            Some("ru") => Lang::Ru,
            Some("kk") => Lang::Kk,
            _ => Lang::En,
        };
        let chosen = init
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("lang"))
            .and_then(Value::as_str)
            .map(tag);
        let lang = Speech {
            chosen,
            otherwise: init.locale.as_deref().map_or(Lang::En, tag),
        };
        Server {
            workspace: Workspace {
                roots,
                ..Workspace::default()
            },
            lang,
            snapshot: None,
            changed: Some(Instant::now()),
            published: Vec::new(),
        }
    }

    /// Serve until the editor shuts the server down or goes away.
    pub fn run(&mut self, connection: &Connection) -> Result<(), String> {
        loop {
            let message = match self.changed {
                Some(since) => {
                    let wait = (since + DEBOUNCE).saturating_duration_since(Instant::now());
                    match connection.receiver.recv_timeout(wait) {
                        Ok(m) => m,
                        Err(RecvTimeoutError::Timeout) => {
                            self.refresh(connection)?;
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
                None => match connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(()),
                },
            };
            match message {
                Message::Request(request) => {
                    if connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    self.request(connection, &request)?;
                }
                Message::Notification(n) => {
                    if n.method == note::Exit::METHOD {
                        return Ok(());
                    }
                    self.notification(n);
                }
                Message::Response(_) => {}
            }
        }
    }

    /// Analyse again and publish what is found.
    fn refresh(&mut self, connection: &Connection) -> Result<(), String> {
        let snapshot = self.workspace.analyse();
        let found = super::diagnostics::by_file(&snapshot, self.lang);
        let mut now = Vec::new();
        for (uri, diagnostics) in found {
            now.push(uri.clone());
            // the version of the text they are about, so the editor can drop stale ones
            let version = self.workspace.open.get(&uri).map(|o| o.version);
            publish(connection, uri, diagnostics, version)?;
        }
        for gone in std::mem::take(&mut self.published) {
            if !now.contains(&gone) {
                publish(connection, gone, Vec::new(), None)?;
            }
        }
        self.published = now;
        self.snapshot = Some(snapshot);
        self.changed = None;
        Ok(())
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let open = Open {
                        text: p.text_document.text,
                        version: p.text_document.version,
                    };
                    self.workspace.open.insert(p.text_document.uri, open);
                    self.touch();
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params)
                    && let Some(open) = self.workspace.open.get_mut(&p.text_document.uri)
                {
                    super::edit::apply(&mut open.text, &p.content_changes);
                    open.version = p.text_document.version;
                    self.touch();
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.workspace.open.remove(&p.text_document.uri);
                    self.touch();
                }
            }
            // a file saved, created or deleted on disk: read the folders again
            note::DidSaveTextDocument::METHOD | note::DidChangeWatchedFiles::METHOD => {
                self.touch();
            }
            _ => {}
        }
    }

    fn touch(&mut self) {
        self.changed.get_or_insert_with(Instant::now);
    }

    fn request(&mut self, connection: &Connection, request: &Request) -> Result<(), String> {
        if self.changed.is_some() || self.snapshot.is_none() {
            self.refresh(connection)?;
        }
        let id = request.id.clone();
        let Some(snapshot) = self.snapshot.as_ref() else {
            return Ok(());
        };
        // the language of the file asked about
        let file = request
            .params
            .get("textDocument")
            .and_then(|d| d.get("uri"))
            .and_then(Value::as_str)
            .and_then(|u| Url::parse(u).ok())
            .and_then(|u| snapshot.file_of(&u));
        let lang = file.map_or(self.lang.otherwise, |f| self.lang.of(snapshot.text(f)));
        let answer = catch_unwind(AssertUnwindSafe(|| answer(snapshot, lang, request)));
        let response = match answer {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!("ereje could not answer `{}`", request.method),
            ),
        };
        send(connection, Message::Response(response))
    }
}

/// The language the server speaks in.
#[derive(Debug, Clone, Copy)]
pub struct Speech {
    /// The language the editor set in `initializationOptions.lang`: every file hears it.
    pub chosen: Option<Lang>,
    /// The editor's locale, or English: for files written in English keywords.
    pub otherwise: Lang,
}

impl Speech {
    /// The language for a file of `text`: the editor's choice, else the file's keywords' (a
    /// Kazakh or Russian file is spoken to in its language), else the locale's.
    pub fn of(self, text: &str) -> Lang {
        self.chosen
            .unwrap_or_else(|| match crate::syntax::keywords::set_of(text) {
                crate::syntax::keywords::Set::En => self.otherwise,
                set => set.lang(),
            })
    }
}

/// What a request is answered.
type Answer = Result<Value, (ErrorCode, String)>;

/// Answer a request from the snapshot.
fn answer(s: &Snapshot, lang: Lang, request: &Request) -> Answer {
    let params = request.params.clone();
    match request.method.as_str() {
        req::HoverRequest::METHOD => to_json(super::hover::hover(s, lang, &parse(params)?)),
        req::GotoDefinition::METHOD => to_json(super::navigate::definition(s, &parse(params)?)),
        req::References::METHOD => to_json(super::navigate::references(s, &parse(params)?)),
        req::PrepareRenameRequest::METHOD => {
            super::navigate::prepare_rename(s, &parse(params)?).and_then(|a| to_json(Some(a)))
        }
        req::Rename::METHOD => super::navigate::rename(s, parse(params)?).and_then(to_json),
        req::DocumentSymbolRequest::METHOD => {
            to_json(super::symbols::document(s, lang, &parse(params)?))
        }
        req::WorkspaceSymbolRequest::METHOD => {
            to_json(super::symbols::workspace(s, &parse(params)?))
        }
        req::Completion::METHOD => to_json(super::completion::complete(s, lang, &parse(params)?)),
        req::Formatting::METHOD => to_json(super::edit::format(s, &parse(params)?)),
        req::CodeActionRequest::METHOD => {
            to_json(super::edit::code_actions(s, lang, &parse(params)?))
        }
        req::SemanticTokensFullRequest::METHOD => to_json(super::tokens::full(s, &parse(params)?)),
        other => Err((
            ErrorCode::MethodNotFound,
            format!("ereje does not answer `{other}`"),
        )),
    }
}

fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn to_json<T: serde::Serialize>(value: T) -> Answer {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn publish(
    connection: &Connection,
    uri: Url,
    diagnostics: Vec<lsp_types::Diagnostic>,
    version: Option<i32>,
) -> Result<(), String> {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    let n = Notification::new(note::PublishDiagnostics::METHOD.to_string(), params);
    send(connection, Message::Notification(n))
}

fn send(connection: &Connection, message: Message) -> Result<(), String> {
    connection
        .sender
        .send(message)
        .map_err(|_| "the editor closed the connection".to_string())
}
