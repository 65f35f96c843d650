//! `reference-of-wrong-kind`: an act or annex that the text names as what it is not.

use super::Context;
use super::registry::declare_lint;
use super::words::{Case, Part, document_kind};
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::{Lang, Wording};

declare_lint! {
    /// Finds a `refers to ACT annex N as KIND` (how an act's text names an act or one of its
    /// annexes, itself included: "this standard") whose `KIND` differs from the `kind` the
    /// record gives that act or annex (`kind order`, `annex 4 "…" kind regulation`).
    ///
    /// ## Why it matters
    /// A regulation says how officials work; a standard says what the applicant is owed. A
    /// regulation that sends the reader to "paragraph 10 of this standard" points into a
    /// document of the wrong kind: its own paragraph 10 is about something else, and the
    /// standard's paragraph 10 is only a guess. Grounds for refusal cited that way cannot be
    /// verified.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 4 "the regulation" kind regulation
    ///   refers to kz.example.order_1 annex 4 as standard at "annex 4 § 4"
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 4 "the regulation" kind regulation
    ///   refers to kz.example.order_1 annex 4 as regulation at "annex 4 § 4"
    /// }
    /// ```
    pub static REFERENCE_OF_WRONG_KIND = codes::REFERENCE_OF_WRONG_KIND, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    let acts = &cx.model().acts;
    for (name, act) in acts {
        for r in &act.decl.references {
            let Some(called) = &r.as_kind else { continue };
            let Some(target) = acts.get(&r.to.node) else {
                continue;
            };
            let (recorded, what) = match &r.annex {
                Some(n) => (
                    target
                        .decl
                        .annexes
                        .iter()
                        .find(|a| a.of.is_none() && a.number.node == n.node)
                        .and_then(|a| a.kind.as_ref()),
                    Some(n.node),
                ),
                None => (target.decl.kind.as_ref(), None),
            };
            let what = Part {
                act: &r.to.node,
                annex: what,
                of: None,
            };
            let Some(recorded) = recorded else { continue };
            if recorded.node == called.node {
                continue;
            }
            // where the referring act says it: its own words, so quoted in Russian and Kazakh
            let (at, at_quoted) = r.at.as_ref().map_or((String::new(), String::new()), |a| {
                (format!(" at {}", a.node), format!(" (`{}`)", a.node))
            });
            let (is, says) = (&recorded.node, &called.node);
            let (is_in, says_in) = (document_kind(is), document_kind(says));
            let d = cx
                .finding(
                    Wording::new(
                        format!("act `{name}`{at} calls {} a {says}; it is a {is}", what.en()),
                        format!(
                            "акт `{name}`{at_quoted} называет {} «{}», а это «{}»",
                            what.ru(Case::Nominative),
                            says_in.get(Lang::Ru),
                            is_in.get(Lang::Ru)
                        ),
                        format!(
                            "`{name}` актісі{at_quoted} {} «{}» деп атайды, ал ол «{}»",
                            what.kk_accusative(),
                            says_in.get(Lang::Kk),
                            is_in.get(Lang::Kk)
                        ),
                    ),
                    Label::new(
                        called.span,
                        Wording::new(
                            "as the text calls it",
                            "как его называет текст",
                            "мәтін оны осылай атайды",
                        ),
                    ),
                )
                .with_label(Label::new(
                    recorded.span,
                    Wording::new(
                        format!("recorded as a {is}"),
                        format!("записано как «{}»", is_in.get(Lang::Ru)),
                        format!("«{}» ретінде жазылған", is_in.get(Lang::Kk)),
                    ),
                ))
                .with_help(Wording::new(
                    "keep the reference as the text writes it and `allow reference-of-wrong-kind` with the defect, saying which document the rules read it as",
                    "оставьте ссылку так, как она написана в тексте, и запишите дефект через `allow reference-of-wrong-kind`, указав, каким документом её считают правила",
                    "сілтемені мәтінде жазылғандай қалдырып, ақауды `allow reference-of-wrong-kind` арқылы белгілеңіз және ережелер оны қай құжат деп оқитынын көрсетіңіз",
                ));
            cx.emit(d);
        }
    }
}
