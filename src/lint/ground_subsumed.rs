//! `ground-subsumed`: a refusal ground that refuses no one another ground does not.

use super::Context;
use super::logic::{Question, finding::finish};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a refusal ground that holds only on applications where another ground of the
    /// service holds too (both in force on some day, each able to hold): every assignment of
    /// the facts the two read was tried. Two grounds that hold on exactly the same
    /// applications are one finding. A witness shows an application where both hold.
    ///
    /// ## Why it matters
    /// A subsumed ground adds no refusal of its own: deleting it changes no verdict. The law
    /// may list a special case of a general ground on purpose (for its own citation in the
    /// refusal letter), and an `allow` says so; more often one of the two is miswritten, or
    /// a condition of the narrower one was lost.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   input applicant.records.illegal_entry: bool?
    ///   input applicant.records.prosecuted_abroad: bool?
    ///   refusal illegal_entry { when applicant.records.illegal_entry § 2 }
    ///   refusal illegal_entry_or_prosecuted {
    ///     when applicant.records.illegal_entry or applicant.records.prosecuted_abroad
    ///     § 3
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
    ///   input applicant.records.illegal_entry: bool?
    ///   input applicant.records.prosecuted_abroad: bool?
    ///   refusal illegal_entry { when applicant.records.illegal_entry § 2 }
    ///   refusal prosecuted_abroad { when applicant.records.prosecuted_abroad § 3 }
    /// }
    /// ```
    pub static GROUND_SUBSUMED = codes::GROUND_SUBSUMED, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for f in &cx.logic().found {
        let (Question::Subsumed { equal }, Some(other)) = (f.question, &f.other) else {
            continue;
        };
        let (id, o) = (&f.element.id, &other.id);
        let message = if equal {
            Wording::new(
                format!("refusal grounds `{id}` and `{o}` hold on the same applications"),
                format!(
                    "основания для отказа `{id}` и `{o}` выполняются для одних и тех же заявлений"
                ),
                format!("`{id}` және `{o}` бас тарту негіздері бір өтініштерге орындалады"),
            )
        } else {
            Wording::new(
                format!("refusal ground `{id}` holds only where `{o}` holds"),
                format!(
                    "основание для отказа `{id}` выполняется только там, где выполняется `{o}`"
                ),
                format!("`{id}` бас тарту негізі тек `{o}` орындалған жерде орындалады"),
            )
        };
        let label = Wording::new(
            "refuses no application the other ground does not",
            "не отказывает ни одному заявлению, которому не отказывает другое основание",
            "басқа негіз бас тартпайтын бірде-бір өтінішке бас тартпайды",
        );
        let d = cx
            .finding(message, Label::new(f.span, label))
            .with_help(Wording::new(
                "merge the grounds, or correct the narrower one; if the law lists both, `allow ground-subsumed` with the reason",
                "объедините основания или исправьте более узкое; если закон называет оба, укажите причину в `allow ground-subsumed`",
                "негіздерді біріктіріңіз немесе неғұрлым тар негізді түзетіңіз; заң екеуін де атаса, себебін көрсетіп, `allow ground-subsumed` жазыңыз",
            ));
        cx.emit(finish(d, f));
    }
}
