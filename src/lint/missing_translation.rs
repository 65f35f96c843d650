//! `missing-translation`: a message or title missing in Kazakh or Russian.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::source::Span;
use crate::syntax::ast::Decl;
use crate::vocab::{Lang, Texts, Wording};

declare_lint! {
    /// Finds a `message` (of a document, a refusal ground, a `valid when` rule) or a `title`
    /// (of a service or a document) written in some language but not in Kazakh or not in
    /// Russian. Refusal grounds and acts may have titles in one language: a ground's message
    /// is what reports show, and an act is titled in the language of its official text.
    ///
    /// ## Why it matters
    /// Kazakh is the state language and Russian is used officially beside it: a public
    /// service answers an applicant in the language of the application. A finding whose
    /// message exists in English only reaches a Kazakh- or Russian-speaking applicant in a
    /// language they did not choose.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport {
    ///     required always
    ///     message en "a passport is required"
    ///     § 9(2)
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport {
    ///     required always
    ///     message kk "паспорт қажет" ru "нужен паспорт" en "a passport is required"
    ///     § 9(2)
    ///   }
    /// }
    /// ```
    pub static MISSING_TRANSLATION = codes::MISSING_TRANSLATION, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    // whose text it is: in English, in the Russian genitive («у услуги …») and in Kazakh
    let mut texts: Vec<(&Texts, &str, Wording, Span)> = Vec::new();
    for file in cx.files() {
        for decl in &file.decls {
            let Decl::Service(s) = decl else { continue };
            let name = &s.name.node;
            let sv = Wording::new(
                format!("service `{name}`"),
                format!("услуги `{name}`"),
                format!("`{name}` қызметі"),
            );
            texts.push((&s.title, "title", sv, s.name.span));
            for d in &s.documents {
                let kind = &d.kind.node;
                let doc = Wording::new(
                    format!("document `{kind}`"),
                    format!("документа `{kind}`"),
                    format!("`{kind}` құжаты"),
                );
                texts.push((&d.title, "title", doc.clone(), d.kind.span));
                texts.push((&d.message, "message", doc, d.kind.span));
                for v in &d.validity {
                    let valid = Wording::new(
                        format!("a `valid when` of document `{kind}`"),
                        format!("условия `valid when` документа `{kind}`"),
                        format!("`{kind}` құжатының `valid when` шарты"),
                    );
                    texts.push((&v.message, "message", valid, v.span));
                }
            }
            for r in &s.refusals {
                let name = &r.name.node;
                let ground = Wording::new(
                    format!("refusal `{name}`"),
                    format!("основания для отказа `{name}`"),
                    format!("`{name}` бас тарту негізі"),
                );
                texts.push((&r.message, "message", ground, r.name.span));
            }
        }
    }
    for (t, clause, owner, fallback) in texts {
        if t.entries.is_empty() {
            continue;
        }
        let missing: Vec<&str> = [(Lang::Kk, "kk"), (Lang::Ru, "ru")]
            .into_iter()
            .filter(|(l, _)| !t.has(*l))
            .map(|(_, code)| code)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let span = t.entries.first().map_or(fallback, |(l, _)| l.span);
        let langs = |and: &str| {
            missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(and)
        };
        let (en, ru, kk) = (langs(" and "), langs(" и "), langs(" және "));
        let (owner_en, owner_ru, owner_kk) = (
            owner.get(Lang::En),
            owner.get(Lang::Ru),
            owner.get(Lang::Kk),
        );
        let d = cx
            .finding(
                Wording::new(
                    format!("the {clause} of {owner_en} lacks {en}"),
                    format!("у {owner_ru} нет текста {ru} (`{clause}`)"),
                    format!("{owner_kk}: {kk} мәтіні жоқ (`{clause}`)"),
                ),
                Label::new(
                    span,
                    Wording::new(
                        format!("`{clause}` without {en}"),
                        format!("`{clause}` без {ru}"),
                        format!("`{clause}`: {kk} жоқ"),
                    ),
                ),
            )
            .with_help({
                let add = missing
                    .iter()
                    .map(|m| format!("{m} \"…\""))
                    .collect::<Vec<_>>()
                    .join(" ");
                Wording::new(
                    format!("add `{add}` beside the other languages, in the act's own words where it has them"),
                    format!("добавьте `{add}` рядом с текстами на других языках, словами самого акта, если они в нём есть"),
                    format!("`{add}` мәтінін басқа тілдердегі мәтіндердің жанына, актіде бар болса, актінің өз сөздерімен қосыңыз"),
                )
            });
        cx.emit(d);
    }
}
