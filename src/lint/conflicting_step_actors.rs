//! `conflicting-step-actors`: two views of a step that give it to different actors.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a step of a view that maps to a step of the process and names none of that
    /// step's actors.
    ///
    /// ## Why it matters
    /// Who owes a step is who answers for it when it is late. When a table of the
    /// regulation gives a step to a unit the paragraph does not name (often an old or a
    /// misspelt abbreviation), the rules record both as written; the lint finds each such
    /// pair, so that the defect is known and recorded with an `allow`.
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
    ///     step approved by head within 7 calendar days after submitted_at § 9
    ///     term 7 calendar days after submitted_at § 4
    ///   }
    ///   view table_1 "Table 1" § 10 {
    ///     step approval by clerk within 7 calendar days after submitted_at maps to approved
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
    ///   actor head "head of unit" § 3
    ///   process {
    ///     step approved by head within 7 calendar days after submitted_at § 9
    ///     term 7 calendar days after submitted_at § 4
    ///   }
    ///   view table_1 "Table 1" § 10 {
    ///     step approval by head within 7 calendar days after submitted_at maps to approved
    ///   }
    /// }
    /// ```
    pub static CONFLICTING_STEP_ACTORS = codes::CONFLICTING_STEP_ACTORS, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        let main_steps = super::mapping::by_id(&s.process);
        for view in &s.views {
            for step in &view.steps {
                if step.actors.is_empty() {
                    continue;
                }
                for main_id in &step.maps_to {
                    let Some(main) = main_steps.get(main_id.as_str()) else {
                        continue;
                    };
                    if main.actors.is_empty() || main.actors.iter().any(|a| step.actors.contains(a))
                    {
                        continue;
                    }
                    let list = |a: &[String]| {
                        a.iter()
                            .map(|x| format!("`{x}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let (theirs, ours) = (list(&step.actors), list(&main.actors));
                    let d = cx
                        .finding(
                            Wording::new(
                                format!(
                                    "step `{}` of view `{}` is taken by {theirs}, step `{main_id}` of the process by {ours}",
                                    step.id, view.id
                                ),
                                format!(
                                    "шаг `{}` представления `{}` выполняет {theirs}, шаг `{main_id}` процесса — {ours}",
                                    step.id, view.id
                                ),
                                format!(
                                    "`{}` көрінісінің `{}` қадамын {theirs} орындайды, процестің `{main_id}` қадамын — {ours}",
                                    view.id, step.id
                                ),
                            ),
                            Label::new(step.meta.span, super::words::maps_to(main_id)),
                        )
                        .with_label(Label::new(
                            main.meta.span,
                            Wording::new(
                                format!("by {ours}"),
                                format!("выполняет {ours}"),
                                format!("{ours} орындайды"),
                            ),
                        ))
                        .with_help(Wording::new(
                            "if the act gives the step to different units in its two texts, keep both and `allow conflicting-step-actors` with the defect; if the rules named the wrong actor, correct it",
                            "если акт в двух своих текстах поручает шаг разным подразделениям, оставьте оба и запишите дефект через `allow conflicting-step-actors`; если в правилах указан не тот участник, исправьте его",
                            "егер акт өзінің екі мәтінінде қадамды әртүрлі бөлімшелерге жүктесе, екеуін де қалдырып, ақауды `allow conflicting-step-actors` арқылы белгілеңіз; егер ережелерде қатысушы қате аталса, оны түзетіңіз",
                        ));
                    cx.emit(d);
                }
            }
        }
    }
}
