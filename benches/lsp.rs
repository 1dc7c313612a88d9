//! How long the language server takes to re-check the seed plan after an edit: the time from
//! sending `didChange` to receiving the new diagnostics, in process over
//! `Connection::memory()` (no pipe), so the figure is the server's work: applying the text,
//! parsing, checking, converting the diagnostics and their positions.
//!
//! Run with `cargo bench --bench lsp`; it prints figures rather than asserting them.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const EDITS: usize = 200;

fn send(c: &Connection, m: impl Into<Message>) {
    c.sender.send(m.into()).expect("the server is listening");
}

fn notify(c: &Connection, method: &str, params: Value) {
    send(c, Notification::new(method.into(), params));
}

/// The next publishDiagnostics, skipping anything else.
fn published(c: &Connection) -> Value {
    loop {
        match c
            .receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("an answer")
        {
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                return n.params;
            }
            _ => {}
        }
    }
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/pistoia-prato-2024.piano"
    );
    let text = std::fs::read_to_string(path).expect("the seed plan");
    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || piano::lsp::serve(&server));
    send(
        &client,
        Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({"capabilities": {}}),
        ),
    );
    let _ = client.receiver.recv();
    notify(&client, "initialized", json!({}));
    let uri = "file:///bench/pistoia-prato-2024.piano";
    notify(
        &client,
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "piano", "version": 0, "text": text}}),
    );
    published(&client);

    // Each edit changes a target's value, as typing would; one in two makes an error.
    let mut times = Vec::with_capacity(EDITS);
    for version in 1..=EDITS {
        let value = if version % 2 == 0 { "80%" } else { "80" };
        let edited = text.replacen(">= 80%", &format!(">= {value}"), 1);
        let start = Instant::now();
        notify(
            &client,
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}),
        );
        let p = published(&client);
        times.push(start.elapsed());
        assert_eq!(p["version"], version as u64);
    }
    send(
        &client,
        Request::new(RequestId::from(2), "shutdown".into(), Value::Null),
    );
    let _ = client.receiver.recv();
    notify(&client, "exit", Value::Null);
    let _ = thread.join();

    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!(
        "lsp: re-check of the seed plan ({} KB, {} lines) after an edit: median {:.1} ms, 95th percentile {:.1} ms, fastest {:.1} ms ({EDITS} edits)",
        text.len() / 1024,
        text.lines().count(),
        ms(median),
        ms(p95),
        ms(times[0]),
    );
}
