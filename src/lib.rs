//! copydesk: a fact-check and consistency linter for newsroom drafts.
//!
//! The library is split by stage:
//!
//! - [`draft`]: reading a draft: front matter, Markdown to prose with byte
//!   offsets, paragraphs, sentences and quotations.
//! - [`rules`]: loading rule files, lexicons, people registries and claims
//!   databases, with errors that point into the TOML file.
//! - [`check`]: the checks, one module per kind behind the [`check::Check`]
//!   trait. Checks produce [`finding::Finding`]s and know nothing of output.
//! - [`report`]: one module per output format.
//! - [`run`]: the whole pipeline, from settings to sorted findings.
//! - [`fix`]: applying fixes to drafts and writing fixed files.
//! - [`lsp`]: the language server (`copydesk lsp`) for editors.
//!
//! Invariants:
//!
//! 1. Every stored span is a byte range into the original file as read. Line,
//!    column and UTF-16 positions are computed only when printing, so every
//!    output format agrees.
//! 2. A draft's prose is the file itself with every non-prose byte blanked
//!    out, so prose offsets *are* file offsets: the offset map is the
//!    identity, trivially monotonic.
//! 3. Output is deterministic: files sorted, findings sorted by file, start,
//!    rule.

pub mod changed;
pub mod check;
pub mod claim_words;
pub mod claims_harvest;
pub mod claims_import;
pub mod cli;
pub mod commands;
pub mod date;
pub mod draft;
pub mod finding;
pub mod fix;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod run;
pub mod settings;
pub mod source;
pub mod walk;
