//! A test client: the server runs on a thread over `Connection::memory()`, the test speaks the
//! protocol to it as an editor would (ruff's server tests work this way).

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response, ResponseError};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::path::Path;
use std::thread::JoinHandle;
use std::time::Duration;

/// Long enough for a slow machine; a hung server fails the test instead of hanging it.
const TIMEOUT: Duration = Duration::from_secs(30);

pub struct TestClient {
    connection: Connection,
    /// The server's end, until `run_server` hands it to the server's thread.
    server_side: Option<Connection>,
    server: Option<JoinHandle<Result<(), String>>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    notifications: VecDeque<Notification>,
    pub initialize_result: Value,
}

/// The initialize parameters of an Italian client that supports snippets.
pub fn default_init() -> Value {
    json!({
        "processId": null,
        "rootUri": null,
        "locale": "it",
        "capabilities": {
            "textDocument": {
                "completion": {"completionItem": {"snippetSupport": true}},
                "publishDiagnostics": {"relatedInformation": true}
            }
        }
    })
}

pub fn uri(name: &str) -> String {
    format!("file:///piano/{name}")
}

/// A file of tests/lsp/fixtures.
pub fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/lsp/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file of the repository.
pub fn repo_file(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

impl TestClient {
    pub fn start() -> Self {
        Self::start_with(default_init())
    }

    pub fn start_with(init: Value) -> Self {
        let mut client = Self::queued(init);
        client.run_server();
        client
    }

    /// A client whose `initialize` and `initialized` are queued but whose server has not
    /// started: the test may queue more messages, then call `run_server`.
    pub fn queued(init: Value) -> Self {
        let (server, client) = Connection::memory();
        let mut me = TestClient {
            connection: client,
            server_side: Some(server),
            server: None,
            next_id: 0,
            notifications: VecDeque::new(),
            initialize_result: Value::Null,
        };
        me.send_request("initialize", init);
        me.notify("initialized", json!({}));
        me
    }

    /// Starts the server on the queued messages and waits for its `initialize` answer.
    pub fn run_server(&mut self) {
        let server = self.server_side.take().expect("the server runs once");
        self.server = Some(std::thread::spawn(move || piano::lsp::serve(&server)));
        self.initialize_result = self
            .response(RequestId::from(1))
            .expect("initialize succeeds");
    }

    /// Sends a request without waiting: `answer` collects it.
    pub fn send(&mut self, method: &str, params: Value) -> RequestId {
        self.send_request(method, params)
    }

    pub fn answer(&mut self, id: RequestId) -> Result<Value, ResponseError> {
        self.response(id)
    }

    fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let request = Request::new(id.clone(), method.into(), params);
        self.connection
            .sender
            .send(Message::Request(request))
            .expect("the server is listening");
        id
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.connection
            .sender
            .send(Message::Notification(Notification::new(
                method.into(),
                params,
            )))
            .expect("the server is listening");
    }

    /// Sends a request and waits for its answer.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, ResponseError> {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// Sends many requests at once, then collects their answers in order.
    pub fn requests(&mut self, batch: Vec<(&str, Value)>) -> Vec<Result<Value, ResponseError>> {
        let ids: Vec<RequestId> = batch
            .into_iter()
            .map(|(m, p)| self.send_request(m, p))
            .collect();
        let mut answers: std::collections::HashMap<RequestId, Result<Value, ResponseError>> =
            std::collections::HashMap::new();
        while answers.len() < ids.len() {
            match self.receive() {
                Message::Response(r) => {
                    answers.insert(r.id.clone(), result(r));
                }
                Message::Notification(n) => self.notifications.push_back(n),
                Message::Request(r) => panic!("unexpected request from the server: {r:?}"),
            }
        }
        ids.iter().map(|id| answers.remove(id).unwrap()).collect()
    }

    fn receive(&mut self) -> Message {
        self.connection
            .receiver
            .recv_timeout(TIMEOUT)
            .expect("the server answers in time")
    }

    fn response(&mut self, id: RequestId) -> Result<Value, ResponseError> {
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => return result(r),
                Message::Response(r) => panic!("answer to an unexpected request: {r:?}"),
                Message::Notification(n) => self.notifications.push_back(n),
                Message::Request(r) => panic!("unexpected request from the server: {r:?}"),
            }
        }
    }

    /// The next notification of `method` (earlier ones of other methods are kept).
    pub fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self.notifications.iter().position(|n| n.method == method) {
            return self.notifications.remove(i).unwrap().params;
        }
        loop {
            match self.receive() {
                Message::Notification(n) if n.method == method => return n.params,
                Message::Notification(n) => self.notifications.push_back(n),
                other => panic!("expected a {method} notification, got {other:?}"),
            }
        }
    }

    /// The diagnostics published next for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        loop {
            let p = self.notification("textDocument/publishDiagnostics");
            if p["uri"] == uri {
                return p;
            }
        }
    }

    /// Whether a notification of `method` arrives within `wait`.
    pub fn no_notification(&mut self, method: &str, wait: Duration) -> bool {
        if self.notifications.iter().any(|n| n.method == method) {
            return false;
        }
        match self.connection.receiver.recv_timeout(wait) {
            Ok(Message::Notification(n)) if n.method == method => false,
            Ok(Message::Notification(n)) => {
                self.notifications.push_back(n);
                true
            }
            Ok(other) => panic!("unexpected message {other:?}"),
            Err(_) => true,
        }
    }

    /// Opens a document and returns its diagnostics.
    pub fn open(&mut self, name: &str, text: &str) -> Value {
        self.open_quietly(name, text);
        self.diagnostics(&uri(name))
    }

    pub fn open_quietly(&mut self, name: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {
                "uri": uri(name), "languageId": "piano", "version": 1, "text": text
            }}),
        );
    }

    pub fn change(&mut self, name: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(name), "version": version},
                "contentChanges": [{"text": text}]
            }),
        );
    }

    /// `shutdown`, `exit`, and the server's thread ends well.
    pub fn shutdown(mut self) {
        self.request("shutdown", Value::Null)
            .expect("shutdown succeeds");
        self.notify("exit", Value::Null);
        let server = self.server.take().expect("the server runs");
        server
            .join()
            .expect("the server does not panic")
            .expect("the server ends well");
    }
}

