//! Evaluation of compiled conditions over one bundle, in three-valued logic: a fact that is
//! absent makes what depends on it *unknown*, and the pointers of such facts are collected so
//! the report can list them in `missing_facts`.

use super::bundle::Document;
use super::code_lists::CodeList;
use super::json::Json as Value;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::compile::InputPlan;
use crate::semantic::model::{CompareOp, Const, DocField, TExpr, Type};
use crate::time::{Calendar, TimeError, parse_date};
use crate::vocab::{Duration, DurationUnit};

/// A value during evaluation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val<'a> {
    /// Not known: a fact is absent.
    Unknown,
    /// Yes/no.
    Bool(bool),
    /// Text or enum value.
    Text(&'a str),
    /// Owned text (constants).
    Owned(String),
    /// A code of a standard list, as the standard writes it: it equals a text in any case
    /// (`"cn"` in a rule, `"CN"` in the bundle).
    Code(&'static str),
    /// A number.
    Num(i64),
    /// A date.
    Date(NaiveDate),
    /// A moment.
    Instant(DateTime<FixedOffset>),
    /// A duration.
    Dur(Duration),
    /// The elements of a set or list.
    Items(&'a [Value<'a>]),
}

impl Val<'_> {
    fn text(&self) -> Option<&str> {
        match self {
            Val::Text(s) | Val::Code(s) => Some(s),
            Val::Owned(s) => Some(s),
            _ => None,
        }
    }

    /// Whether it is the text `other`: in any case for a code, exactly for any other text.
    fn is_text(&self, other: &str) -> bool {
        match self {
            Val::Code(code) => code.eq_ignore_ascii_case(other),
            _ => self.text() == Some(other),
        }
    }
}

/// A value of a code list read as the code it is, in the standard's case (the bundle was
/// checked against the list: a value that is not in it does not get this far).
fn coded(list: CodeList, value: Val<'_>) -> Val<'_> {
    match value {
        Val::Text(text) => list.canonical(text).map_or(Val::Text(text), Val::Code),
        other => other,
    }
}

/// Everything a condition may read.
pub(crate) struct Env<'a, 'c> {
    /// The service inputs, validated (absent = `None`).
    pub facts: &'c [Option<&'a Value<'a>>],
    /// Their definitions (pointers, record fields).
    pub inputs: &'c [InputPlan],
    /// `submitted_at`.
    pub submitted_at: DateTime<FixedOffset>,
    /// Its local date.
    pub submitted_on: NaiveDate,
    /// `channel`.
    pub channel: Option<&'a str>,
    /// The bundle's documents.
    pub documents: &'c [Document<'a>],
    /// The bound list item: (list input, index, item).
    pub item: Option<(usize, usize, &'a Value<'a>)>,
    /// The document being checked: (index, document).
    pub document: Option<(usize, &'a Value<'a>)>,
    /// The service's calendar, for working-day arithmetic.
    pub calendar: Option<&'c Calendar>,
    /// Pointers of absent facts read so far.
    pub missing: Vec<String>,
    /// Why a value could not be computed although its facts were present (a working day
    /// outside the calendar): such a condition is undecided, never passed.
    pub unresolved: Vec<TimeError>,
}

