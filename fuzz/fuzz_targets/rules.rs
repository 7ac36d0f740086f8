//! Rule-file loading: arbitrary TOML never panics, and every error points
//! inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut pack = copydesk::rules::Pack::builtin().unwrap();
    let mut errors = Vec::new();
    pack.add_file("fuzz.toml", Arc::from(text), &mut errors);
    for e in errors {
        if let Some(span) = e.span {
            assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
});
