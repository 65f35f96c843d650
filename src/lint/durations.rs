//! Durations as the lints see them: every duration written in the rule files, with its
//! place, and a duration's length as a range of minutes, so that durations of different
//! units (days of either kind, minutes, months) compare soundly.

use chrono::NaiveDate;

use crate::source::Span;
use crate::syntax::ast::{self, Decl, Expr, ExprKind, InForce, RequiredWhen};
use crate::time::Calendar;
use crate::vocab::{Duration, DurationUnit, Wording, russian_plural};

/// Minutes in a day.
const DAY: u64 = 24 * 60;

/// A duration written somewhere.
#[derive(Debug, Clone, Copy)]
pub struct Written {
    /// The duration.
    pub duration: Duration,
    /// Where.
    pub span: Span,
}

/// Every duration the rule files use: deadlines, terms, entries into force, and those in
/// conditions (`submitted_on + 180 calendar days`).
pub fn every_duration(files: &[ast::File]) -> Vec<Written> {
    let mut out = Vec::new();
    for file in files {
        for decl in &file.decls {
            match decl {
                Decl::Act(a) => {
                    if let Some(f) = &a.in_force
                        && let InForce::AfterPublication(duration) = f.node
                    {
                        out.push(Written {
                            duration,
                            span: f.span,
                        });
                    }
                }
                Decl::Service(s) => out.extend(service_durations(s)),
                Decl::Calendar(_) => {}
            }
        }
    }
    out
}

/// Every duration a service uses: its steps' deadlines and its terms (of the process and
/// its views), then those in its conditions.
pub fn service_durations(s: &ast::Service) -> Vec<Written> {
    let mut out = Vec::new();
    for p in s.process.iter().chain(s.views.iter().map(|v| &v.process)) {
        for st in &p.steps {
            if let Some(w) = st.deadline.as_ref().and_then(|d| d.within.as_ref()) {
                out.push(Written {
                    duration: w.node,
                    span: w.span,
                });
            }
        }
        for t in &p.terms {
            out.push(Written {
                duration: t.duration.node,
                span: t.duration.span,
            });
        }
    }
    for e in conditions(s) {
        durations_in(e, &mut out);
    }
    out
}

/// Every condition and value a service writes.
pub fn conditions(s: &ast::Service) -> Vec<&Expr> {
    let mut out: Vec<&Expr> = s.lets.iter().map(|l| &l.value).collect();
    for d in &s.documents {
        if let Some(r) = &d.required {
            match &r.when {
                RequiredWhen::Always => {}
                RequiredWhen::When(e) => out.push(e),
                RequiredWhen::PerItem { filter, .. } => out.extend(filter),
            }
            out.extend(&r.unless);
        }
        out.extend(d.validity.iter().map(|v| &v.condition));
    }
    for r in &s.refusals {
        out.extend(&r.when);
        out.extend(&r.unless);
    }
    out
}

/// Every sub-expression of `root`, `root` first (without recursion: the parser bounds the
/// depth, but a flat chain of terms is long).
pub fn walk(root: &Expr) -> Vec<&Expr> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(e) = stack.pop() {
        out.push(e);
        match &e.kind {
            ExprKind::Not(a)
            | ExprKind::InList(a, _)
            | ExprKind::HasAny(a, _)
            | ExprKind::Has(a, _) => stack.push(a),
            ExprKind::Binary(_, a, b) => {
                stack.push(b);
                stack.push(a);
            }
            ExprKind::Quantifier { body, .. } => stack.push(body),
            ExprKind::Call(_, args) => stack.extend(args.iter().rev().map(|(_, a)| a)),
            ExprKind::Path(_)
            | ExprKind::Str(_)
            | ExprKind::Number(_)
            | ExprKind::Bool(_)
            | ExprKind::Date(_)
            | ExprKind::Duration(_)
            | ExprKind::HasDocument(_) => {}
        }
    }
    out
}

fn durations_in(e: &Expr, out: &mut Vec<Written>) {
    for e in walk(e) {
        if let ExprKind::Duration(duration) = e.kind {
            out.push(Written {
                duration,
                span: e.span,
            });
        }
    }
}

/// How long durations are, for one service, as the act states them: a day is 24 hours,
/// days of unstated kind are calendar days (as the checker reads them), a month 28 to 31
/// days, a year 365 or 366, and `n` working days from `n` calendar days up to the longest run
/// `n` working days take in the service's calendar (unbounded without one).
pub struct Lengths {
    /// The calendar's working days, in order.
    working: Option<Vec<NaiveDate>>,
}

/// The length of a duration or of a chain of them, in minutes: at least `lo`, at most `hi`,
/// and, when `days` is set, up to a day less one minute more, because a term in days ends at
/// the end of its last day (however many day terms follow one another, that happens once:
/// each next one counts from the end of a day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Length {
    /// The least, in minutes.
    pub lo: u64,
    /// The most before the end-of-day allowance, in minutes.
    pub hi: u64,
    /// Whether whole days are counted on the way.
    pub days: bool,
}

