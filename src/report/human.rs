//! Human output: miette's graphical reports, with or without colour.

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

/// Render one diagnostic as a person reads it. `color` picks the terminal theme; without it the
/// output is plain Unicode (tests snapshot that form).
pub fn render(diagnostic: &dyn Diagnostic, color: bool) -> String {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(80).with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, diagnostic).is_err() {
        out = format!("{diagnostic}\n");
    }
    out
}

/// The closing line of a run: "2 errors, 3 warnings in 4 rule files".
pub fn summary(errors: usize, warnings: usize, what: &str) -> String {
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    format!("{}, {} in {what}", plural(errors, "error"), plural(warnings, "warning"))
}
