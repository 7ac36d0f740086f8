//! A full check of one draft with the built-in pack: never panics, and every
//! finding's span lies on character boundaries inside the draft.
#![no_main]

use copydesk::draft::Draft;
use copydesk::run::{Engine, analyze};
use libfuzzer_sys::fuzz_target;
use std::sync::Mutex;
use std::sync::OnceLock;

static ENGINE: OnceLock<Mutex<Engine>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let engine = ENGINE.get_or_init(|| Mutex::new(Engine::new(&Default::default()).unwrap()));
    let mut engine = engine.lock().unwrap();
    let draft = Draft::parse("fuzz.md", text, &engine.language);
    let date = copydesk::date::Date::new(2025, 6, 20).unwrap();
    for f in analyze(&mut engine, std::slice::from_ref(&draft), &[], date) {
        assert!(f.span.start <= f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
});
