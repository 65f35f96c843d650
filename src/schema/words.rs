//! ereje's own words in a bundle schema, in English, Russian and Kazakh: the titles and
//! descriptions of the envelope's fields, of a document's fields and of an event's. The words
//! of the rules (a service's title, a document's) are the rule files'.
//!
//! A schema carries each text twice: `title` or `description` in the language asked for (what
//! a form generator shows), and all three under `x-titles` or `x-descriptions` (what a form
//! in several languages needs, from one schema).

use serde_json::{Map, Value, json};

use crate::compile::Citation;
use crate::vocab::{Lang, Texts};

/// A text of ereje's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Say {
    /// The schema as a whole.
    Bundle,
    /// `id`.
    Id,
    /// `service`.
    Service,
    /// `submitted_at`.
    SubmittedAt,
    /// `channel`.
    Channel,
    /// `applicant`.
    Applicant,
    /// `checks`.
    Checks,
    /// `documents`.
    Documents,
    /// `events`.
    Events,
    /// An element of `events`.
    Event,
    /// An event's `step`.
    Step,
    /// An event's `at`.
    At,
    /// A step the service does not have.
    OtherStep,
    /// An element of `documents`.
    Document,
    /// A document's `kind`.
    Kind,
    /// A document of a kind the service does not know.
    OtherKind,
    /// `number`.
    Number,
    /// `issued_on`.
    IssuedOn,
    /// `expires_on`.
    ExpiresOn,
    /// `language`.
    Language,
    /// `signed`.
    Signed,
    /// `child`.
    Child,
    /// A fact of the service (after its type's words).
    Fact,
    /// A date.
    Date,
    /// An instant.
    Instant,
    /// An ISO 3166-1 alpha-2 code as the standard writes it.
    CountryCode,
    /// An ISO 639-1 code as the standard writes it.
    LanguageCode,
    /// A code in another case than the standard's.
    CodeInAnotherCase,
}

impl Say {
    /// The words: English, Russian, Kazakh.
    fn words(self) -> [&'static str; 3] {
        match self {
            Say::Bundle => [
                "An application bundle, as ereje reads it: a fact, a document or an event that breaks this schema makes the bundle `invalid`.",
                "Пакет заявления в том виде, в каком его читает ereje: факт, документ или событие, нарушающие эту схему, делают пакет недействительным (`invalid`).",
                "ereje оқитын өтініш пакеті: осы схеманы бұзатын факт, құжат немесе оқиға пакетті жарамсыз (`invalid`) етеді.",
            ],
            Say::Id => [
                "Bundle id",
                "Идентификатор пакета",
                "Пакеттің идентификаторы",
            ],
            Say::Service => ["Service", "Услуга", "Қызмет"],
            Say::SubmittedAt => [
                "Submitted at",
                "Дата и время подачи",
                "Тапсырылған күні мен уақыты",
            ],
            Say::Channel => ["Intake channel", "Канал приёма", "Қабылдау арнасы"],
            Say::Applicant => ["Applicant", "Заявитель", "Өтініш беруші"],
            Say::Checks => [
                "Answers of other bodies",
                "Ответы других органов",
                "Басқа органдардың жауаптары",
            ],
            Say::Documents => ["Documents", "Документы", "Құжаттар"],
            Say::Events => [
                "Steps of the process that happened",
                "Состоявшиеся шаги процесса",
                "Процестің орындалған қадамдары",
            ],
            Say::Event => ["Event", "Событие", "Оқиға"],
            Say::Step => ["Step", "Шаг", "Қадам"],
            Say::At => ["When it happened", "Когда это произошло", "Болған уақыты"],
            Say::OtherStep => [
                "A step the service does not have: an `unknown-step` warning, the event is not used",
                "Шаг, которого у услуги нет: предупреждение `unknown-step`, событие не учитывается",
                "Қызметте жоқ қадам: `unknown-step` ескертуі, оқиға ескерілмейді",
            ],
            Say::Document => ["Document", "Документ", "Құжат"],
            Say::Kind => ["Document kind", "Вид документа", "Құжат түрі"],
            Say::OtherKind => [
                "A kind the service does not know: an `unknown-document` warning, its fields are not read",
                "Вид, неизвестный услуге: предупреждение `unknown-document`, поля документа не читаются",
                "Қызметке белгісіз түр: `unknown-document` ескертуі, құжаттың өрістері оқылмайды",
            ],
            Say::Number => ["Number", "Номер", "Нөмірі"],
            Say::IssuedOn => ["Date of issue", "Дата выдачи", "Берілген күні"],
            Say::ExpiresOn => [
                "Last day of validity",
                "Последний день действия",
                "Жарамдылығының соңғы күні",
            ],
            Say::Language => ["Language", "Язык", "Тілі"],
            Say::Signed => ["Signed", "Подписан", "Қол қойылған"],
            Say::Child => [
                "The child it is about: the index in `applicant.children`, from 0",
                "Ребёнок, к которому он относится: индекс в `applicant.children`, с 0",
                "Қатысты бала: `applicant.children` тізіміндегі индексі, 0-ден бастап",
            ],
            Say::Fact => [
                "absent or null: unknown, and what depends on it is pending",
                "отсутствует или null: неизвестен, и то, что от него зависит, не решено (pending)",
                "жоқ немесе null: белгісіз, оған тәуелді нәрсе шешілмеген (pending)",
            ],
            Say::Date => [
                "A date, YYYY-MM-DD, that is a day of the calendar",
                "Дата в виде ГГГГ-ММ-ДД, существующая в календаре",
                "Күнтізбеде бар күн, ЖЖЖЖ-АА-КК түрінде",
            ],
            Say::Instant => [
                "A date and time, RFC 3339, with an offset (`+06:00` or `Z`)",
                "Дата и время по RFC 3339 со смещением (`+06:00` или `Z`)",
                "RFC 3339 бойынша ығысуы бар күн мен уақыт (`+06:00` немесе `Z`)",
            ],
            Say::CountryCode => [
                "ISO 3166-1 alpha-2 code, in capitals",
                "Код ISO 3166-1 alpha-2, заглавными буквами",
                "ISO 3166-1 alpha-2 коды, бас әріптермен",
            ],
            Say::LanguageCode => [
                "ISO 639-1 code, in lower case",
                "Код ISO 639-1, строчными буквами",
                "ISO 639-1 коды, кіші әріптермен",
            ],
            Say::CodeInAnotherCase => [
                "The same code in another case: read as that code, with a `noncanonical-code` warning",
                "Тот же код в другом регистре: читается как этот код, с предупреждением `noncanonical-code`",
                "Басқа регистрдегі сол код: осы код ретінде оқылады, `noncanonical-code` ескертуімен",
            ],
        }
    }

