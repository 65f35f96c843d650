//! `ereje lsp`: the language server legal staff's editors talk to, on stdio.
//!
//! One thread, the synchronous `lsp-server` loop (as rust-analyzer and ruff use): the open
//! files and the `.ereje` files of the workspace's folders are analysed together, as `ereje
//! lint` analyses a folder, and every request is answered from the latest analysis.
//!
//! ```text
//! server (loop, debounce) → workspace (texts → Snapshot: analysis, lints, examples, index)
//!   → diagnostics | hover | navigate | symbols | completion | edit | tokens
//! ```
//! Positions are UTF-16 columns (`position`), as the protocol requires.

mod completion;
mod diagnostics;
mod edit;
mod element;
mod examples;
mod hover;
mod index;
mod navigate;
mod position;
mod server;
mod symbols;
mod tokens;
mod transport;
mod workspace;

use lsp_server::Connection;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeParams, OneOf, RenameOptions, SemanticTokensFullOptions,
    SemanticTokensOptions, SemanticTokensServerCapabilities, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, WorkDoneProgressOptions,
};

pub use server::{DEBOUNCE, Server};

/// Serve an editor over stdin and stdout until it shuts the server down.
pub fn run_stdio() -> Result<(), String> {
    let (connection, threads) = transport::stdio()?;
    // when serving failed, the reader may still wait on stdin: leave it to the exit
    serve(&connection)?;
    drop(connection);
    threads.join()
}

/// Serve one connection: the handshake, then the loop.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("the editor did not start the protocol: {e}"))?;
    let init: InitializeParams = serde_json::from_value(params)
        .map_err(|e| format!("the editor's `initialize` cannot be read: {e}"))?;
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "ereje".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("the editor did not finish the handshake: {e}"))?;
    Server::new(&init).run(connection)
}

/// What the server can do.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ".".into(), "(".into(), "§".into()]),
            ..CompletionOptions::default()
        }),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            ..CodeActionOptions::default()
        })),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: tokens::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        ..ServerCapabilities::default()
    }
}
