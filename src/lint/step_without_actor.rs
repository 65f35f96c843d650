//! `step-without-actor`: a step that names no one to take it.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a step with no `by ACTOR`.
    ///
    /// ## Why it matters
    /// Every step of a public service is someone's duty: a late step must be traced to the
    /// official or body that owed it, and an applicant's complaint goes to them. A step that
    /// names no one cannot be, whether the act forgot the actor or the rules did.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   process {
    ///     step registered within 1 calendar day after submitted_at § 3
    ///     term 30 calendar days after submitted_at § 4
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
    ///   actor clerk "the office clerk" § 2
    ///   process {
    ///     step registered by clerk within 1 calendar day after submitted_at § 3
    ///     term 30 calendar days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static STEP_WITHOUT_ACTOR = codes::STEP_WITHOUT_ACTOR, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        for view in std::iter::once(&s.process).chain(&s.views) {
            for step in view.steps.iter().filter(|st| st.actors.is_empty()) {
                let d = cx
                    .finding(
                        Wording::new(
                            format!("step `{}` names no one to take it", step.id),
                            format!("в шаге `{}` не указано, кто его выполняет", step.id),
                            format!("`{}` қадамын кім орындайтыны көрсетілмеген", step.id),
                        ),
                        Label::new(step.meta.span, Wording::new("no `by` actor", "не указан участник `by`", "`by` қатысушысы көрсетілмеген")),
                    )
                    .with_help(Wording::new(
                        "name the actor the act gives the step (`by ACTOR`, declared with `actor ACTOR \"…\" § …`); if the act names none, `allow step-without-actor` with the reason",
                        "укажите участника, которому акт поручает шаг (`by ACTOR`, описанного через `actor ACTOR \"…\" § …`); если акт никого не называет, укажите причину в `allow step-without-actor`",
                        "акт қадамды жүктейтін қатысушыны көрсетіңіз (`by ACTOR`, `actor ACTOR \"…\" § …` арқылы сипатталған); егер акт ешкімді атамаса, себебін көрсетіп, `allow step-without-actor` жазыңыз",
                    ));
                cx.emit(d);
            }
        }
    }
}