    /// The words in `lang`.
    pub(super) fn get(self, lang: Lang) -> &'static str {
        let [en, ru, kk] = self.words();
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
            Lang::Kk => kk,
        }
    }

    /// The words in every language, by tag, in the order kk, ru, en.
    fn all(self) -> Value {
        let [en, ru, kk] = self.words();
        json!({ "kk": kk, "ru": ru, "en": en })
    }
}

/// Set the schema's `title` (in `lang`) and `x-titles` (in every language) to ereje's words.
pub(super) fn title(schema: &mut Value, say: Say, lang: Lang) {
    put(schema, "title", json!(say.get(lang)));
    put(schema, "x-titles", say.all());
}

/// Set the schema's `description` and `x-descriptions` to ereje's words.
pub(super) fn describe(schema: &mut Value, say: Say, lang: Lang) {
    put(schema, "description", json!(say.get(lang)));
    put(schema, "x-descriptions", say.all());
}

/// Set the schema's `title` and `x-titles` to the rule file's texts (nothing when it has none).
pub(super) fn rule_title(schema: &mut Value, texts: &Texts, lang: Lang) {
    if let Some(text) = texts.get(lang) {
        put(schema, "title", json!(text));
        put(schema, "x-titles", by_language(texts));
    }
}

/// The texts by language tag, in the order written.
pub(super) fn by_language(texts: &Texts) -> Value {
    let mut map = Map::new();
    for (lang, text) in &texts.entries {
        map.insert(lang.node.tag().to_string(), json!(text.node));
    }
    Value::Object(map)
}

/// `x-citations`: each citation as the report gives it (`act`, `ref`), with its words in every
/// language.
pub(super) fn citations(schema: &mut Value, citations: &[Citation]) {
    if citations.is_empty() {
        return;
    }
    let cited: Vec<Value> = citations
        .iter()
        .map(|c| {
            let words: Map<String, Value> = [Lang::Kk, Lang::Ru, Lang::En]
                .into_iter()
                .map(|l| {
                    (
                        l.tag().to_string(),
                        json!(crate::report::words::citation(c, l)),
                    )
                })
                .collect();
            json!({ "act": c.act, "ref": c.reference, "words": words })
        })
        .collect();
    put(schema, "x-citations", Value::Array(cited));
}

/// Set a keyword of a schema object (a schema that is not an object is left as it is).
pub(super) fn put(schema: &mut Value, key: &str, value: Value) {
    if let Value::Object(map) = schema {
        map.insert(key.to_string(), value);
    }
}
