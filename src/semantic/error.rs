//! Analysis errors: resolution (`E02xx`), types and units (`E03xx`), validity (`E04xx`).

use thiserror::Error;

use crate::codes;
use crate::diagnostic::{Diagnostic, Label};
use crate::source::Span;
use crate::vocab::{Lang, Wording};

/// An error found while analysing rule files that parsed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum SemanticError {
    /// A name that is not defined.
    #[error("{what} `{name}` is not defined")]
    Undefined {
        /// What kind of name: "act", "actor", "step", "input", …
        what: &'static str,
        /// The name as written.
        name: String,
        /// The known name closest to it.
        suggestion: Option<String>,
        /// How to define it, when no name is close.
        how: Wording,
        /// How many other places use the same undefined name (reported once, here).
        repeats: usize,
        /// Where.
        span: Span,
    },
    /// A name defined twice in one scope.
    #[error("{what} `{name}` is defined twice")]
    Duplicate {
        /// What kind of name.
        what: &'static str,
        /// The name.
        name: String,
        /// The second definition.
        span: Span,
        /// The first definition (in any file).
        first: Span,
    },
    /// Steps whose deadlines depend on each other in a circle.
    #[error("the deadlines of steps {cycle} depend on each other in a circle")]
    StepCycle {
        /// The steps, in order.
        cycle: String,
        /// One step of the circle.
        span: Span,
    },
    /// A `let` that becomes too large or too deep once the lets it names are put in.
    #[error("`let {name}` is too large once the lets it names are put in ({parts} parts)")]
    LetTooLarge {
        /// The let.
        name: String,
        /// Its parts, put in.
        parts: usize,
        /// Its name.
        span: Span,
    },
    /// A lint suppression without its reason.
    #[error("`allow {lint}` has no reason")]
    AllowWithoutReason {
        /// The lint.
        lint: String,
        /// Where.
        span: Span,
    },
    /// An unknown function.
    #[error("unknown function `{name}`")]
    UnknownFunction {
        /// As written.
        name: String,
        /// Where.
        span: Span,
    },
    /// An example expects a finding whose code is not a bundle finding's.
    #[error("`{code}` is not a finding code")]
    UnknownFindingCode {
        /// As written.
        code: String,
        /// The finding's name, when `code` is a finding's number (`V004`) or close to a name.
        suggestion: Option<String>,
        /// Whether `code` is the number of the finding suggested, not a misspelling.
        number: bool,
        /// Where.
        span: Span,
    },
    /// An example expects a verdict that is not one.
    #[error("`{verdict}` is not a verdict")]
    UnknownVerdict {
        /// As written.
        verdict: String,
        /// The verdict closest to it.
        suggestion: Option<String>,
        /// Where.
        span: Span,
    },
    /// A `{…}` slot in a document's message that names nothing it can show, or a stray brace.
    #[error("{}", match slot {
        Some(slot) => format!("the message cannot fill `{{{slot}}}`"),
        None => String::from("a brace in a message that opens or closes no slot"),
    })]
    UnknownSlot {
        /// The slot's name, or `None` for a stray `{` or `}`.
        slot: Option<String>,
        /// The slots this message can have (none outside a document required for each item).
        allowed: Vec<String>,
        /// The allowed slot closest to it.
        suggestion: Option<String>,
        /// Where.
        span: Span,
    },
    /// Two values of types that cannot be compared or combined.
    #[error("{message}")]
    TypeMismatch {
        /// What is wrong.
        message: Wording,
        /// What to do.
        help: Wording,
        /// Left side.
        left: Span,
        /// Its label.
        left_label: Wording,
        /// Right side.
        right: Span,
        /// Its label.
        right_label: Wording,
    },
    /// Something that should be a condition is not.
    #[error("this is {found}, not a condition")]
    NotACondition {
        /// What it is.
        found: String,
        /// Where.
        span: Span,
    },
    /// A value used where another type is needed.
    #[error("{message}")]
    WrongType {
        /// What is wrong.
        message: Wording,
        /// What to do.
        help: Wording,
        /// Where.
        span: Span,
        /// Label text.
        label: Wording,
    },
    /// A duration written as both calendar and working days.
    #[error("a duration cannot be both calendar days and working days")]
    MixedDayKind {
        /// Where.
        span: Span,
    },
    /// A type name that does not exist.
    #[error("unknown type `{name}`")]
    UnknownType {
        /// As written.
        name: String,
        /// Did-you-mean.
        suggestion: String,
        /// Where.
        span: Span,
    },
    /// A value that is not one of an enumeration's values.
    #[error("`{value}` is not one of the values of `{input}`")]
    UnknownValue {
        /// As written.
        value: String,
        /// The input it is compared with.
        input: String,
        /// The values, and did-you-mean.
        help: Wording,
        /// Where.
        span: Span,
    },
    /// A timezone the tz database does not know.
    #[error("unknown timezone `{name}`")]
    UnknownTimezone {
        /// As written.
        name: String,
        /// Where.
        span: Span,
    },
    /// A service in force outside its act, or an element outside its service.
    #[error("{what} is in force outside the validity of {container}")]
    OutsideAct {
        /// What.
        what: String,
        /// What it belongs to: "act `…`" or "service `…`".
        container: String,
        /// Dates.
        help: String,
        /// Where.
        span: Span,
        /// The element's interval in words.
        interval: String,
    },
    /// `since` not before `until`.
    #[error("{what} is never in force: it starts on {since} but ends on {until}")]
    EmptyInterval {
        /// What.
        what: String,
        /// Start.
        since: String,
        /// End.
        until: String,
        /// Where.
        span: Span,
    },
    /// Two versions of a service in force on the same days.
    #[error("two versions of service `{name}` are in force on {day}")]
    OverlappingVersions {
        /// The service.
        name: String,
        /// A day both cover.
        day: String,
        /// The second version.
        span: Span,
    },
    /// `personal` in a document names something that is not one of its fields.
    #[error("`{name}` is not a field of a document")]
    UnknownPersonalField {
        /// As written.
        name: String,
        /// The field closest to it.
        suggestion: Option<String>,
        /// Where.
        span: Span,
    },
}

