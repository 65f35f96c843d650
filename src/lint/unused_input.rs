//! `unused-input`: an input that no rule reads.

use super::Context;
use super::registry::declare_lint;
use super::uses::uses;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds an `input` that no condition of the service reads: no named condition,
    /// requirement, document rule or refusal ground.
    ///
    /// ## Why it matters
    /// An input is a fact every application must carry: intake forms ask the applicant for
    /// it and the bundle's schema requires it. A fact no rule reads is asked for nothing, or
    /// shows a rule the act implies that the rules forgot to encode. An input of the public
    /// catalogue that a service carries for other systems stays, with an `allow` that says
    /// so.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   input applicant.category: one_of(foreigner, stateless)
    ///   input applicant.birth_date: date
    ///   document passport { required when applicant.category == foreigner § 9(2) }
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
    ///   input applicant.category: one_of(foreigner, stateless)
    ///   document passport { required when applicant.category == foreigner § 9(2) }
    /// }
    /// ```
    pub static UNUSED_INPUT = codes::UNUSED_INPUT, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        let used = uses(s);
        for (input, read) in s.inputs.iter().zip(&used.inputs) {
            if *read {
                continue;
            }
            let path = input.path.join(".");
            let d = cx
                .finding(
                    Wording::new(
                        format!("no rule of service `{}` reads input `{path}`", s.id),
                        format!("ни одно правило услуги `{}` не читает `{path}`", s.id),
                        format!("`{}` қызметінің бірде-бір ережесі `{path}` мәнін оқымайды", s.id),
                    ),
                    Label::new(input.span, Wording::new("declared here, read nowhere", "объявлен здесь, нигде не читается", "осында жарияланған, еш жерде оқылмайды")),
                )
                .with_help(Wording::new(
                    "remove the input, or write the rule that needs it; if the catalogue lists it for other systems, `allow unused-input` with the reason",
                    "удалите это входное значение или напишите правило, которому оно нужно; если каталог перечисляет его для других систем, укажите причину в `allow unused-input`",
                    "бұл кіріс мәнін алып тастаңыз немесе оны қажет ететін ережені жазыңыз; егер каталог оны басқа жүйелер үшін атаса, себебін көрсетіп, `allow unused-input` жазыңыз",
                ));
            cx.emit(d);
        }
    }
}
