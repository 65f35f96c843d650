//! The one table of diagnostic codes, on the ground floor so that every phase can name its
//! codes without importing `report`. Rule-file errors have `E` codes (`E00xx` reading,
//! `E01xx` syntax, `E02xx` names, `E03xx` types and units, `E04xx` validity and calendars),
//! lints will have `L` codes, bundle findings `V` codes and the kebab-case names that reports
//! use; a `V` code also has the kind of finding it is (`input`, `document`, …). Codes are
//! never reused. Each code is a `static` named after its kebab-case name
//! (`codes::UNDEFINED_NAME`), so a diagnostic or finding with a code that is not in the table
//! does not compile.

use serde::Serialize;

/// How serious a diagnostic or finding is. The table gives each code its default; a run may
/// raise or lower it (lint levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, never a problem in itself: a lint at `info` level (an unverified fact,
    /// a question the analysis could not decide). Never fails a run, not even with
    /// `--deny warnings`.
    Info,
    /// Reported; does not stop the rule set loading or change a verdict.
    Warning,
    /// Stops the rule set loading; for a bundle, changes the verdict (or, for deadlines, the
    /// exit status).
    Error,
}

impl Severity {
    /// As written in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a bundle finding is about: the `kind` of a finding in reports. Each `V` code has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The bundle itself (types, unknown fields).
    Input,
    /// Whether the service applies.
    Applicability,
    /// A required document.
    Document,
    /// A refusal ground.
    Refusal,
    /// A step deadline or the service term.
    Deadline,
}

impl Kind {
    /// Every kind, in the order reports list findings.
    pub const ALL: [Kind; 5] = [
        Kind::Input,
        Kind::Applicability,
        Kind::Document,
        Kind::Refusal,
        Kind::Deadline,
    ];

    /// As written in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Input => "input",
            Kind::Applicability => "applicability",
            Kind::Document => "document",
            Kind::Refusal => "refusal",
            Kind::Deadline => "deadline",
        }
    }
}

/// Where a code belongs, by the phase that emits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// `E00xx`: reading rule files.
    Files,
    /// `E01xx`: the text does not follow the grammar.
    Syntax,
    /// `E02xx`: names, scopes, suppressions.
    Names,
    /// `E03xx`: types and units.
    Types,
    /// `E04xx`: validity in time and calendar data.
    Validity,
    /// `E05xx`: examples whose bundles do not get what they expect.
    Examples,
    /// `L0xx`: lints.
    Lint,
    /// `V0xx`: findings about a bundle.
    Bundle,
}

/// One code.
#[derive(Debug, PartialEq, Eq)]
pub struct Code {
    /// `E0201`, `V004`.
    pub code: &'static str,
    /// The kebab-case name (for bundle findings, the name in reports).
    pub name: &'static str,
    /// The severity unless a run says otherwise.
    pub severity: Severity,
    /// For a bundle finding (`V` code), what its findings are about; `None` for other codes.
    pub kind: Option<Kind>,
    /// What it means, one line.
    pub summary: &'static str,
}

impl Code {
    /// The family, read from the code's prefix.
    pub fn family(&self) -> Family {
        let b = self.code.as_bytes();
        match (b.first(), b.get(2)) {
            (Some(b'L'), _) => Family::Lint,
            (Some(b'V'), _) => Family::Bundle,
            (_, Some(b'1')) => Family::Syntax,
            (_, Some(b'2')) => Family::Names,
            (_, Some(b'3')) => Family::Types,
            (_, Some(b'4')) => Family::Validity,
            (_, Some(b'5')) => Family::Examples,
            _ => Family::Files,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code)
    }
}

/// A code's kind as written in the table: none, or a [`Kind`] after the severity.
macro_rules! kind {
    () => {
        None
    };
    ($kind:ident) => {
        Some(Kind::$kind)
    };
}

macro_rules! codes {
    ($( $ident:ident = $code:literal $name:literal $severity:ident $($kind:ident)? $summary:literal; )*) => {
        $(
            #[doc = concat!("`", $code, "` `", $name, "`: ", $summary, ".")]
            pub static $ident: Code = Code {
                code: $code,
                name: $name,
                severity: Severity::$severity,
                kind: kind!($($kind)?),
                summary: $summary,
            };
        )*
        /// Every code, sorted.
        pub static CODES: &[&Code] = &[$(&$ident),*];
    };
}

