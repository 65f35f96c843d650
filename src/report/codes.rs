//! The one table of diagnostic codes. Rule-file errors have `E` codes (`E01xx` syntax, `E02xx`
//! resolution, `E03xx` types and units, `E04xx` validity and calendars); bundle findings have
//! `V` codes and the kebab-case names that reports use. Codes are never reused.

/// One code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// `E0201`, `V004`.
    pub code: &'static str,
    /// The kebab-case name (for bundle findings, the name in reports).
    pub name: &'static str,
    /// What it means, one line.
    pub summary: &'static str,
}

const fn c(code: &'static str, name: &'static str, summary: &'static str) -> Code {
    Code {
        code,
        name,
        summary,
    }
}

/// Every code, sorted.
pub const CODES: &[Code] = &[
    c(
        "E0001",
        "unreadable-rule-files",
        "the rule files could not be read",
    ),
    c(
        "E0101",
        "unexpected-text",
        "the text does not follow the grammar",
    ),
    c("E0102", "invalid-date", "a date that does not exist"),
    c(
        "E0103",
        "number-too-large",
        "a number too large to mean anything",
    ),
    c(
        "E0104",
        "nesting-too-deep",
        "an expression nested too deeply",
    ),
    c(
        "E0105",
        "file-too-complex",
        "a file beyond the parser's work limit",
    ),
    c(
        "E0106",
        "repeated-clause",
        "a clause that may appear once appears twice",
    ),
    c(
        "E0107",
        "unknown-weekday",
        "a weekend day that is not a weekday name",
    ),
    c("E0201", "undefined-name", "a name that is not defined"),
    c("E0202", "duplicate-name", "a name defined twice"),
    c(
        "E0203",
        "step-cycle",
        "steps whose deadlines depend on each other in a circle",
    ),
    c(
        "E0204",
        "allow-without-reason",
        "a lint suppression without its reason",
    ),
    c(
        "E0205",
        "unknown-function",
        "a function that does not exist",
    ),
    c(
        "E0301",
        "type-mismatch",
        "values of kinds that cannot be compared or combined",
    ),
    c(
        "E0302",
        "not-a-condition",
        "a value where a condition is needed",
    ),
    c("E0303", "wrong-type", "a value of the wrong kind"),
    c(
        "E0304",
        "calendar-and-working-days",
        "a duration both calendar and working days",
    ),
    c("E0305", "unknown-type", "a type that does not exist"),
    c(
        "E0306",
        "unknown-value",
        "a value that is not one of an enumeration's values",
    ),
    c(
        "E0307",
        "unknown-timezone",
        "a timezone the tz database does not know",
    ),
    c(
        "E0401",
        "outside-act",
        "an element in force outside the validity of its act",
    ),
    c(
        "E0402",
        "never-in-force",
        "an element whose start is not before its end",
    ),
    c(
        "E0403",
        "overlapping-versions",
        "two versions of a service in force on the same day",
    ),
    c(
        "E0410",
        "calendar-clause-missing",
        "a calendar without a required clause",
    ),
    c(
        "E0411",
        "calendar-years-backwards",
        "a calendar's years run backwards",
    ),
    c(
        "E0412",
        "calendar-unknown-weekday",
        "a calendar weekend day that is not a weekday",
    ),
    c(
        "E0413",
        "calendar-unknown-timezone",
        "a calendar timezone the tz database does not know",
    ),
    c(
        "E0414",
        "calendar-date-outside-years",
        "a calendar entry outside the years it covers",
    ),
    c(
        "E0415",
        "calendar-duplicate-date",
        "two calendar entries for one date",
    ),
    c(
        "E0416",
        "calendar-transfer-onto-day-off",
        "a transfer onto a day that is already off",
    ),
    c(
        "E0417",
        "calendar-cannot-become-working",
        "a day that a transfer cannot make working",
    ),
    c(
        "E0418",
        "calendar-unknown-counting-switch",
        "a counting switch that does not exist",
    ),
    c(
        "E0419",
        "calendar-duplicate-counting-switch",
        "a counting switch given twice",
    ),
    c(
        "E0420",
        "outside-calendar",
        "a working day asked for outside the calendar's years",
    ),
    c(
        "E0421",
        "no-calendar",
        "a term in working days without a calendar",
    ),
    c(
        "E0422",
        "mixed-day-kind",
        "a term counted in calendar and working days at once",
    ),
    c(
        "E0423",
        "date-out-of-range",
        "a term ending beyond the dates that can be counted",
    ),
    c(
        "E0424",
        "no-local-time",
        "the end of a day that does not exist in the timezone",
    ),
    c(
        "V001",
        "invalid-input",
        "the bundle is malformed or ill-typed",
    ),
    c(
        "V002",
        "unknown-service",
        "no service has the bundle's service id",
    ),
    c(
        "V003",
        "not-in-force",
        "the service or channel is not in force on the day applied",
    ),
    c("V004", "missing-document", "a required document is missing"),
    c(
        "V005",
        "invalid-document",
        "a document fails a rule on its fields",
    ),
    c("V006", "refusal-ground", "a ground for refusal holds"),
    c(
        "V007",
        "deadline-late",
        "a step happened after its due time",
    ),
    c(
        "V008",
        "deadline-overdue",
        "a step has not happened and its due time has passed",
    ),
    c("V009", "unknown-field", "a bundle field that no rule reads"),
    c(
        "V010",
        "unknown-document",
        "a document kind that the service does not know",
    ),
    c(
        "V011",
        "unknown-step",
        "an event for a step that the service does not have",
    ),
    c(
        "V012",
        "deadline-unknown",
        "a deadline that cannot be computed",
    ),
    c(
        "V013",
        "undecided",
        "a rule whose facts are present but whose value cannot be computed",
    ),
    c("V014", "duplicate-event", "a step with more than one event"),
    c(
        "V015",
        "event-out-of-order",
        "a step dated before the event its term counts from",
    ),
    c(
        "V016",
        "duplicate-key",
        "a field given twice in one JSON object",
    ),
];

/// The code with this code or name.
pub fn lookup(code_or_name: &str) -> Option<&'static Code> {
    CODES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code_or_name) || c.name == code_or_name)
}
