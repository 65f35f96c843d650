//! Why no schema can be given for a service: no service has the id (with the closest id, if
//! one is close), or none of its versions is in force on the day asked for.

use chrono::NaiveDate;

use crate::semantic::model::Interval;
use crate::vocab::Lang;

/// Why no bundle schema can be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaError {
    /// No service has this id.
    UnknownService {
        /// The id asked for.
        id: String,
        /// The closest id of a service, if one is close.
        suggestion: Option<String>,
        /// Every service id, sorted.
        services: Vec<String>,
    },
    /// The service has no version in force on the day.
    NotInForce {
        /// The service.
        id: String,
        /// The day asked for.
        day: NaiveDate,
        /// When each version is in force: `[from, until)`, an open end as `…`.
        versions: Vec<String>,
    },
}

impl SchemaError {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SchemaError::UnknownService { id, .. }, Lang::En) => format!("no service `{id}`"),
            (SchemaError::UnknownService { id, .. }, Lang::Ru) => format!("нет услуги `{id}`"),
            (SchemaError::UnknownService { id, .. }, Lang::Kk) => format!("`{id}` қызметі жоқ"),
            (SchemaError::NotInForce { id, day, .. }, Lang::En) => {
                format!("service `{id}` is not in force on {day}")
            }
            (SchemaError::NotInForce { id, day, .. }, Lang::Ru) => {
                format!("услуга `{id}` не действует на {day}")
            }
            (SchemaError::NotInForce { id, day, .. }, Lang::Kk) => {
                format!("`{id}` қызметі {day} күні күшінде емес")
            }
        }
    }

    /// What to do, in `lang`.
    pub fn help(&self, lang: Lang) -> String {
        match self {
            SchemaError::UnknownService {
                suggestion: Some(s),
                ..
            } => match lang {
                Lang::En => format!("did you mean `{s}`?"),
                Lang::Ru => format!("возможно, имелась в виду `{s}`?"),
                Lang::Kk => format!("`{s}` деп айтқыңыз келді ме?"),
            },
            SchemaError::UnknownService { services, .. } => {
                let list = services.join(", ");
                match lang {
                    Lang::En => format!("the services are: {list}"),
                    Lang::Ru => format!("услуги: {list}"),
                    Lang::Kk => format!("қызметтер: {list}"),
                }
            }
            SchemaError::NotInForce { versions, .. } => {
                let list = versions.join(", ");
                match lang {
                    Lang::En => format!(
                        "its versions are in force on these days (the last one not included): {list}; name a day inside one with `--as-of`"
                    ),
                    Lang::Ru => format!(
                        "её редакции действуют в эти дни (последний не включается): {list}; укажите день внутри одной из них в `--as-of`"
                    ),
                    Lang::Kk => format!(
                        "оның редакциялары мына күндері күшінде (соңғы күн кірмейді): {list}; `--as-of` арқылы солардың біріндегі күнді көрсетіңіз"
                    ),
                }
            }
        }
    }
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SchemaError {}

/// `[2015-08-09, 2020-04-14)`, an open end as `…`.
pub(super) fn interval(i: &Interval) -> String {
    let end = |d: Option<NaiveDate>| d.map_or_else(|| String::from("…"), |d| d.to_string());
    format!("[{}, {})", end(i.from), end(i.until))
}
