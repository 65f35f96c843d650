//! `step-deadlines-exceed-term`: step deadlines, one after another, longer than the term.

use super::Context;
use super::chain::{Due, critical_path, due_times, surely_latest};
use super::durations::{Lengths, RuCase};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::semantic::model::Anchor;
use crate::vocab::{Lang, Wording};

declare_lint! {
    /// Finds a process or view whose longest chain of step deadlines (each step counted from
    /// the one it is `after`, so steps side by side count once) can end after the service
    /// term, counted from the submission. Views are held to the process's term.
    ///
    /// Durations add up as the act states them; working days count up to the longest run
    /// the service's calendar has for them, so the lint also fires when only a run of
    /// holidays makes the steps overrun. In a service without a calendar, working days have
    /// no bound: the lint fires only if counting each as one calendar day, the least it can
    /// take, already overruns the term.
    ///
    /// ## Why it matters
    /// If every official uses the whole time the act gives each step, the service is late
    /// by the act's own terms: the applicant's right to a decision within the term cannot be
    /// kept, and it is the act, not an official, that breaks it.
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
    ///     step decided by clerk within 10 calendar days after file_formed § 9
    ///     term 15 calendar days after submitted_at § 4
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
    ///     step decided by clerk within 7 calendar days after file_formed § 9
    ///     term 15 calendar days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static STEP_DEADLINES_EXCEED_TERM = codes::STEP_DEADLINES_EXCEED_TERM, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    let model = cx.model();
    for s in &model.services {
        let lengths = Lengths::of(model, s);
        let Some(term) = s
            .process
            .terms
            .iter()
            .find(|t| t.after == Anchor::Submitted)
        else {
            continue;
        };
        let Some(limit) = lengths.length(term.duration) else {
            continue;
        };
        for view in std::iter::once(&s.process).chain(&s.views) {
            let due = due_times(view, &lengths);
            // a chain through working days without a calendar is known only from below: it
            // surely exceeds the term, or nothing is claimed of it
            let surely_over = |p: &Due| {
                let ((lo, _), (_, term_hi)) = p.length.against(limit);
                lo > term_hi
            };
            let can_be_over = |p: &Due| {
                let ((_, hi), (term_lo, _)) = p.length.against(limit);
                hi > term_lo
            };
            let found = surely_latest(&due)
                .filter(|(_, p)| surely_over(p))
                .or_else(|| critical_path(&due).filter(|(_, p)| can_be_over(p)));
            let Some((last, path)) = found else {
                continue;
            };
            let surely = surely_over(&path);
            let how = if surely { "exceed" } else { "can exceed" };
            let (ru, kk) = if surely {
                ("превышают", "асып түседі")
            } else {
                ("могут превысить", "асып кетуі мүмкін")
            };
            // whose steps: in English, in the Russian and the Kazakh genitive
            let (whose, whose_ru, whose_kk) = if view.id == s.process.id {
                (
                    String::from("the process"),
                    String::from("процесса"),
                    String::from("процестің"),
                )
            } else {
                (
                    format!("view `{}`", view.id),
                    format!("представления `{}`", view.id),
                    format!("`{}` көрінісінің", view.id),
                )
            };
            let last_step = &view.steps[last];
            let term_words = term.duration.wording();
            let primary = if view.id == s.process.id {
                Label::new(
                    term.meta.span,
                    Wording::new(
                        format!("{} after the submission", term_words.get(Lang::En)),
                        format!("{} после подачи заявления", term_words.get(Lang::Ru)),
                        format!("өтініш берілгеннен кейін {}", term_words.get(Lang::Kk)),
                    ),
                )
            } else {
                Label::new(
                    view.meta.span,
                    Wording::new(
                        format!("the term of the process is {}", term_words.get(Lang::En)),
                        format!("срок процесса — {}", term_words.get(Lang::Ru)),
                        format!("процестің мерзімі — {}", term_words.get(Lang::Kk)),
                    ),
                )
            };
            let length = path.length.describe_words(RuCase::Nominative);
            let mut d = cx
                .finding(
                    Wording::new(
                        format!(
                            "the step deadlines of {whose}, one after another, {how} the term: {} against {}",
                            length.get(Lang::En),
                            term_words.get(Lang::En)
                        ),
                        format!(
                            "сроки шагов {whose_ru} один за другим {ru} срок услуги: {} при сроке {}",
                            length.get(Lang::Ru),
                            term_words.get(Lang::Ru)
                        ),
                        format!(
                            "{whose_kk} қадамдарының мерзімдері бірінен соң бірі қызмет мерзімінен {kk}: {}, ал мерзім {}",
                            length.get(Lang::Kk),
                            term_words.get(Lang::Kk)
                        ),
                    ),
                    primary,
                )
                .with_label(Label::new(last_step.meta.span, {
                    let due_ru = path.length.describe_words(RuCase::Genitive);
                    if path.unbounded {
                        Wording::new(
                            format!("due no sooner than {} after the submission", length.get(Lang::En)),
                            format!("не ранее {} после подачи заявления", due_ru.get(Lang::Ru)),
                            format!("өтініш берілгеннен кейін кемінде {} өткен соң", length.get(Lang::Kk)),
                        )
                    } else {
                        Wording::new(
                            format!("due {} after the submission at the latest", length.get(Lang::En)),
                            format!("не позднее {} после подачи заявления", due_ru.get(Lang::Ru)),
                            format!("өтініш берілгеннен кейін ең кеші {} ішінде", length.get(Lang::Kk)),
                        )
                    }
                }))
                .with_help(Wording::new(
                    "if the act's steps do not fit its own term, keep both as written and `allow step-deadlines-exceed-term` with the defect; if a step runs in parallel with another, count it from the same step (`after`)",
                    "если шаги акта не укладываются в его собственный срок, оставьте и то и другое как написано и запишите дефект через `allow step-deadlines-exceed-term`; если шаг идёт параллельно с другим, отсчитывайте его от того же шага (`after`)",
                    "егер акт қадамдары оның өз мерзіміне сыймаса, екеуін де жазылғандай қалдырып, ақауды `allow step-deadlines-exceed-term` арқылы белгілеңіз; егер қадам басқа қадаммен қатар жүрсе, оны сол қадамнан бастап есептеңіз (`after`)",
                ));
            if !surely {
                d = d.with_note(Wording::new(
                    "only with the longest runs of days off in the calendar, or with each last day counted to its end",
                    "только при самых длинных подряд идущих выходных днях календаря или если каждый последний день считать до его конца",
                    "тек күнтізбедегі қатарынан келетін ең ұзақ демалыс күндерінде немесе әр соңғы күн соңына дейін есептелгенде ғана",
                ));
            }
            if path.unbounded {
                d = d.with_note(super::words::working_days_at_least());
            }
            if path.open {
                d = d.with_note(Wording::new(
                    "some steps on the way have no deadline: the chain may be longer still",
                    "у некоторых шагов на этом пути нет срока: цепочка может быть ещё длиннее",
                    "жолдағы кейбір қадамдардың мерзімі жоқ: тізбек одан да ұзақ болуы мүмкін",
                ));
            }
            cx.emit(d);
        }
    }
}
