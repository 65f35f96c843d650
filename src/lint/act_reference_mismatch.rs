//! `act-reference-mismatch`: an act named with a date or number its record does not have.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::{Lang, Wording};

declare_lint! {
    /// Finds a `refers to ACT dated DATE number "N"` (another act as an act's text names it)
    /// whose date or number differs from that act's record (`issued DATE number "N"`).
    ///
    /// ## Why it matters
    /// An act is identified by its date and number: a reference that gives another date
    /// names, to the letter, an act that does not exist, and a court or an official may read
    /// it so. Two references to one act that give it different dates cannot both be right.
    /// The rules record each reference as the text writes it; the lint compares it with the
    /// act's record.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2014-03-11 number "152" }
    /// act kz.example.order_2 {
    ///   kind order
    ///   issued 2015-05-30 number "495"
    ///   in_force 2015-08-09
    ///   refers to kz.example.order_1 dated 2014-03-12 number "152" at "§ 2(1)"
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2014-03-11 number "152" }
    /// act kz.example.order_2 {
    ///   kind order
    ///   issued 2015-05-30 number "495"
    ///   in_force 2015-08-09
    ///   refers to kz.example.order_1 dated 2014-03-11 number "152" at "§ 2(1)"
    /// }
    /// ```
    pub static ACT_REFERENCE_MISMATCH = codes::ACT_REFERENCE_MISMATCH, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    let acts = &cx.model().acts;
    for (name, act) in acts {
        for r in &act.decl.references {
            let Some(target) = acts.get(&r.to.node) else {
                continue;
            };
            let Some((issued, number)) = &target.decl.issued else {
                continue;
            };
            // where the referring act says it: its own words, so quoted in Russian and Kazakh
            let (at, at_quoted) = r.at.as_ref().map_or((String::new(), String::new()), |a| {
                (format!(" at {}", a.node), format!(" (`{}`)", a.node))
            });
            let to = &r.to.node;
            let mut found = Vec::new();
            if let Some(dated) = &r.dated
                && crate::syntax::ast::known_date(issued.node).is_some()
                && dated.node != issued.node
            {
                found.push((
                    dated.span,
                    Wording::new(
                        format!("dated {}", dated.node),
                        format!("от {}", dated.node),
                        format!("{} күнгі", dated.node),
                    ),
                    Wording::new(
                        format!("its record: issued {}", issued.node),
                        format!("по его записи: издан {}", issued.node),
                        format!("оның жазбасы бойынша: {} шығарылған", issued.node),
                    ),
                    issued.span,
                ));
            }
            if let (Some(written), Some(recorded)) = (&r.number, number)
                && written.node != recorded.node
            {
                found.push((
                    written.span,
                    Wording::new(
                        format!("number {}", written.node),
                        format!("№ {}", written.node),
                        format!("№ {}", written.node),
                    ),
                    Wording::new(
                        format!("its record: number {}", recorded.node),
                        format!("по его записи: № {}", recorded.node),
                        format!("оның жазбасы бойынша: № {}", recorded.node),
                    ),
                    recorded.span,
                ));
            }
            for (span, written, recorded, record_span) in found {
                let d = cx
                    .finding(
                        Wording::new(
                            format!("act `{name}`{at} names act `{to}` {}, which its record does not have", written.get(Lang::En)),
                            format!("акт `{name}`{at_quoted} называет акт `{to}` ({}), а его запись другая", written.get(Lang::Ru)),
                            format!("`{name}` актісі{at_quoted} `{to}` актісін ({}) атайды, ал оның жазбасы басқа", written.get(Lang::Kk)),
                        ),
                        Label::new(span, super::words::as_the_text_writes_it()),
                    )
                    .with_label(Label::new(record_span, recorded))
                    .with_help(Wording::new(
                        "keep the reference as the text writes it and `allow act-reference-mismatch` with the defect; if the act's record is wrong, correct the record",
                        "оставьте ссылку так, как она написана в тексте, и запишите дефект через `allow act-reference-mismatch`; если неверна запись акта, исправьте запись",
                        "сілтемені мәтінде жазылғандай қалдырып, ақауды `allow act-reference-mismatch` арқылы белгілеңіз; егер актінің жазбасы қате болса, жазбаны түзетіңіз",
                    ));
                cx.emit(d);
            }
        }
    }
}
