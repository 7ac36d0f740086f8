//! A workspace: one `copydesk.toml` (or none), its rules and data, and every
//! draft under its folder, read from disk, with the editor's open documents
//! in place of the files they edit. Checks that compare drafts (a person's
//! title across drafts) learn from all of them.

use crate::draft::{Draft, Format};
use crate::rules::LoadError;
use crate::run::{self, Engine};
use crate::settings::Config;
use crate::walk;
use std::path::{Path, PathBuf};

/// The most drafts read from disk for one workspace; a folder with more is
/// most likely not a newsroom's drafts (a home folder opened by mistake).
pub const MAX_DRAFTS: usize = 5000;

/// Which workspace a document belongs to: its config file (if any) and the
/// folder whose drafts are read (if any).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub config: Option<PathBuf>,
    pub root: Option<PathBuf>,
}

/// One draft of the workspace.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file's canonical path, or the URI of a document with no file.
    pub id: String,
    /// Read from disk by walking the folder: when the editor closes it, the
    /// disk text comes back; other entries go.
    pub walked: bool,
}

pub struct Workspace {
    pub key: Key,
    pub config: Config,
    /// The rules and checks, or why they could not be loaded.
    pub engine: Result<Engine, Vec<LoadError>>,
    /// Sorted by id; `entries[i]` describes `drafts[i]`.
    pub entries: Vec<Entry>,
    pub drafts: Vec<Draft>,
    pub archive: Vec<Draft>,
    /// Absolute archive folders, to notice changes in them.
    pub archive_dirs: Vec<PathBuf>,
    /// Set when the folder held more than [`MAX_DRAFTS`] drafts.
    pub truncated: bool,
}

