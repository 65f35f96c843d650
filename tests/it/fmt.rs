//! The formatter: the concrete tree gives every file back byte for byte; messy fixtures under
//! `fixtures/fmt` are snapshotted in the canonical layout; on every rule file we have, and on
//! generated re-spacings of them, formatting keeps the AST (spans aside) and every comment and
//! a second pass changes nothing; and `ereje fmt` rewrites, checks, diffs and refuses as it
//! should.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use ereje::fmt::{FormatError, format_source};
use ereje::source::SourceFile;
use ereje::syntax::parse_file;
use ereje::syntax::shape::without_spans;
use proptest::prelude::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

use crate::support::{ereje_files, load};

/// The shipped rules, the valid syntax fixtures and the formatter's fixtures.
fn corpus() -> &'static [SourceFile] {
    static CORPUS: std::sync::OnceLock<Vec<SourceFile>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(ROOT);
        let mut files = ereje_files(&root.join("rules"));
        files.extend(ereje_files(&root.join("tests/fixtures/syntax/ok")));
        files.extend(ereje_files(&root.join("tests/fixtures/fmt")));
        files.iter().map(|p| load(p)).collect()
    })
}

/// The pieces of a rule file as an independent reader sees them: whitespace, comments and
/// the rest. Strings are kept whole, so a `//` inside one is no comment. The space of a
/// paragraph reference (`art. 49(4)`) belongs to the reference: it is no gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    Comment,
    Code,
}

fn pieces(text: &str) -> Vec<(Kind, &str)> {
    let mut out: Vec<(Kind, &str)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let kind = match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' => {
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
                    i += 1;
                }
                let before = &text[..start];
                let in_reference = (before.ends_with("art") || before.ends_with("art."))
                    && bytes.get(i).is_some_and(u8::is_ascii_digit);
                if in_reference {
                    Kind::Code
                } else {
                    Kind::Space
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                Kind::Comment
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                Kind::Code
            }
            _ => {
                while i < bytes.len()
                    && !matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n' | b'"')
                    && !(bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'/'))
                {
                    i += 1;
                }
                Kind::Code
            }
        };
        out.push((kind, &text[start..i]));
    }
    out
}

/// The comments of a text, in order, without trailing whitespace.
fn comments(text: &str) -> Vec<&str> {
    pieces(text)
        .into_iter()
        .filter(|(k, _)| *k == Kind::Comment)
        .map(|(_, t)| t.trim_end())
        .collect()
}

/// Format `source` and check the properties: its concrete tree is lossless, and the output
/// parses to the same AST, keeps every comment in order, is its own formatting, and has no
/// trailing spaces and one final newline.
fn check_properties(source: &SourceFile) -> Result<String, String> {
    let original = parse_file(source, 0).map_err(|_| format!("{}: does not parse", source.name))?;
    if ereje::syntax::cst::tokens_text(&source.text).as_deref() != Some(&*source.text) {
        return Err(format!("{}: the tokens do not spell the file", source.name));
    }
    let formatted =
        format_source(source).map_err(|e| format!("{}: not formatted: {e}", source.name))?;
    let again = SourceFile::new(source.name.clone(), formatted.clone());
    let reparsed = parse_file(&again, 0)
        .map_err(|_| format!("{}: the output does not parse:\n{formatted}", source.name))?;
    if without_spans(&original) != without_spans(&reparsed) {
        return Err(format!("{}: the AST changed:\n{formatted}", source.name));
    }
    if comments(&source.text) != comments(&formatted) {
        return Err(format!(
            "{}: the comments changed:\n{formatted}",
            source.name
        ));
    }
    let twice = format_source(&again).map_err(|e| format!("{}: second pass: {e}", source.name))?;
    if twice != formatted {
        return Err(format!(
            "{}: not idempotent:\n--- first\n{formatted}\n--- second\n{twice}",
            source.name
        ));
    }
    if formatted.lines().any(|l| l.ends_with([' ', '\t'])) {
        return Err(format!(
            "{}: trailing whitespace:\n{formatted}",
            source.name
        ));
    }
    if !formatted.is_empty() && (!formatted.ends_with('\n') || formatted.ends_with("\n\n")) {
        return Err(format!("{}: not one final newline", source.name));
    }
    Ok(formatted)
}

#[test]
fn the_concrete_tree_gives_every_file_back() {
    assert!(corpus().len() >= 15, "only {} files", corpus().len());
    for source in corpus() {
        let rebuilt = ereje::syntax::cst::tokens_text(&source.text);
        assert!(
            rebuilt.as_deref() == Some(&*source.text),
            "{}: the tokens do not spell the file",
            source.name
        );
    }
}

