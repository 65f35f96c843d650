//! Syntax errors (`E01xx`): pest's errors retold in plain words, and the errors of lowering.

use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use super::parser::Rule;
use crate::source::SourceFile;

/// An error found while reading a rule file.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum SyntaxError {
    /// The text does not follow the grammar.
    #[error("unexpected {found}")]
    #[diagnostic(code(E0101))]
    Unexpected {
        /// What stands there, in words.
        found: String,
        /// What could stand there, in words.
        #[help]
        expected: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("{label}")]
        span: SourceSpan,
        /// The label text.
        label: String,
    },
    /// A date that does not exist.
    #[error("`{text}` is not a real calendar date")]
    #[diagnostic(
        code(E0102),
        help(
            "write the date as YYYY-MM-DD, with a month from 01 to 12 and a day that exists in that month"
        )
    )]
    InvalidDate {
        /// The date as written.
        text: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("no such day")]
        span: SourceSpan,
    },
    /// A number too large to mean anything here.
    #[error("the number `{text}` is too large")]
    #[diagnostic(code(E0103), help("numbers in rule files must be below 1000000"))]
    NumberTooLarge {
        /// The number as written.
        text: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("too large")]
        span: SourceSpan,
    },
    /// Expressions nested deeper than the limit.
    #[error("this expression is nested too deeply")]
    #[diagnostic(
        code(E0104),
        help(
            "split the condition into named parts with `let`; at most {limit} levels of nesting are read"
        )
    )]
    TooDeep {
        /// The nesting limit.
        limit: usize,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("nesting limit reached here")]
        span: SourceSpan,
    },
    /// The parser gave up (pathological input).
    #[error("this rule file is too complex to read")]
    #[diagnostic(
        code(E0105),
        help("the file exceeds the parser's work limit; split it or simplify its expressions")
    )]
    TooComplex {
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("reading stopped here")]
        span: SourceSpan,
    },
    /// A clause that may appear once appears twice.
    #[error("`{clause}` is given twice")]
    #[diagnostic(code(E0106), help("keep one `{clause}` clause and delete the other"))]
    RepeatedClause {
        /// The clause keyword.
        clause: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The second occurrence.
        #[label("second `{clause}`")]
        span: SourceSpan,
        /// The first occurrence.
        #[label("first given here")]
        first: SourceSpan,
    },
    /// A calendar weekday name that is not one.
    #[error("unknown weekday `{text}`")]
    #[diagnostic(
        code(E0107),
        help("write weekdays as mon, tue, wed, thu, fri, sat, sun")
    )]
    UnknownWeekday {
        /// As written.
        text: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("not a weekday")]
        span: SourceSpan,
    },
}

impl SyntaxError {
    /// Retell a pest error in plain words.
    pub(crate) fn from_pest(err: &pest::error::Error<Rule>, source: &SourceFile) -> SyntaxError {
        use pest::error::{ErrorVariant, InputLocation};
        let offset = match err.location {
            InputLocation::Pos(p) | InputLocation::Span((p, _)) => p,
        };
        let src = source.named();
        let (positives, custom) = match &err.variant {
            ErrorVariant::ParsingError { positives, .. } => (positives.clone(), None),
            ErrorVariant::CustomError { message } => (Vec::new(), Some(message.clone())),
        };
        if custom.as_deref().is_some_and(|m| m.contains("call limit")) {
            return SyntaxError::TooComplex {
                src,
                span: SourceSpan::new(offset.into(), 0),
            };
        }
        let (found, len) = describe_found(&source.text, offset);
        let mut words: Vec<&'static str> = positives.iter().filter_map(|r| describe(*r)).collect();
        words.sort_unstable();
        words.dedup();
        let expected = match words.as_slice() {
            [] => custom.unwrap_or_else(|| {
                String::from("check the spelling and the order of the words here")
            }),
            [one] => format!("expected {one}"),
            many => {
                let (last, rest) = many.split_last().map_or((&"", &[][..]), |(l, r)| (l, r));
                format!("expected {} or {last}", rest.join(", "))
            }
        };
        let label = if words.len() == 1 {
            format!("expected {} here", words[0])
        } else {
            String::from("not expected here")
        };
        SyntaxError::Unexpected {
            found,
            expected,
            src,
            span: SourceSpan::new(offset.into(), len),
            label,
        }
    }
}

