//! `unused-let`: a named condition that no rule uses.

use super::Context;
use super::elements::service_ast;
use super::registry::declare_lint;
use super::uses::uses;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a `let NAME = …` that no condition of the service uses.
    ///
    /// ## Why it matters
    /// A named condition records a reading of the law (an exemption, a category of
    /// applicants) once, for every rule that needs it. One that nothing uses is a reading
    /// the rules meant to apply and do not: most often a requirement or ground that should
    /// say `unless NAME` and was written without it.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   input applicant.grounds: set(refugee, ethnic_kazakh)
    ///   let exempt = applicant.grounds has ethnic_kazakh § 9
    ///   document solvency_proof { required when applicant.grounds has refugee § 9 }
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
    ///   input applicant.grounds: set(refugee, ethnic_kazakh)
    ///   let exempt = applicant.grounds has ethnic_kazakh § 9
    ///   document solvency_proof { required always unless exempt § 9 }
    /// }
    /// ```
    pub static UNUSED_LET = codes::UNUSED_LET, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    let model = cx.model();
    for s in &model.services {
        let used = uses(s);
        let ast = service_ast(cx.files(), s);
        for ((name, cond), read) in s.lets.iter().zip(&used.lets) {
            if *read {
                continue;
            }
            let span = ast
                .and_then(|a| a.lets.iter().find(|l| &l.name.node == name))
                .map_or(cond.span, |l| l.name.span);
            let d = cx
                .finding(
                    Wording::new(
                        format!("no rule of service `{}` uses `{name}`", s.id),
                        format!("ни одно правило услуги `{}` не использует `{name}`", s.id),
                        format!(
                            "`{}` қызметінің бірде-бір ережесі `{name}` қолданбайды",
                            s.id
                        ),
                    ),
                    Label::new(
                        span,
                        Wording::new(
                            "defined here, used nowhere",
                            "определено здесь, нигде не используется",
                            "осында анықталған, еш жерде қолданылмайды",
                        ),
                    ),
                )
                .with_help(Wording::new(
                    "use it where the law applies it (`unless NAME`), or remove it",
                    "используйте его там, где его применяет закон (`unless NAME`), или удалите его",
                    "оны заң қолданатын жерде пайдаланыңыз (`unless NAME`) немесе алып тастаңыз",
                ));
            cx.emit(d);
        }
    }
}
