//! A finding's quoted values masked: the value a problem with the bundle names (found where
//! it does not fit), the facts that say why a rule applied, the fields of the list item a
//! missing document is for. Each is masked by the place it was read at; what a finding says
//! about the rules (codes, subjects, pointers, dates the rules compute) stays.

use crate::check::{About, FactValue, Finding, Found, Problem, Reason};

use super::{Masker, policy, tokens};

/// Mask the values `finding` quotes.
pub(super) fn mask(masker: &Masker<'_>, finding: &mut Finding) {
    let pointer = finding.pointer.clone();
    match &mut finding.about {
        About::Input(problem) | About::Unreadable(problem) => {
            self::problem(masker, &pointer, problem);
        }
        About::MissingItemDocument { item, .. } => {
            for (name, value) in item {
                fact(masker, &format!("{pointer}/{name}"), value);
            }
        }
        _ => {}
    }
    for reason in &mut finding.reasons {
        if let Reason::Fact { pointer, value, .. } = reason {
            fact(masker, pointer, value);
        }
    }
}

/// The value a problem quotes, read at `pointer`.
fn problem(masker: &Masker<'_>, pointer: &str, problem: &mut Problem) {
    let text = |t: &mut String| {
        if let Some(masked) = masker.words_at(pointer, t) {
            *t = masked;
        }
    };
    match problem {
        Problem::BadSubmittedAt { text: t }
        | Problem::BadInstant { text: t }
        | Problem::BadEventTime { text: t }
        | Problem::BadDate { text: t } => text(t),
        Problem::UnknownChannel { found }
        | Problem::NotOneOf { value: found, .. }
        | Problem::WrongType { found, .. }
        | Problem::BadChild { found } => self::found(masker, pointer, found),
        Problem::UnknownCode { text: t, meant, .. } => {
            if let Some(masked) = masker.words_at(pointer, t) {
                *t = masked;
                // the code it was meant to be would tell the code
                *meant = meant.map(|m| policy::hidden_static(m.chars().count()));
            }
        }
        Problem::NoncanonicalCode {
            text: t, canonical, ..
        } => {
            if let Some(masked) = masker.words_at(pointer, t) {
                *t = masked;
                *canonical = policy::hidden_static(canonical.chars().count());
            }
        }
        // names of the rules' things, keys, sizes, limits: nothing of a person
        _ => {}
    }
}

/// A value found where it does not fit, read at `pointer`.
fn found(masker: &Masker<'_>, pointer: &str, found: &mut Found) {
    let path = tokens(pointer);
    match found {
        Found::Text(t) => {
            if let Some(shape) = masker.text_shape(&path, t) {
                *t = policy::words(t, shape);
            }
        }
        // a masked number is no number: it is shown as the text of its mask
        Found::Number(n) => {
            if let Some(shape) = masker.number_shape(&path, n) {
                *found = Found::Text(policy::words(n, shape));
            }
        }
        Found::Other(_) => {}
    }
}

/// A fact's value read at `pointer` (a set: each member at its own place).
fn fact(masker: &Masker<'_>, pointer: &str, value: &mut FactValue) {
    let path = tokens(pointer);
    match value {
        FactValue::Text(t) => {
            if let Some(shape) = masker.text_shape(&path, t) {
                *t = policy::words(t, shape);
            }
        }
        FactValue::Number(n) => {
            let raw = n.to_string();
            if let Some(shape) = masker.number_shape(&path, &raw) {
                *value = FactValue::Text(policy::words(&raw, shape));
            }
        }
        FactValue::Members(members) => {
            for (i, member) in members.iter_mut().enumerate() {
                if let Some(masked) = masker.words_at(&format!("{pointer}/{i}"), member) {
                    *member = masked;
                }
            }
        }
        FactValue::Null | FactValue::Bool(_) | FactValue::List(_) | FactValue::Object(_) => {}
    }
}
