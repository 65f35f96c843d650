//! `step-deadlines-below-term`: step deadlines that account for less than half of the term.

use super::Context;
use super::chain::{critical_path, due_times, unbounded};
use super::durations::{Lengths, RuCase};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::semantic::model::Anchor;
use crate::vocab::{Lang, Wording};

declare_lint! {
    /// Finds a process whose longest chain of step deadlines, at the most the calendar
    /// allows, ends before half of the service term has passed. Working days in a service
    /// without a calendar have no most: such a process is left to
    /// `working-days-without-calendar`.
    ///
    /// ## Why it matters
    /// A term far longer than its steps means the act leaves most of the time to no one:
    /// a stage without a deadline (an outside body's answer, a commission), or a step the
    /// act forgot to list. Until the steps account for the term, a late decision cannot be
    /// traced to the step that made it late. (Views are not held to it: a view may describe
    /// only a part of the procedure.)
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
    ///     term 90 calendar days after submitted_at § 4
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
    ///     step decided by clerk within 60 calendar days after file_formed § 9
    ///     term 90 calendar days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static STEP_DEADLINES_BELOW_TERM = codes::STEP_DEADLINES_BELOW_TERM, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    let model = cx.model();
    for s in &model.services {
        let lengths = Lengths::of(model, s);
        let view = &s.process;
        let Some(term) = view.terms.iter().find(|t| t.after == Anchor::Submitted) else {
            continue;
        };
        let Some(limit) = lengths.length(term.duration) else {
            continue;
        };
        let due = due_times(view, &lengths);
        // working days without a calendar have no "at the most" (working-days-without-calendar)
        if unbounded(&due) {
            continue;
        }
        let Some((_, path)) = critical_path(&due) else {
            continue;
        };
        let ((_, hi), (term_lo, _)) = path.length.against(limit);
        if hi >= term_lo / 2 {
            continue;
        }
        let mut d = cx
            .finding(
                {
                    let length = path.length.describe_words(RuCase::Nominative);
                    let term_words = term.duration.wording();
                    Wording::new(
                        format!(
                            "the step deadlines add up to {} at the most, against a term of {}",
                            length.get(Lang::En),
                            term_words.get(Lang::En)
                        ),
                        format!(
                            "сроки шагов в сумме — самое большее {}, а срок услуги — {}",
                            length.get(Lang::Ru),
                            term_words.get(Lang::Ru)
                        ),
                        format!(
                            "қадамдардың мерзімдері барлығы ең көбі {}, ал қызмет мерзімі — {}",
                            length.get(Lang::Kk),
                            term_words.get(Lang::Kk)
                        ),
                    )
                },
                Label::new(term.meta.span, Wording::new("the steps account for less than half of it", "на шаги приходится меньше половины срока", "қадамдарға мерзімнің жартысынан азы тиесілі")),
            )
            .with_help(Wording::new(
                "give the steps the times the act sets, and add the stages it lists without a time; if the act leaves the rest of the term to no step, `allow step-deadlines-below-term` with the defect",
                "задайте шагам сроки, установленные актом, и добавьте этапы, которые он перечисляет без срока; если остаток срока услуги акт не отводит ни одному шагу, запишите дефект через `allow step-deadlines-below-term`",
                "қадамдарға акт белгілеген мерзімдерді беріңіз және ол мерзімсіз атайтын кезеңдерді қосыңыз; егер акт қызмет мерзімінің қалған бөлігін ешбір қадамға бөлмесе, ақауды `allow step-deadlines-below-term` арқылы белгілеңіз",
            ));
        let open: Vec<String> = view
            .steps
            .iter()
            .filter(|st| st.within.is_none())
            .map(|st| format!("`{}`", st.id))
            .collect();
        if !open.is_empty() {
            let open = open.join(", ");
            d = d.with_note(Wording::new(
                format!("without a deadline: {open}"),
                format!("без срока: {open}"),
                format!("мерзімі жоқ: {open}"),
            ));
        }
        cx.emit(d);
    }
}
