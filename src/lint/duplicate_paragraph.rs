//! `duplicate-paragraph`: two paragraphs with one number in an act or annex.

use std::collections::HashMap;

use super::Context;
use super::registry::declare_lint;
use super::words::{Case, Part};
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a number given twice in a `paragraphs` list (the numbering of an act or an
    /// annex as its text has it, excluded paragraphs included).
    ///
    /// ## Why it matters
    /// A citation of "§ 12" must point at one paragraph. When an amendment excludes a
    /// paragraph and adds another under the same number, every later citation of that
    /// number is ambiguous, and so is every earlier one read after the amendment.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 1 "the regulation"
    ///   annex 1 paragraphs 1, 2, 3 excluded by kz.example.order_2, 3
    /// }
    /// act kz.example.order_2 { kind order issued 2019-01-01 number "2" in_force 2019-01-10 }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 1 "the regulation"
    ///   annex 1 paragraphs 1, 2, 3 excluded by kz.example.order_2, 4
    /// }
    /// act kz.example.order_2 { kind order issued 2019-01-01 number "2" in_force 2019-01-10 }
    /// ```
    pub static DUPLICATE_PARAGRAPH = codes::DUPLICATE_PARAGRAPH, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for (name, act) in &cx.model().acts {
        for list in &act.decl.paragraphs {
            let whose = Part {
                act: name,
                annex: list.annex.as_ref().map(|a| a.node),
                of: None,
            };
            let mut first = HashMap::new();
            for (number, excluded) in &list.entries {
                let Some((before, before_excluded)) = first.get(number.node.as_str()).copied()
                else {
                    first.insert(number.node.as_str(), (number.span, excluded.is_some()));
                    continue;
                };
                let n = &number.node;
                let mut d = cx
                    .finding(
                        Wording::new(
                            format!("{} has two paragraphs {n}", whose.en()),
                            format!("в {} два пункта {n}", whose.ru(Case::Prepositional)),
                            format!("{}: {n}-тармақ екі рет бар", whose.kk()),
                        ),
                        Label::new(number.span, super::words::again_here()),
                    )
                    .with_label(Label::new(before, super::words::first_here()))
                    .with_help(Wording::new(
                        "keep the numbering as the text has it and `allow duplicate-paragraph` with the defect; cite such a paragraph with a note saying which one is meant",
                        "оставьте нумерацию как в тексте и запишите дефект через `allow duplicate-paragraph`; ссылаясь на такой пункт, поясните в примечании, какой из них имеется в виду",
                        "нөмірлеуді мәтіндегідей қалдырып, ақауды `allow duplicate-paragraph` арқылы белгілеңіз; мұндай тармаққа сілтеме жасағанда, қайсысы көзделгенін ескертпеде көрсетіңіз",
                    ));
                if before_excluded {
                    d = d.with_note(Wording::new(
                        "the first was excluded, and its number given to a new paragraph",
                        "первый пункт был исключён, а его номер присвоен новому пункту",
                        "бірінші тармақ алып тасталып, оның нөмірі жаңа тармаққа берілген",
                    ));
                }
                cx.emit(d);
            }
        }
    }
}
