//! The closing line of a batch on stderr: how many bundles of each verdict, how long it took,
//! how many a second. For people in their language, or one JSON object.

use std::time::Duration;

use serde_json::json;

use crate::batch::Summary;
use crate::vocab::Lang;

/// `checked 10,000 bundles in 1.20 s (8,333 bundles/s): 9,000 ok, 1,000 incomplete`.
pub fn human(summary: &Summary, elapsed: Duration, lang: Lang) -> String {
    let seconds = elapsed.as_secs_f64();
    let rate = per_second(summary.lines, seconds);
    let counts: Vec<String> = summary
        .by_verdict()
        .filter(|(_, n)| *n > 0)
        .map(|(v, n)| format!("{n} {}", v.as_str()))
        .collect();
    let counts = if counts.is_empty() {
        String::from("—")
    } else {
        counts.join(", ")
    };
    let n = summary.lines;
    match lang {
        Lang::En => {
            format!("checked {n} bundles in {seconds:.2} s ({rate:.0} bundles/s): {counts}")
        }
        Lang::Ru => {
            format!("проверено пакетов: {n} за {seconds:.2} с ({rate:.0} в секунду): {counts}")
        }
        Lang::Kk => format!(
            "тексерілген пакеттер: {n}, {seconds:.2} с ішінде (секундына {rate:.0}): {counts}"
        ),
    }
}

/// The same as one JSON line: `{"summary": {"bundles", "verdicts", "seconds", "bundles_per_second"}}`.
pub fn json(summary: &Summary, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let verdicts: serde_json::Map<String, serde_json::Value> = summary
        .by_verdict()
        .map(|(v, n)| (v.as_str().to_string(), json!(n)))
        .collect();
    let line = json!({ "summary": {
        "bundles": summary.lines,
        "verdicts": verdicts,
        "seconds": seconds,
        "bundles_per_second": per_second(summary.lines, seconds),
    }});
    format!("{line}\n")
}

#[expect(
    clippy::cast_precision_loss,
    reason = "a count of bundles is far below 2^52"
)]
fn per_second(n: usize, seconds: f64) -> f64 {
    if seconds > 0.0 {
        n as f64 / seconds
    } else {
        0.0
    }
}
