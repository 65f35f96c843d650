//! The value types of the language (an input's, a field's, an expression's) and the unit
//! families of durations.

use crate::vocab::Wording;

/// The value types of the language.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// Yes/no.
    Bool,
    /// Free text.
    Text,
    /// A whole number.
    Number,
    /// A calendar date.
    Date,
    /// A moment in time with an offset.
    Instant,
    /// A length of time in a unit family.
    Duration(UnitFamily),
    /// One value of a closed list.
    Enum(Vec<String>),
    /// Any number of distinct values of a closed list.
    Set(Vec<String>),
    /// A list of records.
    List(Vec<FieldDef>),
    /// Unknown after an error (suppresses follow-up errors).
    Error,
}

impl Type {
    /// The type in a lawyer's words.
    pub fn describe(&self) -> String {
        match self {
            Type::Bool => "a yes/no fact".into(),
            Type::Text => "a text".into(),
            Type::Number => "a number".into(),
            Type::Date => "a date".into(),
            Type::Instant => "a moment in time".into(),
            Type::Duration(f) => format!("a duration in {}", f.describe()),
            Type::Enum(values) => format!("one of ({})", values.join(", ")),
            Type::Set(values) => format!("a set of ({})", values.join(", ")),
            Type::List(_) => "a list of records".into(),
            Type::Error => "an unknown value".into(),
        }
    }

    /// The type in a lawyer's words, in English, Russian and Kazakh.
    pub fn describe_words(&self) -> Wording {
        let (ru, kk) = match self {
            Type::Bool => (String::from("факт да/нет"), String::from("иә/жоқ факті")),
            Type::Text => (String::from("текст"), String::from("мәтін")),
            Type::Number => (String::from("число"), String::from("сан")),
            Type::Date => (String::from("дата"), String::from("күн")),
            Type::Instant => (String::from("момент времени"), String::from("уақыт сәті")),
            Type::Duration(f) => {
                let (ru, kk) = f.describe_ru_kk();
                (format!("срок в {ru}"), format!("{kk} мерзім"))
            }
            Type::Enum(values) => (
                format!("одно из ({})", values.join(", ")),
                format!("({}) біреуі", values.join(", ")),
            ),
            Type::Set(values) => (
                format!("набор из ({})", values.join(", ")),
                format!("({}) жиыны", values.join(", ")),
            ),
            Type::List(_) => (
                String::from("список записей"),
                String::from("жазбалар тізімі"),
            ),
            Type::Error => (
                String::from("неизвестное значение"),
                String::from("белгісіз мән"),
            ),
        };
        Wording::new(self.describe(), ru, kk)
    }
}

/// Durations that can be compared or added with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitFamily {
    /// Minutes and hours.
    Clock,
    /// Days of any kind.
    Days,
    /// Months and years.
    Months,
}

impl UnitFamily {
    /// Of which family a unit is.
    pub fn of(unit: crate::vocab::DurationUnit) -> UnitFamily {
        use crate::vocab::DurationUnit as U;
        match unit {
            U::Minutes | U::Hours => UnitFamily::Clock,
            U::CalendarDays | U::WorkingDays | U::UnstatedDays | U::CalendarWorkingDays => {
                UnitFamily::Days
            }
            U::Months | U::Years => UnitFamily::Months,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            UnitFamily::Clock => "minutes or hours",
            UnitFamily::Days => "days",
            UnitFamily::Months => "months or years",
        }
    }

    fn describe_ru_kk(self) -> (&'static str, &'static str) {
        match self {
            UnitFamily::Clock => ("минутах или часах", "минуттық немесе сағаттық"),
            UnitFamily::Days => ("днях", "күндік"),
            UnitFamily::Months => ("месяцах или годах", "айлық немесе жылдық"),
        }
    }
}

/// A field of a list's records.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDef {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: Type,
    /// Marked `personal` (or its list is): its values tell who the applicant is.
    pub personal: bool,
}
