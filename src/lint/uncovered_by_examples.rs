//! `uncovered-by-examples`: a document, refusal ground or step of a service that no example
//! of the service exercises.

use std::collections::HashMap;
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
    /// step, none judges its deadline (a service with no example at all is
    /// `service-without-examples`). It runs the examples as `ereje test` does (their bundles, relative to the rule file); a
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

fn check<'a>(cx: &mut Context<'a>) {
    let Some(rules) = cx.rules() else {
        return;
    };
    let outcomes = crate::examples::run(rules, Path::new(""));
    // grouped once: linear in the services and examples, however many a file holds
    let mut versions: HashMap<&str, Vec<&ServiceModel>> = HashMap::new();
    for s in &cx.model().services {
        versions.entry(s.id.as_str()).or_default().push(s);
    }
    // per service: whether it has examples, and whether each bundle could be read
    let mut examples: HashMap<&str, bool> = HashMap::new();
    for o in &outcomes {
        let readable = examples.entry(o.service.as_str()).or_insert(true);
        *readable &= o.report.is_some();
    }
    for covered in coverage(rules, &outcomes) {
        let id = covered.service.as_str();
        // no example at all is `service-without-examples`; a bundle that could not be read
        // says nothing of coverage (`ereje test` reports it)
        let (Some(versions), Some(true)) = (versions.get(id), examples.get(id)) else {
            continue;
        };
        let element = |kind: &str| -> HashMap<&str, Span> {
            let mut spans = HashMap::new();
            // the first version's element stands for all
            let mut put = |name: &'a str, span: Span| {
                spans.entry(name).or_insert(span);
            };
            for s in versions {
                match kind {
                    "document" => s.documents.iter().for_each(|d| put(&d.kind, d.meta.span)),
                    "refusal" => s.refusals.iter().for_each(|r| put(&r.id, r.meta.span)),
                    _ => s
                        .process
                        .steps
                        .iter()
                        .for_each(|st| put(&st.id, st.meta.span)),
                }
            }
            spans
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
                let Some(span) = spans.get(name.as_str()) else {
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
                        Label::new(cx.trimmed(*span), Wording::new("no example reaches it", "сюда не доходит ни один пример", "мұнда бірде-бір мысал жетпейді")),
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
