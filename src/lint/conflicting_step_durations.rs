//! `conflicting-step-durations`: two views of a step that give it different durations.

use std::collections::BTreeMap;

use super::Context;
use super::chain::{critical_path, due_times, surely_latest, unbounded};
use super::durations::{Lengths, RuCase};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::semantic::model::{Anchor, ProcessView, StepDef};
use crate::vocab::{Duration, Lang, Wording};

declare_lint! {
    /// Finds a step of the process whose counterpart in a view (the steps that map to it,
    /// one after another or side by side as their `after` anchors say) takes a time that
    /// cannot be the step's own: `3 + 3` days in a table where the paragraph gives 7.
    ///
    /// Durations are compared as the act states them: a day is 24 hours, and a term in days
    /// runs to the end of its last day, so `0 calendar days` (the same day) agrees with
    /// `10 minutes`; working days count from as many calendar days up to the longest run in
    /// the service's calendar, so they conflict with calendar days only when no calendar
    /// week could make them equal. Without a calendar, working days are known only from
    /// below: they conflict only with a time shorter than as many calendar days.
    ///
    /// ## Why it matters
    /// Two texts of one regulation that give one step different times leave an official
    /// free to follow either and an applicant unable to know which deadline was missed.
    /// The rules keep both as written, each in its own view; the lint finds where they
    /// disagree, and an `allow` records each such defect of the act.
    ///
    /// A conflict is reported once, at the first of the view's steps that map to the
    /// process step, with the others as labels; an `allow conflicting-step-durations` on any
    /// of those view steps suppresses it (one is enough; on each, each counts as used).
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
    ///     step file_formed by clerk within 7 calendar days after submitted_at § 9
    ///     term 7 calendar days after submitted_at § 4
    ///   }
    ///   view table_1 "Table 1" § 10 {
    ///     step file_sent by clerk within 3 calendar days after submitted_at maps to file_formed
    ///     step request_sent by clerk within 3 calendar days after file_sent maps to file_formed
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
    ///     step file_formed by clerk within 7 calendar days after submitted_at § 9
    ///     term 7 calendar days after submitted_at § 4
    ///   }
    ///   view table_1 "Table 1" § 10 {
    ///     step file_sent by clerk within 4 calendar days after submitted_at maps to file_formed
    ///     step request_sent by clerk within 3 calendar days after file_sent maps to file_formed
    ///   }
    /// }
    /// ```
    pub static CONFLICTING_STEP_DURATIONS = codes::CONFLICTING_STEP_DURATIONS, Warn, check;
}

/// How many other steps of a group a message names.
const NAMED: usize = 4;

