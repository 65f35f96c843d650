//! Values written in a standard code list (`check::code_lists`): the applicant's citizenship,
//! a document's language. A value that is no code of its list is `invalid-input`; a code in
//! another case than the standard's is read as that code, with a `noncanonical-code` warning
//! that names the standard spelling.

use super::problem::{InputProblem, Problem};
use crate::check::code_lists::CodeList;
use crate::check::json::Json as Value;
use crate::codes;

/// Check a value against its code list; a value that is not a text is the type check's to
/// report. Its place and subject are written out only for a problem (most values are fine).
pub(super) fn check_code(
    list: CodeList,
    value: &Value,
    (pointer, subject): (impl FnOnce() -> String, impl FnOnce() -> String),
    problems: &mut Vec<InputProblem>,
) {
    let Some(text) = value.as_str() else {
        return;
    };
    match list.canonical(text) {
        None => problems.push(InputProblem::error(
            pointer(),
            subject(),
            Problem::UnknownCode {
                list,
                text: text.to_string(),
                meant: list.meant(text),
            },
        )),
        Some(canonical) if canonical != text => problems.push(InputProblem {
            pointer: pointer(),
            subject: subject(),
            problem: Problem::NoncanonicalCode {
                list,
                text: text.to_string(),
                canonical,
            },
            code: &codes::NONCANONICAL_CODE,
        }),
        Some(_) => {}
    }
}