/// What stands at `offset`, in words, and how many bytes to underline.
fn describe_found(text: &str, offset: usize) -> (String, usize) {
    let rest = text.get(offset..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (String::from("end of file"), 0);
    };
    if first == '\n' || first == '\r' {
        return (String::from("end of line"), 1);
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .take(40)
        .collect();
    if word.is_empty() {
        (format!("`{first}`"), first.len_utf8())
    } else {
        (format!("`{word}`"), word.len())
    }
}

/// A grammar rule in plain words, or `None` for rules a user never needs to hear about.
pub(crate) fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "the end of the file",
        Rule::act_decl | Rule::kw_act => "`act`",
        Rule::service_decl | Rule::kw_service => "`service`",
        Rule::calendar_decl | Rule::kw_calendar | Rule::service_calendar => "`calendar`",
        Rule::ident | Rule::literal_value => "a name like `passport`",
        Rule::path => "a name like `applicant.birth_date`",
        Rule::string | Rule::localized => "a quoted text like `\"…\"`",
        Rule::date => "a date like `2019-03-23`",
        Rule::number | Rule::number_lit => "a number",
        Rule::lang => "a language: `kk`, `ru` or `en`",
        Rule::duration => "a duration like `7 calendar days`",
        Rule::duration_unit | Rule::unit_word | Rule::unit_qualifier => {
            "a unit: `minutes`, `hours`, `calendar days`, `working days`, `months` or `years`"
        }
        Rule::citation => "a citation like `§ 9(2)`",
        Rule::para_ref | Rule::para_number => "a paragraph like `9(2)` or `art. 49(4)`",
        Rule::title_clause | Rule::kw_title => "`title`",
        Rule::message_clause | Rule::kw_message => "`message`",
        Rule::issued_clause => "`issued`",
        Rule::registered_clause => "`registered`",
        Rule::published_clause | Rule::in_force_formula | Rule::kw_published => "`published`",
        Rule::in_force_clause => "`in_force`",
        Rule::amended_clause => "`amended by`",
        Rule::repealed_clause => "`repealed by`",
        Rule::annex_clause | Rule::annex_ref | Rule::kw_annex => "`annex`",
        Rule::input_decl => "`input`",
        Rule::type_expr => {
            "a type: `date`, `bool`, `text`, `number`, `one_of(…)`, `set(…)` or `list { … }`"
        }
        Rule::field_decl => "a field like `birth_date: date`",
        Rule::document_decl => "`document`",
        Rule::required_clause => "`required`",
        Rule::valid_clause => "`valid when`",
        Rule::refusal_decl => "`refusal`",
        Rule::when_clause | Rule::kw_when => "`when`",
        Rule::process_decl => "`process`",
        Rule::step_decl => "`step`",
        Rule::term_decl => "`term`",
        Rule::step_deadline | Rule::kw_after => "`after` and an event, like `after submitted_at`",
        Rule::kw_within => "`within`",
        Rule::view_decl => "`view`",
        Rule::example_decl => "`example`",
        Rule::expected_finding => "`finding CODE SUBJECT`",
        Rule::kw_bundle => "`bundle \"path\"`",
        Rule::kw_expect => "`expect` and a verdict",
        Rule::actor_decl => "`actor`",
        Rule::let_decl => "`let`",
        Rule::expr => "a condition or a value",
        Rule::op_and | Rule::op_or => "`and` or `or`",
        Rule::op_eq | Rule::op_ne | Rule::op_lt | Rule::op_le | Rule::op_gt | Rule::op_ge => {
            "a comparison like `==` or `>=`"
        }
        Rule::op_add | Rule::op_sub => "`+` or `-`",
        Rule::op_in_list | Rule::op_has | Rule::op_has_any => "`in`, `has` or `has_any`",
        Rule::value_list => "a list of values in parentheses, like `(kk, ru)`",
        Rule::per_item => "`for each`",
        Rule::kw_matched => "`matched by` and a document field",
        Rule::kw_where => "`where`",
        Rule::kw_in => "`in`",
        Rule::kw_by => "`by`",
        Rule::kw_always => "`always`",
        Rule::enum_type => "`one_of(…)`",
        Rule::weekend_clause => "`weekend`",
        Rule::day_entry | Rule::transfer_entry => {
            "a calendar day: `holiday`, `observed`, `fixed`, `working` or `transfer`"
        }
        Rule::kw_to => "`to`",
        Rule::call_arg => "an argument",
        Rule::quote_clause => "`quote`",
        Rule::source_clause => "`source`",
        Rule::unverified_clause => "`unverified`",
        Rule::since_clause => "`since`",
        Rule::until_clause => "`until`",
        Rule::allow_clause => "`allow`",
        Rule::time_point => "a date or an act",
        Rule::lint_name => "a code like `missing-document` or `L012`",
        Rule::kw_because => "`because` and the reason in quotes",
        _ => return None,
    })
}
