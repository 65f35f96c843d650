//! `result-outside-service`: a step that gives what the service's results do not include.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::syntax::ast::Decl;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a step whose `produces` names something that is not among the service's
    /// `results` (what the regulation says the service gives its recipient). A service that
    /// records no `results` is found too, since every standard states the result of its
    /// service: the finding then says that the results are not recorded, not that the
    /// service does not give what the step gives.
    ///
    /// ## Why it matters
    /// The result of a public service is fixed by its standard and regulation: what the
    /// applicant can receive, and nothing else. A step that gives something else (a text
    /// copied from another service's regulation, such as a visa in a refugee procedure)
    /// tells officials to do what the service does not provide.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   results status_granted, motivated_refusal § 4
    ///   actor clerk "clerk" § 2
    ///   process {
    ///     step decided by clerk within 1 calendar day after submitted_at produces visa § 7
    ///     term 3 calendar days after submitted_at § 8
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
    ///   results status_granted, motivated_refusal § 4
    ///   actor clerk "clerk" § 2
    ///   process {
    ///     step decided by clerk within 1 calendar day after submitted_at produces status_granted § 7
    ///     term 3 calendar days after submitted_at § 8
    ///   }
    /// }
    /// ```
    pub static RESULT_OUTSIDE_SERVICE = codes::RESULT_OUTSIDE_SERVICE, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for file in cx.files() {
        for decl in &file.decls {
            let Decl::Service(s) = decl else { continue };
            let results: Vec<&str> = s.results.iter().map(|r| r.node.as_str()).collect();
            for p in s.process.iter().chain(s.views.iter().map(|v| &v.process)) {
                for st in &p.steps {
                    for produced in st
                        .produces
                        .iter()
                        .filter(|x| !results.contains(&x.node.as_str()))
                    {
                        let (step, what) = (&st.name.node, &produced.node);
                        let listed = if results.is_empty() {
                            Wording::new(
                                "the service declares no `results`",
                                "у услуги не объявлены `results`",
                                "қызметте `results` жарияланбаған",
                            )
                        } else {
                            let all = results.join(", ");
                            Wording::new(
                                format!("its results are {all}"),
                                format!("её результаты: {all}"),
                                format!("оның нәтижелері: {all}"),
                            )
                        };
                        let service = &s.name.node;
                        // with no `results` recorded, nothing says the service does not give it
                        let message = if results.is_empty() {
                            Wording::new(
                                format!(
                                    "step `{step}` gives `{what}`, but service `{service}` records no `results` to hold it to"
                                ),
                                format!(
                                    "шаг `{step}` даёт `{what}`, но у услуги `{service}` не записаны `results`, с которыми его сверить"
                                ),
                                format!(
                                    "`{step}` қадамы `{what}` береді, бірақ `{service}` қызметінде оны салыстыратын `results` жазылмаған"
                                ),
                            )
                        } else {
                            Wording::new(
                                format!(
                                    "step `{step}` gives `{what}`, which service `{service}` does not give"
                                ),
                                format!(
                                    "шаг `{step}` даёт `{what}`, а услуга `{service}` этого не даёт"
                                ),
                                format!(
                                    "`{step}` қадамы `{what}` береді, ал `{service}` қызметі оны бермейді"
                                ),
                            )
                        };
                        let d = cx
                            .finding(message, Label::new(produced.span, listed))
                            .with_help(Wording::new(
                                "if the act's text gives the step a result of another service, keep it as written and `allow result-outside-service` with the defect; if the service's results lack it, add it to `results`",
                                "если текст акта даёт шагу результат другой услуги, оставьте как написано и запишите дефект через `allow result-outside-service`; если его нет среди результатов услуги, добавьте его в `results`",
                                "егер акт мәтіні қадамға басқа қызметтің нәтижесін берсе, жазылғандай қалдырып, ақауды `allow result-outside-service` арқылы белгілеңіз; егер ол қызмет нәтижелерінің арасында жоқ болса, оны `results` ішіне қосыңыз",
                            ));
                        cx.emit(d);
                    }
                }
            }
        }
    }
}
