//! Building a [`Calendar`] from its declaration.
//!
//! The checks are about the law data itself: each date has one entry, dates lie inside the
//! declared years, a transfer makes a weekend or observed day a working day and moves the day
//! off onto a day that was a working day. Every problem is reported, not just the first.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use chrono_tz::Tz;

use super::calendar_error::CalendarError;
use crate::source::Span;
use crate::syntax::ast::{self, DayEntry, DayKind};
use crate::syntax::lower::weekday;
use crate::time::{Calendar, DayReason, DayStatus};
use crate::vocab::Wording;

const LAST_DAY_MOVES: &str = "last_day_moves";

/// Check a calendar declaration and build its lookup table.
pub fn build(cal: &ast::Calendar) -> Result<Calendar, Vec<CalendarError>> {
    let mut b = Builder {
        name: cal.name.node.clone(),
        errors: Vec::new(),
    };
    let name_span = cal.name.span;

    let years = match &cal.years {
        None => {
            b.missing(
                (
                    "the years it covers",
                    "какие годы он охватывает",
                    "қай жылдарды қамтитыны",
                ),
                "years 2015..2020",
                name_span,
            );
            None
        }
        Some((first, last)) if first.node > last.node => {
            b.errors.push(CalendarError::YearsOutOfOrder {
                calendar: b.name.clone(),
                first: first.node,
                last: last.node,
                span: first.span.to(last.span),
            });
            None
        }
        Some((first, last)) => Some((first.node..=last.node, first.span.to(last.span))),
    };

    let timezone = match &cal.timezone {
        None => {
            b.missing(
                (
                    "its timezone",
                    "в каком часовом поясе он действует",
                    "уақыт белдеуі",
                ),
                "timezone \"Asia/Almaty\"",
                name_span,
            );
            None
        }
        Some(tz) => {
            let parsed = tz.node.parse::<Tz>().ok();
            if parsed.is_none() {
                b.errors.push(CalendarError::UnknownTimezone {
                    name: tz.node.clone(),
                    span: tz.span,
                });
            }
            parsed
        }
    };

    if cal.weekend.is_empty() {
        b.missing(
            (
                "its weekend days",
                "какие дни недели выходные",
                "аптаның қай күндері демалыс екені",
            ),
            "weekend sat, sun",
            name_span,
        );
    }
    let mut weekend = Vec::new();
    for day in &cal.weekend {
        match weekday(&day.node) {
            Some(w) if !weekend.contains(&w) => weekend.push(w),
            Some(_) => {}
            None => b.errors.push(CalendarError::UnknownWeekday {
                text: day.node.clone(),
                span: day.span,
            }),
        }
    }

    let last_day_moves = b.counting(&cal.counting, name_span);
    let special = b.days(&cal.days, years.as_ref(), &weekend);

    match (years, timezone, last_day_moves) {
        (Some((years, _)), Some(timezone), Some(last_day_moves)) if b.errors.is_empty() => Ok(
            Calendar::new(b.name, timezone, weekend, years, last_day_moves, special),
        ),
        _ => Err(b.errors),
    }
}

struct Builder {
    name: String,
    errors: Vec<CalendarError>,
}

/// What a non-transfer entry makes of its day.
fn entry_reason(kind: DayKind) -> (bool, DayReason) {
    match kind {
        DayKind::Holiday => (false, DayReason::Holiday),
        DayKind::Observed => (false, DayReason::Observed),
        DayKind::Fixed => (false, DayReason::Fixed),
        DayKind::Working => (true, DayReason::DeclaredWorking),
    }
}

/// A day of the week in English, Russian and Kazakh.
fn weekday_name(w: Weekday) -> (&'static str, &'static str, &'static str) {
    match w {
        Weekday::Mon => ("Monday", "понедельник", "дүйсенбі"),
        Weekday::Tue => ("Tuesday", "вторник", "сейсенбі"),
        Weekday::Wed => ("Wednesday", "среда", "сәрсенбі"),
        Weekday::Thu => ("Thursday", "четверг", "бейсенбі"),
        Weekday::Fri => ("Friday", "пятница", "жұма"),
        Weekday::Sat => ("Saturday", "суббота", "сенбі"),
        Weekday::Sun => ("Sunday", "воскресенье", "жексенбі"),
    }
}

/// "it is a Tuesday and already a working day".
fn already_working(day: NaiveDate) -> Wording {
    let (en, ru, kk) = weekday_name(day.weekday());
    Wording::new(
        format!("it is a {en} and already a working day"),
        format!("это {ru} — и так рабочий день"),
        format!("бұл — {kk}, онсыз да жұмыс күні"),
    )
}

/// A holiday, an observed day or a fixed day off, named by its entry's reason.
fn day_off(kind: DayKind, reason: &str) -> Wording {
    let (ru, kk) = match kind {
        DayKind::Holiday => ("праздничный день", "мереке күні"),
        DayKind::Observed => (
            "выходной за праздник, пришедшийся на выходной",
            "демалысқа түскен мереке үшін берілген демалыс күні",
        ),
        DayKind::Fixed => (
            "религиозный выходной (не переносится)",
            "діни демалыс күні (ауыстырылмайды)",
        ),
        DayKind::Working => (
            "выходной день недели, объявленный рабочим",
            "жұмыс күні деп жарияланған демалыс күні",
        ),
    };
    Wording::new(
        format!("a {}, `{reason}`", entry_reason(kind).1.describe()),
        format!("{ru}, `{reason}`"),
        format!("{kk}, `{reason}`"),
    )
}