impl Length {
    /// One after the other.
    #[must_use]
    pub fn then(self, next: Length) -> Length {
        Length {
            lo: self.lo.saturating_add(next.lo),
            hi: self.hi.saturating_add(next.hi),
            days: self.days || next.days,
        }
    }

    /// The range of minutes, the end-of-day allowance included.
    pub fn range(self) -> (u64, u64) {
        let slack = if self.days { DAY - 1 } else { 0 };
        (self.lo, self.hi.saturating_add(slack))
    }

    /// Both lengths as ranges to compare: as the act states them when both count whole
    /// days (each then ends at the end of a day, the allowance is the same on both sides),
    /// else with the allowance of the one that counts days.
    pub fn against(self, other: Length) -> ((u64, u64), (u64, u64)) {
        if self.days == other.days {
            ((self.lo, self.hi), (other.lo, other.hi))
        } else {
            (self.range(), other.range())
        }
    }

    /// Whether two lengths cannot be the same, where one that is not `bounded` is known only
    /// from below (working days without a calendar): it can only be too long for the other.
    pub fn disjoint_bounded(self, bounded: bool, other: Length, other_bounded: bool) -> bool {
        let (a, b) = self.against(other);
        (bounded && a.1 < b.0) || (other_bounded && b.1 < a.0)
    }

    /// In words, as the act states it, in English, Russian and Kazakh, the Russian in `case`
    /// (a range reads «от 6 дней до 8 дней» in any case): `6 days`, `6 to 8 days`,
    /// `71 days 50 minutes`, «6 дней», «6 күн».
    pub fn describe_words(self, case: RuCase) -> Wording {
        if self.days && self.hi == 0 {
            return Wording::new("0 days", "0 дней", "0 күн");
        }
        let (lo, hi) = (self.lo, self.hi);
        if lo == hi {
            return Wording::new(one(lo), one_ru(lo, case), one_kk(lo));
        }
        // the Kazakh ablative and dative follow the last word: күн-нен/-ге, минут-тан/-қа
        let ends_in_days = |m: u64| m.is_multiple_of(DAY);
        let from = if ends_in_days(lo) { "нен" } else { "тан" };
        let to = if ends_in_days(hi) { "ге" } else { "қа" };
        Wording::new(
            describe((lo, hi)),
            format!(
                "от {} до {}",
                one_ru(lo, RuCase::Genitive),
                one_ru(hi, RuCase::Genitive)
            ),
            format!("{}{from} {}{to} дейін", one_kk(lo), one_kk(hi)),
        )
    }
}

/// The case a Russian sentence puts a length in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuCase {
    /// «6 дней, 1 минута».
    Nominative,
    /// «занимает 1 минуту».
    Accusative,
    /// «не позднее 1 дня».
    Genitive,
}

/// Minutes in Russian words: «71 день 50 минут».
fn one_ru(minutes: u64, case: RuCase) -> String {
    let (days, rest) = (minutes / DAY, minutes % DAY);
    let word = |n: u64, forms: [&'static str; 3]| {
        let [one, few, many] = forms;
        let n_signed = i64::try_from(n).unwrap_or(i64::MAX);
        format!("{n} {}", russian_plural(n_signed, one, few, many))
    };
    let (day_forms, minute_forms) = match case {
        RuCase::Nominative => (["день", "дня", "дней"], ["минута", "минуты", "минут"]),
        RuCase::Accusative => (["день", "дня", "дней"], ["минуту", "минуты", "минут"]),
        RuCase::Genitive => (["дня", "дней", "дней"], ["минуты", "минут", "минут"]),
    };
    match (days, rest) {
        (0, r) => word(r, minute_forms),
        (d, 0) => word(d, day_forms),
        (d, r) => format!("{} {}", word(d, day_forms), word(r, minute_forms)),
    }
}

/// Minutes in Kazakh words: «71 күн 50 минут».
fn one_kk(minutes: u64) -> String {
    match (minutes / DAY, minutes % DAY) {
        (0, r) => format!("{r} минут"),
        (d, 0) => format!("{d} күн"),
        (d, r) => format!("{d} күн {r} минут"),
    }
}

impl Lengths {
    /// Lengths counted on `calendar`.
    pub fn new(calendar: Option<&Calendar>) -> Lengths {
        Lengths {
            working: calendar.and_then(working_days),
        }
    }

    /// Lengths for a service of the model, on its calendar.
    pub fn of(
        model: &crate::semantic::Model,
        service: &crate::semantic::model::ServiceModel,
    ) -> Lengths {
        let calendar = service
            .calendar
            .as_deref()
            .and_then(|name| model.calendars.iter().find(|c| c.name() == name));
        Lengths::new(calendar.map(AsRef::as_ref))
    }

    /// How long `d` is (`None`: working days without a calendar).
    pub fn length(&self, d: Duration) -> Option<Length> {
        let n = u64::from(d.amount);
        let exact = |m: u64| Length {
            lo: m,
            hi: m,
            days: false,
        };
        let days = |lo: u64, hi: u64| Length {
            lo: lo * DAY,
            hi: hi * DAY,
            days: true,
        };
        Some(match d.unit {
            DurationUnit::Minutes => exact(n),
            DurationUnit::Hours => exact(n * 60),
            DurationUnit::CalendarDays | DurationUnit::UnstatedDays => days(n, n),
            DurationUnit::Months => days(n * 28, n * 31),
            DurationUnit::Years => days(n * 365, n * 366),
            DurationUnit::WorkingDays | DurationUnit::CalendarWorkingDays => {
                days(n, self.longest_run(d.amount)?)
            }
        })
    }

