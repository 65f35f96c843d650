//! `undefined-abbreviation`: a unit's abbreviation in a step's text that no actor has.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::syntax::ast::Decl;
use crate::vocab::Wording;

declare_lint! {
    /// Finds an abbreviation that a step's text names (`names "ҚАІІб"`, recorded as the
    /// text writes it) which is not a word of any actor's name in the service (`actor
    /// district_migration "ҚАІІО" § 8(1)`).
    ///
    /// ## Why it matters
    /// Regulations name the units that take each step by abbreviations defined once, in a
    /// list of participants. An abbreviation that the list does not define (a misprint, an
    /// old name) leaves the step to a unit that does not exist, to the letter; who is to
    /// answer for it is then a matter of reading.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   actor police_head "ПД, ҚАІІО бастығы" § 8(3)
    ///   process {
    ///     step approved by police_head within 7 calendar days after submitted_at names "ПД", "ҚАІІб" § 9(4)
    ///     term 10 calendar days after submitted_at § 4
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
    ///   actor police_head "ПД, ҚАІІО бастығы" § 8(3)
    ///   process {
    ///     step approved by police_head within 7 calendar days after submitted_at names "ПД", "ҚАІІО" § 9(4)
    ///     term 10 calendar days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static UNDEFINED_ABBREVIATION = codes::UNDEFINED_ABBREVIATION, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for file in cx.files() {
        for decl in &file.decls {
            let Decl::Service(s) = decl else { continue };
            // the words of every actor's name: `ПД КҚҚБ` defines both ПД and КҚҚБ
            let words: std::collections::HashSet<&str> = s
                .actors
                .iter()
                .filter_map(|a| a.label.as_ref())
                .flat_map(|l| l.node.split(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect();
            for p in s.process.iter().chain(s.views.iter().map(|v| &v.process)) {
                for st in &p.steps {
                    for named in st.names.iter().filter(|n| !words.contains(n.node.trim())) {
                        let (step, abbr) = (&st.name.node, named.node.trim());
                        let d = cx
                            .finding(
                                Wording::new(
                                    format!("step `{step}` names «{abbr}», which no actor of the service is called"),
                                    format!("шаг `{step}` называет «{abbr}», но так не называется ни один участник услуги"),
                                    format!("`{step}` қадамы «{abbr}» атайды, бірақ қызметтің бірде-бір қатысушысы бұлай аталмайды"),
                                ),
                                Label::new(named.span, super::words::as_the_text_writes_it()),
                            )
                            .with_help(Wording::new(
                                "if the act's text misspells or never defines the unit, keep it as written and `allow undefined-abbreviation` with the defect; else declare the actor the text defines",
                                "если в тексте акта подразделение названо с ошибкой или нигде не определено, оставьте как написано и запишите дефект через `allow undefined-abbreviation`; иначе опишите участника, которого определяет текст",
                                "егер акт мәтінінде бөлімше қате жазылса немесе еш жерде анықталмаса, жазылғандай қалдырып, ақауды `allow undefined-abbreviation` арқылы белгілеңіз; әйтпесе мәтін анықтайтын қатысушыны сипаттаңыз",
                            ));
                        cx.emit(d);
                    }
                }
            }
        }
    }
}
