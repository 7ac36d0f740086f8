//! `copydesk lsp`: a Language Server Protocol server over standard input and
//! output, for editors.
//!
//! It publishes the findings of the open Markdown and text documents as
//! diagnostics, from the editor's text (never the file on disk): on open, on
//! save, and on change — at once after a quiet moment, else once the typing
//! has paused for [`DEBOUNCE`]. Every draft of the workspace is read from
//! disk at start, so checks that compare drafts see them all. Quick fixes
//! apply a finding's fix or silence its rule on the line; hovering over a
//! finding explains its rule. A change to `copydesk.toml`, a rule file or a
//! data file reloads everything.
//!
//! The server is single-threaded around one loop: messages are handled in
//! order, checks run when their debounce is due (the checks themselves use
//! every core).

mod convert;
pub mod uri;
pub mod workspace;

use crate::date::Date;
use crate::finding::Finding;
use crate::settings::CONFIG_NAME;
use crate::source::{SourceFile, Unit};
use convert::Converter;
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{self as lsp, Uri};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use workspace::{Key, Workspace};

/// How long the typing must pause before a document is checked again, once
/// a check ran less than this long ago.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Runs the server on standard input and output; returns the exit status
/// (0 after `shutdown` then `exit`, 1 on `exit` without `shutdown`).
pub fn serve() -> std::io::Result<u8> {
    let (connection, io_threads) = Connection::stdio();
    let code = match Server::start(&connection) {
        Ok(mut server) => server.run(),
        Err(e) => {
            eprintln!("copydesk lsp: {e}");
            1
        }
    };
    drop(connection);
    io_threads.join()?;
    Ok(code)
}

/// An open document.
struct Doc {
    uri: Uri,
    /// The file, for `file:` URIs.
    path: Option<PathBuf>,
    /// The workspace's id for it: canonical path, or the URI.
    id: String,
    version: i32,
    text: String,
    plain: bool,
    ws: Key,
    /// The text changed since the last check.
    dirty: bool,
    /// The last check: the text it read and its findings.
    checked: Option<(SourceFile, Vec<Finding>)>,
}

struct Server<'a> {
    conn: &'a Connection,
    unit: Unit,
    markdown_hover: bool,
    roots: Vec<PathBuf>,
    docs: BTreeMap<String, Doc>,
    workspaces: HashMap<Key, Workspace>,
    /// When each workspace's open documents are due to be checked.
    due: HashMap<Key, Instant>,
    /// The last change to each workspace's documents.
    last_change: HashMap<Key, Instant>,
    /// Files that carry diagnostics for config or rule errors.
    config_diagnostics: HashSet<String>,
    shutting_down: bool,
    next_request: i32,
}

/// Language ids of drafts; other documents are not checked.
const LANGUAGES: [&str; 5] = ["markdown", "plaintext", "text", "txt", "mdx"];