/// `act`, `step`, … in Russian and Kazakh, with the Russian participle "defined" that agrees
/// with the noun's gender.
fn name_kind(what: &str) -> (&str, &str, &str) {
    match what {
        "act" => ("акт", "определён", "акт"),
        "actor" => ("исполнитель", "определён", "орындаушы"),
        "calendar" => ("календарь", "определён", "күнтізбе"),
        "document" => ("документ", "определён", "құжат"),
        "field" => ("поле", "определено", "өріс"),
        "input" => ("факт", "определён", "факт"),
        "let" => ("определение", "определено", "анықтама"),
        "name" => ("имя", "определено", "атау"),
        "refusal ground" => ("основание для отказа", "определено", "бас тарту негізі"),
        "step" => ("шаг", "определён", "қадам"),
        "value" => ("значение", "определено", "мән"),
        _ => (what, "определено", what),
    }
}

/// "the values are: a, b" after a did-you-mean, in three languages.
pub(crate) fn values_help(suggestion: Option<&str>, values: &[String]) -> Wording {
    let all = values.join(", ");
    match suggestion {
        None => Wording::new(
            format!("the values are: {all}"),
            format!("значения: {all}"),
            format!("мәндері: {all}"),
        ),
        Some(s) => Wording::new(
            format!("did you mean `{s}`? the values are: {all}"),
            format!("возможно, имелось в виду `{s}`? значения: {all}"),
            format!("`{s}` деп жазғыңыз келді ме? мәндері: {all}"),
        ),
    }
}

/// "the verdicts are: ok, …" after a did-you-mean, in three languages.
fn verdicts_help(suggestion: Option<&str>, verdicts: &[&str]) -> Wording {
    let all = verdicts.join(", ");
    match suggestion {
        None => Wording::new(
            format!("the verdicts are: {all}"),
            format!("вердикты: {all}"),
            format!("шешімдер: {all}"),
        ),
        Some(s) => Wording::new(
            format!("did you mean `{s}`? the verdicts are: {all}"),
            format!("возможно, имелось в виду `{s}`? вердикты: {all}"),
            format!("`{s}` деп жазғыңыз келді ме? шешімдер: {all}"),
        ),
    }
}

