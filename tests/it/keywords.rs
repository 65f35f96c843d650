//! Keywords in three sets: `fmt --keywords` translates every shipped rule file and fixture into
//! each set and back to the same text, and the rule set means the same in every set (the
//! checked model is equal, spans aside); generated files with names that collide with keywords
//! do the same; a file keeps to one set.

use std::path::Path;

use ereje::fmt::translate_source;
use ereje::rule_set::RuleSet;
use ereje::source::SourceFile;
use ereje::syntax::keywords::{self, Set};
use ereje::syntax::parse_file;
use ereje::syntax::shape::{debug_without_spans, without_spans};
use proptest::prelude::*;

use crate::support::{ereje_files, load};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn translated(source: &SourceFile, set: Set) -> SourceFile {
    let text = translate_source(source, set)
        .unwrap_or_else(|e| panic!("{}: into {}: {e}", source.name, set.tag()));
    SourceFile::new(source.name.clone(), text)
}

/// Translating into each other set and back gives the text again, and every set reads to the
/// same AST.
fn round_trips(source: &SourceFile) {
    let own = keywords::set_of(&source.text);
    // the translation comes out in the canonical layout
    let source = &SourceFile::new(
        source.name.clone(),
        ereje::fmt::format_source(source).unwrap_or_else(|e| panic!("{}: {e}", source.name)),
    );
    let ast = parse_file(source, 0).unwrap_or_else(|e| panic!("{}: {e:?}", source.name));
    for set in Set::ALL {
        let there = translated(source, set);
        assert_eq!(keywords::set_of(&there.text), set, "{}", source.name);
        let there_ast = parse_file(&there, 0)
            .unwrap_or_else(|e| panic!("{} in {}: {e:?}", source.name, set.tag()));
        assert_eq!(
            without_spans(&ast),
            without_spans(&there_ast),
            "{}: the {} text means something else",
            source.name,
            set.tag()
        );
        let back = translated(&there, own);
        assert_eq!(
            back.text,
            source.text,
            "{}: {} → {} → {} is not the identity",
            source.name,
            own.tag(),
            set.tag(),
            own.tag()
        );
    }
}

#[test]
fn every_shipped_file_and_fixture_translates_and_back() {
    let root = Path::new(ROOT);
    let mut files = ereje_files(&root.join("rules"));
    files.extend(ereje_files(&root.join("tests/fixtures/syntax/ok")));
    assert!(files.len() > 8);
    for path in files {
        round_trips(&load(&path));
    }
}

/// The shipped rule set, every file in one set, compiles to the same checked model.
#[test]
fn the_checked_model_is_the_same_in_every_set() {
    let files = ereje::rule_set::read_rule_files(&Path::new(ROOT).join("rules")).unwrap();
    let model = |set: Set| {
        let sources: Vec<SourceFile> = files.iter().map(|f| translated(f, set)).collect();
        let (rules, _) = RuleSet::from_sources(sources).unwrap_or_else(|_| panic!("{}", set.tag()));
        let m = rules.model();
        // what the rules say, without the texts they were read from
        (
            debug_without_spans(&m.acts),
            debug_without_spans(&m.services),
            debug_without_spans(&m.calendars),
        )
    };
    let en = model(Set::En);
    assert_eq!(model(Set::Kk), en, "the Kazakh rules mean something else");
    assert_eq!(model(Set::Ru), en, "the Russian rules mean something else");
}

/// Names spelled like keywords of some set, and plain ones.
const NAMES: &[&str] = &[
    "passport",
    "срок",
    "мерзімі",
    "term",
    "title",
    "құжат",
    "документ",
    "number",
    "егер",
    "бірге",
    "when",
    "в",
    "та",
    "жиын",
    "list",
];

/// A name as an English file writes it: in backticks when it is an English keyword or a
/// reserved word of any set.
fn en_name(name: &str) -> String {
    if keywords::is_keyword_of(name, Set::En) || keywords::is_reserved(name) {
        format!("`{name}`")
    } else {
        name.to_string()
    }
}

fn service(lets: &[(usize, usize, bool)], document: usize) -> String {
    let mut out = String::from("// generated\nservice kz.test.generated {\n");
    out.push_str("  input applicant.category: one_of(foreigner, stateless)\n");
    for (name, other, negate) in lets {
        let name = en_name(NAMES[*name]);
        let other = en_name(NAMES[*other]);
        let not = if *negate { "not " } else { "" };
        out.push_str(&format!(
            "  let {name} = {not}applicant.category == foreigner or {other} in (a, b)\n"
        ));
    }
    let doc = en_name(NAMES[document]);
    out.push_str(&format!(
        "\n  document {doc} {{\n    required when applicant.category == stateless\n  }}\n}}\n"
    ));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn generated_files_translate_and_back(
        lets in proptest::collection::vec((0..NAMES.len(), 0..NAMES.len(), any::<bool>()), 1..5),
        document in 0..NAMES.len(),
    ) {
        let text = service(&lets, document);
        let source = SourceFile::new("generated.ereje", text.as_str());
        let formatted = ereje::fmt::format_source(&source).unwrap();
        round_trips(&SourceFile::new("generated.ereje", formatted));
    }
}

