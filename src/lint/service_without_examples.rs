//! `service-without-examples`: a service that no example checks.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a service none of whose versions has an `example`. Allowed by default, so that
    /// a rule file being drafted, or one that only sketches a service, is not held to it;
    /// raise it (`-W service-without-examples`, or in `ereje.toml`) for rules that ship.
    ///
    /// ## Why it matters
    /// A service without examples has never been seen to decide one application: every
    /// requirement, ground and deadline it states is untested, and `uncovered-by-examples`
    /// has nothing to measure. Shipped rules must show, for each service, the verdict the act
    /// gives a real case.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport { required always § 9(2) }
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
    pub static SERVICE_WITHOUT_EXAMPLES = codes::SERVICE_WITHOUT_EXAMPLES, Allow, check;
}

fn check(cx: &mut Context<'_>) {
    let services = &cx.model().services;
    // linear in the versions: a file of 10,000 copies of a service is one lookup each
    let tested: std::collections::HashSet<&str> = services
        .iter()
        .filter(|s| !s.examples.is_empty())
        .map(|s| s.id.as_str())
        .collect();
    let mut seen = std::collections::HashSet::new();
    for s in services {
        // one finding per service, on its first version
        if !seen.insert(s.id.as_str()) || tested.contains(s.id.as_str()) {
            continue;
        }
        let span = super::elements::service_ast(cx.files(), s).map_or(s.meta.span, |a| a.name.span);
        let id = &s.id;
        let found = cx
            .finding(
                Wording::new(
                    format!("no example checks service `{id}`"),
                    format!("ни один пример не проверяет услугу `{id}`"),
                    format!("`{id}` қызметін бірде-бір мысал тексермейді"),
                ),
                Label::new(span, Wording::new("has no `example`", "нет ни одного `example`", "бірде-бір `example` жоқ")),
            )
            .with_help(Wording::new(
                "add an `example \"…\" { bundle \"…\" expect … }` for each requirement, ground and step, with the finding the act makes it produce",
                "добавьте `example \"…\" { bundle \"…\" expect … }` для каждого требования, основания для отказа и шага, с тем замечанием, которое по акту должен дать пример",
                "әр талапқа, бас тарту негізіне және қадамға акт бойынша туындайтын ескертумен `example \"…\" { bundle \"…\" expect … }` қосыңыз",
            ));
        cx.emit(found);
    }
}