/// "did you mean `x`?" in three languages.
pub(crate) fn did_you_mean(suggestion: &str) -> Wording {
    Wording::new(
        format!("did you mean `{suggestion}`?"),
        format!("возможно, имелось в виду `{suggestion}`?"),
        format!("`{suggestion}` деп жазғыңыз келді ме?"),
    )
}

impl From<&SemanticError> for Diagnostic {
    fn from(e: &SemanticError) -> Diagnostic {
        use SemanticError as E;
        let message = e.to_string();
        match e {
            E::Undefined {
                what,
                name,
                suggestion,
                how,
                repeats,
                span,
            } => {
                let (ru, participle, kk) = name_kind(what);
                let message = Wording::new(
                    message,
                    format!("{ru} `{name}` не {participle}"),
                    format!("{kk} `{name}` анықталмаған"),
                );
                let label = Wording::new("not defined", "не определено", "анықталмаған");
                let mut help = suggestion.as_deref().map_or_else(|| how.clone(), did_you_mean);
                if *repeats > 0 {
                    let (en, ru, kk) = if *repeats == 1 {
                        (
                            String::from("1 more place"),
                            String::from("ещё в 1 месте"),
                            String::from("тағы 1 жерде"),
                        )
                    } else {
                        (
                            format!("{repeats} more places"),
                            format!("ещё в {repeats} местах"),
                            format!("тағы {repeats} жерде"),
                        )
                    };
                    help = Wording::new(
                        format!("{} (the same name is used in {en})", help.get(Lang::En)),
                        format!("{} (то же имя используется {ru})", help.get(Lang::Ru)),
                        format!("{} (осы атау {kk} қолданылады)", help.get(Lang::Kk)),
                    );
                }
                Diagnostic::new(&codes::UNDEFINED_NAME, message, Label::new(*span, label))
                    .with_help(help)
            }
            E::Duplicate {
                what,
                span,
                first,
                ..
            } => Diagnostic::new(
                &codes::DUPLICATE_NAME,
                message,
                Label::new(*span, "defined again here"),
            )
            .with_label(Label::new(*first, "first defined here"))
            .with_help(format!(
                "give each {what} a unique name, or delete one of the two definitions"
            )),
            E::StepCycle { span, .. } => Diagnostic::new(
                &codes::STEP_CYCLE,
                message,
                Label::new(*span, "this step counts from a later one"),
            )
            .with_help(
                "every step's deadline must count from `submitted_at` or from an earlier step; break the circle",
            ),
            E::LetTooLarge { span, .. } => Diagnostic::new(
                &codes::NESTING_TOO_DEEP,
                message,
                Label::new(*span, "this let"),
            )
            .with_help(format!(
                "a `let`, with the lets it names put in, has at most {} parts and {} levels: name each part once and combine fewer copies of it",
                super::resolve::LET_LIMITS.0,
                super::resolve::LET_LIMITS.1
            )),
            E::AllowWithoutReason { lint, span } => Diagnostic::new(
                &codes::ALLOW_WITHOUT_REASON,
                message,
                Label::new(*span, "reason missing"),
            )
            .with_help(format!(
                "write why the defect is recorded as it is: `allow {lint} because \"…\"`"
            )),
            E::UnknownFunction { span, .. } => Diagnostic::new(
                &codes::UNKNOWN_FUNCTION,
                message,
                Label::new(*span, "not a function"),
            )
            .with_help("the functions are `age(birth_date, on: date)`"),
            E::UnknownFindingCode {
                code,
                suggestion,
                number,
                span,
            } => Diagnostic::new(
                &codes::UNKNOWN_FINDING_CODE,
                Wording::new(
                    message,
                    format!("`{code}` — не код замечания"),
                    format!("`{code}` ескерту коды емес"),
                ),
                Label::new(
                    *span,
                    Wording::new("not a finding code", "не код замечания", "ескерту коды емес"),
                ),
            )
            .with_help(match (suggestion, number) {
                (Some(name), true) => Wording::new(
                    format!("an example names a finding as reports do: write `{name}`"),
                    format!("пример называет замечание так же, как отчёт: напишите `{name}`"),
                    format!("мысал ескертуді есептегідей атайды: `{name}` деп жазыңыз"),
                ),
                (Some(name), false) => did_you_mean(name),
                (None, _) => Wording::new(
                    "write a finding's name as reports write it, like `missing-document`; `ereje explain` lists them (V001…)",
                    "напишите имя замечания так, как его пишет отчёт, например `missing-document`; `ereje explain` перечисляет их (V001…)",
                    "ескерту атауын есеп жазғандай жазыңыз, мысалы `missing-document`; `ereje explain` оларды тізеді (V001…)",
                ),
            }),
            E::UnknownVerdict {
                verdict,
                suggestion,
                span,
            } => {
                let all: Vec<&str> = crate::vocab::Verdict::ALL
                    .iter()
                    .map(|v| v.as_str())
                    .collect();
                Diagnostic::new(
                    &codes::UNKNOWN_VERDICT,
                    Wording::new(
                        message,
                        format!("`{verdict}` — не вердикт"),
                        format!("`{verdict}` шешім емес"),
                    ),
                    Label::new(
                        *span,
                        Wording::new("not a verdict", "не вердикт", "шешім емес"),
                    ),
                )
                .with_help(verdicts_help(suggestion.as_deref(), &all))
            }
            E::UnknownSlot {
                slot,
                allowed,
                suggestion,
                span,
            } => unknown_slot(slot.as_deref(), allowed, suggestion.as_deref(), *span),
            E::TypeMismatch {
                message,
                help,
                left,
                left_label,
                right,
                right_label,
            } => Diagnostic::new(
                &codes::TYPE_MISMATCH,
                message.clone(),
                Label::new(*left, left_label.clone()),
            )
            .with_label(Label::new(*right, right_label.clone()))
            .with_help(help.clone()),
            E::NotACondition { found, span } => Diagnostic::new(
                &codes::NOT_A_CONDITION,
                message,
                Label::new(*span, found.as_str()),
            )
            .with_help("a condition is true or false: compare the value, e.g. `… == …` or `… >= …`"),
            E::WrongType {
                message,
                help,
                span,
                label,
            } => Diagnostic::new(
                &codes::WRONG_TYPE,
                message.clone(),
                Label::new(*span, label.clone()),
            )
            .with_help(help.clone()),
            E::MixedDayKind { span } => Diagnostic::new(
                &codes::CALENDAR_AND_WORKING_DAYS,
                Wording::new(
                    message,
                    "срок не может быть одновременно в календарных и в рабочих днях",
                    "мерзім бір мезгілде күнтізбелік те, жұмыс күндері де бола алмайды",
                ),
                Label::new(
                    *span,
                    Wording::new(
                        "calendar and working at once",
                        "календарные и рабочие сразу",
                        "күнтізбелік әрі жұмыс күндері",
                    ),
                ),
            )
            .with_help(Wording::new(
                "write `calendar days` or `working days`; if the law itself says both, encode the reading you chose and record the defect with `allow` and a reason",
                "напишите `calendar days` или `working days`; если сам закон говорит и то и другое, закодируйте выбранное прочтение и запишите дефект через `allow` с причиной",
                "`calendar days` немесе `working days` деп жазыңыз; заңның өзі екеуін де айтса, таңдаған оқылымды жазып, ақауды `allow` және себебімен белгілеңіз",
            )),
            E::UnknownType {
                suggestion, span, ..
            } => Diagnostic::new(&codes::UNKNOWN_TYPE, message, Label::new(*span, "not a type"))
                .with_help(format!(
                    "the types are `date`, `instant`, `bool`, `text`, `number`, `one_of(…)`, `set(…)` and `list {{ … }}`{suggestion}"
                )),
            E::UnknownValue {
                value,
                input,
                help,
                span,
            } => Diagnostic::new(
                &codes::UNKNOWN_VALUE,
                Wording::new(
                    message,
                    format!("`{value}` не входит в значения `{input}`"),
                    format!("`{value}` — `{input}` мәндерінің бірі емес"),
                ),
                Label::new(
                    *span,
                    Wording::new(
                        format!("not a value of `{input}`"),
                        format!("не значение `{input}`"),
                        format!("`{input}` мәні емес"),
                    ),
                ),
            )
            .with_help(help.clone()),
            E::UnknownTimezone { span, .. } => Diagnostic::new(
                &codes::UNKNOWN_TIMEZONE,
                message,
                Label::new(*span, "not a tz database name"),
            )
            .with_help("use a tz database name such as \"Asia/Almaty\""),
            E::OutsideAct {
                help,
                span,
                interval,
                ..
            } => Diagnostic::new(
                &codes::OUTSIDE_ACT,
                message,
                Label::new(*span, format!("in force {interval}")),
            )
            .with_help(help.as_str()),
            E::EmptyInterval { span, .. } => Diagnostic::new(
                &codes::NEVER_IN_FORCE,
                message,
                Label::new(*span, "never in force"),
            )
            .with_help("`since` must be before `until`; check both dates against the law"),
            E::OverlappingVersions { span, .. } => Diagnostic::new(
                &codes::OVERLAPPING_VERSIONS,
                message,
                Label::new(*span, "this version overlaps another"),
            )
            .with_help("give the versions `since`/`until` dates that do not overlap"),
            E::UnknownPersonalField {
                name,
                suggestion,
                span,
            } => super::resolve::unknown_personal_field(name, suggestion.as_deref(), *span),
        }
    }
}