fn result(r: Response) -> Result<Value, ResponseError> {
    match (r.result, r.error) {
        (_, Some(e)) => Err(e),
        (Some(v), None) => Ok(v),
        (None, None) => Ok(Value::Null),
    }
}

/// `{"textDocument": {"uri"}, "position": {"line", "character"}}`.
pub fn at(name: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri(name)}, "position": {"line": line, "character": character}})
}

/// The LSP position (UTF-16) of the `nth` occurrence of `needle` in `text`, plus `shift`
/// characters.
pub fn position_of(text: &str, needle: &str, nth: usize, shift: u32) -> (u32, u32) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` occurs fewer than {} times", nth + 1))
        .0;
    let (line, col) = position_at(text, offset);
    (line, col + shift)
}

/// The position just after the first occurrence of `needle` (which may span lines).
pub fn end_of(text: &str, needle: &str) -> (u32, u32) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text"));
    position_at(text, offset + needle.len())
}

/// The LSP position (UTF-16 columns) of a byte offset.
pub fn position_at(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    (line, col as u32)
}

/// JSON as the snapshots record it. (insta's own JSON serializer does not know the
/// `arbitrary_precision` numbers this crate's serde_json uses.)
pub fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON values serialize")
}

/// The byte offset of an LSP position (UTF-16 columns) in `text`.
pub fn offset_at(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[line_start..].char_indices() {
        if units >= character || c == '\n' {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with an array of LSP text edits applied, as an editor applies them.
pub fn apply_edits(text: &str, edits: &Value) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .as_array()
        .expect("an array of edits")
        .iter()
        .map(|e| {
            let start = offset_at(text, &e["range"]["start"]);
            let end = offset_at(text, &e["range"]["end"]);
            (start, end, e["newText"].as_str().unwrap())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}