impl<'a> Env<'a, '_> {
    /// Evaluate a condition: `Some(bool)` or `None` for unknown.
    pub fn condition(&mut self, expr: &TExpr) -> Option<bool> {
        match self.eval(expr) {
            Val::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn absent(&mut self, pointer: String) -> Val<'a> {
        if !self.missing.contains(&pointer) {
            self.missing.push(pointer);
        }
        Val::Unknown
    }

    /// A fact as a value of its declared type: a text is read as a date only where a date is
    /// declared (a text that merely looks like one stays a text).
    fn from_json(value: &'a Value<'a>, ty: &Type) -> Val<'a> {
        match value {
            Value::Bool(b) => Val::Bool(*b),
            Value::String(s) if *ty == Type::Date => parse_date(s).map_or(Val::Unknown, Val::Date),
            Value::String(s) => Val::Text(s),
            Value::Number(n) => n.as_i64().map_or(Val::Unknown, Val::Num),
            Value::Array(items) => Val::Items(items),
            Value::Null | Value::Object(_) => Val::Unknown,
        }
    }

    fn eval(&mut self, expr: &TExpr) -> Val<'a> {
        match expr {
            TExpr::Const(c) => match c {
                Const::Bool(b) => Val::Bool(*b),
                Const::Text(s) => Val::Owned(s.clone()),
                Const::Number(n) => Val::Num(*n),
                Const::Date(d) => Val::Date(*d),
                Const::Duration(d) => Val::Dur(*d),
            },
            TExpr::Input(i) => match self.facts.get(*i).copied().flatten() {
                Some(v) => {
                    let input = self.inputs.get(*i);
                    let value = Self::from_json(v, input.map_or(&Type::Error, |p| &p.ty));
                    match input.and_then(|p| CodeList::of_input(&p.name)) {
                        Some(list) => coded(list, value),
                        None => value,
                    }
                }
                None => {
                    let pointer = self
                        .inputs
                        .get(*i)
                        .map(|p| p.pointer.clone())
                        .unwrap_or_default();
                    self.absent(pointer)
                }
            },
            TExpr::ItemField(field) => self.item_field(*field),
            TExpr::ItemIndex => self.item.map_or(Val::Unknown, |(_, i, _)| {
                Val::Num(i64::try_from(i).unwrap_or(i64::MAX))
            }),
            TExpr::DocField(field) => self.doc_field(*field),
            TExpr::SubmittedAt => Val::Instant(self.submitted_at),
            TExpr::SubmittedOn => Val::Date(self.submitted_on),
            TExpr::Channel => match self.channel {
                Some(channel) => Val::Text(channel),
                None => self.absent(String::from("/channel")),
            },
            TExpr::Let(_) => Val::Unknown,
            TExpr::Not(a) => match self.eval(a) {
                Val::Bool(b) => Val::Bool(!b),
                _ => Val::Unknown,
            },
            TExpr::And(a, b) => match self.eval(a) {
                Val::Bool(false) => Val::Bool(false),
                Val::Bool(true) => self.eval(b),
                _ => match self.eval(b) {
                    Val::Bool(false) => Val::Bool(false),
                    _ => Val::Unknown,
                },
            },
            TExpr::Or(a, b) => match self.eval(a) {
                Val::Bool(true) => Val::Bool(true),
                Val::Bool(false) => self.eval(b),
                _ => match self.eval(b) {
                    Val::Bool(true) => Val::Bool(true),
                    _ => Val::Unknown,
                },
            },
            TExpr::Compare(op, a, b) => {
                let (x, y) = (self.eval(a), self.eval(b));
                compare(*op, &x, &y).map_or(Val::Unknown, Val::Bool)
            }
            TExpr::Shift(a, d, forward) => match self.eval(a) {
                Val::Date(date) => match shift_date(date, *d, *forward, self.calendar) {
                    Ok(day) => Val::Date(day),
                    Err(reason) => {
                        self.unresolved.push(reason);
                        Val::Unknown
                    }
                },
                Val::Instant(t) => {
                    shift_instant(t, *d, *forward).map_or(Val::Unknown, Val::Instant)
                }
                _ => Val::Unknown,
            },
            TExpr::InList(a, options) => match self.eval(a) {
                Val::Unknown => Val::Unknown,
                v => Val::Bool(options.iter().any(|o| v.is_text(o))),
            },
            TExpr::HasAny(a, options) => match self.eval(a) {
                Val::Items(items) => Val::Bool(items.iter().any(|item| {
                    item.as_str()
                        .is_some_and(|s| options.iter().any(|o| o == s))
                })),
                _ => Val::Unknown,
            },
            TExpr::HasDocument(kind) => Val::Bool(self.documents.iter().any(|d| d.kind == kind)),
            TExpr::Quantifier { any, list, body } => self.quantifier(*any, *list, body),
            TExpr::Age(birth, on) => match (self.eval(birth), self.eval(on)) {
                (Val::Date(b), Val::Date(o)) => Val::Dur(Duration {
                    amount: age_years(b, o),
                    unit: DurationUnit::Years,
                }),
                _ => Val::Unknown,
            },
        }
    }

    fn item_field(&mut self, field: usize) -> Val<'a> {
        let Some((list, index, item)) = self.item else {
            return Val::Unknown;
        };
        let Some(input) = self.inputs.get(list) else {
            return Val::Unknown;
        };
        let Some(name) = input.fields.get(field) else {
            return Val::Unknown;
        };
        let ty = match &input.ty {
            Type::List(fields) => fields.get(field).map_or(&Type::Error, |f| &f.ty),
            _ => &Type::Error,
        };
        match item.get(name.as_str()).filter(|v| !v.is_null()) {
            Some(v) => Self::from_json(v, ty),
            None => {
                let pointer = format!("{}/{index}/{name}", input.pointer);
                self.absent(pointer)
            }
        }
    }

    fn doc_field(&mut self, field: DocField) -> Val<'a> {
        let Some((index, doc)) = self.document else {
            return Val::Unknown;
        };
        match doc.get(field.name()).filter(|v| !v.is_null()) {
            Some(v) if field == DocField::Language => {
                coded(CodeList::Language, Self::from_json(v, &field.ty()))
            }
            Some(v) => Self::from_json(v, &field.ty()),
            None => self.absent(format!("/documents/{index}/{}", field.name())),
        }
    }

    fn quantifier(&mut self, any: bool, list: usize, body: &TExpr) -> Val<'a> {
        let Some(Some(Value::Array(items))) = self.facts.get(list).copied() else {
            let pointer = self
                .inputs
                .get(list)
                .map(|p| p.pointer.clone())
                .unwrap_or_default();
            return self.absent(pointer);
        };
        let saved = self.item;
        let mut unknown = false;
        let mut result = !any;
        for (i, item) in items.iter().enumerate() {
            self.item = Some((list, i, item));
            match self.condition(body) {
                Some(b) if b == any => {
                    result = any;
                    unknown = false;
                    break;
                }
                Some(_) => {}
                None => unknown = true,
            }
        }
        self.item = saved;
        if unknown {
            Val::Unknown
        } else {
            Val::Bool(result)
        }
    }
}