/// The canonical form of a path, where it exists.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Workspace {
    /// Loads the config and rules, and reads the drafts under the folder.
    pub fn load(key: Key) -> Workspace {
        let config = match &key.config {
            Some(p) => Config::load(p, &p.to_string_lossy()),
            None => Ok(Config::default()),
        };
        let (config, engine) = match config {
            Ok(c) => {
                let e = Engine::new(&c);
                (c, e)
            }
            Err(errors) => (Config::default(), Err(errors)),
        };
        let mut ws = Workspace {
            key,
            config,
            engine,
            entries: Vec::new(),
            drafts: Vec::new(),
            archive: Vec::new(),
            archive_dirs: Vec::new(),
            truncated: false,
        };
        ws.read_disk();
        ws
    }

    fn language(&self) -> crate::draft::Language {
        match &self.engine {
            Ok(e) => e.language.clone(),
            Err(_) => Default::default(),
        }
    }

    /// The name a draft goes by in messages: relative to the folder.
    pub fn shown(&self, path: &Path) -> String {
        let rel = self
            .key
            .root
            .as_ref()
            .and_then(|r| path.strip_prefix(r).ok())
            .unwrap_or(path);
        rel.to_string_lossy().replace('\\', "/")
    }

    fn read_disk(&mut self) {
        let lang = self.language();
        self.entries.clear();
        self.drafts.clear();
        if let Some(root) = self.key.root.clone() {
            let (mut targets, _) =
                walk::targets(&[root.to_string_lossy().into_owned()], false, &self.config);
            self.truncated = targets.len() > MAX_DRAFTS;
            targets.truncate(MAX_DRAFTS);
            let mut read: Vec<(Entry, Draft)> = targets
                .iter()
                .filter_map(|t| {
                    let text = run::read_draft(&t.path).ok()?;
                    let path = canonical(&t.path);
                    let draft = Draft::parse(self.shown(&path), text, &lang);
                    let id = path.to_string_lossy().into_owned();
                    Some((Entry { id, walked: true }, draft))
                })
                .collect();
            read.sort_by(|a, b| a.0.id.cmp(&b.0.id));
            read.dedup_by(|a, b| a.0.id == b.0.id);
            for (e, d) in read {
                self.entries.push(e);
                self.drafts.push(d);
            }
        }
        self.archive_dirs = self
            .config
            .archive
            .iter()
            .map(|(p, _)| canonical(p))
            .collect();
        self.archive = run::read_archive(&self.config, &lang);
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.entries
            .binary_search_by(|e| e.id.as_str().cmp(id))
            .ok()
    }

    /// Puts a document's text in place of the draft `id` (or adds it).
    pub fn set_text(&mut self, id: &str, path: Option<&Path>, text: String, plain: bool) {
        let shown = match path {
            Some(p) => self.shown(p),
            None => id.to_string(),
        };
        let format = if plain {
            Format::PlainText
        } else if path.is_some() {
            Format::from_path(&shown)
        } else {
            Format::Markdown
        };
        let draft = Draft::parse_as(shown, text, format, &self.language());
        match self.entries.binary_search_by(|e| e.id.as_str().cmp(id)) {
            Ok(i) => self.drafts[i] = draft,
            Err(i) => {
                self.entries.insert(
                    i,
                    Entry {
                        id: id.to_string(),
                        walked: false,
                    },
                );
                self.drafts.insert(i, draft);
            }
        }
    }

    /// The editor closed `id`, or it changed on disk: read the file again if
    /// it is one of the folder's drafts, else forget it.
    pub fn reread(&mut self, id: &str, path: Option<&Path>) {
        let Some(i) = self.index(id) else {
            if let Some(p) = path {
                self.add_if_wanted(p);
            }
            return;
        };
        let text = path
            .filter(|_| self.entries[i].walked)
            .and_then(|p| run::read_draft(p).ok());
        match text {
            Some(text) => {
                let p = path.expect("filtered above");
                let format = Format::from_path(&self.shown(p));
                self.drafts[i] = Draft::parse_as(self.shown(p), text, format, &self.language());
            }
            None => {
                self.entries.remove(i);
                self.drafts.remove(i);
            }
        }
    }

    /// A file created on disk: a draft of the folder if the walk would pick
    /// it.
    fn add_if_wanted(&mut self, path: &Path) {
        if self.wants(path)
            && self.entries.len() < MAX_DRAFTS
            && let Ok(text) = run::read_draft(path)
        {
            {
                let id = path.to_string_lossy().into_owned();
                self.set_text(&id, Some(path), text, false);
                if let Some(i) = self.index(&id) {
                    self.entries[i].walked = true;
                }
            }
        }
    }

    /// Whether walking the folder picks `path` (a draft extension, under the
    /// folder, not hidden, and the config's globs).
    pub fn wants(&self, path: &Path) -> bool {
        let Some(root) = &self.key.root else {
            return false;
        };
        let Ok(rel) = path.strip_prefix(root) else {
            return false;
        };
        let hidden = rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| walk::EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
        !hidden && ext && self.config.wants(path)
    }

    /// Whether an open document at `path` is to be checked: not left out by
    /// the config's `[files]` globs.
    pub fn checks(&self, path: &Path) -> bool {
        self.key.config.is_none() || self.config.wants(path)
    }

    /// Whether a file under an archive folder changed.
    pub fn in_archive(&self, path: &Path) -> bool {
        self.archive_dirs.iter().any(|d| path.starts_with(d))
    }

    pub fn reload_archive(&mut self) {
        let lang = self.language();
        self.archive = run::read_archive(&self.config, &lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_drafts_the_config_wants_and_editor_text_replaces_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = canonical(dir.path());
        let w = |p: &str, t: &str| {
            let p = root.join(p);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, t).unwrap();
        };
        w(
            "copydesk.toml",
            "[files]\ninclude = [\"drafts/**\"]\nexclude = [\"drafts/old/**\"]\n",
        );
        w("drafts/a.md", "A.\n");
        w("drafts/b.txt", "B.\n");
        w("drafts/old/c.md", "C.\n");
        w("notes.md", "N.\n");
        let mut ws = Workspace::load(Key {
            config: Some(root.join("copydesk.toml")),
            root: Some(root.clone()),
        });
        assert!(ws.engine.is_ok());
        let shown: Vec<&str> = ws.drafts.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(shown, ["drafts/a.md", "drafts/b.txt"]);
        assert!(!ws.checks(&root.join("drafts/old/c.md")));
        assert!(ws.checks(&root.join("drafts/new.md")));

        let a = root.join("drafts/a.md");
        let id = a.to_string_lossy().into_owned();
        ws.set_text(&id, Some(&a), "Edited.\n".into(), false);
        assert_eq!(ws.drafts[0].text, "Edited.\n");
        ws.reread(&id, Some(&a));
        assert_eq!(
            ws.drafts[0].text, "A.\n",
            "closing brings the disk text back"
        );

        w("drafts/new.md", "New.\n");
        let new = root.join("drafts/new.md");
        ws.reread(&new.to_string_lossy(), Some(&new));
        assert_eq!(ws.drafts.len(), 3, "a draft created on disk joins");
        std::fs::remove_file(&new).unwrap();
        ws.reread(&new.to_string_lossy(), Some(&new));
        assert_eq!(ws.drafts.len(), 2, "a deleted one leaves");
    }
}
