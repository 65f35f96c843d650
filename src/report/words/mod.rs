//! The words of bundle findings, one catalogue per language (`en.rs`, `ru.rs`, `kk.rs`: a
//! translator edits one file). Findings are data (`check::Finding`); a report asks here for the
//! message, labels, help and law line of each finding in its own language, when it is written.
//!
//! A rule may give its own `message` for a refusal ground or a validity rule; it comes first.
//! A document's own `message` says why it is required (`why.rs`); the catalogue's message
//! about a missing document ends with it.
//! Every other word is the catalogue's: each language answers every kind of finding (its
//! matches are exhaustive, so a new kind does not compile until every language words it).

mod citation;
mod en;
mod kk;
mod period;
mod rejection;
mod ru;
#[cfg(test)]
mod tests;
mod why;

use crate::check::{About, Finding, Lateness, Problem, Reason};
use crate::codes;
use crate::compile::Citation;
use crate::vocab::{Lang, Texts};

/// What a language says about bundle findings.
pub(crate) trait Catalogue: Sync {
    /// A problem with the bundle itself: its message and its help.
    fn problem(&self, problem: &Problem) -> (String, String);
    /// The primary label of a problem with the bundle itself.
    fn problem_label(&self, label: ProblemLabel) -> &'static str;
    /// The built-in message of a finding (a rule's own message comes first).
    fn message(&self, finding: &Finding) -> String;
    /// The primary label of a finding about the law (none: the place is only underlined).
    fn label(&self, finding: &Finding) -> Option<String>;
    /// What to do about a finding about the law.
    fn help(&self, finding: &Finding) -> Option<String>;
    /// The label of a place that says why a finding matters.
    fn reason(&self, finding: &Finding, reason: &Reason) -> String;
    /// A citation: `order 315, annex 1 § 9(2)`.
    fn citation(&self, citation: &Citation) -> String;
    /// The law a finding enforces: `order 315, annex 1 § 9(2) — rule `…``.
    fn law(&self, citation: &str, rule: &str) -> String;
    /// After a pending verdict: "undecided until these facts are known".
    fn until_known(&self) -> &'static str;
    /// How late, alone: "1 calendar day (1 working day)", "1 second".
    fn late_by(&self, by: Lateness) -> String;
    /// The words of `ereje deadlines`.
    fn timeline(&self) -> &'static Timeline;
    /// What a verdict means, after its stable token, for a reader of another language than
    /// the token's (none in English: the token says it).
    fn verdict(&self, verdict: crate::vocab::Verdict) -> Option<&'static str>;
    /// The note on a finding whose rule rests on something unverified: `unverified: …`.
    fn unverified(&self, reason: &str) -> String;
    /// The `n`th (from 1), as a word before a noun: "second", "второй", "екінші".
    fn ordinal(&self, n: usize) -> String;
}

/// The words of `ereje deadlines`: its table's head, the status of each step, and why there
/// is no table.
#[derive(Debug)]
pub struct Timeline {
    /// "submitted".
    pub submitted: &'static str,
    /// "as of".
    pub as_of: &'static str,
    /// The columns: step, actor, due, actual, status, late by.
    pub columns: [&'static str; 6],
    /// `on_time`, `late`, `overdue`, `open`, `done`.
    pub statuses: [&'static str; 5],
    /// "is {verdict}: no timeline can be computed", after the bundle's name.
    pub no_timeline: &'static str,
    /// "run `ereje check …` to see why", before the command.
    pub see_why: &'static str,
}

/// The words of `ereje deadlines` in `lang`.
pub fn timeline(lang: Lang) -> &'static Timeline {
    catalogue(lang).timeline()
}

/// How late, alone, in `lang`: "1 calendar day (1 working day)", "15 minutes".
pub fn late_by(by: Lateness, lang: Lang) -> String {
    catalogue(lang).late_by(by)
}

/// A length of time in `lang`, as the law words it: "15 working days", «15 рабочих дней»,
/// «15 жұмыс күні».
pub fn duration(d: crate::vocab::Duration, lang: Lang) -> String {
    match lang {
        Lang::En => d.to_string(),
        Lang::Ru => ru::duration(d),
        Lang::Kk => kk::duration(d),
    }
}

/// Why a term cannot be counted, in `lang` (`E0420`–`E0424`).
pub fn time_error(error: &crate::time::TimeError, lang: Lang) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Ru => ru::time_error(error),
        Lang::Kk => kk::time_error(error),
    }
}