/// Whole years between a birth date and a day.
pub(crate) fn age_years(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    u32::try_from(age).unwrap_or(0)
}

/// A date moved by a duration; `Err` says why it cannot be (a working day outside the
/// calendar, no calendar, a date out of range).
fn shift_date(
    date: NaiveDate,
    d: Duration,
    forward: bool,
    calendar: Option<&Calendar>,
) -> Result<NaiveDate, TimeError> {
    let n = d.amount;
    let out_of_range = || TimeError::OutOfRange;
    match d.unit {
        DurationUnit::CalendarDays
        | DurationUnit::UnstatedDays
        | DurationUnit::CalendarWorkingDays => if forward {
            date.checked_add_days(chrono::Days::new(u64::from(n)))
        } else {
            date.checked_sub_days(chrono::Days::new(u64::from(n)))
        }
        .ok_or_else(out_of_range),
        DurationUnit::WorkingDays => {
            let calendar = calendar.ok_or(TimeError::NoCalendar)?;
            if forward {
                calendar.add_working_days(date, n)
            } else {
                // count back day by day: the calendar answers (or refuses) for every day passed
                let mut day = date;
                let mut left = n;
                while left > 0 {
                    day = day.pred_opt().ok_or_else(out_of_range)?;
                    if calendar.is_working_day(day)? {
                        left -= 1;
                    }
                }
                Ok(day)
            }
        }
        DurationUnit::Months | DurationUnit::Years => {
            let months = if d.unit == DurationUnit::Years {
                n.saturating_mul(12)
            } else {
                n
            };
            if forward {
                date.checked_add_months(chrono::Months::new(months))
            } else {
                date.checked_sub_months(chrono::Months::new(months))
            }
            .ok_or_else(out_of_range)
        }
        // analysis rejects minutes and hours added to a date (E0301): never reached
        DurationUnit::Minutes | DurationUnit::Hours => Err(TimeError::MixedUnit),
    }
}

fn shift_instant(
    t: DateTime<FixedOffset>,
    d: Duration,
    forward: bool,
) -> Option<DateTime<FixedOffset>> {
    let delta = match d.unit {
        DurationUnit::Minutes => chrono::TimeDelta::try_minutes(i64::from(d.amount))?,
        DurationUnit::Hours => chrono::TimeDelta::try_hours(i64::from(d.amount))?,
        DurationUnit::CalendarDays | DurationUnit::UnstatedDays => {
            chrono::TimeDelta::try_days(i64::from(d.amount))?
        }
        _ => return None,
    };
    if forward {
        t.checked_add_signed(delta)
    } else {
        t.checked_sub_signed(delta)
    }
}

/// A duration in a comparable amount: minutes for clock units, days for day units, months for
/// month units.
fn comparable(d: Duration) -> (u8, i64) {
    let n = i64::from(d.amount);
    match d.unit {
        DurationUnit::Minutes => (0, n),
        DurationUnit::Hours => (0, n * 60),
        DurationUnit::Months => (2, n),
        DurationUnit::Years => (2, n * 12),
        _ => (1, n),
    }
}

fn compare(op: CompareOp, a: &Val<'_>, b: &Val<'_>) -> Option<bool> {
    let ord = match (a, b) {
        (Val::Unknown, _) | (_, Val::Unknown) => return None,
        (Val::Num(x), Val::Num(y)) => x.cmp(y),
        (Val::Date(x), Val::Date(y)) => x.cmp(y),
        (Val::Instant(x), Val::Instant(y)) => x.cmp(y),
        (Val::Bool(x), Val::Bool(y)) => x.cmp(y),
        (Val::Dur(x), Val::Dur(y)) => {
            let (fx, nx) = comparable(*x);
            let (fy, ny) = comparable(*y);
            if fx != fy {
                return None;
            }
            nx.cmp(&ny)
        }
        // a code compares with a text in any case
        (Val::Code(_), _) | (_, Val::Code(_)) => {
            let (x, y) = (a.text()?, b.text()?);
            x.bytes()
                .map(|c| c.to_ascii_lowercase())
                .cmp(y.bytes().map(|c| c.to_ascii_lowercase()))
        }
        _ => match (a.text(), b.text()) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => return None,
        },
    };
    Some(op.holds(ord))
}
