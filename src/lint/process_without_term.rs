//! `process-without-term`: a process with steps but no term for the whole service.

use super::Context;
use super::elements::service_ast;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a service whose process has steps but no `term`.
    ///
    /// ## Why it matters
    /// The term of a public service is the applicant's right: the time within which the
    /// state must decide. Every standard of a public service states one; a process without
    /// it can be checked step by step but never as a whole.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   actor clerk "clerk" § 2
    ///   process {
    ///     step file_formed by clerk within 7 calendar days after submitted_at § 9
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   actor clerk "clerk" § 2
    ///   process {
    ///     step file_formed by clerk within 7 calendar days after submitted_at § 9
    ///     term 10 calendar days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static PROCESS_WITHOUT_TERM = codes::PROCESS_WITHOUT_TERM, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        if s.process.steps.is_empty() || !s.process.terms.is_empty() {
            continue;
        }
        // at the `process` keyword of the block that lacks the term (one line, not the block)
        let place = service_ast(cx.files(), s)
            .and_then(|a| a.process.as_ref())
            .map_or(s.meta.span, |p| {
                let end = (p.span.start + "process".len()).min(p.span.end);
                crate::source::Span::new(p.span.file, p.span.start, end)
            });
        let d = cx
            .finding(
                Wording::new(
                    format!("service `{}` has steps but no term", s.id),
                    format!("у услуги `{}` есть шаги, но нет срока", s.id),
                    format!("`{}` қызметінің қадамдары бар, бірақ мерзімі жоқ", s.id),
                ),
                Label::new(
                    place,
                    Wording::new("no `term` in its process", "в её процессе нет `term`", "процесінде `term` жоқ"),
                ),
            )
            .with_help(Wording::new(
                "add the term the standard gives (`term 30 calendar days after submitted_at § standard 4`)",
                "добавьте срок оказания услуги, установленный стандартом (`term 30 calendar days after submitted_at § standard 4`)",
                "стандартта белгіленген қызмет көрсету мерзімін қосыңыз (`term 30 calendar days after submitted_at § standard 4`)",
            ));
        cx.emit(d);
    }
}
