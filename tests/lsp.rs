//! `copydesk lsp` spoken to over its standard input and output, as an editor
//! would: JSON-RPC with `Content-Length` framing.

mod common;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(common::bin())
            .args(["lsp", "--stdio"])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("copydesk lsp starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length header")];
                stdout.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 0,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let msg = self.wait(|m| m["id"] == json!(id) && m.get("method").is_none());
        assert!(msg.get("error").is_none(), "{method} failed: {msg}");
        msg["result"].clone()
    }

    /// The next message that `pred` accepts; others are dropped.
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .incoming
                .recv_timeout(left)
                .expect("the server answers in time");
            if pred(&msg) {
                return msg;
            }
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let msg = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        msg["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, root: &str, encodings: &[&str]) -> Value {
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                    "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}
                }
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn shutdown(mut self) -> i32 {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "server did not exit"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn file_uri(p: &std::path::Path) -> String {
    let p = std::fs::canonicalize(p).unwrap();
    format!("file://{}", p.to_string_lossy().replace(' ', "%20"))
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// Applies LSP text edits (UTF-16 positions) to a one-line-per-\n text.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let col = pos["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= col {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<&Value> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_string();
    for e in edits {
        let (a, b) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(a..b, e["newText"].as_str().unwrap());
    }
    out
}

const LINE: &str = "Café — “x” 😀 then an e-mail";

#[test]
fn diagnostics_fixes_hover_and_reload_over_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("copydesk.toml"), "[rules]\ndisable = []\n").unwrap();
    std::fs::create_dir(root.join("drafts")).unwrap();
    // On disk the draft is clean: the diagnostics come from the editor's text.
    std::fs::write(root.join("drafts/a.md"), "Nothing to see.\n").unwrap();
    let uri = file_uri(&root.join("drafts/a.md"));

    let mut c = Client::start(root);
    let init = c.initialize(&file_uri(root), &["utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "copydesk");

    let text = format!("# Notes\n\n{LINE}.\n");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let diags = c.diagnostics(&uri);
    assert_eq!(codes(&diags), ["e-mail"], "{diags:?}");
    let d = &diags[0];
    let col = LINE[..LINE.find("e-mail").unwrap()].encode_utf16().count();
    assert_eq!(d["range"]["start"], json!({"line": 2, "character": col}));
    assert_eq!(d["range"]["end"], json!({"line": 2, "character": col + 6}));
    assert_eq!(d["severity"], 3);
    assert_eq!(d["source"], "copydesk");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("help: replace with `email`")
    );

    // An incremental change: the e-mail goes, an "on-line" comes.
    let start = json!({"line": 2, "character": col});
    let end = json!({"line": 2, "character": col + 6});
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [
                {"range": {"start": start, "end": end}, "text": "email"},
                {"range": {"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 2}}, "text": "On-line "}
            ]
        }),
    );
    let text = format!("# On-line Notes\n\n{}.\n", LINE.replace("e-mail", "email"));
    let diags = c.diagnostics(&uri);
    assert_eq!(codes(&diags), ["e-mail"], "{diags:?}");
    assert_eq!(
        diags[0]["range"]["start"],
        json!({"line": 0, "character": 2})
    );

    // Code actions: the fix (preferred), disabling the rule, fix-all.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": diags[0]["range"],
            "context": {"diagnostics": diags}
        }),
    );
    let actions = actions.as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Replace `On-line` with `Online`",
            "Disable e-mail on this line",
            "Fix all copydesk findings"
        ]
    );
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    let edits = actions[0]["edit"]["changes"][uri.as_str()]
        .as_array()
        .unwrap();
    let fixed = apply_edits(&text, edits);
    assert_eq!(
        fixed,
        format!("# Online Notes\n\n{}.\n", LINE.replace("e-mail", "email"))
    );
    let edits = actions[1]["edit"]["changes"][uri.as_str()]
        .as_array()
        .unwrap();
    let silenced = apply_edits(&text, edits);
    assert!(
        silenced.starts_with("<!-- copydesk-disable-next-line e-mail -->\n# On-line"),
        "{silenced}"
    );

    // The silenced text has no finding.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": silenced}]}),
    );
    assert_eq!(codes(&c.diagnostics(&uri)), Vec::<String>::new());
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": text}]}),
    );
    assert_eq!(codes(&c.diagnostics(&uri)), ["e-mail"]);

    // Hover explains the rule.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 4}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(value.contains("House style writes email"), "{value}");
    assert!(
        value.contains("copydesk-disable-next-line e-mail"),
        "{value}"
    );

    // A changed copydesk.toml is read again.
    std::fs::write(
        root.join("copydesk.toml"),
        "[rules]\ndisable = [\"e-mail\"]\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&root.join("copydesk.toml")), "type": 2}]}),
    );
    assert_eq!(codes(&c.diagnostics(&uri)), Vec::<String>::new());

    // A broken one is reported in the TOML file.
    std::fs::write(
        root.join("copydesk.toml"),
        "[rules]\ndisable = [\"nope\"]\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&root.join("copydesk.toml")), "type": 2}]}),
    );
    let toml_diags = c.diagnostics(&file_uri(&root.join("copydesk.toml")));
    assert!(
        toml_diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown rule id `nope`"),
        "{toml_diags:?}"
    );
    assert_eq!(
        toml_diags[0]["range"]["start"],
        json!({"line": 1, "character": 11})
    );

    assert_eq!(c.shutdown(), 0);
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::start(dir.path());
    let init = c.initialize(&file_uri(dir.path()), &["utf-8", "utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let uri = "untitled:Untitled-1";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": LINE}}),
    );
    let diags = c.diagnostics(uri);
    assert_eq!(
        diags[0]["range"]["start"]["character"],
        LINE.find("e-mail").unwrap()
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::start(dir.path());
    c.initialize(&file_uri(dir.path()), &[]);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
}
