//! The server loop: the handshake, then messages in order. Each turn takes every message
//! already queued; edits only update the text, and the documents they touched are checked
//! and their diagnostics published once the queue is empty, so a burst of edits checks only
//! the last version. A request that fails (or panics) is answered with an error and the loop
//! goes on.

use super::code_actions::{self, EXPLAIN_COMMAND};
use super::documents::Documents;
use super::{completion, diagnostics, formatting, goto, hover, rename, settings, symbols};
use crate::diagnostics::{Code, Lang, explain};
use lsp_server::{
    Connection, ErrorCode, Message, Notification, Request, RequestId, Response, ResponseError,
};
use lsp_types::notification::{self as n, Notification as _};
use lsp_types::request::{self as r, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    ExecuteCommandOptions, MessageType, OneOf, PositionEncodingKind, PrepareRenameResponse,
    RenameOptions, ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

type Answer = Result<Value, ResponseError>;

/// What the client can do, from its capabilities.
#[derive(Default)]
struct Client {
    completion_snippets: bool,
    snippet_text_edits: bool,
}

pub struct Server<'c> {
    connection: &'c Connection,
    documents: Documents,
    /// The language chosen in the client's settings, if any; else `fallback`.
    chosen: Option<Lang>,
    fallback: Lang,
    client: Client,
    /// Documents edited since their diagnostics were last published.
    dirty: BTreeSet<String>,
    shutdown: bool,
}

pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                code_actions::explain_kind(),
                code_actions::fix_all_kind(),
            ]),
            ..CodeActionOptions::default()
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into()]),
            ..CompletionOptions::default()
        }),
        document_formatting_provider: Some(OneOf::Left(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![EXPLAIN_COMMAND.into()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

/// Runs the server on a connection until the client says `exit`. An error means the client
/// went away or broke the protocol (or exited without `shutdown`).
pub fn serve(connection: &Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let result = json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "piano".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    // Read field by field rather than as `InitializeParams`: a client's odd value somewhere
    // else must not cost the language setting.
    let flag = |pointer: &str| params.pointer(pointer).and_then(Value::as_bool) == Some(true);
    let client = Client {
        completion_snippets: flag(
            "/capabilities/textDocument/completion/completionItem/snippetSupport",
        ),
        snippet_text_edits: flag("/capabilities/experimental/snippetTextEdit"),
    };
    let mut server = Server {
        connection,
        documents: Documents::default(),
        chosen: settings::explicit(params.get("initializationOptions")),
        fallback: settings::fallback(params.get("locale").and_then(Value::as_str)),
        client,
        dirty: BTreeSet::new(),
        shutdown: false,
    };
    server.run()
}

impl Server<'_> {
    fn lang(&self) -> Lang {
        self.chosen.unwrap_or(self.fallback)
    }

    fn send(&self, message: impl Into<Message>) {
        // A client that went away is noticed by the receiving end.
        let _ = self.connection.sender.send(message.into());
    }

    fn run(&mut self) -> Result<(), String> {
        loop {
            let Ok(first) = self.connection.receiver.recv() else {
                return Err("the client closed the connection without `exit`".into());
            };
            let mut batch = vec![first];
            batch.extend(self.connection.receiver.try_iter());
            let cancelled = cancelled(&batch);
            for message in batch {
                match message {
                    Message::Request(req) if cancelled.contains(&req.id) => {
                        self.send(Response::new_err(
                            req.id,
                            ErrorCode::RequestCanceled as i32,
                            "cancelled".into(),
                        ));
                    }
                    Message::Request(req) => {
                        let answer = catch_unwind(AssertUnwindSafe(|| self.request(&req)))
                            .unwrap_or_else(|_| Err(internal_error(&req.method)));
                        self.send(match answer {
                            Ok(value) => Response::new_ok(req.id, value),
                            Err(error) => Response {
                                id: req.id,
                                result: None,
                                error: Some(error),
                            },
                        });
                    }
                    Message::Notification(note) if note.method == n::Exit::METHOD => {
                        return if self.shutdown {
                            Ok(())
                        } else {
                            Err("`exit` without `shutdown`".into())
                        };
                    }
                    Message::Notification(note) => {
                        if catch_unwind(AssertUnwindSafe(|| self.notification(note))).is_err() {
                            self.log("piano: internal error while handling a notification");
                        }
                    }
                    Message::Response(_) => {}
                }
            }
            if self.connection.receiver.is_empty() {
                self.publish_dirty();
            }
        }
    }

    fn log(&self, message: &str) {
        let params = lsp_types::LogMessageParams {
            typ: MessageType::ERROR,
            message: message.into(),
        };
        self.send(Notification::new(n::LogMessage::METHOD.into(), params));
    }

    fn publish_dirty(&mut self) {
        let lang = self.lang();
        for uri in std::mem::take(&mut self.dirty) {
            let Some(doc) = self.documents.get_str(&uri) else {
                continue;
            };
            match catch_unwind(AssertUnwindSafe(|| diagnostics::publish(doc, lang))) {
                Ok(params) => self.send(Notification::new(
                    n::PublishDiagnostics::METHOD.into(),
                    params,
                )),
                Err(_) => self.log("piano: internal error while checking the plan"),
            }
        }
    }

    fn notification(&mut self, note: Notification) {
        match note.method.as_str() {
            n::DidOpenTextDocument::METHOD => {
                if let Ok(p) = params::<lsp_types::DidOpenTextDocumentParams>(note.params) {
                    let d = p.text_document;
                    self.dirty.insert(d.uri.as_str().to_string());
                    self.documents.open(d.uri, d.version, d.text);
                }
            }
            n::DidChangeTextDocument::METHOD => {
                if let Ok(p) = params::<lsp_types::DidChangeTextDocumentParams>(note.params) {
                    let uri = p.text_document.uri;
                    let mut text = self
                        .documents
                        .get(&uri)
                        .map(|d| d.text.clone())
                        .unwrap_or_default();
                    for change in p.content_changes {
                        apply(&mut text, change);
                    }
                    self.dirty.insert(uri.as_str().to_string());
                    self.documents.change(uri, p.text_document.version, text);
                }
            }
            n::DidCloseTextDocument::METHOD => {
                if let Ok(p) = params::<lsp_types::DidCloseTextDocumentParams>(note.params) {
                    let uri = p.text_document.uri;
                    self.dirty.remove(uri.as_str());
                    self.documents.close(&uri);
                    let cleared = lsp_types::PublishDiagnosticsParams::new(uri, Vec::new(), None);
                    self.send(Notification::new(
                        n::PublishDiagnostics::METHOD.into(),
                        cleared,
                    ));
                }
            }
            n::DidChangeConfiguration::METHOD => {
                if let Ok(p) = params::<lsp_types::DidChangeConfigurationParams>(note.params) {
                    let chosen = settings::explicit(Some(&p.settings));
                    if chosen.is_some() && chosen != self.chosen {
                        self.chosen = chosen;
                        // Every message changes language.
                        self.dirty
                            .extend(self.documents.iter().map(|d| d.uri.as_str().to_string()));
                    }
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, req: &Request) -> Answer {
        if self.shutdown {
            return Err(error(
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            ));
        }
        let lang = self.lang();
        match req.method.as_str() {
            r::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            r::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = params(req.params.clone())?;
                let at = p.text_document_position_params;
                let doc = self.doc(&at.text_document.uri)?;
                let offset = doc.lines.offset(&doc.text, at.position);
                to_value(hover::hover(doc, offset, lang))
            }
            r::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = params(req.params.clone())?;
                let at = p.text_document_position_params;
                let doc = self.doc(&at.text_document.uri)?;
                let offset = doc.lines.offset(&doc.text, at.position);
                to_value(goto::definition(doc, offset))
            }
            r::References::METHOD => {
                let p: lsp_types::ReferenceParams = params(req.params.clone())?;
                let at = p.text_document_position;
                let doc = self.doc(&at.text_document.uri)?;
                let offset = doc.lines.offset(&doc.text, at.position);
                to_value(goto::references(doc, offset, p.context.include_declaration))
            }
            r::PrepareRenameRequest::METHOD => {
                let p: lsp_types::TextDocumentPositionParams = params(req.params.clone())?;
                let doc = self.doc(&p.text_document.uri)?;
                let offset = doc.lines.offset(&doc.text, p.position);
                let range = rename::prepare(doc, offset).map(|s| doc.lines.range(&doc.text, s));
                to_value(range.map(PrepareRenameResponse::Range))
            }
            r::Rename::METHOD => {
                let p: lsp_types::RenameParams = params(req.params.clone())?;
                let at = p.text_document_position;
                let doc = self.doc(&at.text_document.uri)?;
                let offset = doc.lines.offset(&doc.text, at.position);
                rename::rename(doc, offset, &p.new_name, lang)
                    .map_err(|m| error(ErrorCode::RequestFailed, m))
                    .and_then(to_value)
            }
            r::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = params(req.params.clone())?;
                let doc = self.doc(&p.text_document.uri)?;
                to_value(symbols::document_symbols(doc))
            }
            r::WorkspaceSymbolRequest::METHOD => {
                let p: lsp_types::WorkspaceSymbolParams = params(req.params.clone())?;
                to_value(symbols::workspace_symbols(&self.documents, &p.query))
            }
            r::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = params(req.params.clone())?;
                let doc = self.doc(&p.text_document.uri)?;
                let span = doc.lines.span(&doc.text, p.range);
                let options = code_actions::Options {
                    lang,
                    snippet_edits: self.client.snippet_text_edits,
                    only: p.context.only.as_deref(),
                };
                Ok(Value::Array(code_actions::actions(doc, span, &options)))
            }
            r::Completion::METHOD => {
                let p: lsp_types::CompletionParams = params(req.params.clone())?;
                let at = p.text_document_position;
                let doc = self.doc(&at.text_document.uri)?;
                let offset = doc.lines.offset(&doc.text, at.position);
                let after_space = p
                    .context
                    .and_then(|c| c.trigger_character)
                    .is_some_and(|c| c == " ");
                let options = completion::Options {
                    snippets: self.client.completion_snippets,
                    after_space,
                    lang,
                };
                let items = completion::complete(doc, offset, &options);
                to_value((!items.is_empty()).then_some(items))
            }
            r::Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = params(req.params.clone())?;
                let doc = self.doc(&p.text_document.uri)?;
                formatting::format(doc, lang)
                    .map_err(|m| error(ErrorCode::RequestFailed, m))
                    .and_then(to_value)
            }
            r::ExecuteCommand::METHOD => {
                let p: lsp_types::ExecuteCommandParams = params(req.params.clone())?;
                self.execute(&p, lang)
            }
            _ => Err(error(
                ErrorCode::MethodNotFound,
                format!("unknown method {}", req.method),
            )),
        }
    }

    /// `piano.spiega CODE`: the explanation, shown as a message.
    fn execute(&self, p: &lsp_types::ExecuteCommandParams, lang: Lang) -> Answer {
        if p.command != EXPLAIN_COMMAND {
            return Err(error(
                ErrorCode::InvalidParams,
                format!("unknown command {}", p.command),
            ));
        }
        let code = p
            .arguments
            .first()
            .and_then(Value::as_str)
            .and_then(Code::parse)
            .ok_or_else(|| {
                error(
                    ErrorCode::InvalidParams,
                    lang.pick("codice sconosciuto", "unknown code").into(),
                )
            })?;
        let message = ShowMessageParams {
            typ: MessageType::INFO,
            message: explain::render(code, lang),
        };
        self.send(Notification::new(n::ShowMessage::METHOD.into(), message));
        Ok(Value::Null)
    }

    fn doc(&self, uri: &Uri) -> Result<&super::documents::Document, ResponseError> {
        self.documents.get(uri).ok_or_else(|| {
            error(
                ErrorCode::RequestFailed,
                format!("{} is not open", uri.as_str()),
            )
        })
    }
}

