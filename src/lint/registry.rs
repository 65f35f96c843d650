//! The lint registry: every lint declared once, with its documentation as data, in one list
//! sorted by code. `ereje lint --list`, `ereje explain`, `docs/lints/` and the examples that
//! run as tests all read it from here.

use crate::codes::{Code, Severity};

use super::Context;

/// How much a lint matters in a run: its default, or what `ereje.toml` and `-A/-W/-D` say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as worth knowing; never fails a run.
    Info,
    /// Reported as a warning; fails a run with `--deny warnings`.
    Warn,
    /// Reported as an error; fails the run.
    Deny,
}

impl Level {
    /// As written in settings and listings: `allow`, `info`, `warn`, `deny`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }

    /// The level of this name.
    pub fn from_name(name: &str) -> Option<Level> {
        [Level::Allow, Level::Info, Level::Warn, Level::Deny]
            .into_iter()
            .find(|l| l.as_str() == name)
    }

    /// The severity of a diagnostic at this level (`None`: not reported).
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Info => Some(Severity::Info),
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }
}

/// One lint: its code (with name and summary) from the table of codes, its default level,
/// its documentation, and the check that finds it.
pub struct Lint {
    /// The code, name and one-line summary.
    pub code: &'static Code,
    /// The level unless a run says otherwise.
    pub level: Level,
    /// The page: what it checks, `## Why it matters`, `## Fires` and `## Passes` with an
    /// example rule file each (Markdown, from the declaration's `///` lines).
    pub docs: &'static str,
    /// The check.
    pub check: fn(&mut Context<'_>),
}

impl Lint {
    /// The kebab-case name.
    pub fn name(&self) -> &'static str {
        self.code.name
    }

    /// The example rule file of a section of the docs (`Fires`, `Passes`): the first fenced
    /// block after its heading.
    pub fn example(&self, section: &str) -> Option<&'static str> {
        let heading = format!("## {section}");
        let rest = &self.docs[self.docs.find(&heading)? + heading.len()..];
        let start = rest.find("```ereje\n")? + "```ereje\n".len();
        let end = rest[start..].find("```")?;
        Some(&rest[start..start + end])
    }
}

impl std::fmt::Debug for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code.code, self.code.name)
    }
}

/// Declare a lint: its `///` lines become its documentation, and the static its entry in the
/// registry.
macro_rules! declare_lint {
    ($(#[doc = $doc:literal])* $vis:vis static $ident:ident = $code:path, $level:ident, $check:path;) => {
        $(#[doc = $doc])*
        $vis static $ident: $crate::lint::Lint = $crate::lint::Lint {
            code: &$code,
            level: $crate::lint::Level::$level,
            docs: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use declare_lint;

/// Every lint, sorted by code.
pub static LINTS: &[&Lint] = &[
    &super::unknown_lint::UNKNOWN_LINT,
    &super::unused_allow::UNUSED_ALLOW,
    &super::unknown_entry_into_force::UNKNOWN_ENTRY_INTO_FORCE,
    &super::gapped_versions::GAPPED_VERSIONS,
    &super::act_reference_mismatch::ACT_REFERENCE_MISMATCH,
    &super::reference_of_wrong_kind::REFERENCE_OF_WRONG_KIND,
    &super::unstated_day_kind::UNSTATED_DAY_KIND,
    &super::calendar_working_days::CALENDAR_WORKING_DAYS,
    &super::written_differs_from_reading::WRITTEN_DIFFERS_FROM_READING,
    &super::working_days_without_calendar::WORKING_DAYS_WITHOUT_CALENDAR,
    &super::step_without_deadline::STEP_WITHOUT_DEADLINE,
    &super::step_without_actor::STEP_WITHOUT_ACTOR,
    &super::conflicting_step_durations::CONFLICTING_STEP_DURATIONS,
    &super::conflicting_step_actors::CONFLICTING_STEP_ACTORS,
    &super::step_without_counterpart::STEP_WITHOUT_COUNTERPART,
    &super::step_deadlines_exceed_term::STEP_DEADLINES_EXCEED_TERM,
    &super::step_deadlines_below_term::STEP_DEADLINES_BELOW_TERM,
    &super::process_without_term::PROCESS_WITHOUT_TERM,
    &super::conflicting_step_addressees::CONFLICTING_STEP_ADDRESSEES,
    &super::result_outside_service::RESULT_OUTSIDE_SERVICE,
    &super::missing_citation::MISSING_CITATION,
    &super::undefined_actor::UNDEFINED_ACTOR,
    &super::unverified_source::UNVERIFIED_SOURCE,
    &super::duplicate_citation::DUPLICATE_CITATION,
    &super::citation_of_unknown_annex::CITATION_OF_UNKNOWN_ANNEX,
    &super::duplicate_paragraph::DUPLICATE_PARAGRAPH,
    &super::citation_of_unknown_paragraph::CITATION_OF_UNKNOWN_PARAGRAPH,
    &super::empty_annex::EMPTY_ANNEX,
    &super::undefined_abbreviation::UNDEFINED_ABBREVIATION,
    &super::non_canonical_citation::NON_CANONICAL_CITATION,
    &super::missing_translation::MISSING_TRANSLATION,
    &super::unused_input::UNUSED_INPUT,
    &super::unused_let::UNUSED_LET,
    &super::unused_actor::UNUSED_ACTOR,
    &super::unused_document::UNUSED_DOCUMENT,
    &super::uncovered_by_examples::UNCOVERED_BY_EXAMPLES,
    &super::service_without_examples::SERVICE_WITHOUT_EXAMPLES,
    &super::condition_never_holds::CONDITION_NEVER_HOLDS,
    &super::condition_always_holds::CONDITION_ALWAYS_HOLDS,
    &super::unless_never_applies::UNLESS_NEVER_APPLIES,
    &super::requirement_never_met::REQUIREMENT_NEVER_MET,
    &super::ground_subsumed::GROUND_SUBSUMED,
    &super::grounds_overlap::GROUNDS_OVERLAP,
    &super::logic_undecided::LOGIC_UNDECIDED,
];

/// The lint with this code or name (a code in any case: `l020`, `L020`).
pub fn lookup(code_or_name: &str) -> Option<&'static Lint> {
    LINTS
        .iter()
        .copied()
        .find(|l| l.code.code.eq_ignore_ascii_case(code_or_name) || l.code.name == code_or_name)
}
