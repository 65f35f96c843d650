//! The dates of a question, reduced to classes of days. Each comparison that reads one date
//! (with constants, and the submission day) changes its truth at most once as the date moves,
//! since its terms are monotone in the date: the days where some comparison changes, found by
//! bisection with the checker's own evaluator, split the calendar into classes, and one day
//! of each class, the one nearest to the submission day, represents it.
//!
//! A question is asked of one or more **cases**. A case fixes the submission day, and the
//! dates other dates are compared with (the *anchors*: of `expires_on >= issued_on + 5 years`,
//! one of the two), so that every comparison reads one free date and the classes above apply.
//! The submission days are the first day the question is surely in force, each boundary of
//! the submission day's own comparisons (`submitted_on < 2020-01-01`) and the day before it,
//! the submission days on which a comparison relative to the submission day crosses the
//! boundary of a fixed one (`born before 2000-01-01` and `under 18 at submission`), and,
//! where the comparisons shift by years or months, the days around 29 February (in leap
//! years and not) that put a boundary there. An anchor takes the same kinds of days: the
//! boundaries of its own comparisons and the day before each, the days where a link crosses
//! a boundary of the other date, the end of February where a link shifts by years or months.

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate};

use super::domain::{Key, Reads, Undecided, field};
use super::eval::{Frame, Scene};
use crate::check::json::{Json, Members};
use crate::semantic::model::{InForce, Interval, TExpr};
use crate::vocab::DurationUnit;

/// The earliest and latest days a date of the analysis takes: far enough apart that every
/// comparison of the rules changes inside, near enough that shifting them stays in range.
const FIRST_DAY: (i32, u32, u32) = (1001, 1, 1);
const LAST_DAY: (i32, u32, u32) = (8999, 12, 31);

/// Submission days of one question at most.
const MAX_DAYS: usize = 64;

/// Cases (submission days times anchored dates) of one question at most.
const MAX_CASES: usize = 1024;

/// A day as a bundle writes it.
pub(crate) fn text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// One case of a question: a submission day, and the anchored dates' values.
pub(crate) struct Case<'p> {
    /// The frame of the submission day.
    pub frame: Frame<'p>,
    /// Each anchored date with its value (`None`: absent).
    fixed: Vec<(Key, Option<NaiveDate>)>,
}

impl Case<'_> {
    /// The value of an anchored date in this case (`None`: the date is not anchored).
    pub(super) fn fixed(&self, key: &Key) -> Option<&Option<NaiveDate>> {
        self.fixed.iter().find(|(k, _)| k == key).map(|(_, d)| d)
    }
}

/// The bounds of every date.
fn bounds() -> Result<(NaiveDate, NaiveDate), Undecided> {
    let day = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).ok_or(Undecided::Unsupported);
    Ok((day(FIRST_DAY)?, day(LAST_DAY)?))
}

/// The first day of `lo..=hi` on which `f` takes its value on `hi`, when that differs from
/// its value on `lo`; `f` must change once at most.
fn turning(
    lo: NaiveDate,
    hi: NaiveDate,
    f: impl Fn(NaiveDate) -> Option<bool>,
) -> Result<Option<NaiveDate>, Undecided> {
    let (Some(first), Some(end)) = (f(lo), f(hi)) else {
        return Err(Undecided::NotMonotone);
    };
    if first == end {
        return Ok(None);
    }
    let (mut a, mut b) = (lo.num_days_from_ce(), hi.num_days_from_ce());
    while b - a > 1 {
        let mid = a + (b - a) / 2;
        let day = NaiveDate::from_num_days_from_ce_opt(mid).ok_or(Undecided::NotMonotone)?;
        match f(day) {
            Some(v) if v == end => b = mid,
            Some(_) => a = mid,
            None => return Err(Undecided::NotMonotone),
        }
    }
    NaiveDate::from_num_days_from_ce_opt(b)
        .map(Some)
        .ok_or(Undecided::NotMonotone)
}

