//! `conflicting-step-addressees`: two views of a step that send its result to different addressees.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a step of a view that maps to a step of the process, where both say to whom
    /// the step sends its result (`addressed to …`) and they name different addressees.
    ///
    /// ## Why it matters
    /// A notice of a decision reaches the applicant or it does not: a paragraph that sends
    /// it to the provider where the table sends it to the applicant leaves the applicant's
    /// right to be told (and the time limits of an appeal, which run from it) to chance.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   actor provider "the provider" § 2
    ///   process {
    ///     step notified by provider within 3 calendar days after submitted_at addressed to provider § 9
    ///     term 3 calendar days after submitted_at § 4
    ///   }
    ///   view table_1 "Table 1" § 10 {
    ///     step notice by provider within 3 calendar days after submitted_at addressed to applicant maps to notified
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
    ///   actor provider "the provider" § 2
    ///   process {
    ///     step notified by provider within 3 calendar days after submitted_at addressed to applicant § 9
    ///     term 3 calendar days after submitted_at § 4
    ///   }
    ///   view table_1 "Table 1" § 10 {
    ///     step notice by provider within 3 calendar days after submitted_at addressed to applicant maps to notified
    ///   }
    /// }
    /// ```
    pub static CONFLICTING_STEP_ADDRESSEES = codes::CONFLICTING_STEP_ADDRESSEES, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        let main_steps = super::mapping::by_id(&s.process);
        for view in &s.views {
            for step in &view.steps {
                let Some(theirs) = &step.addressee else {
                    continue;
                };
                for main_id in &step.maps_to {
                    let Some(main) = main_steps.get(main_id.as_str()) else {
                        continue;
                    };
                    let Some(ours) = &main.addressee else {
                        continue;
                    };
                    if ours == theirs {
                        continue;
                    }
                    let d = cx
                        .finding(
                            Wording::new(
                                format!(
                                    "step `{}` of view `{}` is addressed to `{theirs}`, step `{main_id}` of the process to `{ours}`",
                                    step.id, view.id
                                ),
                                format!(
                                    "шаг `{}` представления `{}` адресован `{theirs}`, шаг `{main_id}` процесса — `{ours}`",
                                    step.id, view.id
                                ),
                                format!(
                                    "`{}` көрінісінің `{}` қадамы `{theirs}` атына, процестің `{main_id}` қадамы `{ours}` атына жіберіледі",
                                    view.id, step.id
                                ),
                            ),
                            Label::new(
                                step.meta.span,
                                Wording::new(
                                    format!("to `{theirs}`"),
                                    format!("адресат — `{theirs}`"),
                                    format!("`{theirs}` атына"),
                                ),
                            ),
                        )
                        .with_label(Label::new(
                            main.meta.span,
                            Wording::new(
                                format!("to `{ours}`"),
                                format!("адресат — `{ours}`"),
                                format!("`{ours}` атына"),
                            ),
                        ))
                        .with_help(Wording::new(
                            "keep both as the texts write them and `allow conflicting-step-addressees` with the defect; if the rules named the wrong addressee, correct it",
                            "оставьте оба так, как они написаны в текстах, и запишите дефект через `allow conflicting-step-addressees`; если в правилах указан не тот адресат, исправьте его",
                            "екеуін де мәтіндерде жазылғандай қалдырып, ақауды `allow conflicting-step-addressees` арқылы белгілеңіз; егер ережелерде адресат қате аталса, оны түзетіңіз",
                        ));
                    cx.emit(d);
                }
            }
        }
    }
}
