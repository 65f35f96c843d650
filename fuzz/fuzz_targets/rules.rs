#![no_main]
//! A rule file: analysis and the strict parser must never panic, whatever the text.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let file = ereje::source::SourceFile::new("f.ereje", text);
    let _ = ereje::analysis::analyze_sources(vec![file.clone()]);
    let _ = ereje::syntax::parse_file(&file, 0);
});