/// A boundary and the day before it, those of them inside `lo..=hi`.
fn sides(day: NaiveDate, lo: NaiveDate, hi: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    [day.pred_opt(), Some(day)]
        .into_iter()
        .flatten()
        .filter(move |d| (lo..=hi).contains(d))
}

/// Whether an expression reads the submission moment.
fn reads_submission(e: &TExpr) -> bool {
    let mut keys = Vec::new();
    Reads::leaves(e, None, &mut keys)
}

/// The shifts by months (not whole years) of an expression, in months; `true` if it shifts
/// by years or months at all, or counts an age.
fn calendar(e: &TExpr, months: &mut BTreeSet<u32>) -> bool {
    match e {
        TExpr::Shift(a, d, _) => {
            let here = match d.unit {
                DurationUnit::Years => true,
                DurationUnit::Months => {
                    if d.amount % 12 != 0 {
                        months.insert(d.amount);
                    }
                    true
                }
                _ => false,
            };
            calendar(a, months) || here
        }
        TExpr::Age(..) => true,
        TExpr::Not(a) => calendar(a, months),
        TExpr::And(a, b) | TExpr::Or(a, b) | TExpr::Compare(_, a, b) => {
            let x = calendar(a, months);
            calendar(b, months) || x
        }
        _ => false,
    }
}

/// The days around 29 February of `years` (28 February, 29 February of a leap year, 1 March),
/// and those days moved by each of `months` either way.
fn february(years: std::ops::RangeInclusive<i32>, months: &BTreeSet<u32>) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    for y in years {
        for (m, d) in [(2, 28), (2, 29), (3, 1)] {
            days.extend(NaiveDate::from_ymd_opt(y, m, d));
        }
    }
    let mut moved = Vec::new();
    for &m in months {
        for d in &days {
            for e in [
                d.checked_add_months(Months::new(m)),
                d.checked_sub_months(Months::new(m)),
            ]
            .into_iter()
            .flatten()
            {
                moved.extend([e.pred_opt(), Some(e), e.succ_opt()].into_iter().flatten());
            }
        }
    }
    days.extend(moved);
    days
}

