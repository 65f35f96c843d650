//! Lowering: pest pairs → AST, one function per grammar rule.
//!
//! The grammar has already accepted the text, so the shapes here are known; what can still be
//! wrong is data inside tokens (a 30 February, an enormous number) and repeated clauses. Those
//! are collected, and lowering goes on so that every error of a file is reported at once.

use std::sync::LazyLock;

use chrono::NaiveDate;
use pest::Parser;
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::ast::{
    Act, Actor, Allow, Amendment, Annex, BinaryOp, Calendar, Channel, Citation, CiteTarget,
    CountingSwitch, DayEntry, DayKind, Deadline, Decl, Document, Duration, DurationUnit, Example,
    Expr, ExprKind, Field, File, InForce, Input, Lang, Let, Literal, Name, Process, Provenance,
    Refusal, Repeal, Required, RequiredWhen, Service, Step, Term, Texts, TimePoint, TypeExpr,
    Validity, View,
};
use super::error::SyntaxError;
use super::parser::{Rule, RuleParser};
use crate::source::{SourceFile, Span, Spanned};

/// Deepest nesting of parentheses read in one file.
pub const NESTING_LIMIT: usize = 64;
/// pest's work limit: a file that needs more calls than this is refused, not parsed forever.
const CALL_LIMIT: usize = 5_000_000;
/// Largest number accepted in a rule file.
const NUMBER_LIMIT: u64 = 1_000_000;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::op_or, Assoc::Left))
        .op(Op::infix(Rule::op_and, Assoc::Left))
        .op(Op::prefix(Rule::op_not))
        .op(Op::infix(Rule::op_eq, Assoc::Left)
            | Op::infix(Rule::op_ne, Assoc::Left)
            | Op::infix(Rule::op_lt, Assoc::Left)
            | Op::infix(Rule::op_le, Assoc::Left)
            | Op::infix(Rule::op_gt, Assoc::Left)
            | Op::infix(Rule::op_ge, Assoc::Left))
        .op(Op::postfix(Rule::op_in_list)
            | Op::postfix(Rule::op_has_any)
            | Op::postfix(Rule::op_has))
        .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
});

/// Parse one rule file into its AST. `file` is the file's index in the rule set's source map.
pub fn parse_file(source: &SourceFile, file: usize) -> Result<File, Vec<SyntaxError>> {
    if let Some(offset) = too_deep_at(&source.text) {
        return Err(vec![SyntaxError::TooDeep {
            limit: NESTING_LIMIT,
            src: source.named(),
            span: miette::SourceSpan::new(offset.into(), 1),
        }]);
    }
    pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT));
    let pairs = RuleParser::parse(Rule::file, &source.text);
    pest::set_call_limit(None);
    let pairs = pairs.map_err(|e| vec![SyntaxError::from_pest(&e, source)])?;
    let mut lower = Lower {
        source,
        file,
        errors: Vec::new(),
    };
    let ast = lower.file(pairs);
    if lower.errors.is_empty() {
        Ok(ast)
    } else {
        Err(lower.errors)
    }
}