#[test]
fn a_backticked_keyword_is_a_name() {
    let text = "// ereje: keywords ru\nуслуга kz.test.x {\n  пусть `срок` = истина\n  пусть b = `срок` и истина\n}\n";
    let file = parse_file(&SourceFile::new("x.ereje", text), 0).unwrap();
    let shape = without_spans(&file);
    assert!(shape.contains("\"срок\""), "{shape}");
    assert!(!shape.contains('`'), "{shape}");
}

#[test]
fn fmt_keywords_quotes_names_that_collide_with_the_new_set() {
    let text = "service kz.test.x {\n  let срок = true\n  let `title` = срок\n}\n";
    let ru = translate_source(&SourceFile::new("x.ereje", text), Set::Ru).unwrap();
    assert_eq!(
        ru,
        "// ereje: keywords ru\nуслуга kz.test.x {\n  пусть `срок` = истина\n  пусть title = `срок`\n}\n"
    );
}

#[test]
fn a_file_keeps_to_its_set() {
    let text = "// ereje: keywords ru\nуслуга kz.test.x {\n  let a = истина and ложь\n}\n";
    let errors = parse_file(&SourceFile::new("x.ereje", text), 0).unwrap_err();
    let codes: Vec<&str> = errors
        .iter()
        .map(|e| ereje::Diagnostic::from(e).code.name)
        .collect();
    assert_eq!(codes, ["mixed-keywords", "mixed-keywords"]);
}

/// The Kazakh shipped calendar: written in Kazakh, `fmt --check` leaves it, and it is the
/// calendar the services use.
#[test]
fn the_shipped_calendar_is_written_in_kazakh() {
    let source = load(&Path::new(ROOT).join("rules/kz/calendar.ereje"));
    assert_eq!(keywords::set_of(&source.text), Set::Kk);
    assert_eq!(ereje::fmt::format_source(&source).unwrap(), *source.text);
}

/// Without `--lang`, `ereje lint` words a Kazakh-keyword file's diagnostics in Kazakh; with
/// it, in the language asked.
#[test]
fn lint_speaks_to_a_kazakh_file_in_kazakh() {
    let path = Path::new(ROOT).join("tests/fixtures/syntax/err/mixed_keywords.ereje");
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ereje"))
            .arg("lint")
            .args(extra)
            .arg(&path)
            .output()
            .expect("ereje runs");
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let kazakh = run(&[]);
    assert!(kazakh.contains("мұнда `қажет` деп жазылады"), "{kazakh}");
    let english = run(&["--lang", "en"]);
    assert!(english.contains("write `қажет` here"), "{english}");
}

/// Conditions nested by `где` (the Russian `where`) meet the nesting limit as `where` does,
/// before the parser recurses on them.
#[test]
fn nesting_by_a_russian_where_is_limited_too() {
    let mut text = String::from("// ereje: keywords ru\nуслуга kz.test.x {\n  пусть deep = ");
    for _ in 0..5000 {
        text.push_str("хотя_бы_один x в a.b где ");
    }
    text.push_str("истина\n}\n");
    let errors = parse_file(&SourceFile::new("x.ereje", text), 0).unwrap_err();
    let codes: Vec<&str> = errors
        .iter()
        .map(|e| ereje::Diagnostic::from(e).code.name)
        .collect();
    assert_eq!(codes, ["nesting-too-deep"]);
}

/// `lint --fix` writes its fixes in the file's keywords: a Kazakh file stays Kazakh.
#[test]
fn a_fix_keeps_to_the_files_set() {
    let dir = std::env::temp_dir().join(format!("ereje-keywords-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("kk.ereje");
    let en = "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  standard kz.example.order_1 annex 2\n  timezone \"Asia/Almaty\"\n  § 1\n  document passport { required always § kz.example.order_1 annex 2 9(2) § kz.example.order_1 annex 1 art. 4 }\n}\n";
    let kk = translate_source(&SourceFile::new("kk.ereje", en), Set::Kk).unwrap();
    std::fs::write(&path, kk).unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(["lint", "--fix"])
        .arg(&path)
        .output()
        .expect("ereje runs");
    assert!(status.status.success(), "{status:?}");
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains("§ стандарт 9(2)") && fixed.contains("§ бап 4"),
        "{fixed}"
    );
    assert!(
        parse_file(&SourceFile::new("kk.ereje", fixed.as_str()), 0).is_ok(),
        "{fixed}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
