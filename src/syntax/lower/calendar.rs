//! Lowering of `calendar` declarations: weekends, years, counting switches, dated entries.

use pest::iterators::Pair;

use super::super::ast::{Calendar, CountingSwitch, DayEntry, DayKind, Provenance};
use super::super::error::SyntaxError;
use super::super::parser::Rule;
use super::{Lower, once, weekday};
use crate::source::{Span, Spanned};
use crate::vocab::Texts;

impl Calendar {
    /// A declaration with nothing in it yet.
    pub(super) fn new(name: crate::syntax::ast::Name, span: Span) -> Calendar {
        Calendar {
            name,
            title: Texts::default(),
            timezone: None,
            weekend: Vec::new(),
            years: None,
            counting: Vec::new(),
            days: Vec::new(),
            provenance: Provenance::default(),
            span,
        }
    }
}

impl Lower {
    /// Lower one item of a calendar into it (`firsts`: where each once-only clause was first given).
    pub(super) fn calendar_item(
        &mut self,
        cal: &mut Calendar,
        firsts: &mut [Option<Span>; 2],
        x: Pair<'_, Rule>,
    ) {
        let xs = self.span(&x);
        match x.as_rule() {
            Rule::title_clause => self.texts(x, &mut cal.title),
            Rule::timezone_clause => {
                if let Some(s) = x.into_inner().find(|y| y.as_rule() == Rule::string) {
                    let v = self.string(&s);
                    once(self, &mut cal.timezone, &mut firsts[0], "timezone", xs, v);
                }
            }
            Rule::weekend_clause => {
                for d in x.into_inner().filter(|y| y.as_rule() == Rule::ident) {
                    if weekday(d.as_str()).is_none() {
                        self.errors.push(SyntaxError::UnknownWeekday {
                            text: d.as_str().to_string(),
                            span: self.span(&d),
                        });
                    }
                    cal.weekend.push(self.name(&d));
                }
            }
            Rule::years_clause => {
                let nums: Vec<_> = x
                    .into_inner()
                    .filter(|y| y.as_rule() == Rule::number)
                    .collect();
                if let [a, b] = nums.as_slice() {
                    let ya = Spanned::new(i32::try_from(self.number(a)).unwrap_or(0), self.span(a));
                    let yb = Spanned::new(i32::try_from(self.number(b)).unwrap_or(0), self.span(b));
                    once(self, &mut cal.years, &mut firsts[1], "years", xs, (ya, yb));
                }
            }
            Rule::counting_clause => {
                let mut name = None;
                let mut value = false;
                let mut provenance = Provenance::default();
                for y in x.into_inner() {
                    match y.as_rule() {
                        Rule::ident => name = Some(self.name(&y)),
                        Rule::kw_true => value = true,
                        Rule::kw_false | Rule::kw_counting => {}
                        _ => {
                            self.provenance(&y, &mut provenance);
                        }
                    }
                }
                if let Some(name) = name {
                    cal.counting.push(CountingSwitch {
                        name,
                        value,
                        provenance,
                        span: xs,
                    });
                }
            }
            Rule::day_entry => cal.days.push(self.day_entry(x)),
            _ => {
                self.provenance(&x, &mut cal.provenance);
            }
        }
    }

    pub(super) fn calendar(&mut self, pair: Pair<'_, Rule>) -> Calendar {
        let (span, name, it) = self.keyword_and_name(pair);
        let mut cal = Calendar::new(name, span);
        let mut firsts: [Option<Span>; 2] = [None; 2];
        for x in it {
            self.calendar_item(&mut cal, &mut firsts, x);
        }
        cal
    }

    pub(super) fn day_entry(&mut self, pair: Pair<'_, Rule>) -> DayEntry {
        let span = self.span(&pair);
        let mut pairs: Vec<Pair<'_, Rule>> = pair.into_inner().collect();
        if let [only] = pairs.as_slice()
            && only.as_rule() == Rule::transfer_entry
        {
            pairs = only.clone().into_inner().collect();
        }
        let mut kind = None;
        let mut dates = Vec::new();
        let mut reason = Spanned::new(String::new(), span);
        let mut provenance = Provenance::default();
        for x in pairs {
            match x.as_rule() {
                Rule::kw_holiday => kind = Some(DayKind::Holiday),
                Rule::kw_observed => kind = Some(DayKind::Observed),
                Rule::kw_fixed => kind = Some(DayKind::Fixed),
                Rule::kw_working => kind = Some(DayKind::Working),
                Rule::kw_transfer | Rule::kw_to => {}
                Rule::date => dates.push(self.date(&x)),
                Rule::string => reason = self.string(&x),
                _ => {
                    self.provenance(&x, &mut provenance);
                }
            }
        }
        let mut dates = dates.into_iter();
        let date = dates
            .next()
            .unwrap_or(Spanned::new(crate::syntax::ast::UNREADABLE_DATE, span));
        DayEntry {
            kind,
            date,
            to: dates.next(),
            reason,
            provenance,
            span,
        }
    }
}
