//! Lowering: pest pairs → AST, one function per grammar rule.
//!
//! The grammar has already accepted the text, so the shapes here are known; what can still be
//! wrong is data inside tokens (a 30 February, an enormous number) and repeated clauses. Those
//! are collected, and lowering goes on so that every error of a file is reported at once.
//! Shared clauses live here; `act`, `service`, `calendar` and `expr` lower their own rules.

mod act;
mod calendar;
mod expr;
mod process;
mod recovery;
mod service;

use chrono::NaiveDate;
use pest::iterators::{Pair, Pairs};

use super::Holes;
use super::ast::{Allow, Citation, CiteTarget, Decl, File, Name, Provenance, TimePoint};
use super::error::{Piece, SyntaxError};
use super::parser::Rule;
use crate::source::{SourceFile, Span, Spanned};
use crate::vocab::{Duration, DurationUnit, Lang, Texts};

/// Deepest nesting of parentheses read in one file, and of conditions inside conditions
/// (parentheses and `any`/`all … where` bodies together) lowered.
pub const NESTING_LIMIT: usize = 64;
/// Most operators in one condition: each nests the rest of its chain a level deeper in the
/// tree that typing, compiling and checking walk, so the limit bounds their depth.
pub const OPERATOR_LIMIT: usize = 512;
/// pest's work limit for a piece of `len` bytes: a file that needs more calls than this is
/// refused, not parsed forever. It grows with the text, so a long well-formed file (ten
/// thousand inputs, about ten calls a byte) reads, while the cost of any file stays linear in
/// its size.
fn call_limit(len: usize) -> usize {
    5_000_000_usize.saturating_add(len.saturating_mul(100))
}
/// Largest number accepted in a rule file.
const NUMBER_LIMIT: u64 = 1_000_000;

/// A rule file as far as it could be read: its AST, the holes left by the parts that could
/// not be parsed, and every error.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The declarations that could be read.
    pub file: File,
    /// Names declared in the parts that could not.
    pub holes: Holes,
    /// Every syntax error, in the order of the text.
    pub errors: Vec<SyntaxError>,
}

/// Parse one rule file into its AST; any syntax error fails the whole file, with every error
/// found. `file` is the file's index in the rule set's source map.
pub fn parse_file(source: &SourceFile, file: usize) -> Result<File, Vec<SyntaxError>> {
    let parsed = parse_recovering(source, file);
    if parsed.errors.is_empty() {
        Ok(parsed.file)
    } else {
        Err(parsed.errors)
    }
}

/// Parse one rule file, going on after errors (see `recover`): the AST holds every
/// declaration and service element that could be read.
pub fn parse_recovering(source: &SourceFile, file: usize) -> Parsed {
    if let Some(offset) = too_deep_at(&source.text) {
        return Parsed {
            errors: vec![SyntaxError::TooDeep {
                limit: NESTING_LIMIT,
                span: Span::new(file, offset, offset + 1),
            }],
            ..Parsed::default()
        };
    }
    let mut lower = Lower {
        file,
        base: 0,
        errors: Vec::new(),
        depth: 0,
    };
    if let super::keywords::Directive::Unknown(name, range) =
        super::keywords::Directive::of(&source.text)
    {
        lower.errors.push(SyntaxError::UnknownKeywordSet {
            name,
            span: Span::new(file, range.start, range.end),
        });
    }
    let whole = Piece::whole(&source.text);
    match recovery::parse_piece(Rule::file, source, file, whole, &mut lower.errors) {
        Ok(pairs) => {
            let ast = lower.file(pairs);
            Parsed {
                file: ast,
                holes: Holes::new(),
                errors: lower.errors,
            }
        }
        Err(first) => {
            let mut units = Vec::new();
            let mut parsed = recovery::recover(&mut lower, source, file, &mut units);
            // Up to its first error, the whole file was read as a whole: that error is told
            // as the whole-file parse tells it (with what could have continued the element
            // before it). What recovery found up to the end of that piece is the same mistake.
            let at = first.span().start;
            let unit_end = units.iter().find(|u| u.contains(&at)).map_or(at, |u| u.end);
            parsed
                .errors
                .retain(|e| !e.is_parse_error() || e.span().start > unit_end);
            parsed.errors.push(*first);
            parsed.errors.extend(lower.errors);
            parsed.errors.sort_by_key(|e| e.span().start);
            parsed
        }
    }
}