impl<'p> Reads<'_, 'p> {
    /// The cases of the question: each submission day from the frame's to `last`, times the
    /// values of the anchored dates on it.
    pub(super) fn cases(&self, last: NaiveDate) -> Result<Vec<Case<'p>>, Undecided> {
        let anchors = self.anchors()?;
        let mut cases = Vec::new();
        for day in self.submission_days(last)? {
            let frame = self.frame.on(day).ok_or(Undecided::NotMonotone)?;
            let mut fixings: Vec<Vec<(Key, Option<NaiveDate>)>> = vec![Vec::new()];
            for anchor in &anchors {
                let values = self.anchor_days(anchor, &frame, &anchors)?;
                let mut next = Vec::new();
                for fixed in &fixings {
                    for v in &values {
                        let mut f = fixed.clone();
                        f.push((anchor.clone(), *v));
                        next.push(f);
                    }
                }
                fixings = next;
                if fixings.len() > MAX_CASES {
                    return Err(Undecided::TooManyDays);
                }
            }
            for fixed in fixings {
                let frame = self.frame.on(day).ok_or(Undecided::NotMonotone)?;
                cases.push(Case { frame, fixed });
            }
            if cases.len() > MAX_CASES {
                return Err(Undecided::TooManyDays);
            }
        }
        Ok(cases)
    }

    /// The dates fixed in each case: one end of every link, chosen so that no link joins two
    /// anchors and no date is linked to two (the pattern the cases represent).
    fn anchors(&self) -> Result<Vec<Key>, Undecided> {
        let degree = |k: &Key| {
            self.links
                .iter()
                .filter(|(x, y, _)| x == k || y == k)
                .count()
        };
        let item = |k: &Key| matches!(k, Key::Item(..));
        let mut anchors: Vec<Key> = Vec::new();
        for (x, y, _) in &self.links {
            if anchors.contains(x) || anchors.contains(y) {
                continue;
            }
            let pick = match (item(x), item(y)) {
                (false, false) if degree(y) > degree(x) => y,
                (false, _) => x,
                (true, false) => y,
                // two dates of one item: every item would share the anchored one
                (true, true) => return Err(Undecided::TwoDates),
            };
            anchors.push(pick.clone());
        }
        for (x, y, _) in &self.links {
            if anchors.contains(x) && anchors.contains(y) {
                return Err(Undecided::TwoDates);
            }
        }
        for key in self.usage.keys().filter(|k| !anchors.contains(k)) {
            let linked: BTreeSet<&Key> = self
                .links
                .iter()
                .filter_map(|(x, y, _)| {
                    if x == key {
                        Some(y)
                    } else if y == key {
                        Some(x)
                    } else {
                        None
                    }
                })
                .collect();
            if linked.len() > 1 {
                return Err(Undecided::TwoDates);
            }
        }
        Ok(anchors)
    }

    /// The submission days of the question, from the frame's to `last`.
    fn submission_days(&self, last: NaiveDate) -> Result<Vec<NaiveDate>, Undecided> {
        let first = self.frame.day;
        let mut days = BTreeSet::from([first]);
        let relative: Vec<(&Key, &TExpr)> = self
            .usage
            .iter()
            .flat_map(|(k, u)| u.atoms.iter().map(move |a| (k, a)))
            .filter(|(_, a)| reads_submission(a))
            .collect();
        if (relative.is_empty() && self.submission.is_empty()) || last <= first {
            return Ok(vec![first]);
        }
        let on = |day: NaiveDate| self.frame.on(day);
        // the submission day's own comparisons
        for atom in &self.submission {
            let at = |day| on(day).and_then(|f| f.decide(&Scene::empty(0), atom));
            if let Some(t) = turning(first, last, at)? {
                days.extend(sides(t, first, last));
            }
        }
        // a relative comparison crossing a fixed boundary of its date
        for (key, usage) in &self.usage {
            let fixed: Vec<&TExpr> = usage
                .atoms
                .iter()
                .filter(|a| !reads_submission(a))
                .collect();
            if fixed.is_empty() {
                continue;
            }
            let (lowest, _) = bounds()?;
            let starts = Self::starts(key, &fixed, self.frame, &[])?;
            for (k, atom) in relative.iter().filter(|(k, _)| *k == key) {
                for c in starts.iter().filter(|c| **c != lowest) {
                    for v in [c.pred_opt(), Some(*c)].into_iter().flatten() {
                        let at = |day| {
                            let frame = on(day)?;
                            Self::probe(&frame, atom, &[((*k).clone(), Some(v))])
                        };
                        if let Some(t) = turning(first, last, at)? {
                            days.extend(sides(t, first, last));
                        }
                    }
                }
            }
        }
        // years and months arithmetic: the ends of February, in leap years and not
        let mut months = BTreeSet::new();
        let mut shifted = false;
        for atom in relative.iter().map(|(_, a)| *a).chain(&self.submission) {
            shifted |= calendar(atom, &mut months);
        }
        if shifted {
            // in each class of submission days: the first years of it
            let starts: Vec<NaiveDate> = days.iter().copied().collect();
            for (i, start) in starts.iter().enumerate() {
                let end = starts
                    .get(i + 1)
                    .and_then(NaiveDate::pred_opt)
                    .unwrap_or(last);
                let edges = february(start.year()..=start.year() + 4, &months);
                days.extend(edges.into_iter().filter(|d| (*start..=end).contains(d)));
            }
        }
        if days.len() > MAX_DAYS {
            return Err(Undecided::TooManyDays);
        }
        Ok(days.into_iter().collect())
    }

    /// The values an anchored date takes on a submission day.
    fn anchor_days(
        &self,
        key: &Key,
        frame: &Frame<'_>,
        anchors: &[Key],
    ) -> Result<Vec<Option<NaiveDate>>, Undecided> {
        let (lowest, highest) = bounds()?;
        let own: Vec<&TExpr> = self
            .usage
            .get(key)
            .map(|u| u.atoms.iter().collect())
            .unwrap_or_default();
        let starts: Vec<NaiveDate> = Self::starts(key, &own, frame, &[])?.into_iter().collect();
        let mut days = BTreeSet::new();
        for (i, start) in starts.iter().enumerate() {
            let end = match starts.get(i + 1) {
                Some(next) => next.pred_opt().ok_or(Undecided::NotMonotone)?,
                None => highest,
            };
            days.insert(frame.day.clamp(*start, end));
            if *start != lowest {
                days.extend(sides(*start, lowest, highest));
            }
        }
        let mut months = BTreeSet::new();
        let mut shifted = false;
        for (x, y, link) in &self.links {
            let other = match (x == key, y == key) {
                (true, _) => y,
                (_, true) => x,
                _ => continue,
            };
            shifted |= calendar(link, &mut months);
            if anchors.contains(other) {
                continue;
            }
            // where the link crosses a boundary of the other date's own comparisons
            let theirs: Vec<&TExpr> = self
                .usage
                .get(other)
                .map(|u| u.atoms.iter().collect())
                .unwrap_or_default();
            for c in Self::starts(other, &theirs, frame, &[])? {
                if c == lowest {
                    continue;
                }
                for v in [c.pred_opt(), Some(c)].into_iter().flatten() {
                    let at = |day| {
                        let values = [(key.clone(), Some(day)), (other.clone(), Some(v))];
                        Self::probe(frame, link, &values)
                    };
                    if let Some(t) = turning(lowest, highest, at)? {
                        days.extend(sides(t, lowest, highest));
                    }
                }
            }
        }
        if shifted {
            let year = frame.day.year();
            days.extend(february(year - 4..=year + 4, &months));
        }
        let mut values: Vec<Option<NaiveDate>> = days.into_iter().map(Some).collect();
        if let Key::Input(i) = key
            && self.frame.optional.get(*i).copied().unwrap_or(true)
        {
            values.push(None);
        }
        Ok(values)
    }

    /// The first day of each class of a date's comparisons, on a frame's day and with other
    /// dates fixed.
    fn starts(
        key: &Key,
        atoms: &[&TExpr],
        frame: &Frame<'_>,
        fixed: &[(Key, Option<NaiveDate>)],
    ) -> Result<BTreeSet<NaiveDate>, Undecided> {
        let (first, last) = bounds()?;
        let mut starts = BTreeSet::from([first]);
        for atom in atoms {
            let at = |day| Self::probe(frame, atom, &with(fixed, key, day));
            starts.extend(turning(first, last, at)?);
        }
        Ok(starts)
    }

    /// The classes of a free date in a case, each represented by its day nearest to the
    /// submission day.
    pub(super) fn dates(&self, key: &Key, case: &Case<'_>) -> Result<Vec<NaiveDate>, Undecided> {
        let (_, last) = bounds()?;
        let mut atoms: Vec<&TExpr> = self
            .usage
            .get(key)
            .map(|u| u.atoms.iter().collect())
            .unwrap_or_default();
        atoms.extend(
            self.links
                .iter()
                .filter(|(x, y, _)| x == key || y == key)
                .map(|(_, _, e)| e),
        );
        let frame = &case.frame;
        let starts: Vec<NaiveDate> = Self::starts(key, &atoms, frame, &case.fixed)?
            .into_iter()
            .collect();
        let probe = |atom: &TExpr, day| Self::probe(frame, atom, &with(&case.fixed, key, day));
        let mut chosen = Vec::new();
        for (i, start) in starts.iter().enumerate() {
            let end = match starts.get(i + 1) {
                Some(next) => next.pred_opt().ok_or(Undecided::NotMonotone)?,
                None => last,
            };
            let near = frame.day.clamp(*start, end);
            // every comparison keeps one value across the class, or the classes are wrong
            for atom in &atoms {
                let v = probe(atom, *start);
                if probe(atom, end) != v || probe(atom, near) != v {
                    return Err(Undecided::NotMonotone);
                }
            }
            chosen.push(near);
        }
        Ok(chosen)
    }

    /// The value of one comparison on a frame's day, with these dates given (the others
    /// absent).
    fn probe(frame: &Frame<'_>, atom: &TExpr, values: &[(Key, Option<NaiveDate>)]) -> Option<bool> {
        let inputs = &frame.plan.inputs;
        let mut facts: Vec<(usize, Json<'static>)> = Vec::new();
        let mut item: Option<(usize, Fields)> = None;
        let mut document: Fields = Vec::new();
        for (key, day) in values {
            let Some(day) = day else { continue };
            let value = Json::String(Cow::Owned(text(*day)));
            match key {
                Key::Input(i) => facts.push((*i, value)),
                Key::Item(list, f) => {
                    let name = inputs.get(*list)?.fields.get(*f)?.clone();
                    let (_, members) = item.get_or_insert_with(|| (*list, Vec::new()));
                    members.push((Cow::Owned(name), value));
                }
                Key::Doc(f) => document.push((Cow::Borrowed(field(*f)?.name()), value)),
                Key::HasDoc(_) | Key::Channel => return None,
            }
        }
        let item = item.map(|(list, members)| (list, Json::Object(Members(members))));
        let document = (!document.is_empty()).then_some(Json::Object(Members(document)));
        let mut scene = Scene::empty(inputs.len());
        for (i, v) in &facts {
            *scene.facts.get_mut(*i)? = Some(v);
        }
        scene.item = item.as_ref().map(|(list, v)| (*list, v));
        scene.document = document.as_ref();
        frame.decide(&scene, atom)
    }
}