impl<'a> Server<'a> {
    fn start(conn: &'a Connection) -> Result<Server<'a>, String> {
        let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
        let params: lsp::InitializeParams =
            serde_json::from_value(params).map_err(|e| format!("bad initialize: {e}"))?;
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.clone())
            .unwrap_or_default();
        let unit = if offered.contains(&lsp::PositionEncodingKind::UTF8) {
            Unit::Utf8
        } else {
            Unit::Utf16
        };
        let markdown_hover = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_none_or(|f| f.contains(&lsp::MarkupKind::Markdown));
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| uri::to_path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty() {
            roots.extend(params.root_uri.as_ref().and_then(uri::to_path));
        }
        let roots: Vec<PathBuf> = roots.iter().map(|r| workspace::canonical(r)).collect();
        let result = lsp::InitializeResult {
            capabilities: capabilities(unit),
            server_info: Some(lsp::ServerInfo {
                name: "copydesk".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
        conn.initialize_finish(id, result)
            .map_err(|e| e.to_string())?;
        let mut server = Server {
            conn,
            unit,
            markdown_hover,
            roots,
            docs: BTreeMap::new(),
            workspaces: HashMap::new(),
            due: HashMap::new(),
            last_change: HashMap::new(),
            config_diagnostics: HashSet::new(),
            shutting_down: false,
            next_request: 0,
        };
        if watch {
            server.register_watchers();
        }
        // Read every workspace folder's drafts now, so the first document
        // opened is checked against all of them.
        for root in server.roots.clone() {
            let key = server.key_for(Some(&root.join("_")));
            server.workspace(&key);
        }
        Ok(server)
    }

    /// The main loop; returns the exit status.
    fn run(&mut self) -> u8 {
        loop {
            let next_due = self.due.values().min().copied();
            let msg = match next_due {
                Some(at) => {
                    let wait = at.saturating_duration_since(Instant::now());
                    match self.conn.receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return 1,
                    }
                }
                None => match self.conn.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return 1,
                },
            };
            if let Some(mut msg) = msg {
                // Handle everything that has already arrived before checking,
                // so a burst of changes makes one check.
                loop {
                    if let Some(code) = self.handle(msg) {
                        return code;
                    }
                    match self.conn.receiver.try_recv() {
                        Ok(m) => msg = m,
                        Err(_) => break,
                    }
                }
            }
            let now = Instant::now();
            let ready: Vec<Key> = self
                .due
                .iter()
                .filter(|(_, at)| **at <= now)
                .map(|(k, _)| k.clone())
                .collect();
            for key in ready {
                self.check(&key);
            }
        }
    }

    /// Handles one message; `Some(status)` ends the server.
    fn handle(&mut self, msg: Message) -> Option<u8> {
        match msg {
            Message::Request(req) => {
                if self.shutting_down {
                    self.reply_err(
                        req.id,
                        ErrorCode::InvalidRequest,
                        "the server is shutting down",
                    );
                } else if req.method == lsp::request::Shutdown::METHOD {
                    self.shutting_down = true;
                    self.send(Response::new_ok(req.id, ()).into());
                } else {
                    self.request(req);
                }
                None
            }
            Message::Notification(n) if n.method == lsp::notification::Exit::METHOD => {
                Some(if self.shutting_down { 0 } else { 1 })
            }
            Message::Notification(n) => {
                self.notification(n);
                None
            }
            Message::Response(_) => None,
        }
    }

    fn send(&self, msg: Message) {
        // The writer thread goes only when the editor has gone.
        let _ = self.conn.sender.send(msg);
    }

    fn notify<N: lsp::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params).into());
    }

    fn reply_err(&self, id: RequestId, code: ErrorCode, message: &str) {
        self.send(Response::new_err(id, code as i32, message.to_string()).into());
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            lsp::request::CodeActionRequest::METHOD => {
                parse(req.params).map(|p| serde_json::to_value(self.code_actions(p)))
            }
            lsp::request::HoverRequest::METHOD => {
                parse(req.params).map(|p| serde_json::to_value(self.hover(p)))
            }
            _ => {
                self.reply_err(id, ErrorCode::MethodNotFound, "unknown request");
                return;
            }
        };
        match result {
            Ok(Ok(value)) => self.send(Response::new_ok(id, value).into()),
            Ok(Err(e)) => self.reply_err(id, ErrorCode::InternalError, &e.to_string()),
            Err(e) => self.reply_err(id, ErrorCode::InvalidParams, &e),
        }
    }

    fn notification(&mut self, n: Notification) {
        use lsp::notification as ln;
        match n.method.as_str() {
            ln::DidOpenTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp::DidOpenTextDocumentParams>(n.params) {
                    self.open(p.text_document);
                }
            }
            ln::DidChangeTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp::DidChangeTextDocumentParams>(n.params) {
                    self.change(p);
                }
            }
            ln::DidSaveTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp::DidSaveTextDocumentParams>(n.params) {
                    self.saved(&p.text_document.uri);
                }
            }
            ln::DidCloseTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp::DidCloseTextDocumentParams>(n.params) {
                    self.close(&p.text_document.uri);
                }
            }
            ln::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = parse::<lsp::DidChangeWatchedFilesParams>(n.params) {
                    let paths: Vec<PathBuf> = p
                        .changes
                        .iter()
                        .filter_map(|c| uri::to_path(&c.uri))
                        .collect();
                    self.files_changed(&paths);
                }
            }
            ln::DidChangeWorkspaceFolders::METHOD => {
                if let Ok(p) = parse::<lsp::DidChangeWorkspaceFoldersParams>(n.params) {
                    let removed: Vec<PathBuf> = p
                        .event
                        .removed
                        .iter()
                        .filter_map(|f| uri::to_path(&f.uri))
                        .map(|p| workspace::canonical(&p))
                        .collect();
                    self.roots.retain(|r| !removed.contains(r));
                    self.roots.extend(
                        p.event
                            .added
                            .iter()
                            .filter_map(|f| uri::to_path(&f.uri))
                            .map(|p| workspace::canonical(&p)),
                    );
                    self.reload_all();
                }
            }
            _ => {}
        }
    }

    fn register_watchers(&mut self) {
        let watcher = |glob: &str| lsp::FileSystemWatcher {
            glob_pattern: lsp::GlobPattern::String(glob.to_string()),
            kind: None,
        };
        let options = lsp::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![watcher("**/*.toml"), watcher("**/*.{md,markdown,txt}")],
        };
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "copydesk-watch".to_string(),
                method: lsp::notification::DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        let id = RequestId::from(format!("copydesk-{}", self.next_request));
        self.send(
            Request::new(
                id,
                lsp::request::RegisterCapability::METHOD.to_string(),
                params,
            )
            .into(),
        );
    }

    /// The workspace a document at `path` belongs to: the editor's folder
    /// that holds it, if that folder has a `copydesk.toml`; else the nearest
    /// `copydesk.toml` above the document; else no config.
    fn key_for(&self, path: Option<&Path>) -> Key {
        let root = match path {
            Some(p) => self
                .roots
                .iter()
                .filter(|r| p.starts_with(r))
                .max_by_key(|r| r.as_os_str().len())
                .cloned(),
            None => self.roots.first().cloned(),
        };
        if let Some(r) = &root {
            let config = r.join(CONFIG_NAME);
            if config.is_file() {
                return Key {
                    config: Some(config),
                    root: Some(r.clone()),
                };
            }
        }
        if let Some(found) = path
            .and_then(Path::parent)
            .and_then(crate::settings::discover)
        {
            let config = workspace::canonical(&found.0);
            let dir = config.parent().map(Path::to_path_buf);
            return Key {
                config: Some(config),
                root: dir,
            };
        }
        Key { config: None, root }
    }

    /// The workspace of `key`, loaded if need be.
    fn workspace(&mut self, key: &Key) -> &mut Workspace {
        if !self.workspaces.contains_key(key) {
            let ws = Workspace::load(key.clone());
            self.report_load(&ws);
            self.workspaces.insert(key.clone(), ws);
        }
        self.workspaces.get_mut(key).expect("inserted above")
    }

    /// Shows config and rule errors: as diagnostics in the TOML files they
    /// point into, and as a message.
    fn report_load(&mut self, ws: &Workspace) {
        let Err(errors) = &ws.engine else {
            return;
        };
        let mut by_file: BTreeMap<String, Vec<lsp::Diagnostic>> = BTreeMap::new();
        for e in errors {
            let path = Path::new(&e.path);
            let Some(uri) = path.is_absolute().then(|| uri::from_path(path)).flatten() else {
                continue;
            };
            by_file
                .entry(uri.as_str().to_string())
                .or_default()
                .push(convert::load_error(e, self.unit));
        }
        for (uri, diagnostics) in by_file {
            if let Ok(u) = uri.parse::<Uri>() {
                self.notify::<lsp::notification::PublishDiagnostics>(
                    lsp::PublishDiagnosticsParams {
                        uri: u,
                        diagnostics,
                        version: None,
                    },
                );
                self.config_diagnostics.insert(uri);
            }
        }
        let first = errors.first().map(|e| e.to_string()).unwrap_or_default();
        self.notify::<lsp::notification::ShowMessage>(lsp::ShowMessageParams {
            typ: lsp::MessageType::ERROR,
            message: format!(
                "copydesk: could not load the rules or config ({} error{}): {first}",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            ),
        });
    }

    fn open(&mut self, item: lsp::TextDocumentItem) {
        let path = uri::to_path(&item.uri).map(|p| workspace::canonical(&p));
        let is_draft = LANGUAGES.contains(&item.language_id.as_str())
            || path.as_ref().is_some_and(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    crate::walk::EXTENSIONS
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(e))
                })
            });
        if !is_draft {
            return;
        }
        let ws = self.key_for(path.as_deref());
        self.workspace(&ws);
        let id = match &path {
            Some(p) => p.to_string_lossy().into_owned(),
            None => item.uri.as_str().to_string(),
        };
        let plain = matches!(item.language_id.as_str(), "plaintext" | "text" | "txt");
        let key = item.uri.as_str().to_string();
        self.docs.insert(
            key,
            Doc {
                uri: item.uri,
                path,
                id,
                version: item.version,
                text: item.text,
                plain,
                ws: ws.clone(),
                dirty: true,
                checked: None,
            },
        );
        self.due.insert(ws, Instant::now());
    }

    fn change(&mut self, p: lsp::DidChangeTextDocumentParams) {
        let unit = self.unit;
        let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) else {
            return;
        };
        for change in p.content_changes {
            match change.range {
                Some(range) => {
                    let file = SourceFile::new("", std::mem::take(&mut doc.text));
                    let start = file.offset(
                        range.start.line as usize,
                        range.start.character as usize,
                        unit,
                    );
                    let end =
                        file.offset(range.end.line as usize, range.end.character as usize, unit);
                    let mut text = file.text;
                    text.replace_range(start..end.max(start), &change.text);
                    doc.text = text;
                }
                None => doc.text = change.text,
            }
        }
        doc.version = p.text_document.version;
        doc.dirty = true;
        let ws = doc.ws.clone();
        let now = Instant::now();
        let quiet = self
            .last_change
            .get(&ws)
            .is_none_or(|t| now.duration_since(*t) >= DEBOUNCE);
        self.last_change.insert(ws.clone(), now);
        // After a quiet moment, check at once; while typing goes on, wait
        // for it to pause.
        if quiet && !self.due.contains_key(&ws) {
            self.due.insert(ws, now);
        } else {
            self.due.insert(ws, now + DEBOUNCE);
        }
    }

    fn saved(&mut self, uri: &Uri) {
        let Some(path) = uri::to_path(uri) else {
            return;
        };
        if path.extension().is_some_and(|e| e == "toml") {
            self.files_changed(&[path]);
        } else if let Some(doc) = self.docs.get(uri.as_str()) {
            self.due.insert(doc.ws.clone(), Instant::now());
        }
    }

    fn close(&mut self, uri: &Uri) {
        let Some(doc) = self.docs.remove(uri.as_str()) else {
            return;
        };
        if let Some(ws) = self.workspaces.get_mut(&doc.ws) {
            ws.reread(&doc.id, doc.path.as_deref());
            self.due.insert(doc.ws.clone(), Instant::now());
        }
        self.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri: doc.uri,
            diagnostics: Vec::new(),
            version: None,
        });
    }

    /// Files changed on disk (or a TOML file was saved).
    fn files_changed(&mut self, paths: &[PathBuf]) {
        if paths
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "toml"))
        {
            // A config, rule or data file: load everything again.
            self.reload_all();
            return;
        }
        let open: HashSet<&str> = self.docs.values().map(|d| d.id.as_str()).collect();
        let mut touched = Vec::new();
        for path in paths {
            let path = workspace::canonical(path);
            let id = path.to_string_lossy().into_owned();
            if open.contains(id.as_str()) {
                continue; // the editor's text wins
            }
            for (key, ws) in self.workspaces.iter_mut() {
                if ws.in_archive(&path) {
                    ws.reload_archive();
                } else {
                    ws.reread(&id, Some(&path));
                }
                touched.push(key.clone());
            }
        }
        let now = Instant::now();
        for key in touched {
            self.due.entry(key).or_insert(now);
        }
    }

    /// Forgets every workspace and loads them again, for the open documents.
    fn reload_all(&mut self) {
        let stale: Vec<String> = self.config_diagnostics.drain().collect();
        for uri in stale.iter().filter_map(|u| u.parse::<Uri>().ok()) {
            self.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
                uri,
                diagnostics: Vec::new(),
                version: None,
            });
        }
        self.workspaces.clear();
        self.due.clear();
        for root in self.roots.clone() {
            let key = self.key_for(Some(&root.join("_")));
            self.workspace(&key);
        }
        let uris: Vec<String> = self.docs.keys().cloned().collect();
        for u in uris {
            let path = self.docs[&u].path.clone();
            let key = self.key_for(path.as_deref());
            self.workspace(&key);
            let doc = self.docs.get_mut(&u).expect("listed above");
            doc.ws = key.clone();
            doc.dirty = true;
            self.due.insert(key, Instant::now());
        }
    }

    /// Checks the open documents of a workspace and publishes their
    /// diagnostics.
    fn check(&mut self, key: &Key) {
        self.due.remove(key);
        let Some(ws) = self.workspaces.get_mut(key) else {
            return;
        };
        let mut open: Vec<(String, usize)> = Vec::new();
        for doc in self.docs.values_mut().filter(|d| &d.ws == key) {
            if doc.dirty {
                ws.set_text(&doc.id, doc.path.as_deref(), doc.text.clone(), doc.plain);
                doc.dirty = false;
            }
        }
        for (k, doc) in self.docs.iter().filter(|(_, d)| &d.ws == key) {
            let wanted = doc.path.as_deref().is_none_or(|p| ws.checks(p));
            if let (true, Some(i)) = (wanted, ws.index(&doc.id)) {
                open.push((k.clone(), i));
            }
        }
        let findings = match &mut ws.engine {
            Ok(engine) => {
                let ids: HashSet<usize> = open.iter().map(|(_, i)| *i).collect();
                crate::run::analyze_only(engine, &ws.drafts, &ws.archive, Date::today(), |i| {
                    ids.contains(&i)
                })
            }
            Err(_) => Vec::new(),
        };
        let mut by_file: HashMap<usize, Vec<Finding>> = HashMap::new();
        for f in findings {
            by_file.entry(f.file).or_default().push(f);
        }
        // Labels may point into any draft: their URIs and line indexes.
        let uris: HashMap<String, Uri> = self
            .docs
            .values()
            .map(|d| (d.id.clone(), d.uri.clone()))
            .collect();
        let ws = &self.workspaces[key];
        let mut conv = Converter::new(self.unit, ws, &uris);
        let mut published = Vec::new();
        for (k, doc) in self.docs.iter_mut().filter(|(_, d)| &d.ws == key) {
            let mine = open
                .iter()
                .find(|(kk, _)| kk == k)
                .map(|(_, i)| by_file.remove(i).unwrap_or_default())
                .unwrap_or_default();
            let file = open.iter().find(|(kk, _)| kk == k).map(|(_, i)| *i);
            let diagnostics = match file {
                Some(i) => mine.iter().map(|f| conv.diagnostic(i, f)).collect(),
                None => Vec::new(),
            };
            doc.checked = Some((SourceFile::new("", doc.text.clone()), mine));
            published.push(lsp::PublishDiagnosticsParams {
                uri: doc.uri.clone(),
                diagnostics,
                version: Some(doc.version),
            });
        }
        for p in published {
            self.notify::<lsp::notification::PublishDiagnostics>(p);
        }
    }

    /// Brings a document's last check up to date with its text.
    fn fresh(&mut self, uri: &Uri) -> Option<&Doc> {
        let key = self.docs.get(uri.as_str())?.ws.clone();
        if self.docs[uri.as_str()].dirty || self.due.contains_key(&key) {
            self.check(&key);
        }
        self.docs.get(uri.as_str())
    }

    fn refresh(&mut self, uri: &Uri) {
        let _ = self.fresh(uri);
    }

    fn code_actions(&mut self, p: lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let unit = self.unit;
        let Some(doc) = self.fresh(&p.text_document.uri) else {
            return Vec::new();
        };
        let Some((file, findings)) = &doc.checked else {
            return Vec::new();
        };
        let start = file.offset(
            p.range.start.line as usize,
            p.range.start.character as usize,
            unit,
        );
        let end = file.offset(
            p.range.end.line as usize,
            p.range.end.character as usize,
            unit,
        );
        let actions = convert::code_actions(&doc.uri, file, findings, start..end, unit);
        let only = p.context.only.unwrap_or_default();
        actions
            .into_iter()
            .filter(|a| {
                only.is_empty()
                    || a.kind.as_ref().is_some_and(|k| {
                        only.iter().any(|o| {
                            k.as_str() == o.as_str()
                                || k.as_str().starts_with(&format!("{}.", o.as_str()))
                        })
                    })
            })
            .map(lsp::CodeActionOrCommand::CodeAction)
            .collect()
    }

    fn hover(&mut self, p: lsp::HoverParams) -> Option<lsp::Hover> {
        let unit = self.unit;
        let markdown = self.markdown_hover;
        let uri = p.text_document_position_params.text_document.uri;
        let pos = p.text_document_position_params.position;
        self.refresh(&uri);
        let doc = self.docs.get(uri.as_str())?;
        let (file, findings) = doc.checked.as_ref()?;
        let at = file.offset(pos.line as usize, pos.character as usize, unit);
        let here: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.span.start <= at && at <= f.span.end)
            .collect();
        if here.is_empty() {
            return None;
        }
        let ws = self.workspaces.get(&doc.ws)?;
        let pack = ws.engine.as_ref().ok().map(|e| &e.pack);
        Some(convert::hover(file, &here, pack, markdown, unit))
    }
}

fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, String> {
    serde_json::from_value(params).map_err(|e| e.to_string())
}

fn capabilities(unit: Unit) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(match unit {
            Unit::Utf8 => lsp::PositionEncodingKind::UTF8,
            Unit::Utf16 => lsp::PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(
                    lsp::SaveOptions {
                        include_text: Some(false),
                    },
                )),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::SOURCE_FIX_ALL,
                ]),
                resolve_provider: Some(false),
                work_done_progress_options: Default::default(),
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        workspace: Some(lsp::WorkspaceServerCapabilities {
            workspace_folders: Some(lsp::WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(lsp::OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}
