//! `gapped-versions`: versions of one service with days between them on which none applies.

use std::collections::BTreeMap;

use super::Context;
use super::elements::service_ast;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds two versions of a service (the same id, disjoint validity) with days between
    /// the end of one and the start of the next.
    ///
    /// ## Why it matters
    /// A bundle submitted on a day of the gap is `not_applicable`: no version of the service
    /// was in force. That is right when the law really left the service without rules for a
    /// while, and a mistake of the rule files when one version was meant to follow the other;
    /// the lint makes the difference a decision, recorded with an `allow` and its reason.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   until 2017-01-01
    ///   § 1
    /// }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   since 2017-02-01
    ///   § 1
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   until 2017-01-01
    ///   § 1
    /// }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   since 2017-01-01
    ///   § 1
    /// }
    /// ```
    pub static GAPPED_VERSIONS = codes::GAPPED_VERSIONS, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    let mut by_id: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for s in &cx.model().services {
        by_id.entry(s.id.as_str()).or_default().push(s);
    }
    for (id, mut versions) in by_id {
        versions.sort_by_key(|s| s.meta.validity.from);
        for pair in versions.windows(2) {
            let [before, after] = pair else { continue };
            let (Some(end), Some(start)) = (before.meta.validity.until, after.meta.validity.from)
            else {
                continue;
            };
            if end >= start {
                continue;
            }
            let last = start.pred_opt().unwrap_or(start);
            let name = |s| service_ast(cx.files(), s).map_or(s.meta.span, |a| a.name.span);
            let d = cx
                .finding(
                    Wording::new(
                        format!("no version of service `{id}` is in force from {end} to {last}"),
                        format!("с {end} по {last} ни одна редакция услуги `{id}` не действует"),
                        format!("{end} бастап {last} дейін `{id}` қызметінің бірде-бір редакциясы күшінде емес"),
                    ),
                    Label::new(
                        name(after),
                        Wording::new(
                            format!("in force from {start}"),
                            format!("действует с {start}"),
                            format!("{start} бастап күшінде"),
                        ),
                    ),
                )
                .with_label(Label::new(
                    name(before),
                    Wording::new(
                        format!("in force until {end}"),
                        format!("действует до {end}"),
                        format!("{end} дейін күшінде"),
                    ),
                ))
                .with_help(Wording::new(
                    "start this version on the day the one before it ends, or, if the law left the service without rules for those days, `allow gapped-versions` with the reason",
                    "начните эту редакцию в день, когда заканчивается предыдущая, или, если закон оставил услугу без правил на эти дни, укажите причину в `allow gapped-versions`",
                    "бұл редакцияны алдыңғысы аяқталатын күннен бастаңыз немесе, егер заң қызметті сол күндерге ережесіз қалдырса, себебін көрсетіп, `allow gapped-versions` жазыңыз",
                ));
            cx.emit(d);
        }
    }
}
