//! An analysis error as a diagnostic: its message, labels and help in English, Russian and
//! Kazakh.

use super::words::{Case, did_you_mean, name_kind, verdicts_help};
use super::{SemanticError, Subject};
use crate::codes;
use crate::diagnostic::{Diagnostic, Label};
use crate::source::Span;
use crate::vocab::{Lang, Wording, russian_plural};

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
                name,
                span,
                first,
            } => {
                let (ru, participle, kk) = name_kind(what);
                Diagnostic::new(
                    &codes::DUPLICATE_NAME,
                    Wording::new(
                        message,
                        format!("{ru} `{name}` {participle} дважды"),
                        format!("{kk} `{name}` екі рет анықталған"),
                    ),
                    Label::new(
                        *span,
                        Wording::new(
                            "defined again here",
                            "повторное определение здесь",
                            "осында қайта анықталған",
                        ),
                    ),
                )
                .with_label(Label::new(
                    *first,
                    Wording::new(
                        "first defined here",
                        "первое определение здесь",
                        "алғаш осында анықталған",
                    ),
                ))
                .with_help(Wording::new(
                    format!("give each {what} a unique name, or delete one of the two definitions"),
                    "дайте им разные имена или удалите одно из двух определений",
                    "оларға әртүрлі атау беріңіз немесе екі анықтаманың бірін алып тастаңыз",
                ))
            }
            E::StepCycle { cycle, span } => Diagnostic::new(
                &codes::STEP_CYCLE,
                Wording::new(
                    message,
                    format!("сроки шагов {cycle} зависят друг от друга по кругу"),
                    format!("{cycle} қадамдарының мерзімдері бір-біріне тұйық шеңбер бойынша тәуелді"),
                ),
                Label::new(
                    *span,
                    Wording::new(
                        "this step counts from a later one",
                        "этот шаг отсчитывается от более позднего",
                        "бұл қадам кейінгі қадамнан бастап есептеледі",
                    ),
                ),
            )
            .with_help(Wording::new(
                "every step's deadline must count from `submitted_at` or from an earlier step; break the circle",
                "срок каждого шага должен отсчитываться от `submitted_at` или от более раннего шага; разорвите круг",
                "әр қадамның мерзімі `submitted_at` немесе алдыңғы қадамнан бастап есептелуі тиіс; тұйық шеңберді үзіңіз",
            )),
            E::LetTooLarge { name, parts, span } => {
                let (most, deep) = crate::semantic::resolve::LET_LIMITS;
                let n = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
                Diagnostic::new(
                    &codes::NESTING_TOO_DEEP,
                    Wording::new(
                        message,
                        format!(
                            "`let {name}` слишком велико после подстановки `let`, которые в нём названы ({parts} {})",
                            russian_plural(n(*parts), "часть", "части", "частей")
                        ),
                        format!(
                            "`let {name}` онда аталған `let` анықтамалары қойылғаннан кейін тым үлкен ({parts} бөлік)"
                        ),
                    ),
                    Label::new(*span, Wording::new("this let", "этот `let`", "осы `let`")),
                )
                .with_help(Wording::new(
                    format!(
                        "a `let`, with the lets it names put in, has at most {most} parts and {deep} levels: name each part once and combine fewer copies of it"
                    ),
                    format!(
                        "`let` вместе с подставленными в него `let` может иметь не более {most} {} и {deep} {}: назовите каждую часть один раз и объединяйте меньше её копий",
                        russian_plural(n(most), "части", "частей", "частей"),
                        russian_plural(n(deep), "уровня", "уровней", "уровней")
                    ),
                    format!(
                        "`let` оған қойылған `let` анықтамаларымен бірге ең көбі {most} бөліктен және {deep} деңгейден тұрады: әр бөлікті бір рет атап, оның көшірмелерін азырақ біріктіріңіз"
                    ),
                ))
            }
            E::AllowWithoutReason { lint, span } => Diagnostic::new(
                &codes::ALLOW_WITHOUT_REASON,
                Wording::new(
                    message,
                    format!("у `allow {lint}` не указана причина"),
                    format!("`allow {lint}` себебі көрсетілмеген"),
                ),
                Label::new(
                    *span,
                    Wording::new("reason missing", "нет причины", "себебі жоқ"),
                ),
            )
            .with_help(Wording::new(
                format!("write why the defect is recorded as it is: `allow {lint} because \"…\"`"),
                format!("напишите, почему дефект записан именно так: `allow {lint} because \"…\"`"),
                format!("ақаудың неге дәл осылай жазылғанын жазыңыз: `allow {lint} because \"…\"`"),
            )),
            E::UnknownFunction { name, span } => Diagnostic::new(
                &codes::UNKNOWN_FUNCTION,
                Wording::new(
                    message,
                    format!("неизвестная функция `{name}`"),
                    format!("`{name}` функциясы белгісіз"),
                ),
                Label::new(
                    *span,
                    Wording::new("not a function", "не функция", "функция емес"),
                ),
            )
            .with_help(Wording::new(
                "the functions are `age(birth_date, on: date)`",
                "функции языка: `age(birth_date, on: date)`",
                "тілдің функциялары: `age(birth_date, on: date)`",
            )),
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
                Wording::new(
                    message,
                    format!("здесь {}, а не условие", found.get(Lang::Ru)),
                    format!("бұл — {}, шарт емес", found.get(Lang::Kk)),
                ),
                Label::new(*span, found.clone()),
            )
            .with_help(Wording::new(
                "a condition is true or false: compare the value, e.g. `… == …` or `… >= …`",
                "условие либо истинно, либо ложно: сравните значение, например `… == …` или `… >= …`",
                "шарт не ақиқат, не жалған болады: мәнді салыстырыңыз, мысалы `… == …` немесе `… >= …`",
            )),
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
                name,
                suggestion,
                span,
            } => {
                let types = "`date`, `instant`, `bool`, `text`, `number`, `one_of(…)`, `set(…)`";
                let all = Wording::new(
                    format!("the types are {types} and `list {{ … }}`"),
                    format!("типы: {types} и `list {{ … }}`"),
                    format!("типтер: {types} және `list {{ … }}`"),
                );
                let help = match suggestion {
                    Some(s) => all.join("; ", &did_you_mean(s)),
                    // `x: personal`, the type left out or written after it
                    None if name == "personal" => all.join(
                        "; ",
                        &Wording::new(
                            "`personal` goes after the type, like `birth_date: date personal`",
                            "`personal` пишется после типа, например `birth_date: date personal`",
                            "`personal` типтен кейін жазылады, мысалы `birth_date: date personal`",
                        ),
                    ),
                    None => all,
                };
                Diagnostic::new(
                    &codes::UNKNOWN_TYPE,
                    Wording::new(
                        message,
                        format!("неизвестный тип `{name}`"),
                        format!("`{name}` типі белгісіз"),
                    ),
                    Label::new(*span, Wording::new("not a type", "не тип", "тип емес")),
                )
                .with_help(help)
            }
            E::UnknownValue {
                value,
                input,
                help,
                span,
            } => {
                let (en, ru, kk) = match input {
                    Some(i) => (format!("`{i}`"), format!("`{i}`"), format!("`{i}`")),
                    None => (
                        String::from("the compared value"),
                        String::from("сравниваемой величины"),
                        String::from("салыстырылатын шама"),
                    ),
                };
                Diagnostic::new(
                    &codes::UNKNOWN_VALUE,
                    Wording::new(
                        message,
                        format!("`{value}` не входит в значения {ru}"),
                        format!("`{value}` — {kk} мәндерінің бірі емес"),
                    ),
                    Label::new(
                        *span,
                        Wording::new(
                            format!("not a value of {en}"),
                            format!("не значение {ru}"),
                            format!("{kk} мәні емес"),
                        ),
                    ),
                )
                .with_help(help.clone())
            }
            E::UnknownTimezone { name, span } => Diagnostic::new(
                &codes::UNKNOWN_TIMEZONE,
                Wording::new(
                    message,
                    format!("неизвестный часовой пояс `{name}`"),
                    format!("`{name}` уақыт белдеуі белгісіз"),
                ),
                Label::new(
                    *span,
                    Wording::new(
                        "not a tz database name",
                        "не имя из базы tz",
                        "tz дерекқорындағы атау емес",
                    ),
                ),
            )
            .with_help(Wording::new(
                "use a tz database name such as \"Asia/Almaty\"",
                "укажите имя из базы tz, например \"Asia/Almaty\"",
                "tz дерекқорындағы атауды жазыңыз, мысалы \"Asia/Almaty\"",
            )),
            E::OutsideAct {
                what,
                container,
                container_interval,
                span,
                interval,
            } => outside(what, container, container_interval, *span, interval),
            E::EmptyInterval {
                what,
                since,
                until,
                span,
            } => Diagnostic::new(
                &codes::NEVER_IN_FORCE,
                Wording::new(
                    message,
                    format!(
                        "{} никогда не действует: начинается {since}, а заканчивается {until}",
                        what.ru(Case::Nominative)
                    ),
                    format!(
                        "{} ешқашан күшінде емес: {since} күні басталып, {until} күні аяқталады",
                        what.kk(Case::Nominative)
                    ),
                ),
                Label::new(
                    *span,
                    Wording::new(
                        "never in force",
                        "никогда не действует",
                        "ешқашан күшінде емес",
                    ),
                ),
            )
            .with_help(Wording::new(
                "`since` must be before `until`; check both dates against the law",
                "дата `since` должна быть раньше `until`; сверьте обе даты с законом",
                "`since` күні `until` күнінен бұрын болуы тиіс; екі күнді де заңмен салыстырыңыз",
            )),
            E::OverlappingVersions { name, day, span } => Diagnostic::new(
                &codes::OVERLAPPING_VERSIONS,
                Wording::new(
                    message,
                    format!("{day} действуют две редакции услуги `{name}`"),
                    format!("{day} күні `{name}` қызметінің екі редакциясы күшінде"),
                ),
                Label::new(
                    *span,
                    Wording::new(
                        "this version overlaps another",
                        "эта редакция пересекается с другой",
                        "бұл редакция басқасымен қабаттасады",
                    ),
                ),
            )
            .with_help(Wording::new(
                "give the versions `since`/`until` dates that do not overlap",
                "задайте редакциям даты `since`/`until`, которые не пересекаются",
                "редакцияларға бір-бірімен қабаттаспайтын `since`/`until` күндерін беріңіз",
            )),
            E::UnknownPersonalField {
                name,
                suggestion,
                span,
            } => crate::semantic::resolve::unknown_personal_field(
                name,
                suggestion.as_deref(),
                *span,
            ),
        }
    }
}