/// A citation in `lang`: «order 315, annex 1 § 9(2)», «приказ № 315, приложение 1, подпункт 2)
/// пункта 9»; the bundle schema (`schema/`) cites each element's law in every language.
pub fn citation(citation: &Citation, lang: Lang) -> String {
    catalogue(lang).citation(citation)
}

/// What the label at a problem with the bundle itself says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProblemLabel {
    /// The JSON cannot be read from this place on.
    Unreadable,
    /// ereje failed on the bundle, which was not checked.
    NotChecked,
    /// The value here is wrong.
    Wrong,
    /// The field here is given a second time.
    GivenAgain,
    /// No rule reads what is here.
    NotRead,
    /// What is here is skipped (a byte-order mark).
    Ignored,
    /// The code here is read as the standard writes it.
    OtherCase,
}

/// The catalogue of a language.
pub(crate) fn catalogue(lang: Lang) -> &'static dyn Catalogue {
    match lang {
        Lang::En => &en::English,
        Lang::Ru => &ru::Russian,
        Lang::Kk => &kk::Kazakh,
    }
}

/// The message of a finding in `lang`: one line saying what is wrong.
pub fn message(finding: &Finding, lang: Lang) -> String {
    match own_message(finding, lang) {
        Some(own) => own.to_string(),
        None => catalogue(lang).message(finding),
    }
}

/// The rule's own message for a refusal ground or a failed validity rule, in `lang` or, when
/// the rule has none in it, in the first of en, ru, kk it has.
fn own_message(finding: &Finding, lang: Lang) -> Option<&str> {
    match finding.about {
        About::RefusalGround | About::InvalidDocument { .. } => {
            finding.rule.as_deref().and_then(|r| r.message.get(lang))
        }
        _ => None,
    }
}

/// The rule's own words for what it asks (a `valid when` rule's message), for a finding whose
/// built-in message quotes them.
fn rule_says(finding: &Finding, lang: Lang) -> Option<&str> {
    finding.rule.as_deref().and_then(|r| r.message.get(lang))
}

/// The label of the place a finding points at, in `lang`.
pub fn label(finding: &Finding, lang: Lang) -> Option<String> {
    let words = catalogue(lang);
    let problem = match &finding.about {
        About::Unreadable(Problem::Internal { .. } | Problem::Request(_)) => {
            ProblemLabel::NotChecked
        }
        About::Unreadable(_) => ProblemLabel::Unreadable,
        About::Input(Problem::DuplicateKey { .. }) => ProblemLabel::GivenAgain,
        About::Input(Problem::ByteOrderMark) => ProblemLabel::Ignored,
        About::Input(Problem::NoncanonicalCode { .. }) => ProblemLabel::OtherCase,
        About::Input(_) if finding.code == &codes::INVALID_INPUT => ProblemLabel::Wrong,
        About::Input(_) => ProblemLabel::NotRead,
        _ => return words.label(finding),
    };
    Some(words.problem_label(problem).to_string())
}

/// What to do about a finding, in `lang`.
pub fn help(finding: &Finding, lang: Lang) -> Option<String> {
    let words = catalogue(lang);
    match &finding.about {
        About::Unreadable(problem) | About::Input(problem) => Some(words.problem(problem).1),
        _ => words.help(finding),
    }
}

/// The label of a place that says why a finding matters, in `lang`.
pub fn reason(finding: &Finding, reason: &Reason, lang: Lang) -> String {
    catalogue(lang).reason(finding, reason)
}

/// The law a finding enforces, in `lang`: every citation of its rule (joined with `; `, the
/// main one first), the rule and where the rule is written (`order 315, annex 1 § 9(2) — rule
/// `…` (rules/…:41)`); none for a finding without a cited rule.
pub fn law(finding: &Finding, lang: Lang) -> Option<String> {
    let rule = finding.rule.as_deref()?;
    if rule.citations.is_empty() {
        return None;
    }
    let words = catalogue(lang);
    let citations: Vec<String> = rule.citations.iter().map(|c| words.citation(c)).collect();
    let mut law = words.law(&citations.join("; "), &rule.id);
    law.push_str(" (");
    law.push_str(&rule.location);
    law.push(')');
    Some(law)
}

/// The note on a finding whose rule rests on something unverified, in `lang`: `unverified: `
/// and the reasons as the rule files write them; none when nothing it rests on is unverified.
pub fn unverified(finding: &Finding, lang: Lang) -> Option<String> {
    finding
        .unverified()
        .map(|reason| catalogue(lang).unverified(&reason))
}

