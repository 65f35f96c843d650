//! The words of a trace for people, in en, ru and kk: headings, what each line is, and the
//! three truth values. The findings' own messages and the citations come from the report's
//! catalogues (`report::words`).

use super::model::Truth;
use crate::vocab::Lang;

/// What a trace says, in one language.
#[derive(Debug)]
pub(crate) struct Words {
    /// The page's title: "Derivation".
    pub title: &'static str,
    /// "bundle".
    pub bundle: &'static str,
    /// "service".
    pub service: &'static str,
    /// "submitted".
    pub submitted: &'static str,
    /// "law applied on".
    pub as_of: &'static str,
    /// "verdict".
    pub verdict: &'static str,
    /// "rules version".
    pub rules_version: &'static str,
    /// "the version of the service in force".
    pub law: &'static str,
    /// "from {day}": the first day in force.
    pub since_day: &'static str,
    /// "until {day}": the first day no longer in force.
    pub until_day: &'static str,
    /// Of a rule with no `since` or `until` of its own: "as long as the service".
    pub unbounded: &'static str,
    /// "the bundle itself".
    pub input: &'static str,
    /// "applicability".
    pub applicability: &'static str,
    /// "documents".
    pub requirements: &'static str,
    /// "grounds for refusal".
    pub grounds: &'static str,
    /// "steps and deadlines".
    pub steps: &'static str,
    /// "missing facts".
    pub missing_facts: &'static str,
    /// "waiting".
    pub waiting: &'static str,
    /// "in force on the day": with a truth value.
    pub in_force: &'static str,
    /// "copies attached".
    pub attached: &'static str,
    /// "required".
    pub required: &'static str,
    /// "not decided: a copy is attached".
    pub not_decided_attached: &'static str,
    /// "condition".
    pub when: &'static str,
    /// "exemption (unless)".
    pub exemption: &'static str,
    /// "the exemption applied".
    pub exemption_applied: &'static str,
    /// "item": the item of a list.
    pub item: &'static str,
    /// "needs a document".
    pub needs: &'static str,
    /// "copy": an attached document.
    pub copy: &'static str,
    /// "valid when".
    pub valid_when: &'static str,
    /// "holds".
    pub holds: &'static str,
    /// "absent".
    pub absent: &'static str,
    /// "elements".
    pub elements: &'static str,
    /// "missing".
    pub missing: &'static str,
    /// "concluded".
    pub concluded: &'static str,
    /// "no finding".
    pub no_finding: &'static str,
    /// "law".
    pub cited: &'static str,
    /// "rule".
    pub rule: &'static str,
    /// "unverified".
    pub unverified: &'static str,
    /// "within".
    pub within: &'static str,
    /// "after".
    pub after: &'static str,
    /// "due".
    pub due: &'static str,
    /// "happened".
    pub at: &'static str,
    /// "status".
    pub status: &'static str,
    /// "actor".
    pub actor: &'static str,
    /// `true`, `false`, `unknown`.
    pub truth: [&'static str; 3],
}

impl Words {
    /// A truth value in these words.
    pub(crate) fn truth(&self, value: Truth) -> &'static str {
        let [yes, no, unknown] = self.truth;
        match value {
            Truth::True => yes,
            Truth::False => no,
            Truth::Unknown => unknown,
        }
    }
}

/// The words of a trace in `lang`.
pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Kk => &KK,
    }
}

static EN: Words = Words {
    title: "Derivation",
    bundle: "bundle",
    service: "service",
    submitted: "submitted",
    as_of: "law applied on",
    verdict: "verdict",
    rules_version: "rules version",
    law: "the version of the service in force",
    since_day: "from {day}",
    until_day: "until {day}",
    unbounded: "as long as the service",
    input: "the bundle itself",
    applicability: "applicability",
    requirements: "documents",
    grounds: "grounds for refusal",
    steps: "steps and deadlines",
    missing_facts: "missing facts",
    waiting: "waiting",
    in_force: "in force on the day",
    attached: "copies attached",
    required: "required",
    not_decided_attached: "not decided: a copy is attached",
    when: "condition",
    exemption: "exemption (unless)",
    exemption_applied: "the exemption applied",
    item: "item",
    needs: "needs a document",
    copy: "copy",
    valid_when: "valid when",
    holds: "holds",
    absent: "absent",
    elements: "elements",
    missing: "missing",
    concluded: "concluded",
    no_finding: "no finding",
    cited: "law",
    rule: "rule",
    unverified: "unverified",
    within: "within",
    after: "after",
    due: "due",
    at: "happened",
    status: "status",
    actor: "actor",
    truth: ["true", "false", "unknown"],
};

static RU: Words = Words {
    title: "Ход проверки",
    bundle: "заявление",
    service: "услуга",
    submitted: "подано",
    as_of: "применено право на",
    verdict: "итог",
    rules_version: "версия правил",
    law: "редакция услуги, действующая на этот день",
    since_day: "с {day}",
    until_day: "до {day}",
    unbounded: "пока действует услуга",
    input: "само заявление",
    applicability: "применимость",
    requirements: "документы",
    grounds: "основания для отказа",
    steps: "этапы и сроки",
    missing_facts: "недостающие сведения",
    waiting: "ожидают",
    in_force: "действует на этот день",
    attached: "приложено экземпляров",
    required: "требуется",
    not_decided_attached: "не решалось: экземпляр приложен",
    when: "условие",
    exemption: "исключение (unless)",
    exemption_applied: "исключение применено",
    item: "элемент",
    needs: "нужен документ",
    copy: "экземпляр",
    valid_when: "действителен, если",
    holds: "выполняется",
    absent: "нет",
    elements: "элементов",
    missing: "не хватает",
    concluded: "вывод",
    no_finding: "замечаний нет",
    cited: "норма",
    rule: "правило",
    unverified: "не проверено",
    within: "срок",
    after: "после",
    due: "до",
    at: "выполнено",
    status: "статус",
    actor: "участник",
    truth: ["да", "нет", "неизвестно"],
};

static KK: Words = Words {
    title: "Тексеру барысы",
    bundle: "өтініш",
    service: "қызмет",
    submitted: "берілді",
    as_of: "құқық қолданылған күн",
    verdict: "қорытынды",
    rules_version: "ережелер нұсқасы",
    law: "осы күні қолданыстағы қызмет редакциясы",
    since_day: "{day} бастап",
    until_day: "{day} дейін",
    unbounded: "қызмет қолданылғанша",
    input: "өтініштің өзі",
    applicability: "қолданылуы",
    requirements: "құжаттар",
    grounds: "бас тарту негіздері",
    steps: "кезеңдер мен мерзімдер",
    missing_facts: "жетіспейтін мәліметтер",
    waiting: "күтеді",
    in_force: "осы күні қолданыста",
    attached: "тіркелген данасы",
    required: "талап етіледі",
    not_decided_attached: "шешілмеді: данасы тіркелген",
    when: "шарт",
    exemption: "ерекшелік (unless)",
    exemption_applied: "ерекшелік қолданылды",
    item: "элемент",
    needs: "құжат керек",
    copy: "дана",
    valid_when: "жарамды, егер",
    holds: "орындалады",
    absent: "жоқ",
    elements: "элемент",
    missing: "жетіспейді",
    concluded: "қорытынды",
    no_finding: "ескерту жоқ",
    cited: "норма",
    rule: "ереже",
    unverified: "тексерілмеген",
    within: "мерзімі",
    after: "кейін",
    due: "дейін",
    at: "орындалды",
    status: "мәртебесі",
    actor: "қатысушы",
    truth: ["иә", "жоқ", "белгісіз"],
};
