//! Failed examples as diagnostics at their `example` blocks, for the places that show rule-file
//! problems where they are written (the language server).

use super::ExampleOutcome;
use crate::codes::EXAMPLE_FAILED;
use crate::diagnostic::{Diagnostic, Label};
use crate::vocab::Wording;

/// A diagnostic for each example that failed, saying how (each failure a note).
pub fn of(outcomes: &[ExampleOutcome]) -> Vec<Diagnostic> {
    outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(|o| {
            let name = &o.name;
            let message = Wording::new(
                format!("the example “{name}” fails"),
                format!("пример «{name}» не выполняется"),
                format!("«{name}» мысалы орындалмайды"),
            );
            let label = Wording::new(
                "its bundle does not get what it expects",
                "его пакет получает не то, что ожидается",
                "оның пакеті күтілгенді алмайды",
            );
            let mut d = Diagnostic::new(&EXAMPLE_FAILED, message, Label::new(o.span, label));
            for f in &o.failures {
                d = d.with_note(Wording::chosen(f.clone()));
            }
            d.with_help(Wording::new(
                "run `ereje test` to see the bundle's report",
                "запустите `ereje test`, чтобы увидеть отчёт по пакету",
                "пакет есебін көру үшін `ereje test` іске қосыңыз",
            ))
        })
        .collect()
}
