//! `step-without-deadline`: a step for which the act sets no time.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a step with no `within` duration: `step answered by bodies after sent`.
    ///
    /// ## Why it matters
    /// A step without a deadline can take any time: the service term then depends on
    /// something the act does not bound, and no late step of it can be reported. The act
    /// may leave it open on purpose (an outside body answers when it answers), or by
    /// omission; the lint asks which, and an `allow` records the answer.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   actor bodies "the interested bodies" § 2
    ///   process {
    ///     step answered by bodies after submitted_at § 3
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
    ///   actor bodies "the interested bodies" § 2
    ///   process {
    ///     step answered by bodies within 20 calendar days after submitted_at § 3
    ///     term 30 calendar days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static STEP_WITHOUT_DEADLINE = codes::STEP_WITHOUT_DEADLINE, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        for view in std::iter::once(&s.process).chain(&s.views) {
            for step in view.steps.iter().filter(|st| st.within.is_none()) {
                let d = cx
                    .finding(
                        Wording::new(
                            format!("step `{}` has no deadline", step.id),
                            format!("у шага `{}` нет срока", step.id),
                            format!("`{}` қадамының мерзімі жоқ", step.id),
                        ),
                        Label::new(step.meta.span, Wording::new("no `within` duration", "нет срока `within`", "`within` мерзімі жоқ")),
                    )
                    .with_help(Wording::new(
                        "give the step the time the act sets (`within 5 working days after …`); if the act sets none, `allow step-without-deadline` with the reason",
                        "задайте шагу срок, установленный актом (`within 5 working days after …`); если акт срока не устанавливает, укажите причину в `allow step-without-deadline`",
                        "қадамға акт белгілеген мерзімді беріңіз (`within 5 working days after …`); егер акт мерзім белгілемесе, себебін көрсетіп, `allow step-without-deadline` жазыңыз",
                    ));
                cx.emit(d);
            }
        }
    }
}
