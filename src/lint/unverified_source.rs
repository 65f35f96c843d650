//! `unverified-source`: a fact recorded as not verified against its source.

use super::Context;
use super::elements::elements;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::{Lang, Wording};

declare_lint! {
    /// Lists, as information, every element marked `unverified "…"`.
    ///
    /// ## Why it matters
    /// The rules record the law as it could be read; where a fact (a date, a list of
    /// documents, a term) comes from a secondary source or an inference, `unverified` says
    /// so. The list of them is the legal team's work list: each one is a finding that could
    /// change when the official text is read.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   unverified "the date of entry into force is read from a news report"
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   source "the registry of legal acts"
    /// }
    /// ```
    pub static UNVERIFIED_SOURCE = codes::UNVERIFIED_SOURCE, Info, check;
}

fn check(cx: &mut Context<'_>) {
    for el in elements(cx.files()) {
        let Some(why) = &el.provenance.unverified else {
            continue;
        };
        let what = el.describe_words(false);
        let (en, ru, kk) = (what.get(Lang::En), what.get(Lang::Ru), what.get(Lang::Kk));
        let d = cx
            .finding(
                Wording::new(
                    format!("{en} is not verified against its source"),
                    format!("{ru}: не сверено с источником"),
                    format!("{kk}: дереккөзбен салыстырылмаған"),
                ),
                Label::new(why.span, Wording::new("unverified", "не сверено", "салыстырылмаған")),
            )
            .with_help(Wording::new(
                "read the official text and record what it says, then remove `unverified`",
                "прочитайте официальный текст и запишите, что в нём сказано, затем удалите `unverified`",
                "ресми мәтінді оқып, онда не айтылғанын жазыңыз, содан кейін `unverified` белгісін алып тастаңыз",
            ));
        cx.emit(d);
    }
}