#[test]
fn messy_fixtures_take_the_canonical_layout() {
    let files = ereje_files(&Path::new(ROOT).join("tests/fixtures/fmt"));
    assert!(files.len() >= 6, "only {} formatter fixtures", files.len());
    for path in files {
        let formatted = check_properties(&load(&path)).unwrap_or_else(|e| panic!("{e}"));
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, formatted);
    }
}

#[test]
fn every_rule_file_keeps_its_meaning_and_comments() {
    for source in corpus() {
        check_properties(source).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn every_rule_file_joined_onto_one_line_keeps_its_meaning() {
    for source in corpus() {
        let mut joined = String::new();
        let mut after_comment = false;
        for (kind, text) in pieces(&source.text) {
            match kind {
                Kind::Space if after_comment => joined.push('\n'),
                Kind::Space => joined.push(' '),
                _ => joined.push_str(text),
            }
            after_comment = kind == Kind::Comment;
        }
        let joined = SourceFile::new(source.name.clone(), joined);
        check_properties(&joined).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn a_file_with_syntax_errors_is_refused() {
    let source = SourceFile::new("broken.ereje", "service kz.x { input a: }\n");
    assert!(matches!(
        format_source(&source),
        Err(FormatError::Syntax(errors)) if !errors.is_empty()
    ));
}

#[test]
fn an_empty_file_stays_empty() {
    for text in ["", "\n\n", " \t \n"] {
        assert_eq!(format_source(&SourceFile::new("e", text)).unwrap(), "");
    }
    let only_comment = format_source(&SourceFile::new("c", "\n\n// only   \n\n")).unwrap();
    assert_eq!(only_comment, "// only\n");
}

/// What a gap between two tokens (or a joint before or after punctuation) may become: spaces, tabs, line breaks, blank lines and
/// comments of both kinds.
const GAPS: [&str; 12] = [
    " ",
    "   ",
    "\t",
    "\n",
    "\n\n",
    "\n\n\n\n",
    " \t\n\t  ",
    "\r\n",
    "\n// own line\n",
    " // trailing\n",
    "\n\n  // after a blank line\n\n",
    " // trailing\n// and own line\n\n",
];

/// Where code may be cut without changing a token: around punctuation, but not inside a
/// paragraph reference (`9(2)`), a path (`a.b`) or a string.
fn joints(code: &str) -> Vec<&str> {
    if code.starts_with('"') {
        return vec![code];
    }
    let punct = |c: char| matches!(c, '(' | ')' | ',' | ':' | '?' | '{' | '}' | '§');
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut out = Vec::new();
    let mut from = 0;
    for pair in chars.windows(2) {
        let [(_, a), (at, b)] = [pair[0], pair[1]];
        let in_reference = (b == '(' && (a.is_ascii_digit() || a == ')'))
            || (a == '(' && b.is_ascii_digit())
            || (b == ')' && a.is_ascii_digit());
        if (punct(a) || punct(b)) && !in_reference {
            out.push(&code[from..at]);
            from = at;
        }
    }
    out.push(&code[from..]);
    out
}

/// `text` with some gaps replaced: `(which gap, by what)`. The gaps are the whitespace
/// between tokens and the joints between code and punctuation written without any. A gap
/// right after a comment keeps a line break, or the code after it would join the comment.
fn respace(text: &str, edits: &[(prop::sample::Index, usize)]) -> String {
    let mut parts: Vec<(Kind, &str)> = Vec::new();
    for (kind, piece) in pieces(text) {
        if kind == Kind::Code {
            for (i, code) in joints(piece).into_iter().enumerate() {
                if i > 0 {
                    parts.push((Kind::Space, ""));
                }
                parts.push((Kind::Code, code));
            }
        } else {
            parts.push((kind, piece));
        }
    }
    let gaps: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].0 == Kind::Space)
        .collect();
    let mut replaced: Vec<Option<&str>> = vec![None; parts.len()];
    if !gaps.is_empty() {
        for (which, by) in edits {
            let at = gaps[which.index(gaps.len())];
            let after_comment = at > 0 && parts[at - 1].0 == Kind::Comment;
            let by = GAPS[by % GAPS.len()];
            if !after_comment || by.contains('\n') {
                replaced[at] = Some(by);
            }
        }
    }
    parts
        .iter()
        .zip(replaced)
        .map(|((_, t), r)| r.unwrap_or(t))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn respaced_rule_files_format_safely_and_stably(
        file in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..GAPS.len()), 1..60),
    ) {
        let source = &corpus()[file.index(corpus().len())];
        let text = respace(&source.text, &edits);
        let respaced = SourceFile::new(source.name.clone(), text);
        prop_assume!(parse_file(&respaced, 0).is_ok());
        if let Err(e) = check_properties(&respaced) {
            return Err(TestCaseError::fail(format!("{e}\n--- input\n{}", respaced.text)));
        }
    }
}

// ------------------------------------------------------------------ the command

/// A fresh folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-fmt-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ereje(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn messy() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/fmt/odd_spacing.ereje")).unwrap()
}