/// The submission days a question is asked on: from the first day on which every interval
/// is surely in force, to the last of the days after it that are.
pub(super) fn in_force(intervals: &[&Interval]) -> Option<(NaiveDate, NaiveDate)> {
    let first = day_in_force(intervals)?;
    Some((first, last_in_force(intervals, first)))
}

/// The last day of the days from `first` on which every interval is surely in force.
fn last_in_force(intervals: &[&Interval], first: NaiveDate) -> NaiveDate {
    let far = NaiveDate::from_ymd_opt(8999, 12, 31).unwrap_or(NaiveDate::MAX);
    let last = intervals
        .iter()
        .filter_map(|i| i.until.and_then(|u| u.pred_opt()))
        .fold(far, NaiveDate::min);
    if last > first && intervals.iter().all(|i| i.on(last) == InForce::Yes) {
        last
    } else {
        first
    }
}

/// A day on which every interval is surely in force (no act of unknown entry into force
/// leaves it open): the first such among the days the intervals start.
fn day_in_force(intervals: &[&Interval]) -> Option<NaiveDate> {
    let mut days: Vec<NaiveDate> = Vec::new();
    for i in intervals {
        days.extend(i.from);
        days.extend(i.from_window.as_ref().and_then(|w| w.latest));
        days.extend(i.until.and_then(|u| u.pred_opt()));
    }
    // nothing bounds them from below: any day will do
    days.extend(NaiveDate::from_ymd_opt(2020, 1, 1));
    days.sort_unstable();
    days.into_iter()
        .find(|d| intervals.iter().all(|i| i.on(*d) == InForce::Yes))
}

/// The members of an object the checker reads.
type Fields = Vec<(Cow<'static, str>, Json<'static>)>;

/// The fixed dates and one more.
fn with(
    fixed: &[(Key, Option<NaiveDate>)],
    key: &Key,
    day: NaiveDate,
) -> Vec<(Key, Option<NaiveDate>)> {
    let mut values = fixed.to_vec();
    values.push((key.clone(), Some(day)));
    values
}
