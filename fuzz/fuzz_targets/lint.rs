#![no_main]
//! A rule file through the whole linter: analysis, then every lint on what compiles, then
//! rendering each finding for people; nothing may panic, hang or grow without bound.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let file = ereje::source::SourceFile::new("f.ereje", text);
    let analysis = ereje::analysis::analyze_sources(vec![file]);
    if analysis.diagnostics.has_errors() {
        return;
    }
    let linted = ereje::lint::lint(&analysis, &ereje::lint::Settings::default());
    let style = ereje::report::human::Style::plain();
    for d in linted.diagnostics.iter().chain(linted.suppressed.iter().map(|s| &s.diagnostic)) {
        std::hint::black_box(ereje::report::human::render(d, &analysis.model.sources, &style));
    }
});
