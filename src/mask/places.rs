//! What the rules say a place of the bundle holds, read from the plan: a name of one of the
//! rules' things (shown as given), a personal fact (masked), a value of a closed type (shown
//! when it is one of its values), or free text (masked).

use crate::check::CodeList;
use crate::compile::{InputPlan, ServicePlan};
use crate::semantic::model::{DocField, Type};

use super::policy::Shape;

/// What a place of the bundle holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place<'p> {
    /// The bundle's or the rules' names for things (`id`, `service`, `channel`, a document's
    /// `kind`, an event's `step`): shown as given, even when unknown.
    Name,
    /// A fact or field marked `personal`.
    Personal(Base),
    /// A value of a closed type: shown when it is one of the type's values.
    Closed(Closed<'p>),
    /// Text the rules do not restrict (a `text` fact, a document's `number`, a field no rule
    /// declares): masked, marked or not.
    Free,
}

/// What a personal value is, before its text is seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// A date or a moment.
    Date,
    /// One of a closed list, or a code of a standard list.
    Code,
    /// Anything else: an identifier or a name, as its text shows.
    Content,
}

impl Base {
    /// The shape of a personal text.
    pub(crate) fn shape(self, text: &str) -> Shape {
        match self {
            Base::Date => Shape::Date,
            Base::Code => Shape::Code,
            Base::Content => Shape::of_text(text),
        }
    }
}

/// A closed type of value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Closed<'p> {
    /// `true` or `false`.
    Bool,
    /// A calendar date.
    Date,
    /// A moment with its offset.
    Instant,
    /// A number (an index of `applicant.children` included).
    Number,
    /// One of these values (an enum, a set's member).
    Values(&'p [String]),
    /// A code of a standard list.
    Code(CodeList),
}

impl Closed<'_> {
    /// Whether `text` is a value of the type, so showing it tells nothing of a person.
    pub(crate) fn holds_text(self, text: &str) -> bool {
        match self {
            Closed::Bool | Closed::Number => false,
            Closed::Date => {
                text.len() == 10 && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
            }
            Closed::Instant => chrono::DateTime::parse_from_rfc3339(text).is_ok(),
            Closed::Values(values) => values.iter().any(|v| v.eq_ignore_ascii_case(text)),
            Closed::Code(list) => list.canonical(text).is_some(),
        }
    }
}

/// The places of the bundles of one service (every version of it: a place any version marks
/// personal is personal), and the kinds of the bundle's documents by their place.
pub(crate) struct Places<'p> {
    pub(crate) versions: Vec<&'p ServicePlan>,
    pub(crate) kinds: Vec<Option<String>>,
}

impl<'p> Places<'p> {
    /// What the place at `path` (a pointer's tokens, unescaped) holds.
    pub(crate) fn of(&self, path: &[String]) -> Place<'p> {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        match path.as_slice() {
            ["id" | "service" | "channel"] | ["documents", _, "kind"] | ["events", _, "step"] => {
                Place::Name
            }
            ["submitted_at"] | ["events", _, "at"] => Place::Closed(Closed::Instant),
            ["documents", index, field] => match DocField::from_name(field) {
                Some(field) => self.document_field(index, field),
                None => Place::Free,
            },
            _ => self.input(&path),
        }
    }

    /// A field of the document at `index`: personal when its kind marks it (a kind the
    /// service does not have: when any kind does).
    fn document_field(&self, index: &str, field: DocField) -> Place<'p> {
        let kind = index
            .parse::<usize>()
            .ok()
            .and_then(|i| self.kinds.get(i).cloned().flatten());
        let documents = || {
            self.versions
                .iter()
                .copied()
                .flat_map(|v| v.documents.iter())
        };
        let known = kind
            .as_deref()
            .is_some_and(|k| documents().any(|d| d.kind == k));
        let personal = documents()
            .filter(|d| !known || kind.as_deref() == Some(d.kind.as_str()))
            .any(|d| d.personal.contains(&field));
        match (personal, field) {
            (true, DocField::IssuedOn | DocField::ExpiresOn) => Place::Personal(Base::Date),
            (true, DocField::Language) => Place::Personal(Base::Code),
            (true, _) => Place::Personal(Base::Content),
            (false, DocField::Number) => Place::Free,
            (false, DocField::IssuedOn | DocField::ExpiresOn) => Place::Closed(Closed::Date),
            (false, DocField::Language) => Place::Closed(Closed::Code(CodeList::Language)),
            (false, DocField::Signed) => Place::Closed(Closed::Bool),
            (false, DocField::Child) => Place::Closed(Closed::Number),
        }
    }

    /// A place among the service's inputs: an input itself, a member of a set, a field of a
    /// list's record; anything else (no input declares it) is free text.
    fn input(&self, path: &[&str]) -> Place<'p> {
        let inputs = || self.versions.iter().copied().flat_map(|v| v.inputs.iter());
        let personal = |of: &dyn Fn(&InputPlan) -> bool| inputs().any(of);
        for input in inputs() {
            let declared: Vec<&str> = input.path.iter().map(String::as_str).collect();
            let Some(rest) = path.strip_prefix(declared.as_slice()) else {
                continue;
            };
            let marked = personal(&|i| i.path == input.path && i.personal);
            return match (rest, &input.ty) {
                ([], ty) => typed(ty, marked, CodeList::of_input(&input.name)),
                ([_], Type::Set(_)) if marked => Place::Personal(Base::Code),
                ([_], Type::Set(values)) => Place::Closed(Closed::Values(values)),
                ([_, field], Type::List(fields)) => {
                    let Some(def) = fields.iter().find(|f| f.name == *field) else {
                        return Place::Free;
                    };
                    let marked = personal(&|i| {
                        i.path == input.path
                            && matches!(&i.ty, Type::List(fs)
                                if fs.iter().any(|f| f.name == *field && f.personal))
                    });
                    typed(&def.ty, marked, None)
                }
                _ => Place::Free,
            };
        }
        Place::Free
    }
}

/// The place of a value of a declared type.
fn typed(ty: &Type, personal: bool, code: Option<CodeList>) -> Place<'_> {
    if personal {
        return Place::Personal(match ty {
            Type::Date | Type::Instant => Base::Date,
            Type::Enum(_) | Type::Set(_) => Base::Code,
            Type::Text if code.is_some() => Base::Code,
            _ => Base::Content,
        });
    }
    match ty {
        Type::Bool => Place::Closed(Closed::Bool),
        Type::Date => Place::Closed(Closed::Date),
        Type::Instant => Place::Closed(Closed::Instant),
        Type::Number => Place::Closed(Closed::Number),
        Type::Enum(values) | Type::Set(values) => Place::Closed(Closed::Values(values)),
        Type::Text => code.map_or(Place::Free, |list| Place::Closed(Closed::Code(list))),
        Type::Duration(_) | Type::List(_) | Type::Error => Place::Free,
    }
}
