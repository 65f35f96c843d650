//! The parts every finding of the logic analysis shares: the proof as a note (the exhausted
//! domain and its size, or the witness in words), the other ground of a pair as a second
//! place, and the witness bundle attached.

use super::{Found, Question};
use crate::diagnostic::{Diagnostic, Label, Witness};
use crate::vocab::Wording;

/// `d` with the proof of `f`: its notes, the other element's place, its witness (named by
/// `d`'s code).
pub(crate) fn finish(mut d: Diagnostic, f: &Found) -> Diagnostic {
    if let Some(other) = &f.other {
        d = d.with_label(Label::new(
            other.condition,
            Wording::new(
                format!("`{}` is here", other.id),
                format!("`{}` здесь", other.id),
                format!("`{}` осында", other.id),
            ),
        ));
    }
    if let Some(n) = f.exhausted {
        d = d.with_note(exhausted(n, f));
    }
    if let Some(example) = &f.example {
        d = d
            .with_note(Wording::new("witness: ", "пример: ", "мысал: ").join("", &example.summary));
        let code = d.code.code;
        d = d.with_witness(Witness {
            name: format!("{code}-{}.{}", f.element.service, f.element.id),
            bundle: example.bundle.clone(),
            shows: example.shows.clone(),
        });
    }
    d
}

/// "the domain was exhausted: N assignments …", said of what none of them does.
fn exhausted(n: u64, f: &Found) -> Wording {
    let (a, b) = (
        &f.element.id,
        f.other.as_ref().map_or("", |o| o.id.as_str()),
    );
    let pair;
    let (en, ru, kk) = match f.question {
        Question::AlwaysHolds => (
            "none makes the condition false",
            "ни один не делает условие ложным",
            "бірде-бірі шартты жалған етпейді",
        ),
        Question::UnlessNever => (
            "none makes both the rule and its exemption hold",
            "ни в одном не выполняются и правило, и исключение",
            "бірде-бірінде ереже де, босату да бірге орындалмайды",
        ),
        Question::NeverMet => (
            "none makes every validity rule hold",
            "ни один не выполняет все требования к документу",
            "бірде-бірі құжаттың барлық талаптарын орындамайды",
        ),
        Question::Subsumed { .. } => {
            pair = [
                format!("none makes `{a}` hold without `{b}`"),
                format!("ни в одном `{a}` не выполняется без `{b}`"),
                format!("бірде-бірінде `{a}` `{b}` негізінсіз орындалмайды"),
            ];
            (pair[0].as_str(), pair[1].as_str(), pair[2].as_str())
        }
        _ => (
            "none makes the condition hold",
            "ни один не делает условие истинным",
            "бірде-бірі шартты ақиқат етпейді",
        ),
    };
    Wording::new(
        format!("the domain was exhausted: {n} assignments of the facts it reads, and {en}"),
        format!("область значений исчерпана: {n} наборов значений читаемых фактов, и {ru}"),
        format!("мәндер аймағы толық тексерілді: оқылатын фактілердің {n} жиыны, және {kk}"),
    )
}
