//! `unknown-lint`: an `allow` that names no lint.

use super::Context;
use super::elements::elements;
use super::registry::{LINTS, declare_lint};
use crate::codes;
use crate::diagnostic::{Edit, Label};
use crate::vocab::Wording;

declare_lint! {
    /// Finds an `allow NAME because "…"` whose `NAME` is neither the name nor the code of a
    /// lint, and offers the closest name.
    ///
    /// ## Why it matters
    /// A misspelt suppression suppresses nothing: the finding it meant to record as a known
    /// defect of the law still fails the run, and the reason written for it is lost from
    /// every listing. A suppression is part of the legal record of a rule file; it must name
    /// what it answers for.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   allow unknown-entry-into-forse because "the publication date is not known"
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    /// }
    /// ```
    pub static UNKNOWN_LINT = codes::UNKNOWN_LINT, Deny, check;
}

fn check(cx: &mut Context<'_>) {
    for el in elements(cx.files()) {
        for allow in &el.provenance.allows {
            let name = allow.lint.node.as_str();
            if super::lookup(name).is_some() {
                continue;
            }
            let near = crate::suggest::suggest(name, LINTS.iter().map(|l| l.code.name));
            let mut d = cx.finding(
                Wording::new(
                    format!("no lint is named `{name}`"),
                    format!("нет проверки с именем `{name}`"),
                    format!("`{name}` деп аталатын тексеру жоқ"),
                ),
                Label::new(
                    allow.lint.span,
                    Wording::new(
                        "not a lint's name or code",
                        "не имя и не код проверки",
                        "тексерудің атауы да, коды да емес",
                    ),
                ),
            );
            d = match near {
                Some(near) => d
                    .with_help(Wording::new(
                        format!("did you mean `{near}`? `ereje lint --list` lists every lint"),
                        format!("возможно, имелось в виду `{near}`? `ereje lint --list` выводит все проверки"),
                        format!("`{near}` деп жазғыңыз келді ме? `ereje lint --list` барлық тексерулерді көрсетеді"),
                    ))
                    .with_fix(
                        Wording::new(
                            format!("write `{near}`"),
                            format!("напишите `{near}`"),
                            format!("`{near}` деп жазыңыз"),
                        ),
                        vec![Edit {
                            span: allow.lint.span,
                            replacement: near.to_string(),
                        }],
                    ),
                None => d.with_help(Wording::new(
                    "`ereje lint --list` lists every lint by name and code",
                    "`ereje lint --list` выводит все проверки с их именами и кодами",
                    "`ereje lint --list` барлық тексерулерді атауы мен коды бойынша көрсетеді",
                )),
            };
            cx.emit(d);
        }
    }
}