impl From<SemanticError> for Diagnostic {
    fn from(e: SemanticError) -> Diagnostic {
        Diagnostic::from(&e)
    }
}

/// E0401: an element in force outside the act or service it belongs to.
fn outside(
    what: &Subject,
    container: &Subject,
    container_interval: &Wording,
    span: Span,
    interval: &Wording,
) -> Diagnostic {
    let (en, ru, kk) = (Lang::En, Lang::Ru, Lang::Kk);
    Diagnostic::new(
        &codes::OUTSIDE_ACT,
        Wording::new(
            format!("{what} is in force outside the validity of {container}"),
            format!(
                "{} действует вне срока действия {}",
                what.ru(Case::Nominative),
                container.ru(Case::Genitive)
            ),
            format!(
                "{} {} қолданылу мерзімінен тыс күшінде",
                what.kk(Case::Nominative),
                container.kk(Case::Genitive)
            ),
        ),
        Label::new(
            span,
            Wording::new(
                format!("in force {}", interval.get(en)),
                format!("действует {}", interval.get(ru)),
                format!("{} күшінде", interval.get(kk)),
            ),
        ),
    )
    .with_help(Wording::new(
        format!(
            "{container} is in force {}; bound the element with `since`/`until` inside that interval",
            container_interval.get(en)
        ),
        format!(
            "{} действует {}; ограничьте элемент датами `since`/`until` внутри этого периода",
            container.ru(Case::Nominative),
            container_interval.get(ru)
        ),
        format!(
            "{} {} күшінде; элементті осы кезең ішінде `since`/`until` күндерімен шектеңіз",
            container.kk(Case::Nominative),
            container_interval.get(kk)
        ),
    ))
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
