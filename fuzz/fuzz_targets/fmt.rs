#![no_main]
//! The formatter: never a panic; what it returns parses, means the same (it checks that
//! itself, so an `Err` other than a syntax error is a bug), and formatting it again changes
//! nothing.
use ereje::fmt::{FormatError, format_source};
use ereje::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let once = match format_source(&SourceFile::new("f.ereje", text)) {
        Ok(t) => t,
        Err(FormatError::Syntax(_)) => return,
        Err(e) => panic!("formatter bug: {e}"),
    };
    match format_source(&SourceFile::new("f.ereje", once.clone())) {
        Ok(twice) => assert_eq!(once, twice, "formatting is not idempotent"),
        Err(e) => panic!("formatted text does not format again: {e}"),
    }
});
