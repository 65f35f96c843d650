//! `logic-undecided`: a question the logic analysis left open.

use super::Context;
use super::logic::domain::Undecided;
use super::logic::{Found, Question, finding::finish};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::{Lang, Wording};

declare_lint! {
    /// Reports a refusal ground, requirement or pair of grounds about which the logic
    /// analysis (`condition-never-holds` … `grounds-overlap`) could not answer: the facts
    /// it reads have more assignments than the budget (`--logic-budget`, 100,000 by
    /// default) or took longer than its time (`--logic-time`, 200 ms), or the condition does
    /// something the analysis does not represent exactly (compares dates of the application
    /// in a chain, one date with two others or three in one comparison; reads a fact of a
    /// type with no finite classes, such as a duration or a moment given in the bundle).
    /// Nothing is claimed about it, and nothing is guessed.
    ///
    /// ## Why it matters
    /// The other lints of the analysis are proofs; this one says where there is none, so a
    /// clean run is not read as more than it is. Raise the budget, or split the condition.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   input applicant.birth_date: date
    ///   input applicant.entry_date: date
    ///   input applicant.exit_date: date
    ///   refusal dates_out_of_order {
    ///     when applicant.entry_date < applicant.birth_date
    ///       or applicant.exit_date < applicant.entry_date
    ///       or applicant.exit_date < applicant.birth_date
    ///     § 2
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
    ///   input applicant.birth_date: date
    ///   input applicant.entry_date: date
    ///   refusal entered_before_birth { when applicant.entry_date < applicant.birth_date § 2 }
    /// }
    /// ```
    pub static LOGIC_UNDECIDED = codes::LOGIC_UNDECIDED, Info, check;
}

fn check(cx: &mut Context<'_>) {
    for f in &cx.logic().found {
        let Question::Undecided(why) = f.question else {
            continue;
        };
        let what = about(f);
        let reason = reason(why);
        let message = Wording::new(
            format!(
                "the logic analysis did not decide {}: {}",
                what.get(Lang::En),
                reason.get(Lang::En)
            ),
            format!(
                "логический анализ не решил вопрос о {}: {}",
                what.get(Lang::Ru),
                reason.get(Lang::Ru)
            ),
            format!(
                "логикалық талдау {} туралы шешім шығармады: {}",
                what.get(Lang::Kk),
                reason.get(Lang::Kk)
            ),
        );
        let label = Wording::new("not decided", "не решено", "шешілмеді");
        let d = cx.finding(message, Label::new(f.span, label)).with_help(Wording::new(
            "raise `--logic-budget` or `--logic-time`, or split the condition into simpler ones",
            "увеличьте `--logic-budget` или `--logic-time` либо разбейте условие на более простые",
            "`--logic-budget` немесе `--logic-time` мәнін арттырыңыз не шартты қарапайым бөліктерге бөліңіз",
        ));
        cx.emit(finish(d, f));
    }
}

fn about(f: &Found) -> Wording {
    let named = f.element.named();
    match &f.other {
        Some(o) => Wording::new(
            format!("{} beside `{}`", named.get(Lang::En), o.id),
            format!("{} рядом с `{}`", named.get(Lang::Ru), o.id),
            format!("{} және `{}`", named.get(Lang::Kk), o.id),
        ),
        None => named,
    }
}

fn reason(why: Undecided) -> Wording {
    match why {
        Undecided::Bound(b) if b.by_time => Wording::new(
            format!(
                "its time ran out after {} of {} assignments",
                b.tried, b.total
            ),
            format!(
                "время истекло после {} из {} наборов значений",
                b.tried, b.total
            ),
            format!("уақыт {} жиынның {} жиынынан кейін бітті", b.total, b.tried),
        ),
        Undecided::Bound(b) => Wording::new(
            format!(
                "{} assignments of its facts, past the budget of {}",
                b.total, b.tried
            ),
            format!(
                "{} наборов значений фактов, больше предела {}",
                b.total, b.tried
            ),
            format!("фактілердің {} жиыны, {} шегінен көп", b.total, b.tried),
        ),
        Undecided::TwoDates => Wording::new(
            "it compares dates of the application with each other in a chain or a cycle (each of two dates with a third and with each other, three in one comparison, two dates of one list item)",
            "оно сравнивает даты заявления цепочкой или по кругу (две даты друг с другом и обе с третьей, три в одном сравнении, две даты одного элемента списка)",
            "ол өтініш күндерін тізбекпен немесе шеңбер бойынша салыстырады (екі күн бір-бірімен және екеуі үшіншімен, бір салыстыруда үшеуі, тізімнің бір элементінің екі күні)",
        ),
        Undecided::TooManyDays => Wording::new(
            "its dates fall into more classes of days than the analysis enumerates",
            "его даты делятся на больше классов дней, чем перебирает анализ",
            "оның күндері талдау сұрыптайтыннан көп күн класына бөлінеді",
        ),
        Undecided::NotMonotone => Wording::new(
            "a date comparison in it has no fixed turning day (a working-day count outside the calendar, or a date out of range)",
            "сравнение дат в нём не имеет постоянного дня перелома (рабочие дни вне календаря или дата вне диапазона)",
            "ондағы күндерді салыстырудың тұрақты бұрылу күні жоқ (күнтізбеден тыс жұмыс күндері немесе ауқымнан тыс күн)",
        ),
        Undecided::Unsupported => Wording::new(
            "it reads a fact of a kind the analysis does not enumerate",
            "оно читает факт такого вида, который анализ не перебирает",
            "ол талдау сұрыптамайтын түрдегі фактіні оқиды",
        ),
        Undecided::TooManyKinds => Wording::new(
            "a list or set in it has too many kinds of values to enumerate",
            "в нём список или набор со слишком многими видами значений",
            "ондағы тізімде немесе жиында мәндердің түрлері тым көп",
        ),
    }
}
