//! `empty-annex`: an annex whose text has only its heading.

use super::Context;
use super::registry::declare_lint;
use super::words::{Case, Part};
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds an annex recorded as `empty`: its text has its heading (and amendment notes)
    /// but no body, as happens when an annex is a drawing or a table that the published
    /// text does not carry.
    ///
    /// ## Why it matters
    /// An annex is part of the act: what it says binds as the paragraphs do. When a
    /// paragraph refers to an annex for the detail of a procedure and the annex has no body,
    /// that detail is unknown, and no rule can be written or checked against it.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 1 "the regulation"
    ///   annex 2 of annex 1 "the reference book of the business processes" empty
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 1 "the regulation"
    ///   annex 2 of annex 1 "the reference book of the business processes"
    /// }
    /// ```
    pub static EMPTY_ANNEX = codes::EMPTY_ANNEX, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for (name, act) in &cx.model().acts {
        for annex in &act.decl.annexes {
            let Some(empty) = annex.empty else { continue };
            let n = annex.number.node;
            let whose = Part {
                act: name,
                annex: Some(n),
                of: annex.of.as_ref().map(|of| of.node),
            };
            let d = cx
                .finding(
                    Wording::new(
                        format!("{} has only its heading", whose.en()),
                        format!("у {} есть только заголовок", whose.ru(Case::Genitive)),
                        format!("{}: тек тақырыбы бар", whose.kk()),
                    ),
                    Label::new(
                        empty,
                        Wording::new(
                            "recorded as empty",
                            "записано как пустое",
                            "бос деп жазылған",
                        ),
                    ),
                )
                .with_label(Label::new(
                    annex.number.span,
                    Wording::new("this annex", "это приложение", "осы қосымша"),
                ))
                .with_help(Wording::new(
                    "find the annex's body in the registry of legal acts and record what it says; until then `allow empty-annex` with the defect",
                    "найдите текст приложения в реестре нормативных правовых актов и запишите, что в нём сказано; до тех пор запишите дефект через `allow empty-annex`",
                    "қосымшаның мәтінін нормативтік құқықтық актілер тізілімінен тауып, онда не айтылғанын жазыңыз; оған дейін ақауды `allow empty-annex` арқылы белгілеңіз",
                ));
            cx.emit(d);
        }
    }
}