/// The offset of the first parenthesis nested deeper than the limit, or of the `where` that
/// makes more than the limit in one block (`any … where any … where …` nests each body in the
/// one before, and nothing closes them), outside strings and comments: the parser recurses on
/// both, so they are counted before it runs.
fn too_deep_at(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut wheres = 0usize;
    // `where` in every set of keywords
    let spellings: Vec<&str> = super::keywords::of_word("where")
        .map(|k| super::keywords::Set::ALL.map(|s| k.spellings(s)).concat())
        .unwrap_or_default();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    for (i, c) in crate::syntax::scan::code(text) {
        match c {
            '(' => {
                depth += 1;
                if depth > NESTING_LIMIT {
                    return Some(i);
                }
            }
            ')' => depth = depth.saturating_sub(1),
            '{' | '}' => wheres = 0,
            c if c.is_alphabetic()
                && !text
                    .get(..i)
                    .and_then(|t| t.chars().next_back())
                    .is_some_and(word) =>
            {
                let rest = text.get(i..).unwrap_or("");
                let end = rest.find(|c: char| !word(c)).unwrap_or(rest.len());
                if spellings.contains(&rest.get(..end).unwrap_or("")) {
                    wheres += 1;
                    if wheres > NESTING_LIMIT {
                        return Some(i);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

pub(super) struct Lower {
    /// The file's index in its source map.
    file: usize,
    /// Where the text being lowered starts in the file (a piece read on its own in recovery).
    base: usize,
    errors: Vec<SyntaxError>,
    /// How many conditions the one being lowered is inside.
    depth: usize,
}

/// Remember the first occurrence of a once-only clause; report the second.
fn once<T>(
    lower: &mut Lower,
    slot: &mut Option<T>,
    first: &mut Option<Span>,
    clause: &str,
    span: Span,
    value: T,
) {
    if let Some(first_span) = *first {
        lower.errors.push(SyntaxError::RepeatedClause {
            clause: clause.to_string(),
            span,
            first: first_span,
        });
    } else {
        *first = Some(span);
        *slot = Some(value);
    }
}

impl Lower {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, self.base + s.start(), self.base + s.end())
    }

    /// A declaration's span, its name (the token after the keyword), and the rest of its parts.
    fn keyword_and_name<'i>(&self, pair: Pair<'i, Rule>) -> (Span, Name, Pairs<'i, Rule>) {
        let span = self.span(&pair);
        let mut parts = pair.into_inner();
        parts.next(); // the keyword
        let name = parts
            .next()
            .map(|x| self.name(&x))
            .unwrap_or_default_name(span);
        (span, name, parts)
    }

    fn name(&self, pair: &Pair<'_, Rule>) -> Name {
        Spanned::new(super::keywords::bare(pair.as_str()), self.span(pair))
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
                span,
            });
            crate::syntax::ast::UNREADABLE_DATE
        });
        Spanned::new(date, span)
    }

    fn number(&mut self, pair: &Pair<'_, Rule>) -> u32 {
        match pair.as_str().parse::<u64>() {
            Ok(n) if n < NUMBER_LIMIT => u32::try_from(n).unwrap_or(u32::MAX),
            _ => {
                self.errors.push(SyntaxError::NumberTooLarge {
                    text: pair.as_str().to_string(),
                    span: self.span(pair),
                });
                0
            }
        }
    }

    /// A top-level declaration, if `pair` is one.
    pub(super) fn file_decl(&mut self, pair: Pair<'_, Rule>) -> Option<Decl> {
        Some(match pair.as_rule() {
            Rule::act_decl => Decl::Act(Box::new(self.act(pair))),
            Rule::service_decl => Decl::Service(Box::new(self.service(pair))),
            Rule::calendar_decl => Decl::Calendar(Box::new(self.calendar(pair))),
            _ => return None,
        })
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
            Rule::wording_clause => {
                if let Some(act) = inner.find(|p| p.as_rule() == Rule::path) {
                    let act = self.name(&act);
                    if let Some(first) = &prov.wording {
                        self.errors.push(SyntaxError::RepeatedClause {
                            clause: String::from("wording from"),
                            span,
                            first: first.span,
                        });
                    } else {
                        prov.wording = Some(act);
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
}

/// A paragraph reference in its canonical spelling: `art. 49(4)`, `9(2)` (`ст. 49(4)` and
/// `бап 49(4)` are the same article).
fn normalize_paragraph(text: &str) -> String {
    let rest = text.trim();
    let mut spellings: Vec<&str> = super::keywords::of_word("art.")
        .map(|k| super::keywords::Set::ALL.map(|s| k.spellings(s)).concat())
        .unwrap_or_default();
    // `ст.` before `ст`: the grammar read the longest
    spellings.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let article = spellings.iter().find_map(|w| rest.strip_prefix(*w));
    match article {
        Some(r) => format!("art. {}", r.trim()),
        None => rest.to_string(),
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