impl From<SemanticError> for Diagnostic {
    fn from(e: SemanticError) -> Diagnostic {
        Diagnostic::from(&e)
    }
}

/// E0208: what the slot is, and which slots the message can have.
fn unknown_slot(
    slot: Option<&str>,
    allowed: &[String],
    suggestion: Option<&str>,
    span: Span,
) -> Diagnostic {
    let message = match slot {
        Some(slot) => Wording::new(
            format!("the message cannot fill `{{{slot}}}`"),
            format!("сообщение не может заполнить `{{{slot}}}`"),
            format!("хабарлама `{{{slot}}}` орнын толтыра алмайды"),
        ),
        None => Wording::new(
            "a brace in a message that opens or closes no slot",
            "фигурная скобка в сообщении не открывает и не закрывает поля",
            "хабарламадағы жақша ешбір орынды ашпайды да, жаппайды да",
        ),
    };
    let label = match slot {
        Some(_) => Wording::new(
            "not a slot of this message",
            "не поле этого сообщения",
            "бұл хабарламаның орны емес",
        ),
        None => Wording::new("stray brace", "лишняя скобка", "артық жақша"),
    };
    let listed = allowed
        .iter()
        .map(|s| format!("`{{{s}}}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let help = match (suggestion, allowed.is_empty(), slot) {
        (Some(s), _, _) => did_you_mean(&format!("{{{s}}}")),
        (None, _, None) => Wording::new(
            "write a brace as text doubled, `{{` or `}}`",
            "скобку как текст пишите дважды: `{{` или `}}`",
            "мәтіндегі жақшаны екі рет жазыңыз: `{{` не `}}`",
        ),
        (None, true, Some(_)) => Wording::new(
            "only a document required for each item of a list has slots (`{n}`, `{nth}`, `{child.FIELD}`); write a brace as text doubled, `{{`",
            "поля есть только у документа, требуемого для каждого элемента списка (`{n}`, `{nth}`, `{child.FIELD}`); скобку как текст пишите дважды, `{{`",
            "орындар тек тізімнің әр элементіне талап етілетін құжатта болады (`{n}`, `{nth}`, `{child.FIELD}`); мәтіндегі жақшаны екі рет жазыңыз, `{{`",
        ),
        (None, false, Some(_)) => Wording::new(
            format!("this message can fill {listed}"),
            format!("это сообщение может заполнить {listed}"),
            format!("бұл хабарлама толтыра алатын орындар: {listed}"),
        ),
    };
    Diagnostic::new(&codes::UNKNOWN_SLOT, message, Label::new(span, label)).with_help(help)
}