impl Builder {
    fn missing(
        &mut self,
        what: (&'static str, &'static str, &'static str),
        example: &'static str,
        span: Span,
    ) {
        self.errors.push(CalendarError::MissingClause {
            calendar: self.name.clone(),
            what,
            example,
            span,
        });
    }

    /// The `last_day_moves` switch, if declared exactly once.
    fn counting(&mut self, switches: &[ast::CountingSwitch], name_span: Span) -> Option<bool> {
        let mut found: Option<&ast::CountingSwitch> = None;
        let mut ok = true;
        for sw in switches {
            if sw.name.node != LAST_DAY_MOVES {
                self.errors.push(CalendarError::UnknownCountingSwitch {
                    name: sw.name.node.clone(),
                    span: sw.name.span,
                });
            } else if let Some(first) = found {
                ok = false;
                self.errors.push(CalendarError::DuplicateCountingSwitch {
                    name: sw.name.node.clone(),
                    span: sw.name.span,
                    first: first.name.span,
                });
            } else {
                found = Some(sw);
            }
        }
        if found.is_none() {
            self.missing(
                (
                    "whether a term whose last day is a day off ends on the next working day",
                    "переносится ли окончание срока, выпавшее на выходной, на следующий рабочий день",
                    "соңғы күні демалысқа түскен мерзімнің келесі жұмыс күніне ауысатыны",
                ),
                "counting last_day_moves false",
                name_span,
            );
        }
        found.filter(|_| ok).map(|sw| sw.value)
    }

    /// Whether `date` lies inside the declared years (reported if not).
    fn inside(
        &self,
        date: &crate::source::Spanned<NaiveDate>,
        years: Option<&(std::ops::RangeInclusive<i32>, Span)>,
        errors: &mut Vec<CalendarError>,
    ) -> bool {
        if ast::known_date(date.node).is_none() {
            return false; // not a real date: its syntax error says so
        }
        let Some((range, years_span)) = years else {
            return true;
        };
        if range.contains(&date.node.year()) {
            return true;
        }
        errors.push(CalendarError::DateOutsideYears {
            calendar: self.name.clone(),
            date: date.node,
            year: date.node.year(),
            first: *range.start(),
            last: *range.end(),
            span: date.span,
            years: *years_span,
        });
        false
    }

    /// Check the dated entries and turn them into the table of special days.
    fn days(
        &mut self,
        entries: &[DayEntry],
        years: Option<&(std::ops::RangeInclusive<i32>, Span)>,
        weekend: &[Weekday],
    ) -> BTreeMap<NaiveDate, DayStatus> {
        let is_weekend = |d: NaiveDate| weekend.contains(&d.weekday());
        let mut errors = Vec::new();

        // Holidays, observed days, fixed days off and working days: one entry per day.
        let mut days: BTreeMap<NaiveDate, (&DayEntry, DayKind)> = BTreeMap::new();
        for e in entries {
            let Some(kind) = e.kind else { continue };
            if !self.inside(&e.date, years, &mut errors) {
                continue;
            }
            let date = e.date.node;
            if let Some((first, _)) = days.get(&date) {
                errors.push(CalendarError::DuplicateDate {
                    date,
                    span: e.date.span,
                    first: first.date.span,
                });
                continue;
            }
            if kind == DayKind::Working && !is_weekend(date) {
                errors.push(CalendarError::CannotBecomeWorking {
                    date,
                    why: already_working(date),
                    span: e.date.span,
                    other: None,
                });
            }
            days.insert(date, (e, kind));
        }

        // Transfers: a weekend or observed day becomes working, a working day becomes a day off.
        let transfers: Vec<(&DayEntry, &crate::source::Spanned<NaiveDate>)> = entries
            .iter()
            .filter(|e| e.kind.is_none())
            .filter_map(|e| e.to.as_ref().map(|to| (e, to)))
            .collect();
        let targets: BTreeSet<NaiveDate> = transfers.iter().map(|(_, to)| to.node).collect();
        let mut from_seen: BTreeMap<NaiveDate, &DayEntry> = BTreeMap::new();
        let mut to_seen: BTreeMap<NaiveDate, &DayEntry> = BTreeMap::new();
        let mut moves = Vec::new();
        for (e, to) in transfers {
            let inside_from = self.inside(&e.date, years, &mut errors);
            let inside_to = self.inside(to, years, &mut errors);
            if !(inside_from && inside_to) {
                continue;
            }
            let (from, to_date) = (e.date.node, to.node);
            let mut ok = true;

            // The day that becomes working.
            let from_error = if let Some(first) = from_seen.get(&from) {
                Some(CalendarError::DuplicateDate {
                    date: from,
                    span: e.date.span,
                    first: first.date.span,
                })
            } else {
                match days.get(&from) {
                    Some((first, DayKind::Working)) => Some(CalendarError::DuplicateDate {
                        date: from,
                        span: e.date.span,
                        first: first.date.span,
                    }),
                    Some((other, DayKind::Holiday | DayKind::Fixed)) => {
                        Some(CalendarError::CannotBecomeWorking {
                            date: from,
                            why: if other.kind == Some(DayKind::Fixed) {
                                Wording::new(
                                    "it is a religious day off, which never moves",
                                    "это религиозный выходной, который не переносится",
                                    "бұл — ауыстырылмайтын діни демалыс күні",
                                )
                            } else {
                                Wording::new(
                                    "it is a public holiday",
                                    "это праздничный день",
                                    "бұл — мереке күні",
                                )
                            },
                            span: e.date.span,
                            other: Some(other.date.span),
                        })
                    }
                    Some((_, DayKind::Observed)) => None,
                    None if targets.contains(&from) => Some(CalendarError::CannotBecomeWorking {
                        date: from,
                        why: Wording::new(
                            "another transfer moves a day off onto it",
                            "другой перенос делает его выходным",
                            "басқа ауыстыру оны демалыс күні етеді",
                        ),
                        span: e.date.span,
                        other: None,
                    }),
                    None if is_weekend(from) => None,
                    None => Some(CalendarError::CannotBecomeWorking {
                        date: from,
                        why: already_working(from),
                        span: e.date.span,
                        other: None,
                    }),
                }
            };
            if let Some(err) = from_error {
                errors.push(err);
                ok = false;
            }

            // The day that becomes a day off.
            let already_off = if let Some(other) = to_seen.get(&to_date) {
                Some((
                    Wording::new(
                        "another transfer already moves a day off here",
                        "другой перенос уже делает этот день выходным",
                        "басқа ауыстыру бұл күнді онсыз да демалыс күні етеді",
                    ),
                    Some(other.date.span),
                ))
            } else if let Some((other, kind)) = days.get(&to_date) {
                match kind {
                    DayKind::Working => {
                        errors.push(CalendarError::DuplicateDate {
                            date: to_date,
                            span: to.span,
                            first: other.date.span,
                        });
                        ok = false;
                        None
                    }
                    _ => Some((day_off(*kind, &other.reason.node), Some(other.date.span))),
                }
            } else if is_weekend(to_date) {
                let (en, ru, kk) = weekday_name(to_date.weekday());
                Some((
                    Wording::new(
                        format!("it is a {en}"),
                        format!("это {ru}"),
                        format!("бұл — {kk}"),
                    ),
                    None,
                ))
            } else if from_seen.contains_key(&to_date) {
                Some((
                    Wording::new(
                        "another transfer makes it a working day",
                        "другой перенос делает его рабочим днём",
                        "басқа ауыстыру оны жұмыс күні етеді",
                    ),
                    None,
                ))
            } else {
                None
            };
            if let Some((why, other)) = already_off {
                errors.push(CalendarError::TransferOntoDayOff {
                    date: to_date,
                    why,
                    span: to.span,
                    other,
                });
                ok = false;
            }

            from_seen.entry(from).or_insert(e);
            to_seen.entry(to_date).or_insert(e);
            if ok {
                moves.push((e, from, to_date));
            }
        }

        self.errors.extend(errors);
        let mut special = BTreeMap::new();
        for (date, (e, kind)) in days {
            let (working, reason) = entry_reason(kind);
            special.insert(date, status_from_entry(date, working, reason, e));
        }
        for (e, from, to) in moves {
            special.insert(
                from,
                status_from_entry(from, true, DayReason::TransferredWorking { to }, e),
            );
            special.insert(
                to,
                status_from_entry(to, false, DayReason::TransferredOff { from }, e),
            );
        }
        special
    }
}

/// A day an entry speaks of, with the entry's words and provenance.
fn status_from_entry(
    date: NaiveDate,
    working: bool,
    reason: DayReason,
    entry: &ast::DayEntry,
) -> DayStatus {
    let p = &entry.provenance;
    DayStatus {
        date,
        working,
        reason,
        label: Some(entry.reason.node.clone()).filter(|s| !s.is_empty()),
        citations: p.citations.iter().map(citation).collect(),
        sources: p.sources.iter().map(|s| s.node.clone()).collect(),
        notes: p.notes.iter().map(|s| s.node.clone()).collect(),
        unverified: p.unverified.as_ref().map(|s| s.node.clone()),
        span: Some(entry.span),
    }
}

/// A citation as a person writes it.
fn citation(c: &ast::Citation) -> String {
    let annex = |a: &Option<u32>| a.map(|n| format!(" annex {n}")).unwrap_or_default();
    match &c.target {
        ast::CiteTarget::Own => format!("§ {}", c.paragraph),
        ast::CiteTarget::Standard(a) => format!("§ standard{} {}", annex(a), c.paragraph),
        ast::CiteTarget::Act(name, a) => format!("§ {}{} {}", name.node, annex(a), c.paragraph),
    }
}