/// The requests of a batch that a `$/cancelRequest` in it cancels.
fn cancelled(batch: &[Message]) -> HashSet<RequestId> {
    batch
        .iter()
        .filter_map(|m| match m {
            Message::Notification(note) if note.method == n::Cancel::METHOD => {
                let p: lsp_types::CancelParams =
                    serde_json::from_value(note.params.clone()).ok()?;
                Some(match p.id {
                    lsp_types::NumberOrString::Number(i) => RequestId::from(i),
                    lsp_types::NumberOrString::String(s) => RequestId::from(s),
                })
            }
            _ => None,
        })
        .collect()
}

/// Applies one content change: the whole text, or (from a client that sends them anyway)
/// a range.
fn apply(text: &mut String, change: lsp_types::TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(range) => {
            let lines = super::line_index::LineIndex::new(text);
            let span = lines.span(text, range);
            text.replace_range(span.range(), &change.text);
        }
    }
}

fn params<P: DeserializeOwned>(value: Value) -> Result<P, ResponseError> {
    serde_json::from_value(value).map_err(|e| error(ErrorCode::InvalidParams, e.to_string()))
}

fn to_value(value: impl serde::Serialize) -> Answer {
    serde_json::to_value(value).map_err(|e| error(ErrorCode::InternalError, e.to_string()))
}

fn error(code: ErrorCode, message: String) -> ResponseError {
    ResponseError {
        code: code as i32,
        message,
        data: None,
    }
}

fn internal_error(method: &str) -> ResponseError {
    error(
        ErrorCode::InternalError,
        format!("piano: internal error while answering {method}"),
    )
}