fn formatted(text: &str) -> String {
    format_source(&SourceFile::new("x", text)).unwrap()
}

#[test]
fn check_finds_an_unformatted_file_and_prints_its_diff() {
    let dir = temp_dir("check");
    let file = dir.join("messy.ereje");
    std::fs::write(&file, messy()).unwrap();
    let out = ereje(&["fmt", "--check", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    let name = file.display().to_string();
    assert!(diff.contains(&format!("--- {name}\n")), "{diff}");
    assert!(
        diff.contains(&format!("+++ {name} (formatted)\n")),
        "{diff}"
    );
    assert!(diff.contains("@@ -1,"), "{diff}");
    assert!(diff.contains("+  weekend sat, sun\n"), "{diff}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        messy(),
        "--check wrote"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_passes_formatted_files() {
    let dir = temp_dir("clean");
    std::fs::write(dir.join("a.ereje"), formatted(&messy())).unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let nested = std::fs::read_to_string(Path::new(ROOT).join("rules/kz/mvd-495/acts.ereje"));
    std::fs::write(dir.join("sub/b.ereje"), formatted(&nested.unwrap())).unwrap();
    std::fs::write(dir.join("sub/notes.txt"), "not a rule file {").unwrap();
    let out = ereje(&["fmt", "--check", dir.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_prints_without_writing_and_exits_0() {
    let dir = temp_dir("diff");
    let file = dir.join("messy.ereje");
    std::fs::write(&file, messy()).unwrap();
    let out = ereje(&["fmt", "--diff", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("(formatted)")
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), messy());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fmt_rewrites_changed_files_in_place() {
    let dir = temp_dir("write");
    let file = dir.join("messy.ereje");
    let clean = dir.join("clean.ereje");
    std::fs::write(&file, messy()).unwrap();
    std::fs::write(&clean, formatted(&messy())).unwrap();
    let out = ereje(&["fmt", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, format!("formatted {}\n", file.display()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), formatted(&messy()));
    assert_eq!(
        std::fs::read_to_string(&clean).unwrap(),
        formatted(&messy())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fmt_dash_formats_standard_input_to_standard_output() {
    let out = ereje(&["fmt", "-"], Some(&messy()));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), formatted(&messy()));
    let check = ereje(&["fmt", "-", "--check"], Some(&messy()));
    assert_eq!(check.status.code(), Some(1));
    assert!(
        String::from_utf8(check.stdout)
            .unwrap()
            .starts_with("--- <stdin>\n")
    );
}

#[test]
fn a_file_with_syntax_errors_is_left_untouched_with_status_2() {
    let dir = temp_dir("broken");
    let broken = dir.join("broken.ereje");
    let good = dir.join("good.ereje");
    let text = "service kz.x {\n  input a:\n}\n";
    std::fs::write(&broken, text).unwrap();
    std::fs::write(&good, messy()).unwrap();
    let out = ereje(&["fmt", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("E0101"), "{stderr}");
    assert_eq!(std::fs::read(&broken).unwrap(), text.as_bytes());
    // The other files are still formatted.
    assert_eq!(std::fs::read_to_string(&good).unwrap(), formatted(&messy()));
    let from_stdin = ereje(&["fmt", "-"], Some(text));
    assert_eq!(from_stdin.status.code(), Some(2));
    assert!(from_stdin.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unreadable_path_is_status_2() {
    let out = ereje(&["fmt", "--check", "/nonexistent/ereje/rules"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("cannot read")
    );
}

/// Formatting the shipped rules leaves the checked model as it was (spans aside): the acts,
/// the services with every rule and step, the calendars.
#[test]
fn formatting_keeps_the_checked_model() {
    use ereje::syntax::shape::debug_without_spans;
    let files = ereje_files(&Path::new(ROOT).join("rules"));
    let sources: Vec<SourceFile> = files.iter().map(|p| load(p)).collect();
    // the shipped files are formatted already: mess them up first, then format them back
    let messy: Vec<SourceFile> = sources
        .iter()
        .map(|s| {
            let messy: String = s
                .text
                .lines()
                .map(|l| format!("\t{}   \n\n", l.trim_start()))
                .collect();
            SourceFile::new(s.name.clone(), messy)
        })
        .collect();
    let formatted: Vec<SourceFile> = messy
        .iter()
        .map(|s| SourceFile::new(s.name.clone(), format_source(s).expect("formats")))
        .collect();
    let model = |files: Vec<SourceFile>| {
        let analysis = ereje::analysis::analyze_sources(files);
        assert!(analysis.diagnostics.is_empty(), "{}", analysis.diagnostics);
        let m = analysis.model;
        debug_without_spans(&(m.acts, m.services, m.calendars))
    };
    assert!(
        model(sources.clone()) == model(formatted.clone()),
        "the formatted rules mean something else"
    );
}
