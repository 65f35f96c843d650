//! `unused-actor`: an actor that no step names.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds an `actor` that no step of the process or of a view names, in its `by` or as
    /// its addressee (`addressed to`).
    ///
    /// ## Why it matters
    /// An actor is declared because the act gives it a duty. One that takes no step is a
    /// duty the rules do not record (a step missing), or a name the act uses for something
    /// else, such as the addressee of a step: then it is recorded as written, with an
    /// `allow` that says so.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   actor clerk "clerk" § 2
    ///   actor head "head of unit" § 3
    ///   process {
    ///     step accepted by clerk within 30 minutes after submitted_at § 9
    ///     term 7 calendar days after submitted_at § 4
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
    ///     step accepted by clerk within 30 minutes after submitted_at § 9
    ///     term 7 calendar days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static UNUSED_ACTOR = codes::UNUSED_ACTOR, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        let named: std::collections::HashSet<&str> = std::iter::once(&s.process)
            .chain(&s.views)
            .flat_map(|v| &v.steps)
            .flat_map(|st| st.actors.iter().chain(&st.addressee))
            .map(String::as_str)
            .collect();
        for (id, _, span) in &s.actors {
            if named.contains(id.as_str()) {
                continue;
            }
            let d = cx
                .finding(
                    Wording::new(
                        format!("no step of service `{}` is taken by actor `{id}`", s.id),
                        format!("ни один шаг услуги `{}` не выполняет участник `{id}`", s.id),
                        format!("`{}` қызметінің бірде-бір қадамын `{id}` орындамайды", s.id),
                    ),
                    Label::new(*span, Wording::new("declared here, takes no step", "объявлен здесь, не выполняет ни одного шага", "осында жарияланған, ешбір қадамды орындамайды")),
                )
                .with_help(Wording::new(
                    "give it the step the act gives it (`by ACTOR`), or remove it; if the act names it for another role (an addressee), `allow unused-actor` with the reason",
                    "поручите ему шаг, который поручает ему акт (`by ACTOR`), или удалите его; если акт называет его в другой роли (адресат), укажите причину в `allow unused-actor`",
                    "оған акт жүктеген қадамды беріңіз (`by ACTOR`) немесе оны алып тастаңыз; егер акт оны басқа рөлде (адресат ретінде) атаса, себебін көрсетіп, `allow unused-actor` жазыңыз",
                ));
            cx.emit(d);
        }
    }
}