    /// How long `d` is, and whether that is bounded: working days without a calendar
    /// cannot be (the checker cannot count them at all), so they give only the least they
    /// take, as many calendar days.
    pub fn bounded(&self, d: Duration) -> (Length, bool) {
        match self.length(d) {
            Some(l) => (l, true),
            None => {
                let n = u64::from(d.amount) * DAY;
                (
                    Length {
                        lo: n,
                        hi: n,
                        days: true,
                    },
                    false,
                )
            }
        }
    }

    /// The most calendar days from one working day to the `n`-th after it, over the
    /// calendar's years: counted from the last working day before a run of days off, a
    /// deadline of `n` working days cannot take longer.
    fn longest_run(&self, n: u32) -> Option<u64> {
        let days = self.working.as_ref()?;
        let n = usize::try_from(n).ok()?;
        if n == 0 {
            return Some(0);
        }
        days.iter()
            .zip(days.iter().skip(n))
            .filter_map(|(a, b)| u64::try_from((*b - *a).num_days()).ok())
            .max()
    }
}

/// The working days of the calendar's years, in order.
fn working_days(calendar: &Calendar) -> Option<Vec<NaiveDate>> {
    let years = calendar.years();
    let mut day = NaiveDate::from_ymd_opt(*years.start(), 1, 1)?;
    let last = NaiveDate::from_ymd_opt(*years.end(), 12, 31)?;
    let mut out = Vec::new();
    while day <= last {
        if calendar.is_working_day(day).ok()? {
            out.push(day);
        }
        day = day.succ_opt()?;
    }
    Some(out)
}

/// A range of minutes in words: `6 days`, `6 to 8 days`, `57 days 30 minutes`.
pub fn describe((lo, hi): (u64, u64)) -> String {
    if lo == hi {
        one(lo)
    } else {
        format!("{} to {}", one(lo), one(hi))
    }
}

fn one(minutes: u64) -> String {
    let (days, rest) = (minutes / DAY, minutes % DAY);
    let plural = |n: u64, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match (days, rest) {
        (0, r) => plural(r, "minute"),
        (d, 0) => plural(d, "day"),
        (d, r) => format!("{} {}", plural(d, "day"), plural(r, "minute")),
    }
}

/// Every `written …` clause, beside the reading it qualifies: (the reading, as written).
/// A step with no `within` has no reading; its `written` stands alone.
pub fn every_written(files: &[ast::File]) -> Vec<(Option<Written>, Written)> {
    let mut out = Vec::new();
    let as_written = |d: &crate::source::Spanned<Duration>| Written {
        duration: d.node,
        span: d.span,
    };
    for file in files {
        for decl in &file.decls {
            let Decl::Service(s) = decl else { continue };
            for p in s.process.iter().chain(s.views.iter().map(|v| &v.process)) {
                for st in &p.steps {
                    if let Some(w) = &st.written {
                        let reading = st.deadline.as_ref().and_then(|d| d.within.as_ref());
                        out.push((reading.map(as_written), as_written(w)));
                    }
                }
                for t in &p.terms {
                    if let Some(w) = &t.written {
                        out.push((Some(as_written(&t.duration)), as_written(w)));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Lang;

    fn length(lo: u64, hi: u64) -> Length {
        Length { lo, hi, days: true }
    }

    #[test]
    fn a_length_takes_the_russian_form_its_number_and_case_ask_for() {
        let words = |l: Length, case| l.describe_words(case).get(Lang::Ru).to_string();
        assert_eq!(
            words(length(21 * DAY, 21 * DAY), RuCase::Nominative),
            "21 день"
        );
        assert_eq!(words(length(3 * DAY, 3 * DAY), RuCase::Nominative), "3 дня");
        assert_eq!(
            words(length(11 * DAY, 11 * DAY), RuCase::Genitive),
            "11 дней"
        );
        assert_eq!(words(length(1, 1), RuCase::Accusative), "1 минуту");
        assert_eq!(
            words(length(DAY + 30, 2 * DAY), RuCase::Nominative),
            "от 1 дня 30 минут до 2 дней"
        );
    }

    #[test]
    fn a_kazakh_range_ends_each_bound_as_its_last_word_asks() {
        let kk = |l: Length| {
            l.describe_words(RuCase::Nominative)
                .get(Lang::Kk)
                .to_string()
        };
        assert_eq!(kk(length(6 * DAY, 8 * DAY)), "6 күннен 8 күнге дейін");
        assert_eq!(
            kk(length(DAY + 30, 2 * DAY + 30)),
            "1 күн 30 минуттан 2 күн 30 минутқа дейін"
        );
        assert_eq!(
            length(0, 0).describe_words(RuCase::Genitive).get(Lang::En),
            "0 days"
        );
    }
}
