//! Draft reading: Markdown (and plain text) to prose with offsets, paragraphs,
//! sentences, quotations. Every span must lie on character boundaries inside
//! the file and the prose must keep the file's offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static LANG: OnceLock<copydesk::draft::Language> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lang = LANG.get_or_init(|| copydesk::rules::Pack::builtin().unwrap().language());
    let name = if data.first().is_some_and(|b| b & 1 == 1) { "fuzz.txt" } else { "fuzz.md" };
    copydesk::draft::Draft::parse(name, text, lang).assert_invariants();
});