fn check(cx: &mut Context<'_>) {
    let model = cx.model();
    for s in &model.services {
        let lengths = Lengths::of(model, s);
        let main_steps = super::mapping::by_id(&s.process);
        for view in &s.views {
            for (main_id, group) in groups(view) {
                let Some(main) = main_steps.get(main_id) else {
                    continue;
                };
                let Some((own, own_bounded)) = main.within.map(|w| lengths.bounded(w)) else {
                    continue;
                };
                let sub = sub_view(view, &group);
                let due = due_times(&sub, &lengths);
                // working days without a calendar are known only from below: they conflict
                // only with a time shorter than their least
                let bounded = !unbounded(&due);
                let path = if bounded {
                    critical_path(&due)
                } else {
                    surely_latest(&due)
                };
                let Some((_, path)) = path else {
                    continue;
                };
                if path.open || !path.length.disjoint_bounded(bounded, own, own_bounded) {
                    continue;
                }
                // one finding for the group, at its first step; an `allow` on any of its
                // steps suppresses it
                if let Some(&i) = group.first() {
                    let step = &view.steps[i];
                    // a few names, then a count: a group of thousands stays one line
                    let named: Vec<String> = group
                        .iter()
                        .filter(|&&g| g != i)
                        .take(NAMED)
                        .map(|&g| format!("`{}`", view.steps[g].id))
                        .collect();
                    let rest = (group.len() - 1).saturating_sub(NAMED);
                    let with = |more: String| {
                        let mut all = named.clone();
                        if rest > 0 {
                            all.push(more);
                        }
                        all.join(", ")
                    };
                    let (together, together_ru, together_kk) = if named.is_empty() {
                        (String::new(), String::new(), String::new())
                    } else {
                        (
                            format!(", together with {},", with(format!("{rest} more"))),
                            format!(" вместе с {}", with(format!("ещё {rest}"))),
                            format!(" ({} қадамдарымен бірге)", with(format!("тағы {rest}"))),
                        )
                    };
                    let (took, main_took) = (
                        path.length.describe_words(RuCase::Accusative),
                        own.describe_words(RuCase::Accusative),
                    );
                    let mut d = cx
                        .finding(
                            Wording::new(
                                format!(
                                    "step `{}` of view `{}`{together} takes {}, where step `{main_id}` of the process takes {}",
                                    step.id,
                                    view.id,
                                    took.get(Lang::En),
                                    main_took.get(Lang::En)
                                ),
                                format!(
                                    "шаг `{}` представления `{}`{together_ru} занимает {}, а шаг `{main_id}` процесса — {}",
                                    step.id,
                                    view.id,
                                    took.get(Lang::Ru),
                                    main_took.get(Lang::Ru)
                                ),
                                format!(
                                    "`{}` көрінісінің `{}` қадамы{together_kk} {} алады, ал процестің `{main_id}` қадамы — {}",
                                    view.id,
                                    step.id,
                                    took.get(Lang::Kk),
                                    main_took.get(Lang::Kk)
                                ),
                            ),
                            Label::new(step.meta.span, super::words::maps_to(main_id)),
                        )
                        .with_label(Label::new(main.meta.span, {
                            let within = main.within.map(Duration::wording).unwrap_or_default();
                            Wording::new(
                                format!("{} here", within.get(Lang::En)),
                                format!("здесь {}", within.get(Lang::Ru)),
                                format!("мұнда {}", within.get(Lang::Kk)),
                            )
                        }))
                        .with_help(Wording::new(
                            "if the act gives the step two times, keep both as written and `allow conflicting-step-durations` with the defect; if the rules mistyped one, correct it",
                            "если акт устанавливает для шага два разных срока, оставьте оба так, как они написаны, и запишите дефект через `allow conflicting-step-durations`; если в правилах один из них введён с ошибкой, исправьте его",
                            "егер акт қадамға екі түрлі мерзім белгілесе, екеуін де жазылғандай қалдырып, ақауды `allow conflicting-step-durations` арқылы белгілеңіз; егер ережелерде біреуі қате жазылса, оны түзетіңіз",
                        ));
                    if !(bounded && own_bounded) {
                        d = d.with_note(super::words::working_days_at_least());
                    }
                    for &g in group.iter().skip(1).take(NAMED) {
                        d = d.with_label(Label::new(
                            view.steps[g].meta.span,
                            super::words::maps_to(main_id),
                        ));
                    }
                    let others = group.iter().skip(1).map(|&g| view.steps[g].meta.span);
                    cx.emit_allowed_at(d, others.collect());
                }
            }
        }
    }
}

/// The steps of a view, by the one step of the process each maps to (steps mapped to
/// several are compared step by step elsewhere, not here).
fn groups(view: &ProcessView) -> BTreeMap<&str, Vec<usize>> {
    let mut out: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, st) in view.steps.iter().enumerate() {
        if let [only] = st.maps_to.as_slice() {
            out.entry(only.as_str()).or_default().push(i);
        }
    }
    out
}

/// The steps of `group` alone, each counted from the start of the group where its anchor
/// lies outside it.
fn sub_view(view: &ProcessView, group: &[usize]) -> ProcessView {
    let place: std::collections::HashMap<usize, usize> =
        group.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let steps = group
        .iter()
        .map(|&i| {
            let st = &view.steps[i];
            let after = match st.after {
                Some(Anchor::Step(j)) => place
                    .get(&j)
                    .map_or(Anchor::Submitted, |&k| Anchor::Step(k)),
                _ => Anchor::Submitted,
            };
            StepDef {
                after: Some(after),
                ..st.clone()
            }
        })
        .collect();
    ProcessView {
        steps,
        ..ProcessView::default()
    }
}
