//! `step-without-counterpart`: a step of one view of a process with no counterpart in the other.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a step of a view that maps to no step of the process (`maps to` missing), and a
    /// step of the process that no step of a view maps to.
    ///
    /// ## Why it matters
    /// A regulation that describes its procedure twice (in paragraphs and in a table) must
    /// describe the same procedure. A step in one text only is either an omission of the
    /// other, or a duty that only one text imposes: an official following the paragraphs
    /// would skip what the table requires.
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
    ///     step accepted by clerk within 30 minutes after submitted_at § 9
    ///     term 7 calendar days after submitted_at § 4
    ///   }
    ///   view table_1 "Table 1" § 10 {
    ///     step accepted_t by clerk within 30 minutes after submitted_at maps to accepted
    ///     step registered by clerk within 10 minutes after accepted_t
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
    ///   view table_1 "Table 1" § 10 {
    ///     step accepted_t by clerk within 30 minutes after submitted_at maps to accepted
    ///   }
    /// }
    /// ```
    pub static STEP_WITHOUT_COUNTERPART = codes::STEP_WITHOUT_COUNTERPART, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        for view in &s.views {
            for step in view.steps.iter().filter(|st| st.maps_to.is_empty()) {
                let d = cx
                    .finding(
                        Wording::new(
                            format!(
                                "step `{}` of view `{}` has no counterpart in the process",
                                step.id, view.id
                            ),
                            format!(
                                "у шага `{}` представления `{}` нет соответствия в процессе",
                                step.id, view.id
                            ),
                            format!(
                                "`{}` көрінісінің `{}` қадамына процесте сәйкес қадам жоқ",
                                view.id, step.id
                            ),
                        ),
                        Label::new(step.meta.span, Wording::new("maps to no step of the process", "не соответствует ни одному шагу процесса", "процестің ешбір қадамына сәйкес келмейді")),
                    )
                    .with_help(Wording::new(
                        "name the step of the process it corresponds to (`maps to STEP`); if the act has it in this text only, `allow step-without-counterpart` with the defect",
                        "укажите шаг процесса, которому он соответствует (`maps to STEP`); если в акте он есть только в этом тексте, запишите дефект через `allow step-without-counterpart`",
                        "оған сәйкес келетін процесс қадамын көрсетіңіз (`maps to STEP`); егер актіде ол тек осы мәтінде болса, ақауды `allow step-without-counterpart` арқылы белгілеңіз",
                    ));
                cx.emit(d);
            }
            let mapped = super::mapping::mapped(view);
            for main in &s.process.steps {
                if mapped.contains(main.id.as_str()) {
                    continue;
                }
                let d = cx
                    .finding(
                        Wording::new(
                            format!(
                                "step `{}` of the process has no counterpart in view `{}`",
                                main.id, view.id
                            ),
                            format!(
                                "у шага `{}` процесса нет соответствия в представлении `{}`",
                                main.id, view.id
                            ),
                            format!(
                                "процестің `{}` қадамына `{}` көрінісінде сәйкес қадам жоқ",
                                main.id, view.id
                            ),
                        ),
                        Label::new(
                            view.meta.span,
                            Wording::new(
                                format!("no step maps to `{}`", main.id),
                                format!("шагу `{}` не соответствует ни один шаг", main.id),
                                format!("`{}` қадамына ешбір қадам сәйкес келмейді", main.id),
                            ),
                        ),
                    )
                    .with_label(Label::new(main.meta.span, Wording::new("this step", "этот шаг", "осы қадам")))
                    .with_help(Wording::new(
                        "map a step of the view to it (`maps to STEP`); if the view's text does not have it, `allow step-without-counterpart` on the view with the defect",
                        "сопоставьте ему шаг представления (`maps to STEP`); если в тексте представления его нет, запишите дефект через `allow step-without-counterpart` у представления",
                        "оған көріністің бір қадамын сәйкестендіріңіз (`maps to STEP`); егер көрініс мәтінінде ол жоқ болса, ақауды көріністегі `allow step-without-counterpart` арқылы белгілеңіз",
                    ));
                cx.emit(d);
            }
        }
    }
}