codes! {
    UNREADABLE_RULE_FILES = "E0001" "unreadable-rule-files" Error "the rule files could not be read";
    INVALID_CONFIG = "E0002" "invalid-config" Error "a linter configuration (`ereje.toml`) ereje cannot follow";
    UNEXPECTED_TEXT = "E0101" "unexpected-text" Error "the text does not follow the grammar";
    INVALID_DATE = "E0102" "invalid-date" Error "a date that does not exist";
    NUMBER_TOO_LARGE = "E0103" "number-too-large" Error "a number too large to mean anything";
    NESTING_TOO_DEEP = "E0104" "nesting-too-deep" Error "an expression nested too deeply";
    FILE_TOO_COMPLEX = "E0105" "file-too-complex" Error "a file beyond the parser's work limit";
    REPEATED_CLAUSE = "E0106" "repeated-clause" Error "a clause that may appear once appears twice";
    UNKNOWN_WEEKDAY = "E0107" "unknown-weekday" Error "a weekend day that is not a weekday name";
    MIXED_KEYWORDS = "E0108" "mixed-keywords" Error "a keyword of another set than the one the file declares";
    UNKNOWN_KEYWORD_SET = "E0109" "unknown-keyword-set" Error "a keywords directive that names no set";
    UNDEFINED_NAME = "E0201" "undefined-name" Error "a name that is not defined";
    DUPLICATE_NAME = "E0202" "duplicate-name" Error "a name defined twice";
    STEP_CYCLE = "E0203" "step-cycle" Error "steps whose deadlines depend on each other in a circle";
    ALLOW_WITHOUT_REASON = "E0204" "allow-without-reason" Error "a lint suppression without its reason";
    UNKNOWN_FUNCTION = "E0205" "unknown-function" Error "a function that does not exist";
    UNKNOWN_FINDING_CODE = "E0206" "unknown-finding-code" Error "an example expects a finding code that does not exist";
    UNKNOWN_VERDICT = "E0207" "unknown-verdict" Error "an example expects a verdict that does not exist";
    UNKNOWN_SLOT = "E0208" "unknown-slot" Error "a `{…}` in a document's message that names nothing the message can show";
    UNKNOWN_PERSONAL_FIELD = "E0209" "unknown-personal-field" Error "`personal` in a document names something that is not a field of a document";
    TYPE_MISMATCH = "E0301" "type-mismatch" Error "values of kinds that cannot be compared or combined";
    NOT_A_CONDITION = "E0302" "not-a-condition" Error "a value where a condition is needed";
    WRONG_TYPE = "E0303" "wrong-type" Error "a value of the wrong kind";
    CALENDAR_AND_WORKING_DAYS = "E0304" "calendar-and-working-days" Error "a duration both calendar and working days";
    UNKNOWN_TYPE = "E0305" "unknown-type" Error "a type that does not exist";
    UNKNOWN_VALUE = "E0306" "unknown-value" Error "a value that is not one of an enumeration's values";
    UNKNOWN_TIMEZONE = "E0307" "unknown-timezone" Error "a timezone the tz database does not know";
    OUTSIDE_ACT = "E0401" "outside-act" Error "an element in force outside the validity of its act";
    NEVER_IN_FORCE = "E0402" "never-in-force" Error "an element whose start is not before its end";
    OVERLAPPING_VERSIONS = "E0403" "overlapping-versions" Error "two versions of a service in force on the same day";
    CALENDAR_CLAUSE_MISSING = "E0410" "calendar-clause-missing" Error "a calendar without a required clause";
    CALENDAR_YEARS_BACKWARDS = "E0411" "calendar-years-backwards" Error "a calendar's years run backwards";
    CALENDAR_UNKNOWN_WEEKDAY = "E0412" "calendar-unknown-weekday" Error "a calendar weekend day that is not a weekday";
    CALENDAR_UNKNOWN_TIMEZONE = "E0413" "calendar-unknown-timezone" Error "a calendar timezone the tz database does not know";
    CALENDAR_DATE_OUTSIDE_YEARS = "E0414" "calendar-date-outside-years" Error "a calendar entry outside the years it covers";
    CALENDAR_DUPLICATE_DATE = "E0415" "calendar-duplicate-date" Error "two calendar entries for one date";
    CALENDAR_TRANSFER_ONTO_DAY_OFF = "E0416" "calendar-transfer-onto-day-off" Error "a transfer onto a day that is already off";
    CALENDAR_CANNOT_BECOME_WORKING = "E0417" "calendar-cannot-become-working" Error "a day that a transfer cannot make working";
    CALENDAR_UNKNOWN_COUNTING_SWITCH = "E0418" "calendar-unknown-counting-switch" Error "a counting switch that does not exist";
    CALENDAR_DUPLICATE_COUNTING_SWITCH = "E0419" "calendar-duplicate-counting-switch" Error "a counting switch given twice";
    OUTSIDE_CALENDAR = "E0420" "outside-calendar" Error "a working day asked for outside the calendar's years";
    NO_CALENDAR = "E0421" "no-calendar" Error "a term in working days without a calendar";
    MIXED_DAY_KIND = "E0422" "mixed-day-kind" Error "a term counted in calendar and working days at once";
    DATE_OUT_OF_RANGE = "E0423" "date-out-of-range" Error "a term ending beyond the dates that can be counted";
    NO_LOCAL_TIME = "E0424" "no-local-time" Error "the end of a day that does not exist in the timezone";
    EXAMPLE_FAILED = "E0501" "example-failed" Error "an example's bundle does not get the verdict and findings the example expects";
    UNKNOWN_LINT = "L001" "unknown-lint" Error "a suppression or setting that names no lint";
    UNUSED_ALLOW = "L002" "unused-allow" Warning "a suppression that suppresses nothing";
    UNKNOWN_ENTRY_INTO_FORCE = "L010" "unknown-entry-into-force" Warning "an act whose day of entry into force is not known exactly";
    GAPPED_VERSIONS = "L011" "gapped-versions" Warning "versions of a service with days between them on which none is in force";
    ACT_REFERENCE_MISMATCH = "L012" "act-reference-mismatch" Warning "an act named with a date or number that its record does not have";
    REFERENCE_OF_WRONG_KIND = "L013" "reference-of-wrong-kind" Warning "an act or annex that the text names as what its record says it is not";
    UNSTATED_DAY_KIND = "L020" "unstated-day-kind" Warning "a number of days that says neither calendar nor working";
    CALENDAR_WORKING_DAYS = "L021" "calendar-working-days" Warning "a duration the law writes as both calendar and working days";
    WRITTEN_DIFFERS_FROM_READING = "L022" "written-differs-from-reading" Info "a duration read otherwise than the law writes it";
    WORKING_DAYS_WITHOUT_CALENDAR = "L023" "working-days-without-calendar" Warning "working days in a service that names no calendar to count them on";
    STEP_WITHOUT_DEADLINE = "L030" "step-without-deadline" Warning "a step for which the law sets no time";
    STEP_WITHOUT_ACTOR = "L031" "step-without-actor" Warning "a step that names no one to take it";
    CONFLICTING_STEP_DURATIONS = "L032" "conflicting-step-durations" Warning "two views of a step that give it different durations";
    CONFLICTING_STEP_ACTORS = "L033" "conflicting-step-actors" Warning "two views of a step that give it to different actors";
    STEP_WITHOUT_COUNTERPART = "L034" "step-without-counterpart" Warning "a step of one view of a process with no counterpart in the other";
    STEP_DEADLINES_EXCEED_TERM = "L035" "step-deadlines-exceed-term" Warning "step deadlines, one after another, longer than the service term";
    STEP_DEADLINES_BELOW_TERM = "L036" "step-deadlines-below-term" Warning "step deadlines that account for less than half of the service term";
    PROCESS_WITHOUT_TERM = "L037" "process-without-term" Warning "a process with steps but no term for the whole service";
    CONFLICTING_STEP_ADDRESSEES = "L038" "conflicting-step-addressees" Warning "two views of a step that send its result to different addressees";
    RESULT_OUTSIDE_SERVICE = "L039" "result-outside-service" Warning "a step that gives what the service's results do not include";
    MISSING_CITATION = "L040" "missing-citation" Warning "a rule element that cites no paragraph of the law";
    UNDEFINED_ACTOR = "L041" "undefined-actor" Warning "an actor that no paragraph of the law defines";
    UNVERIFIED_SOURCE = "L042" "unverified-source" Info "a fact recorded as not verified against its source";
    DUPLICATE_CITATION = "L043" "duplicate-citation" Warning "the same paragraph cited twice on one element";
    CITATION_OF_UNKNOWN_ANNEX = "L044" "citation-of-unknown-annex" Warning "a citation of an annex that the act's record does not have";
    DUPLICATE_PARAGRAPH = "L045" "duplicate-paragraph" Warning "two paragraphs with one number in an act or annex";
    CITATION_OF_UNKNOWN_PARAGRAPH = "L046" "citation-of-unknown-paragraph" Warning "a citation of a paragraph that the act's numbering does not have";
    EMPTY_ANNEX = "L047" "empty-annex" Warning "an annex whose text has only its heading";
    UNDEFINED_ABBREVIATION = "L048" "undefined-abbreviation" Warning "a unit's abbreviation in a step's text that no actor of the service has";
    NON_CANONICAL_CITATION = "L049" "non-canonical-citation" Warning "a citation that names the service's own act or standard in full";
    MISSING_TRANSLATION = "L050" "missing-translation" Warning "a message or title missing in Kazakh or Russian";
    UNUSED_INPUT = "L060" "unused-input" Warning "an input that no rule reads";
    UNUSED_LET = "L061" "unused-let" Warning "a named condition that no rule uses";
    UNUSED_ACTOR = "L062" "unused-actor" Warning "an actor that no step names";
    UNUSED_DOCUMENT = "L063" "unused-document" Warning "a document that is never required, checked or asked about";
    UNCOVERED_BY_EXAMPLES = "L064" "uncovered-by-examples" Warning "a document, refusal ground or step that no example exercises";
    SERVICE_WITHOUT_EXAMPLES = "L065" "service-without-examples" Warning "a service that no example checks";
    CONDITION_NEVER_HOLDS = "L070" "condition-never-holds" Warning "a refusal ground that never holds, or a document never required";
    CONDITION_ALWAYS_HOLDS = "L071" "condition-always-holds" Warning "a refusal ground or conditional requirement that holds on every application";
    UNLESS_NEVER_APPLIES = "L072" "unless-never-applies" Warning "an exemption that applies to no application its rule applies to";
    REQUIREMENT_NEVER_MET = "L073" "requirement-never-met" Warning "a document that no copy can make meet its validity rules";
    GROUND_SUBSUMED = "L074" "ground-subsumed" Warning "a refusal ground that holds only where another ground holds";
    GROUNDS_OVERLAP = "L075" "grounds-overlap" Warning "two refusal grounds that can hold on one application";
    LOGIC_UNDECIDED = "L076" "logic-undecided" Info "a question the logic analysis could not decide within its bounds";
    INVALID_INPUT = "V001" "invalid-input" Error Input "the bundle is malformed or ill-typed";
    UNKNOWN_SERVICE = "V002" "unknown-service" Error Applicability "no service has the bundle's service id";
    NOT_IN_FORCE = "V003" "not-in-force" Error Applicability "the service or channel is not in force on the day applied";
    MISSING_DOCUMENT = "V004" "missing-document" Error Document "a required document is missing";
    INVALID_DOCUMENT = "V005" "invalid-document" Error Document "a document fails a rule on its fields";
    REFUSAL_GROUND = "V006" "refusal-ground" Error Refusal "a ground for refusal holds";
    DEADLINE_LATE = "V007" "deadline-late" Error Deadline "a step happened after its due time";
    DEADLINE_OVERDUE = "V008" "deadline-overdue" Error Deadline "a step has not happened and its due time has passed";
    UNKNOWN_FIELD = "V009" "unknown-field" Warning Input "a bundle field that no rule reads";
    UNKNOWN_DOCUMENT = "V010" "unknown-document" Warning Input "a document kind that the service does not know";
    UNKNOWN_STEP = "V011" "unknown-step" Warning Input "an event for a step that the service does not have";
    DEADLINE_UNKNOWN = "V012" "deadline-unknown" Warning Deadline "a deadline that cannot be computed";
    UNDECIDED = "V013" "undecided" Warning Input "a rule whose facts are present but whose value cannot be computed";
    DUPLICATE_EVENT = "V014" "duplicate-event" Warning Deadline "a step with more than one event";
    EVENT_OUT_OF_ORDER = "V015" "event-out-of-order" Warning Deadline "a step dated before the event its term counts from";
    DUPLICATE_KEY = "V016" "duplicate-key" Warning Input "a field given twice in one JSON object";
    INVALID_DOCUMENT_COPY = "V017" "invalid-document-copy" Warning Document "a copy of a document fails a rule on its fields while another copy meets the requirement";
    NONCANONICAL_CODE = "V018" "noncanonical-code" Warning Input "a country or language code written in another case than its standard one";
    BYTE_ORDER_MARK = "V019" "byte-order-mark" Warning Input "a UTF-8 byte-order mark before the bundle's JSON, ignored";
    IN_FORCE_UNKNOWN = "V020" "in-force-unknown" Warning Applicability "the bundle's day lies in the window in which an act of unknown publication entered into force";
    INTERNAL_ERROR = "V021" "internal-error" Error Input "ereje failed while checking the bundle (a bug of ereje): it was not checked";
    REQUEST_REJECTED = "V022" "request-rejected" Error Input "`ereje serve` refused the HTTP request before checking anything (no such endpoint, wrong method or media type, too slow, too busy)";
}

/// The code with this code or name.
pub fn lookup(code_or_name: &str) -> Option<&'static Code> {
    CODES
        .iter()
        .copied()
        .find(|c| c.code.eq_ignore_ascii_case(code_or_name) || c.name == code_or_name)
}
