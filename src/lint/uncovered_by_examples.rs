//! `uncovered-by-examples`: a document, refusal ground or step of a service that no example
//! of the service exercises.

use std::path::Path;

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::examples::coverage::coverage;
use crate::semantic::model::ServiceModel;
use crate::source::Span;
use crate::vocab::Wording;

declare_lint! {
    /// Finds, in a service that has examples, each document, refusal ground and process step
    /// that no example exercises: no example's report has a finding about it, and, for a
    /// step, none judges its deadline. A service with no example at all is one finding. It
    /// runs the examples as `ereje test` does (their bundles, relative to the rule file); a
    /// service whose example bundle cannot be read is left to `ereje test`.
    ///
    /// ## Why it matters
    /// An example is the record that someone read the paragraph and decided what it means
    /// for a real application. A requirement or ground no example reaches has never been
    /// seen to fire: a condition written the wrong way round passes every test, and a change
    /// to the rules that breaks it goes unnoticed until an applicant is wrongly refused.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport { required always § 9(2) }
    ///   document photo { required always § 9(3) }
    ///   example "the photo without the passport" {
    ///     bundle "examples/bundles/lint-permit-photo-only.json" expect incomplete
    ///     finding missing-document passport
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
    ///   document passport { required always § 9(2) }
    ///   example "the photo without the passport" {
    ///     bundle "examples/bundles/lint-permit-photo-only.json" expect incomplete
    ///     finding missing-document passport
    ///   }
    /// }
    /// ```
    pub static UNCOVERED_BY_EXAMPLES = codes::UNCOVERED_BY_EXAMPLES, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    let Ok((rules, _)) = crate::RuleSet::from_analysis(cx.analysis.clone()) else {
        return;
    };
    let outcomes = crate::examples::run(&rules, Path::new(""));
    for covered in coverage(&rules, &outcomes) {
        let id = covered.service.as_str();
        let versions: Vec<&ServiceModel> =
            cx.model().services.iter().filter(|s| s.id == id).collect();
        let Some(first) = versions.first() else {
            continue;
        };
        let mine: Vec<_> = outcomes.iter().filter(|o| o.service == id).collect();
        if mine.is_empty() {
            let found = cx
                .finding(
                    Wording::new(
                        format!("no example checks service `{id}`"),
                        format!("ни один пример не проверяет услугу `{id}`"),
                        format!("`{id}` қызметін бірде-бір мысал тексермейді"),
                    ),
                    Label::new(service_name_span(cx, first), "has no `example`"),
                )
                .with_help(Wording::new(
                    "add an `example \"…\" { bundle \"…\" expect … }` for each requirement, ground and step, with the finding the act makes it produce",
                    "добавьте `example \"…\" { bundle \"…\" expect … }` для каждого требования, основания для отказа и шага, с тем замечанием, которое по акту должен дать пример",
                    "әр талапқа, бас тарту негізіне және қадамға акт бойынша туындайтын ескертумен `example \"…\" { bundle \"…\" expect … }` қосыңыз",
                ));
            cx.emit(found);
            continue;
        }
        // a bundle that could not be read says nothing of coverage; `ereje test` reports it
        if mine.iter().any(|o| o.report.is_none()) {
            continue;
        }
        let element = |kind: &str| -> Vec<(String, Span)> {
            versions
                .iter()
                .flat_map(|s| -> Vec<(String, Span)> {
                    match kind {
                        "document" => s
                            .documents
                            .iter()
                            .map(|d| (d.kind.clone(), d.meta.span))
                            .collect(),
                        "refusal" => s
                            .refusals
                            .iter()
                            .map(|r| (r.id.clone(), r.meta.span))
                            .collect(),
                        _ => s
                            .process
                            .steps
                            .iter()
                            .map(|st| (st.id.clone(), st.meta.span))
                            .collect(),
                    }
                })
                .collect()
        };
        for (kind, uncovered, what) in [
            (
                "document",
                &covered.documents.uncovered,
                ["document", "документ", "құжат"],
            ),
            (
                "refusal",
                &covered.refusal_grounds.uncovered,
                ["refusal ground", "основание отказа", "бас тарту негізі"],
            ),
            ("step", &covered.steps.uncovered, ["step", "шаг", "қадам"]),
        ] {
            let spans = element(kind);
            for name in uncovered {
                // the first version's element stands for all
                let Some((_, span)) = spans.iter().find(|(n, _)| n == name) else {
                    continue;
                };
                let [en, ru, kk] = what;
                let found = cx
                    .finding(
                        Wording::new(
                            format!("no example of service `{id}` exercises {en} `{name}`"),
                            format!("ни один пример услуги `{id}` не затрагивает {ru} `{name}`"),
                            format!("`{id}` қызметінің бірде-бір мысалы `{name}` ({kk}) тексермейді"),
                        ),
                        Label::new(cx.trimmed(*span), "no example reaches it"),
                    )
                    .with_help(if kind == "step" {
                        Wording::new(
                            "add an example whose bundle's events judge this step's deadline (on time, late or overdue), or one that a finding of this step is about",
                            "добавьте пример, по событиям пакета которого оценивается срок этого шага (в срок, с опозданием или просрочен), или пример с замечанием об этом шаге",
                            "пакетіндегі оқиғалар бойынша осы қадамның мерзімі бағаланатын мысал (мерзімінде, кешікті немесе мерзімі өтті) немесе осы қадам туралы ескертуі бар мысал қосыңыз",
                        )
                    } else {
                        Wording::new(
                            "add an example whose bundle makes the rules report a finding about it (the document missing or invalid, the ground holding)",
                            "добавьте пример, по пакету которого правила выдают о нём замечание (документ отсутствует или недействителен, основание для отказа имеется)",
                            "пакеті бойынша ережелер ол туралы ескерту беретін мысал қосыңыз (құжат жоқ немесе жарамсыз, бас тарту негізі бар)",
                        )
                    });
                cx.emit(found);
            }
        }
    }
}

/// The service's id as written, else its whole declaration.
fn service_name_span(cx: &Context<'_>, s: &ServiceModel) -> Span {
    super::elements::service_ast(cx.files(), s).map_or(s.meta.span, |a| a.name.span)
}
