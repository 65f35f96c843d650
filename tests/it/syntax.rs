//! Syntax: every shipped rule file parses; fixtures under `fixtures/syntax`.

use std::path::Path;

use ereje::source::SourceFile;
use ereje::syntax::parse_file;

fn rule_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rule_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ereje") {
            out.push(path);
        }
    }
}

#[test]
fn shipped_rule_files_parse() {
    let mut files = Vec::new();
    rule_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")),
        &mut files,
    );
    assert!(!files.is_empty());
    let mut failures = String::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let source = SourceFile::new(path.display().to_string(), text);
        if let Err(errors) = parse_file(&source, 0) {
            failures.push_str(&crate::support::render_errors(&errors, &source));
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

/// Every node of the AST knows where it was written: the span of each declaration and clause
/// of the shipped rules covers its own text, from its keyword on.
#[test]
fn every_node_has_its_span() {
    use ereje::syntax::ast::Decl;
    let mut files = Vec::new();
    rule_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")),
        &mut files,
    );
    let mut checked = 0usize;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let source = SourceFile::new(path.display().to_string(), text.clone());
        let ast = parse_file(&source, 0).expect("the shipped rules parse");
        // the keyword as the file's set writes it
        let set = ereje::syntax::keywords::set_of(&text);
        let mut expect = |span: ereje::source::Span, starts: &str| {
            let starts = ereje::syntax::keywords::of_word(starts)
                .map_or(starts, |k| k.translate(starts, set));
            let written = &text[span.start..span.end];
            assert!(
                written.starts_with(starts),
                "{}: `{written}` should start with `{starts}`",
                path.display()
            );
            checked += 1;
        };
        for decl in &ast.decls {
            match decl {
                Decl::Act(a) => {
                    expect(a.span, "act");
                    for m in &a.amendments {
                        expect(m.span, "amended by");
                    }
                    if let Some(r) = &a.repealed {
                        expect(r.span, "repealed by");
                    }
                }
                Decl::Calendar(c) => {
                    expect(c.span, "calendar");
                    for s in &c.counting {
                        expect(s.span, "counting");
                    }
                    for d in &c.days {
                        assert!(d.span.end > d.span.start);
                    }
                }
                Decl::Service(s) => {
                    expect(s.span, "service");
                    for c in &s.channels {
                        expect(c.span, "channel");
                    }
                    for a in &s.actors {
                        expect(a.span, "actor");
                    }
                    for i in &s.inputs {
                        expect(i.span, "input");
                        if let ereje::syntax::ast::TypeExpr::List(fields) = &i.ty.node {
                            for f in fields {
                                expect(f.span, &f.name.node);
                            }
                        }
                    }
                    for l in &s.lets {
                        expect(l.span, "let");
                        // the condition lies inside its declaration, after the `=`
                        let eq = text[l.span.start..].find('=').map(|k| l.span.start + k);
                        assert!(eq.is_some_and(|k| k < l.value.span.start));
                        assert!(l.value.span.end <= l.span.end);
                    }
                    for v in &s.views {
                        expect(v.span, "view");
                    }
                    for step in s.process.iter().flat_map(|p| &p.steps) {
                        expect(step.span, "step");
                        if let Some(d) = &step.deadline {
                            match &d.within {
                                Some(w) => {
                                    expect(d.span, "within");
                                    assert!(text[w.span.start..w.span.end].contains(' '));
                                }
                                None => expect(d.span, "after"),
                            }
                        }
                    }
                    for t in s.process.iter().flat_map(|p| &p.terms) {
                        expect(t.span, "term");
                        assert!(text[t.duration.span.start..t.duration.span.end].contains("days"));
                    }
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} spans checked");
}

/// `by a, b`: a step keeps every actor it names, in the order written, with or without a space
/// after the comma, in a process and in a view.
#[test]
fn a_step_keeps_every_actor_it_names() {
    use ereje::syntax::ast::Decl;
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/syntax/ok/step_with_two_actors.ereje"
    ));
    let text = std::fs::read_to_string(path).unwrap();
    let source = SourceFile::new(path.display().to_string(), text);
    let ast = parse_file(&source, 0).expect("the fixture parses");
    let service = ast
        .decls
        .iter()
        .find_map(|d| match d {
            Decl::Service(s) => Some(s),
            _ => None,
        })
        .expect("a service");
    let actors = |steps: &[ereje::syntax::ast::Step]| -> Vec<Vec<String>> {
        steps
            .iter()
            .map(|st| st.actors.iter().map(|a| a.node.clone()).collect())
            .collect()
    };
    let process = service.process.as_ref().expect("a process");
    assert_eq!(
        actors(&process.steps),
        [vec!["office", "corporation"], vec!["directorate"]]
    );
    assert_eq!(
        actors(&service.views[0].process.steps),
        [
            vec!["office", "corporation"],
            vec!["office", "corporation"],
            vec!["directorate"]
        ]
    );
}

/// `docs/keywords.md` is the keyword table of `src/syntax/keywords/`, generated.
#[test]
fn the_keywords_page_is_the_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/keywords.md");
    let page = ereje::syntax::keywords::page();
    if std::env::var_os("EREJE_WRITE_KEYWORD_DOCS").is_some() {
        std::fs::write(&path, &page).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == page,
        "docs/keywords.md is stale: run `EREJE_WRITE_KEYWORD_DOCS=1 cargo test --test it the_keywords_page` and commit the result"
    );
}
