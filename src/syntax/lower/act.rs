//! Lowering of `act` declarations: an act and its timeline.

use chrono::NaiveDate;
use pest::iterators::Pair;

use super::super::ast::{
    Act, Amendment, Annex, InForce, Paragraphs, Provenance, Reference, Repeal,
};
use super::super::parser::Rule;
use super::{DefaultName, Lower, once};
use crate::source::{Span, Spanned};
use crate::vocab::Texts;

impl Act {
    /// A declaration with nothing in it yet.
    pub(super) fn new(name: crate::syntax::ast::Name, span: Span) -> Act {
        Act {
            name,
            kind: None,
            title: Texts::default(),
            issued: None,
            issuer: None,
            registered: None,
            published: None,
            in_force: None,
            references: Vec::new(),
            paragraphs: Vec::new(),
            amendments: Vec::new(),
            repealed: None,
            annexes: Vec::new(),
            provenance: Provenance::default(),
            span,
        }
    }
}

impl Lower {
    /// Lower one clause of an act into it (`firsts`: where each once-only clause was first given).
    pub(super) fn act_item(
        &mut self,
        act: &mut Act,
        firsts: &mut [Option<Span>; 7],
        p: Pair<'_, Rule>,
    ) {
        let ps = self.span(&p);
        match p.as_rule() {
            Rule::title_clause => self.texts(p, &mut act.title),
            Rule::act_kind => {
                let v = p.into_inner().nth(1).map(|n| self.name(&n));
                once(
                    self,
                    &mut act.kind,
                    &mut firsts[0],
                    "kind",
                    ps,
                    v.unwrap_or_default_name(ps),
                );
            }
            Rule::issued_clause => {
                let (date, number) = self.dated_number(p);
                let v = (
                    date.unwrap_or(Spanned::new(crate::syntax::ast::UNREADABLE_DATE, ps)),
                    number,
                );
                once(self, &mut act.issued, &mut firsts[1], "issued", ps, v);
            }
            Rule::issuer_clause => {
                let v = p
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::string)
                    .map(|s| self.string(&s));
                if let Some(v) = v {
                    once(self, &mut act.issuer, &mut firsts[2], "issuer", ps, v);
                }
            }
            Rule::registered_clause => {
                let v = self.dated_number(p);
                once(
                    self,
                    &mut act.registered,
                    &mut firsts[3],
                    "registered",
                    ps,
                    v,
                );
            }
            Rule::published_clause => {
                let d = p
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::date)
                    .map(|d| self.date(&d).node);
                once(
                    self,
                    &mut act.published,
                    &mut firsts[4],
                    "published",
                    ps,
                    Spanned::new(d, ps),
                );
            }
            Rule::in_force_clause => {
                let mut v = InForce::Unknown;
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::date => v = InForce::Date(self.date(&x).node),
                        Rule::in_force_formula => {
                            if let Some(d) = x.into_inner().find(|y| y.as_rule() == Rule::duration)
                            {
                                v = InForce::AfterPublication(self.duration(&d).node);
                            }
                        }
                        _ => {}
                    }
                }
                once(
                    self,
                    &mut act.in_force,
                    &mut firsts[5],
                    "in_force",
                    ps,
                    Spanned::new(v, ps),
                );
            }
            Rule::amended_clause => {
                let span = self.span(&p);
                let mut by = None;
                let mut at = None;
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::path => by = Some(self.name(&x)),
                        Rule::string => at = Some(self.string(&x)),
                        _ => {}
                    }
                }
                if let Some(by) = by {
                    act.amendments.push(Amendment { by, at, span });
                }
            }
            Rule::repealed_clause => {
                let v = self.repeal(p);
                if let Some(v) = v {
                    once(self, &mut act.repealed, &mut firsts[6], "repealed", ps, v);
                }
            }
            Rule::annex_clause => {
                let annex = self.annex(p);
                act.annexes.push(annex);
            }
            Rule::refers_clause => {
                if let Some(r) = self.reference(p) {
                    act.references.push(r);
                }
            }
            Rule::paragraphs_clause => {
                let v = self.paragraphs(p);
                act.paragraphs.push(v);
            }
            _ => {
                self.provenance(&p, &mut act.provenance);
            }
        }
    }

    pub(super) fn act(&mut self, pair: Pair<'_, Rule>) -> Act {
        let (span, name, inner) = self.keyword_and_name(pair);
        let mut act = Act::new(name, span);
        let mut firsts: [Option<Span>; 7] = [None; 7];
        for p in inner {
            self.act_item(&mut act, &mut firsts, p);
        }
        act
    }

    pub(super) fn dated_number(
        &mut self,
        pair: Pair<'_, Rule>,
    ) -> (Option<Spanned<NaiveDate>>, Option<Spanned<String>>) {
        let mut date = None;
        let mut number = None;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::date => date = Some(self.date(&x)),
                Rule::string => number = Some(self.string(&x)),
                _ => {}
            }
        }
        (date, number)
    }

    pub(super) fn repeal(&mut self, pair: Pair<'_, Rule>) -> Option<Repeal> {
        let span = self.span(&pair);
        let mut by = None;
        let mut on = None;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::path => by = Some(self.name(&x)),
                Rule::date => on = Some(self.date(&x)),
                _ => {}
            }
        }
        by.map(|by| Repeal { by, on, span })
    }

    pub(super) fn annex(&mut self, pair: Pair<'_, Rule>) -> Annex {
        let span = self.span(&pair);
        let mut numbers = Vec::new();
        let mut title = None;
        let mut by = None;
        let mut on = None;
        let mut empty = None;
        let mut kind = None;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::number => numbers.push(Spanned::new(self.number(&x), self.span(&x))),
                Rule::annex_kind => {
                    kind = x
                        .into_inner()
                        .find(|y| y.as_rule() == Rule::ident)
                        .map(|y| self.name(&y));
                }
                Rule::string => title = Some(self.string(&x)),
                Rule::path => by = Some(self.name(&x)),
                Rule::date => on = Some(self.date(&x)),
                Rule::kw_empty => empty = Some(self.span(&x)),
                _ => {}
            }
        }
        // `annex 2 of annex 1`: the second number is the annex it belongs to
        let of = numbers.get(1).cloned();
        let number = numbers.into_iter().next().unwrap_or(Spanned::new(0, span));
        Annex {
            number,
            of,
            title,
            kind,
            excluded: by.map(|by| Repeal { by, on, span }),
            empty,
            span,
        }
    }

    fn reference(&mut self, pair: Pair<'_, Rule>) -> Option<Reference> {
        let span = self.span(&pair);
        let mut to = None;
        let mut annex = None;
        let mut as_kind = None;
        let mut dated = None;
        let mut number = None;
        let mut at = None;
        // which keyword the next string belongs to
        let mut after = Rule::kw_number;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::path => to = Some(self.name(&x)),
                Rule::annex_ref => {
                    annex = x
                        .into_inner()
                        .find(|y| y.as_rule() == Rule::number)
                        .map(|y| Spanned::new(self.number(&y), self.span(&y)));
                }
                Rule::ident => as_kind = Some(self.name(&x)),
                Rule::date => dated = Some(self.date(&x)),
                r @ (Rule::kw_number | Rule::kw_at) => after = r,
                Rule::string if after == Rule::kw_at => at = Some(self.string(&x)),
                Rule::string => number = Some(self.string(&x)),
                _ => {}
            }
        }
        Some(Reference {
            to: to?,
            annex,
            as_kind,
            dated,
            number,
            at,
            span,
        })
    }

    fn paragraphs(&mut self, pair: Pair<'_, Rule>) -> Paragraphs {
        let span = self.span(&pair);
        let mut annex = None;
        let mut entries = Vec::new();
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::number => annex = Some(Spanned::new(self.number(&x), self.span(&x))),
                Rule::para_entry => {
                    let mut number = None;
                    let mut by = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::para_number => {
                                number = Some(Spanned::new(y.as_str().to_string(), self.span(&y)));
                            }
                            Rule::path => by = Some(self.name(&y)),
                            _ => {}
                        }
                    }
                    if let Some(n) = number {
                        entries.push((n, by));
                    }
                }
                _ => {}
            }
        }
        Paragraphs {
            annex,
            entries,
            span,
        }
    }
}