/// After a pending verdict, in `lang`: "undecided until these facts are known".
pub fn until_known(lang: Lang) -> &'static str {
    catalogue(lang).until_known()
}

/// What a verdict means in `lang`, said after its token («refused — есть основание для
/// отказа»); none in English.
pub fn verdict(verdict: crate::vocab::Verdict, lang: Lang) -> Option<&'static str> {
    catalogue(lang).verdict(verdict)
}

/// A document's title written in `lang` itself: a title in another language would leave its
/// words in a report asked for in this one, so the document is then named by its kind alone.
fn title(finding: &Finding, lang: Lang) -> Option<&str> {
    let texts: &Texts = &finding.rule.as_deref()?.title;
    texts.get(lang).filter(|_| texts.has(lang))
}

/// ` (title)` after a document's kind, unless the title only repeats the kind.
fn titled(finding: &Finding, lang: Lang) -> String {
    title(finding, lang)
        .filter(|t| finding.subject.replace('_', " ") != *t)
        .map_or_else(String::new, |t| format!(" ({t})"))
}

/// An actor as the act names it: "`provider` «көрсетілетін қызметті беруші»".
fn actor_named((id, label): &(String, Option<String>)) -> String {
    match label {
        Some(label) => format!("`{id}` «{label}»"),
        None => format!("`{id}`"),
    }
}

/// "`a`, `b`".
fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `{ "a": …, "b": … }`, the shape of a record (the same in every language).
fn record_shape(fields: &[String]) -> String {
    format!(
        "`{{ {} }}`",
        fields
            .iter()
            .map(|f| format!("\"{f}\": …"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// How to write an envelope field of the right kind, as code (the same in every language).
fn envelope_shape(field: &str, expected: crate::check::JsonKind) -> String {
    use crate::check::JsonKind;
    match (field, expected) {
        ("documents", _) => String::from("`\"documents\": [ { \"kind\": … }, … ]`"),
        ("events", _) => String::from("`\"events\": [ { \"step\": …, \"at\": … }, … ]`"),
        (_, JsonKind::Object) => format!("`\"{field}\": {{ … }}`"),
        (_, JsonKind::List) => format!("`\"{field}\": [ … ]`"),
        (_, JsonKind::Text) => format!("`\"{field}\": \"…\"`"),
        (_, JsonKind::Number) => format!("`\"{field}\": 0`"),
        (_, JsonKind::Bool) => format!("`\"{field}\": true`"),
        (_, JsonKind::Null) => format!("`\"{field}\": null`"),
    }
}

/// An event, as code.
const EVENT_SHAPE: &str = "`{ \"step\": \"talon_issued\", \"at\": \"2019-05-14T10:20:00+06:00\" }`";

/// A fact's value as a reason shows it: a text as written, anything else as JSON reads.
fn shown(value: &crate::check::FactValue) -> String {
    match value {
        crate::check::FactValue::Text(s) => format!("`{s}`"),
        crate::check::FactValue::Members(members) => quoted(members),
        other => format!("`{other}`"),
    }
}

/// A size as a limit is set: in MiB when it is a whole number of them, else in bytes
/// (`unit` is the language's word for bytes).
fn size(bytes: usize, unit: &str) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} {unit}")
    }
}

/// Whether a fact is an empty list (said to be empty rather than shown).
fn is_empty_list(value: &crate::check::FactValue) -> bool {
    matches!(value, crate::check::FactValue::List(0))
}

/// A lateness within the day the step was due, as hours, minutes and seconds (each language
/// names the parts that are not zero); none when it is a day or more late.
fn clock(by: crate::check::Lateness) -> Option<[(i64, Unit); 3]> {
    match (by.calendar_days, by.seconds) {
        (0, Some(s)) => Some([
            (s / 3600, Unit::Hour),
            (s / 60 % 60, Unit::Minute),
            (s % 60, Unit::Second),
        ]),
        _ => None,
    }
}

/// A part of a lateness within the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hour,
    Minute,
    Second,
}

/// The parts of a lateness within the day that are not zero, each worded by `word`, joined
/// with a space: "2 hours 5 minutes".
fn clock_words(parts: [(i64, Unit); 3], word: impl Fn(i64, Unit) -> String) -> String {
    parts
        .into_iter()
        .filter(|(n, _)| *n != 0)
        .map(|(n, unit)| word(n, unit))
        .collect::<Vec<_>>()
        .join(" ")
}
