//! The words a Russian or Kazakh reader gets where ereje had only English ones: lengths of
//! time, the errors of counting time and of reading rule folders and `ereje.toml`, and the one
//! word for an actor.

use std::process::Command;

use ereje::analysis::analyze_sources;
use ereje::diagnostic::{Diagnostic, Diagnostics};
use ereje::lint::{LINTS, Settings, lint};
use ereje::source::SourceFile;
use ereje::vocab::{Duration, DurationUnit, Lang, Wording};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("ereje runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn lengths_of_time_are_worded_as_the_order_words_them() {
    let d = |amount, unit| Duration { amount, unit }.wording();
    let cases = [
        (
            d(15, DurationUnit::WorkingDays),
            "15 working days",
            "15 рабочих дней",
            "15 жұмыс күні",
        ),
        (
            d(1, DurationUnit::WorkingDays),
            "1 working day",
            "1 рабочий день",
            "1 жұмыс күні",
        ),
        (
            d(30, DurationUnit::CalendarDays),
            "30 calendar days",
            "30 календарных дней",
            "күнтізбелік 30 күн",
        ),
        (d(2, DurationUnit::Hours), "2 hours", "2 часа", "2 сағат"),
    ];
    for (words, en, ru, kk) in cases {
        assert_eq!(words.get(Lang::En), en);
        assert_eq!(words.get(Lang::Ru), ru);
        assert_eq!(words.get(Lang::Kk), kk);
    }
}

/// `text` without what it quotes in backticks (the rules' own syntax, names, ids).
fn unquoted(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

fn words_of(d: &Diagnostic) -> Vec<&Wording> {
    let mut out = vec![&d.message];
    out.extend(
        d.primary
            .iter()
            .chain(&d.secondary)
            .filter_map(|l| l.text.as_ref()),
    );
    out.extend(d.help.iter());
    out.extend(d.notes.iter());
    out
}

#[test]
fn no_lint_speaks_english_lengths_or_names_an_actor_two_ways_in_russian_or_kazakh() {
    const ENGLISH: [&str; 7] = ["day", "days", "hour", "hours", "minutes", "months", "years"];
    for l in LINTS {
        let Some(text) = l.example("Fires") else {
            continue;
        };
        let analysis = analyze_sources(vec![SourceFile::new("rules.ereje", text)]);
        let linted = lint(&analysis, &Settings::default());
        for d in analysis.diagnostics.iter().chain(&linted.diagnostics) {
            for w in words_of(d) {
                for (lang, other_word) in [(Lang::Ru, "исполнител"), (Lang::Kk, "орындаушы")]
                {
                    let said = unquoted(w.get(lang));
                    let english = said
                        .split(|c: char| !c.is_alphanumeric())
                        .find(|word| ENGLISH.contains(word));
                    assert!(english.is_none(), "{}: {lang:?}: {said}", l.code.name);
                    assert!(!said.contains(other_word), "{}: {said}", l.code.name);
                }
            }
        }
    }
}

#[test]
fn the_errors_of_counting_time_are_worded_in_each_language() {
    let d = Diagnostic::from(&ereje::time::TimeError::NoCalendar);
    assert_eq!(
        d.message.get(Lang::Ru),
        "для срока в рабочих днях нужен календарь рабочих дней"
    );
    assert_eq!(
        d.message.get(Lang::Kk),
        "жұмыс күндерімен берілген мерзімді есептеу үшін жұмыс күндерінің күнтізбесі қажет"
    );
    let help = d.help.expect("a help");
    assert!(
        help.get(Lang::Ru).starts_with("укажите календарь"),
        "{help:?}"
    );
    assert!(help.get(Lang::Kk).contains("күнтізбе"), "{help:?}");
}

#[test]
fn a_value_compared_with_no_named_input_is_worded_in_each_language() {
    let e = ereje::semantic::SemanticError::UnknownValue {
        value: String::from("stateles"),
        input: None,
        help: Wording::en("the values are …"),
        span: ereje::source::Span::default(),
    };
    let d = Diagnostic::from(&e);
    assert_eq!(
        d.message.get(Lang::En),
        "`stateles` is not one of the values of the compared value"
    );
    assert_eq!(
        d.message.get(Lang::Ru),
        "`stateles` не входит в значения сравниваемой величины"
    );
    assert_eq!(
        d.message.get(Lang::Kk),
        "`stateles` — салыстырылатын шама мәндерінің бірі емес"
    );
}

fn first(d: &Diagnostics) -> &Diagnostic {
    d.iter().next().expect("a diagnostic")
}

#[test]
fn a_folder_without_rule_files_is_said_in_each_language() {
    let dir = std::env::temp_dir().join(format!("ereje-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let e = ereje::rule_set::read_rule_files(&dir).expect_err("no rule files");
    let d = first(&e);
    let shown = dir.display();
    assert_eq!(
        d.message.get(Lang::Ru),
        format!("не удаётся прочитать файлы правил в `{shown}`: там нет файлов `.ereje`")
    );
    assert_eq!(
        d.message.get(Lang::Kk),
        format!("`{shown}` ішіндегі ереже файлдарын оқу мүмкін емес: онда `.ereje` файлдары жоқ")
    );
    let help = d.help.as_ref().expect("a help");
    assert!(help.get(Lang::Kk).contains("қалтаны"), "{help:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lint_s_command_line_and_configuration_errors_are_worded_in_each_language() {
    let (status, _, err) = run(&["lint", "--lang", "ru", "-D", "missing-citaton", "rules"]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains(
            "нет проверки с именем `missing-citaton`; возможно, имелось в виду `missing-citation`?"
        ),
        "{err}"
    );
    let (status, _, err) = run(&["lint", "--lang", "kk", "--config", "no-such.toml", "rules"]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains("`no-such.toml` баптау файлын оқу мүмкін емес"),
        "{err}"
    );
}

#[test]
fn a_rule_file_that_is_not_utf8_is_said_in_each_language() {
    let dir = std::env::temp_dir().join(format!("ereje-lang-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    std::fs::write(dir.join("a.ereje"), [b'a', 0xff]).expect("written");
    let e = ereje::rule_set::read_rule_files(&dir).expect_err("not UTF-8");
    let d = first(&e);
    assert!(
        d.message
            .get(Lang::En)
            .ends_with("it is not UTF-8 text (the encoding breaks at byte 1)"),
        "{:?}",
        d.message
    );
    assert!(
        d.message
            .get(Lang::Ru)
            .ends_with("это не текст в UTF-8 (кодировка нарушена на байте 1)"),
        "{:?}",
        d.message
    );
    assert!(
        d.message
            .get(Lang::Kk)
            .ends_with("бұл UTF-8 мәтіні емес (кодтау 1-байтта бұзылады)"),
        "{:?}",
        d.message
    );
    let _ = std::fs::remove_dir_all(&dir);
}