/// The offset of the first parenthesis nested deeper than the limit, outside strings and comments.
fn too_deep_at(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut in_comment = false;
    let mut escaped = false;
    let mut prev = '\0';
    for (i, c) in text.char_indices() {
        if in_comment {
            in_comment = c != '\n';
        } else if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else {
            match c {
                '"' => in_string = true,
                '/' if prev == '/' => in_comment = true,
                '(' => {
                    depth += 1;
                    if depth > NESTING_LIMIT {
                        return Some(i);
                    }
                }
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        prev = c;
    }
    None
}

struct Lower<'s> {
    source: &'s SourceFile,
    file: usize,
    errors: Vec<SyntaxError>,
}

/// Remember the first occurrence of a once-only clause; report the second.
fn once<T>(
    lower: &mut Lower<'_>,
    slot: &mut Option<T>,
    first: &mut Option<Span>,
    clause: &str,
    span: Span,
    value: T,
) {
    if let Some(first_span) = *first {
        lower.errors.push(SyntaxError::RepeatedClause {
            clause: clause.to_string(),
            src: lower.source.named(),
            span: span.source_span(),
            first: first_span.source_span(),
        });
    } else {
        *first = Some(span);
        *slot = Some(value);
    }
}

impl Lower<'_> {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    fn name(&self, pair: &Pair<'_, Rule>) -> Name {
        Spanned::new(pair.as_str().to_string(), self.span(pair))
    }

    fn string(&self, pair: &Pair<'_, Rule>) -> Spanned<String> {
        let inner = pair.clone().into_inner().next().map_or("", |p| p.as_str());
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        Spanned::new(out, self.span(pair))
    }

    fn date(&mut self, pair: &Pair<'_, Rule>) -> Spanned<NaiveDate> {
        let span = self.span(pair);
        let date = NaiveDate::parse_from_str(pair.as_str(), "%Y-%m-%d").unwrap_or_else(|_| {
            self.errors.push(SyntaxError::InvalidDate {
                text: pair.as_str().to_string(),
                src: self.source.named(),
                span: span.source_span(),
            });
            NaiveDate::MIN
        });
        Spanned::new(date, span)
    }

    fn number(&mut self, pair: &Pair<'_, Rule>) -> u32 {
        match pair.as_str().parse::<u64>() {
            Ok(n) if n < NUMBER_LIMIT => u32::try_from(n).unwrap_or(u32::MAX),
            _ => {
                self.errors.push(SyntaxError::NumberTooLarge {
                    text: pair.as_str().to_string(),
                    src: self.source.named(),
                    span: self.span(pair).source_span(),
                });
                0
            }
        }
    }

    fn file(&mut self, mut pairs: Pairs<'_, Rule>) -> File {
        let mut decls = Vec::new();
        let Some(file) = pairs.next() else {
            return File::default();
        };
        for pair in file.into_inner() {
            match pair.as_rule() {
                Rule::act_decl => decls.push(Decl::Act(Box::new(self.act(pair)))),
                Rule::service_decl => decls.push(Decl::Service(Box::new(self.service(pair)))),
                Rule::calendar_decl => decls.push(Decl::Calendar(Box::new(self.calendar(pair)))),
                _ => {}
            }
        }
        File { decls }
    }

    // ------------------------------------------------------------ shared clauses

    fn texts(&self, pair: Pair<'_, Rule>, into: &mut Texts) {
        for loc in pair.into_inner().filter(|p| p.as_rule() == Rule::localized) {
            let mut parts = loc.into_inner();
            let (Some(lang), Some(text)) = (parts.next(), parts.next()) else {
                continue;
            };
            let tag = Lang::parse(lang.as_str()).unwrap_or(Lang::En);
            into.entries
                .push((Spanned::new(tag, self.span(&lang)), self.string(&text)));
        }
    }

    /// Lower a provenance clause into `prov`; returns false if `pair` is not one.
    fn provenance(&mut self, pair: &Pair<'_, Rule>, prov: &mut Provenance) -> bool {
        let span = self.span(pair);
        let mut inner = pair.clone().into_inner();
        match pair.as_rule() {
            Rule::citation => prov.citations.push(self.citation(pair)),
            Rule::quote_clause => {
                let mut lang = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::lang => lang = Lang::parse(p.as_str()),
                        Rule::string => prov.quotes.push((lang, self.string(&p))),
                        _ => {}
                    }
                }
            }
            Rule::source_clause => {
                if let Some(s) = inner.find(|p| p.as_rule() == Rule::string) {
                    prov.sources.push(self.string(&s));
                }
            }
            Rule::unverified_clause => {
                if let Some(s) = inner.find(|p| p.as_rule() == Rule::string) {
                    prov.unverified = Some(self.string(&s));
                }
            }
            Rule::note_clause => {
                if let Some(s) = inner.find(|p| p.as_rule() == Rule::string) {
                    prov.notes.push(self.string(&s));
                }
            }
            Rule::since_clause | Rule::until_clause => {
                let point = inner
                    .find(|p| p.as_rule() == Rule::time_point)
                    .and_then(|tp| tp.into_inner().next());
                let Some(point) = point else { return true };
                let value = match point.as_rule() {
                    Rule::date => TimePoint::Date(self.date(&point).node),
                    _ => TimePoint::Act(self.name(&point)),
                };
                let clause = if pair.as_rule() == Rule::since_clause {
                    "since"
                } else {
                    "until"
                };
                let spanned = Spanned::new(value, span);
                let mut first = if clause == "since" {
                    prov.since.as_ref()
                } else {
                    prov.until.as_ref()
                }
                .map(|s| s.span);
                let mut slot = None;
                once(self, &mut slot, &mut first, clause, span, spanned);
                if let Some(v) = slot {
                    if clause == "since" {
                        prov.since = Some(v);
                    } else {
                        prov.until = Some(v);
                    }
                }
            }
            Rule::allow_clause => {
                let mut lint = None;
                let mut reason = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::lint_name => lint = Some(self.name(&p)),
                        Rule::string => reason = Some(self.string(&p)),
                        _ => {}
                    }
                }
                if let Some(lint) = lint {
                    prov.allows.push(Allow { lint, reason, span });
                }
            }
            _ => return false,
        }
        true
    }

    fn citation(&mut self, pair: &Pair<'_, Rule>) -> Citation {
        let span = self.span(pair);
        let mut target = CiteTarget::Own;
        let mut paragraph = String::new();
        for p in pair.clone().into_inner() {
            match p.as_rule() {
                Rule::cite_target => {
                    let mut annex = None;
                    let mut act = None;
                    let mut standard = false;
                    for t in p.into_inner() {
                        match t.as_rule() {
                            Rule::kw_standard => standard = true,
                            Rule::path => act = Some(self.name(&t)),
                            Rule::annex_ref => annex = self.annex_number(t),
                            _ => {}
                        }
                    }
                    target = match (standard, act) {
                        (true, _) | (false, None) => CiteTarget::Standard(annex),
                        (false, Some(act)) => CiteTarget::Act(act, annex),
                    };
                }
                Rule::para_ref => paragraph = normalize_paragraph(p.as_str()),
                _ => {}
            }
        }
        Citation {
            target,
            paragraph,
            span,
        }
    }

    fn annex_number(&mut self, pair: Pair<'_, Rule>) -> Option<u32> {
        pair.into_inner()
            .find(|p| p.as_rule() == Rule::number)
            .map(|n| self.number(&n))
    }

    fn duration(&mut self, pair: &Pair<'_, Rule>) -> Spanned<Duration> {
        let span = self.span(pair);
        let mut amount = 0;
        let mut calendar = false;
        let mut working = false;
        let mut word = "";
        for p in pair.clone().into_inner() {
            match p.as_rule() {
                Rule::number => amount = self.number(&p),
                Rule::duration_unit => {
                    for u in p.into_inner() {
                        match (u.as_rule(), u.as_str()) {
                            (Rule::unit_qualifier, "calendar") => calendar = true,
                            (Rule::unit_qualifier, _) => working = true,
                            (Rule::unit_word, w) => word = w,
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        let unit = match word.trim_end_matches('s') {
            "minute" => DurationUnit::Minutes,
            "hour" => DurationUnit::Hours,
            "month" => DurationUnit::Months,
            "year" => DurationUnit::Years,
            _ => match (calendar, working) {
                (true, true) => DurationUnit::CalendarWorkingDays,
                (true, false) => DurationUnit::CalendarDays,
                (false, true) => DurationUnit::WorkingDays,
                (false, false) => DurationUnit::UnstatedDays,
            },
        };
        Spanned::new(Duration { amount, unit }, span)
    }

    // ------------------------------------------------------------ acts

    fn act(&mut self, pair: Pair<'_, Rule>) -> Act {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        inner.next(); // kw_act
        let name = inner
            .next()
            .map(|p| self.name(&p))
            .unwrap_or_default_name(span);
        let mut act = Act {
            name,
            kind: None,
            title: Texts::default(),
            issued: None,
            issuer: None,
            registered: None,
            published: None,
            in_force: None,
            amendments: Vec::new(),
            repealed: None,
            annexes: Vec::new(),
            provenance: Provenance::default(),
            span,
        };
        let mut firsts: [Option<Span>; 7] = [None; 7];
        for p in inner {
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
                    let v = (date.unwrap_or(Spanned::new(NaiveDate::MIN, ps)), number);
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
                                if let Some(d) =
                                    x.into_inner().find(|y| y.as_rule() == Rule::duration)
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
                        act.amendments.push(Amendment { by, at });
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
                _ => {
                    self.provenance(&p, &mut act.provenance);
                }
            }
        }
        act
    }

    fn dated_number(
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

    fn repeal(&mut self, pair: Pair<'_, Rule>) -> Option<Repeal> {
        let mut by = None;
        let mut on = None;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::path => by = Some(self.name(&x)),
                Rule::date => on = Some(self.date(&x)),
                _ => {}
            }
        }
        by.map(|by| Repeal { by, on })
    }

    fn annex(&mut self, pair: Pair<'_, Rule>) -> Annex {
        let span = self.span(&pair);
        let mut number = Spanned::new(0, span);
        let mut title = None;
        let mut by = None;
        let mut on = None;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::number => number = Spanned::new(self.number(&x), self.span(&x)),
                Rule::string => title = Some(self.string(&x)),
                Rule::path => by = Some(self.name(&x)),
                Rule::date => on = Some(self.date(&x)),
                _ => {}
            }
        }
        Annex {
            number,
            title,
            excluded: by.map(|by| Repeal { by, on }),
            span,
        }
    }

    // ------------------------------------------------------------ services

    fn service(&mut self, pair: Pair<'_, Rule>) -> Service {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        inner.next(); // kw_service
        let name = inner
            .next()
            .map(|p| self.name(&p))
            .unwrap_or_default_name(span);
        let mut s = Service {
            name,
            title: Texts::default(),
            act: None,
            standard: None,
            timezone: None,
            calendar: None,
            channels: Vec::new(),
            actors: Vec::new(),
            inputs: Vec::new(),
            lets: Vec::new(),
            documents: Vec::new(),
            refusals: Vec::new(),
            process: None,
            views: Vec::new(),
            examples: Vec::new(),
            provenance: Provenance::default(),
            span,
        };
        let mut firsts: [Option<Span>; 5] = [None; 5];
        for p in inner {
            let ps = self.span(&p);
            match p.as_rule() {
                Rule::title_clause => self.texts(p, &mut s.title),
                Rule::service_act | Rule::service_standard => {
                    let is_act = p.as_rule() == Rule::service_act;
                    let mut act = None;
                    let mut annex = None;
                    for x in p.into_inner() {
                        match x.as_rule() {
                            Rule::path => act = Some(self.name(&x)),
                            Rule::annex_ref => annex = self.annex_number(x),
                            _ => {}
                        }
                    }
                    if let Some(act) = act {
                        if is_act {
                            once(self, &mut s.act, &mut firsts[0], "act", ps, (act, annex));
                        } else {
                            once(
                                self,
                                &mut s.standard,
                                &mut firsts[1],
                                "standard",
                                ps,
                                (act, annex),
                            );
                        }
                    }
                }
                Rule::timezone_clause => {
                    if let Some(x) = p.into_inner().find(|x| x.as_rule() == Rule::string) {
                        let v = self.string(&x);
                        once(self, &mut s.timezone, &mut firsts[2], "timezone", ps, v);
                    }
                }
                Rule::service_calendar => {
                    if let Some(x) = p.into_inner().find(|x| x.as_rule() == Rule::ident) {
                        let v = self.name(&x);
                        once(self, &mut s.calendar, &mut firsts[3], "calendar", ps, v);
                    }
                }
                Rule::channels_clause => {
                    let mut it = p.into_inner();
                    it.next();
                    let name = it.next().map(|x| self.name(&x)).unwrap_or_default_name(ps);
                    let mut provenance = Provenance::default();
                    for x in it {
                        self.provenance(&x, &mut provenance);
                    }
                    s.channels.push(Channel { name, provenance });
                }
                Rule::actor_decl => s.actors.push(self.actor(p)),
                Rule::input_decl => s.inputs.push(self.input(p)),
                Rule::let_decl => {
                    let mut it = p.into_inner();
                    it.next();
                    let name = it.next().map(|x| self.name(&x)).unwrap_or_default_name(ps);
                    let mut value = None;
                    let mut provenance = Provenance::default();
                    for x in it {
                        if x.as_rule() == Rule::expr {
                            value = Some(self.expr(x));
                        } else {
                            self.provenance(&x, &mut provenance);
                        }
                    }
                    let value = value.unwrap_or(Expr {
                        kind: ExprKind::Bool(false),
                        span: ps,
                    });
                    s.lets.push(Let {
                        name,
                        value,
                        provenance,
                    });
                }
                Rule::document_decl => s.documents.push(self.document(p)),
                Rule::refusal_decl => s.refusals.push(self.refusal(p)),
                Rule::process_decl => {
                    let process = self.process(p.into_inner(), ps);
                    once(self, &mut s.process, &mut firsts[4], "process", ps, process);
                }
                Rule::view_decl => s.views.push(self.view(p)),
                Rule::example_decl => s.examples.push(self.example(p)),
                _ => {
                    self.provenance(&p, &mut s.provenance);
                }
            }
        }
        s
    }

    fn actor(&mut self, pair: Pair<'_, Rule>) -> Actor {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let name = it
            .next()
            .map(|x| self.name(&x))
            .unwrap_or_default_name(span);
        let mut label = None;
        let mut provenance = Provenance::default();
        for x in it {
            if x.as_rule() == Rule::string {
                label = Some(self.string(&x));
            } else {
                self.provenance(&x, &mut provenance);
            }
        }
        Actor {
            name,
            label,
            provenance,
        }
    }

    fn input(&mut self, pair: Pair<'_, Rule>) -> Input {
        let span = self.span(&pair);
        let mut path = None;
        let mut ty = None;
        let mut optional = false;
        let mut provenance = Provenance::default();
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::kw_input => {}
                Rule::path => path = Some(self.name(&x)),
                Rule::type_expr => ty = Some(self.type_expr(x)),
                Rule::optional_mark => optional = true,
                _ => {
                    self.provenance(&x, &mut provenance);
                }
            }
        }
        let ty = ty.unwrap_or_else(|| {
            Spanned::new(TypeExpr::Named(Spanned::new(String::new(), span)), span)
        });
        Input {
            path: path.unwrap_or_default_name(span),
            ty,
            optional,
            provenance,
        }
    }

    fn type_expr(&mut self, pair: Pair<'_, Rule>) -> Spanned<TypeExpr> {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(TypeExpr::Named(Spanned::new(String::new(), span)), span);
        };
        let idents = |l: &Self, p: Pair<'_, Rule>| {
            p.into_inner()
                .filter(|x| x.as_rule() == Rule::ident)
                .map(|x| l.name(&x))
                .collect()
        };
        let ty = match inner.as_rule() {
            Rule::enum_type => TypeExpr::Enum(idents(self, inner)),
            Rule::set_type => TypeExpr::Set(idents(self, inner)),
            Rule::list_type => {
                let mut fields = Vec::new();
                for f in inner
                    .into_inner()
                    .filter(|x| x.as_rule() == Rule::field_decl)
                {
                    let fspan = self.span(&f);
                    let mut name = None;
                    let mut ty = None;
                    let mut optional = false;
                    for x in f.into_inner() {
                        match x.as_rule() {
                            Rule::ident => name = Some(self.name(&x)),
                            Rule::type_expr => ty = Some(self.type_expr(x)),
                            Rule::optional_mark => optional = true,
                            _ => {}
                        }
                    }
                    if let (Some(name), Some(ty)) = (name, ty) {
                        fields.push(Field { name, ty, optional });
                    } else {
                        let _ = fspan;
                    }
                }
                TypeExpr::List(fields)
            }
            _ => TypeExpr::Named(self.name(&inner)),
        };
        Spanned::new(ty, span)
    }

    fn document(&mut self, pair: Pair<'_, Rule>) -> Document {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let kind = it
            .next()
            .map(|x| self.name(&x))
            .unwrap_or_default_name(span);
        let mut doc = Document {
            kind,
            title: Texts::default(),
            required: None,
            validity: Vec::new(),
            message: Texts::default(),
            provenance: Provenance::default(),
            span,
        };
        let mut first_required = None;
        for x in it {
            let xs = self.span(&x);
            match x.as_rule() {
                Rule::title_clause => self.texts(x, &mut doc.title),
                Rule::message_clause => self.texts(x, &mut doc.message),
                Rule::required_clause => {
                    let r = self.required(x);
                    once(
                        self,
                        &mut doc.required,
                        &mut first_required,
                        "required",
                        xs,
                        r,
                    );
                }
                Rule::valid_clause => {
                    let mut condition = None;
                    let mut message = Texts::default();
                    let mut provenance = Provenance::default();
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::expr => condition = Some(self.expr(y)),
                            Rule::message_clause => self.texts(y, &mut message),
                            _ => {
                                self.provenance(&y, &mut provenance);
                            }
                        }
                    }
                    let condition = condition.unwrap_or(Expr {
                        kind: ExprKind::Bool(true),
                        span: xs,
                    });
                    doc.validity.push(Validity {
                        condition,
                        message,
                        provenance,
                        span: xs,
                    });
                }
                _ => {
                    self.provenance(&x, &mut doc.provenance);
                }
            }
        }
        doc
    }

    fn required(&mut self, pair: Pair<'_, Rule>) -> Required {
        let span = self.span(&pair);
        let mut when = RequiredWhen::Always;
        let mut unless = None;
        let mut after_unless = false;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::kw_unless => after_unless = true,
                Rule::expr if after_unless => unless = Some(self.expr(x)),
                Rule::expr => when = RequiredWhen::When(self.expr(x)),
                Rule::per_item => {
                    let mut idents = Vec::new();
                    let mut list = None;
                    let mut filter = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::ident => idents.push(self.name(&y)),
                            Rule::path => list = Some(self.name(&y)),
                            Rule::expr => filter = Some(self.expr(y)),
                            _ => {}
                        }
                    }
                    let mut idents = idents.into_iter();
                    when = RequiredWhen::PerItem {
                        binding: idents.next().unwrap_or_default_name(span),
                        list: list.unwrap_or_default_name(span),
                        filter,
                        matched_by: idents.next().unwrap_or_default_name(span),
                    };
                }
                _ => {}
            }
        }
        Required { when, unless, span }
    }

    fn refusal(&mut self, pair: Pair<'_, Rule>) -> Refusal {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let name = it
            .next()
            .map(|x| self.name(&x))
            .unwrap_or_default_name(span);
        let mut r = Refusal {
            name,
            title: Texts::default(),
            when: None,
            unless: None,
            message: Texts::default(),
            provenance: Provenance::default(),
            span,
        };
        let mut first_when = None;
        for x in it {
            let xs = self.span(&x);
            match x.as_rule() {
                Rule::title_clause => self.texts(x, &mut r.title),
                Rule::message_clause => self.texts(x, &mut r.message),
                Rule::when_clause => {
                    let mut exprs = x.into_inner().filter(|y| y.as_rule() == Rule::expr);
                    let when = exprs.next().map(|e| self.expr(e));
                    let unless = exprs.next().map(|e| self.expr(e));
                    if let Some(when) = when {
                        once(self, &mut r.when, &mut first_when, "when", xs, when);
                        if unless.is_some() {
                            r.unless = unless;
                        }
                    }
                }
                _ => {
                    self.provenance(&x, &mut r.provenance);
                }
            }
        }
        r
    }

    fn process(&mut self, pairs: Pairs<'_, Rule>, span: Span) -> Process {
        let mut process = Process {
            steps: Vec::new(),
            terms: Vec::new(),
            span,
        };
        for x in pairs {
            match x.as_rule() {
                Rule::step_decl => process.steps.push(self.step(x)),
                Rule::term_decl => process.terms.push(self.term(x)),
                _ => {}
            }
        }
        process
    }

    fn step(&mut self, pair: Pair<'_, Rule>) -> Step {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let name = it
            .next()
            .map(|x| self.name(&x))
            .unwrap_or_default_name(span);
        let mut step = Step {
            name,
            actor: None,
            deadline: None,
            parallel_with: Vec::new(),
            maps_to: Vec::new(),
            action: None,
            provenance: Provenance::default(),
            span,
        };
        let mut firsts: [Option<Span>; 3] = [None; 3];
        for x in it {
            let xs = self.span(&x);
            match x.as_rule() {
                Rule::step_actor => {
                    if let Some(a) = x.into_inner().find(|y| y.as_rule() == Rule::ident) {
                        let v = self.name(&a);
                        once(self, &mut step.actor, &mut firsts[0], "by", xs, v);
                    }
                }
                Rule::step_deadline => {
                    let mut within = None;
                    let mut after = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::duration => within = Some(self.duration(&y)),
                            Rule::ident => after = Some(self.name(&y)),
                            _ => {}
                        }
                    }
                    if let Some(after) = after {
                        once(
                            self,
                            &mut step.deadline,
                            &mut firsts[1],
                            "after",
                            xs,
                            Deadline { within, after },
                        );
                    }
                }
                Rule::step_parallel => {
                    step.parallel_with.extend(
                        x.into_inner()
                            .filter(|y| y.as_rule() == Rule::ident)
                            .map(|y| self.name(&y)),
                    );
                }
                Rule::step_maps => {
                    step.maps_to.extend(
                        x.into_inner()
                            .filter(|y| y.as_rule() == Rule::ident)
                            .map(|y| self.name(&y)),
                    );
                }
                Rule::step_action => {
                    if let Some(s) = x.into_inner().find(|y| y.as_rule() == Rule::string) {
                        let v = self.string(&s);
                        once(self, &mut step.action, &mut firsts[2], "action", xs, v);
                    }
                }
                _ => {
                    self.provenance(&x, &mut step.provenance);
                }
            }
        }
        step
    }

    fn term(&mut self, pair: Pair<'_, Rule>) -> Term {
        let span = self.span(&pair);
        let mut duration = Spanned::new(
            Duration {
                amount: 0,
                unit: DurationUnit::CalendarDays,
            },
            span,
        );
        let mut after = None;
        let mut provenance = Provenance::default();
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::kw_term | Rule::kw_after => {}
                Rule::duration => duration = self.duration(&x),
                Rule::ident => after = Some(self.name(&x)),
                _ => {
                    self.provenance(&x, &mut provenance);
                }
            }
        }
        Term {
            duration,
            after: after.unwrap_or_default_name(span),
            provenance,
            span,
        }
    }

    fn view(&mut self, pair: Pair<'_, Rule>) -> View {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let name = it
            .next()
            .map(|x| self.name(&x))
            .unwrap_or_default_name(span);
        let mut label = None;
        let mut provenance = Provenance::default();
        let mut rest = Vec::new();
        for x in it {
            match x.as_rule() {
                Rule::string => label = Some(self.string(&x)),
                Rule::step_decl | Rule::term_decl => rest.push(x),
                _ => {
                    self.provenance(&x, &mut provenance);
                }
            }
        }
        let mut process = Process {
            steps: Vec::new(),
            terms: Vec::new(),
            span,
        };
        for x in rest {
            if x.as_rule() == Rule::step_decl {
                process.steps.push(self.step(x));
            } else {
                process.terms.push(self.term(x));
            }
        }
        View {
            name,
            label,
            provenance,
            process,
        }
    }

    fn example(&mut self, pair: Pair<'_, Rule>) -> Example {
        let span = self.span(&pair);
        let mut strings = Vec::new();
        let mut expect = None;
        let mut findings = Vec::new();
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::string => strings.push(self.string(&x)),
                Rule::ident => expect = Some(self.name(&x)),
                Rule::expected_finding => {
                    let mut code = None;
                    let mut subject = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::lint_name => code = Some(self.name(&y)),
                            Rule::ident => subject = Some(self.name(&y)),
                            _ => {}
                        }
                    }
                    if let (Some(c), Some(s)) = (code, subject) {
                        findings.push((c, s));
                    }
                }
                _ => {}
            }
        }
        let mut strings = strings.into_iter();
        let empty = || Spanned::new(String::new(), span);
        Example {
            name: strings.next().unwrap_or_else(empty),
            bundle: strings.next().unwrap_or_else(empty),
            expect: expect.unwrap_or_default_name(span),
            findings,
            span,
        }
    }

    // ------------------------------------------------------------ calendars

    fn calendar(&mut self, pair: Pair<'_, Rule>) -> Calendar {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        it.next();
        let name = it
            .next()
            .map(|x| self.name(&x))
            .unwrap_or_default_name(span);
        let mut cal = Calendar {
            name,
            title: Texts::default(),
            timezone: None,
            weekend: Vec::new(),
            years: None,
            counting: Vec::new(),
            days: Vec::new(),
            provenance: Provenance::default(),
            span,
        };
        let mut firsts: [Option<Span>; 2] = [None; 2];
        for x in it {
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
                                src: self.source.named(),
                                span: self.span(&d).source_span(),
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
                        let ya =
                            Spanned::new(i32::try_from(self.number(a)).unwrap_or(0), self.span(a));
                        let yb =
                            Spanned::new(i32::try_from(self.number(b)).unwrap_or(0), self.span(b));
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
                        });
                    }
                }
                Rule::day_entry => cal.days.push(self.day_entry(x)),
                _ => {
                    self.provenance(&x, &mut cal.provenance);
                }
            }
        }
        cal
    }

    fn day_entry(&mut self, pair: Pair<'_, Rule>) -> DayEntry {
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
        let date = dates.next().unwrap_or(Spanned::new(NaiveDate::MIN, span));
        DayEntry {
            kind,
            date,
            to: dates.next(),
            reason,
            provenance,
            span,
        }
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let file = self.file;
        let this = std::cell::RefCell::new(self);
        let sp = |p: &Pair<'_, Rule>| {
            let s = p.as_span();
            Span::new(file, s.start(), s.end())
        };
        PRATT
            .map_primary(|p| this.borrow_mut().primary(p))
            .map_prefix(|op, rhs| {
                let span = sp(&op).to(rhs.span);
                Expr {
                    kind: ExprKind::Not(Box::new(rhs)),
                    span,
                }
            })
            .map_postfix(|lhs, op| {
                let span = lhs.span.to(sp(&op));
                let lower = this.borrow_mut();
                let kind = match op.as_rule() {
                    Rule::op_has => {
                        let lit = op
                            .into_inner()
                            .find(|x| x.as_rule() == Rule::literal_value)
                            .map(|x| lower.literal(&x));
                        ExprKind::Has(
                            Box::new(lhs),
                            lit.unwrap_or(Spanned::new(Literal::Str(String::new()), span)),
                        )
                    }
                    rule => {
                        let values = op
                            .into_inner()
                            .find(|x| x.as_rule() == Rule::value_list)
                            .map(|l| l.into_inner().map(|x| lower.literal(&x)).collect())
                            .unwrap_or_default();
                        if rule == Rule::op_has_any {
                            ExprKind::HasAny(Box::new(lhs), values)
                        } else {
                            ExprKind::InList(Box::new(lhs), values)
                        }
                    }
                };
                Expr { kind, span }
            })
            .map_infix(|lhs, op, rhs| {
                let op = match op.as_rule() {
                    Rule::op_and => BinaryOp::And,
                    Rule::op_or => BinaryOp::Or,
                    Rule::op_eq => BinaryOp::Eq,
                    Rule::op_ne => BinaryOp::Ne,
                    Rule::op_lt => BinaryOp::Lt,
                    Rule::op_le => BinaryOp::Le,
                    Rule::op_gt => BinaryOp::Gt,
                    Rule::op_ge => BinaryOp::Ge,
                    Rule::op_add => BinaryOp::Add,
                    _ => BinaryOp::Sub,
                };
                let span = lhs.span.to(rhs.span);
                Expr {
                    kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                    span,
                }
            })
            .parse(pair.into_inner())
    }

    fn literal(&self, pair: &Pair<'_, Rule>) -> Spanned<Literal> {
        let span = self.span(pair);
        match pair.clone().into_inner().next() {
            Some(p) if p.as_rule() == Rule::string => {
                Spanned::new(Literal::Str(self.string(&p).node), span)
            }
            Some(p) => Spanned::new(Literal::Ident(p.as_str().to_string()), span),
            None => Spanned::new(Literal::Ident(pair.as_str().to_string()), span),
        }
    }

    fn primary(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::expr => return self.expr(pair),
            Rule::duration => ExprKind::Duration(self.duration(&pair).node),
            Rule::date => ExprKind::Date(self.date(&pair).node),
            Rule::bool_lit => ExprKind::Bool(pair.as_str() == "true"),
            Rule::string => ExprKind::Str(self.string(&pair).node),
            Rule::number_lit => ExprKind::Number(i64::from(self.number(&pair))),
            Rule::has_document => {
                let kind = pair
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::ident)
                    .map(|x| self.name(&x));
                ExprKind::HasDocument(kind.unwrap_or_default_name(span))
            }
            Rule::quantifier => {
                let mut any = true;
                let mut binding = None;
                let mut list = None;
                let mut body = None;
                for x in pair.into_inner() {
                    match x.as_rule() {
                        Rule::quantifier_kind => any = x.as_str() == "any",
                        Rule::ident => binding = Some(self.name(&x)),
                        Rule::path => list = Some(self.name(&x)),
                        Rule::expr => body = Some(self.expr(x)),
                        _ => {}
                    }
                }
                ExprKind::Quantifier {
                    any,
                    binding: binding.unwrap_or_default_name(span),
                    list: list.unwrap_or_default_name(span),
                    body: Box::new(body.unwrap_or(Expr {
                        kind: ExprKind::Bool(true),
                        span,
                    })),
                }
            }
            Rule::call => {
                let mut it = pair.into_inner();
                let name = it
                    .next()
                    .map(|x| self.name(&x))
                    .unwrap_or_default_name(span);
                let mut args = Vec::new();
                for arg in it {
                    let mut label = None;
                    let mut value = None;
                    for y in arg.into_inner() {
                        match y.as_rule() {
                            Rule::ident => label = Some(self.name(&y)),
                            Rule::expr => value = Some(self.expr(y)),
                            _ => {}
                        }
                    }
                    if let Some(value) = value {
                        args.push((label, value));
                    }
                }
                ExprKind::Call(name, args)
            }
            _ => {
                // a path: split into its segments, each with its own span
                let segments = pair
                    .into_inner()
                    .filter(|x| matches!(x.as_rule(), Rule::ident | Rule::segment))
                    .map(|x| self.name(&x))
                    .collect();
                ExprKind::Path(segments)
            }
        };
        Expr { kind, span }
    }
}

/// A paragraph reference in its canonical spelling: `art. 49(4)`, `9(2)`.
fn normalize_paragraph(text: &str) -> String {
    let rest = text.trim();
    if let Some(r) = rest
        .strip_prefix("art.")
        .or_else(|| rest.strip_prefix("art"))
    {
        format!("art. {}", r.trim())
    } else {
        rest.to_string()
    }
}

/// The weekday a calendar's `weekend` clause names.
pub(crate) fn weekday(name: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday;
    Some(match name {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

trait DefaultName {
    fn unwrap_or_default_name(self, span: Span) -> Name;
}

impl DefaultName for Option<Name> {
    fn unwrap_or_default_name(self, span: Span) -> Name {
        self.unwrap_or_else(|| Spanned::new(String::new(), span))
    }
}
