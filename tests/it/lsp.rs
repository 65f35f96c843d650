//! `ereje lsp` driven as an editor drives it: JSON-RPC on stdio, the shipped rules as the
//! workspace, every request the server offers, edits that break a file mid-edit and a
//! Kazakh name whose columns count in UTF-16.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::lsp_client::{Client, uri};

fn rules() -> PathBuf {
    std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).expect("rules")
}

fn permanent_residence() -> PathBuf {
    rules().join("kz/mvd-495/permanent-residence.ereje")
}

/// The position (line, UTF-16 column) of the `nth` occurrence of `needle` in `text`, plus
/// `skip` characters.
fn at(text: &str, needle: &str, nth: usize, skip: usize) -> (u32, u32) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text {nth} times"))
        .0;
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column: usize = before[start..].chars().map(char::len_utf16).sum::<usize>()
        + needle
            .chars()
            .take(skip)
            .map(char::len_utf16)
            .sum::<usize>();
    (u32::try_from(line).unwrap(), u32::try_from(column).unwrap())
}

fn position(uri: &str, (line, character): (u32, u32)) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
}

fn errors(list: &[Value]) -> Vec<&Value> {
    list.iter().filter(|d| d["severity"] == 1).collect()
}

#[test]
fn a_session_on_the_shipped_rules() {
    let file = permanent_residence();
    let text = std::fs::read_to_string(&file).expect("rule file");
    let u = uri(&file);
    let mut client = Client::start(&rules(), json!({}));
    client.open(&file, &text);
    let published = client.diagnostics_until(&file, |_| true);
    assert!(errors(&published).is_empty(), "{published:#?}");

    // hover on a document's name: its titles, its citation
    let hover = client.request(
        "textDocument/hover",
        position(&u, at(&text, "document application_form", 0, 10)),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        shown.contains("application form for the permanent residence permit"),
        "{shown}"
    );
    assert!(shown.contains("§ 9(1) standard"), "{shown}");
    assert!(shown.contains("public catalogue"), "{shown}");

    // hover on an act cited: its title and entry into force
    let hover = client.request(
        "textDocument/hover",
        position(&u, at(&text, "§ kz.law.migration art. 49(4)", 0, 4)),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.starts_with("**act** `kz.law.migration`"), "{shown}");

    // hover on a lint in `allow`: the lint's page
    let hover = client.request(
        "textDocument/hover",
        position(&u, at(&text, "allow unused-actor", 0, 8)),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.contains("`unused-actor`"), "{shown}");

    // hover on a duration: how it is counted
    let hover = client.request(
        "textDocument/hover",
        position(
            &u,
            at(&text, "within 7 calendar days after talon_issued", 0, 7),
        ),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.starts_with("**7 calendar days**"), "{shown}");
    assert!(
        shown.contains("the day of the event is not counted"),
        "{shown}"
    );

    // go to the act a citation names: its declaration in acts.ereje
    let definition = client.request(
        "textDocument/definition",
        position(&u, at(&text, "act kz.mia.order_495 annex 1", 0, 6)),
    );
    let target = &definition["result"];
    assert!(
        target["uri"]
            .as_str()
            .unwrap_or_default()
            .ends_with("acts.ereje"),
        "{definition}"
    );
    let acts = std::fs::read_to_string(rules().join("kz/mvd-495/acts.ereje")).expect("acts");
    let (line, _) = at(&acts, "act kz.mia.order_495", 0, 0);
    assert_eq!(target["range"]["start"]["line"], line, "{definition}");

    // every use of an actor, across the file
    let references = client.request(
        "textDocument/references",
        json!({
            "textDocument": { "uri": u },
            "position": position(&u, at(&text, "actor national_security", 0, 8))["position"],
            "context": { "includeDeclaration": true }
        }),
    );
    let found = references["result"].as_array().cloned().unwrap_or_default();
    // as a whole word: not `checks.national_security`, not `national_security_objection`
    let whole: Vec<u32> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            l.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .any(|w| w == "national_security")
        })
        .map(|(n, _)| u32::try_from(n).unwrap())
        .collect();
    let lines: Vec<u32> = found
        .iter()
        .filter_map(|l| {
            l["range"]["start"]["line"]
                .as_u64()
                .map(|n| u32::try_from(n).unwrap())
        })
        .collect();
    assert_eq!(lines, whole, "{references}");
    let uses = whole.len();

    // rename an actor: every occurrence; a document of the catalogue: refused, saying why
    let renamed = client.request(
        "textDocument/rename",
        json!({
            "textDocument": { "uri": u },
            "position": position(&u, at(&text, "actor national_security", 0, 8))["position"],
            "newName": "security_service"
        }),
    );
    let edits = renamed["result"]["changes"][&u]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(edits.len(), uses, "{renamed}");
    assert!(edits.iter().all(|e| e["newText"] == "security_service"));
    let refused = client.request(
        "textDocument/prepareRename",
        position(&u, at(&text, "document application_form", 0, 10)),
    );
    let why = refused["error"]["message"].as_str().unwrap_or_default();
    assert!(why.contains("public catalogue"), "{refused}");

    // the outline: the service, with its documents and steps inside
    let outline = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": u } }),
    );
    let top = outline["result"].as_array().cloned().unwrap_or_default();
    let service = top
        .iter()
        .find(|s| s["name"] == "kz.mvd.permanent_residence")
        .unwrap_or_else(|| panic!("{outline}"));
    let children: Vec<&str> = service["children"]
        .as_array()
        .map(|c| c.iter().filter_map(|x| x["name"].as_str()).collect())
        .unwrap_or_default();
    assert!(children.contains(&"application_form"), "{children:?}");
    assert!(children.contains(&"applicant.birth_date"), "{children:?}");
    // and its examples, each by its description
    let examples = text.matches("\n  example \"").count();
    assert!(examples > 10, "{examples}");
    assert!(
        children.contains(&"complete application of a foreigner, decided on time"),
        "{children:?}"
    );
    let kinds: usize = service["children"].as_array().map_or(0, |c| {
        c.iter()
            .filter(|x| {
                x["detail"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("example"))
            })
            .count()
    });
    assert_eq!(kinds, examples);

    // workspace symbols: an act declared in another file
    let symbols = client.request("workspace/symbol", json!({ "query": "order_495" }));
    let names: Vec<&str> = symbols["result"]
        .as_array()
        .map(|s| s.iter().filter_map(|x| x["name"].as_str()).collect())
        .unwrap_or_default();
    assert!(names.contains(&"kz.mia.order_495"), "{symbols}");

    // formatting a file already in the canonical layout changes nothing
    let formatted = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(formatted["result"], json!([]), "{formatted}");

    // semantic tokens: five numbers per token, keywords and names among them
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": u } }),
    );
    let data = tokens["result"]["data"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        data.len() > 500 && data.len() % 5 == 0,
        "{} numbers",
        data.len()
    );

    assert!(client.shutdown().success());
}

#[test]
fn completion_offers_what_fits_where_the_cursor_is() {
    let file = permanent_residence();
    let text = std::fs::read_to_string(&file).expect("rule file");
    let u = uri(&file);
    let mut client = Client::start(&rules(), json!({}));
    client.open(&file, &text);
    let labels = |answer: &Value| -> Vec<String> {
        answer["result"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i["label"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    // type a new line into the service and ask at its end
    let (line, _) = at(&text, "  input checks.solvency", 0, 0);
    let ask = |client: &mut Client, typed: &str| {
        client.edit(&file, (line, 0), (line, 0), &format!("{typed}\n"));
        let answer = client.request(
            "textDocument/completion",
            position(
                &u,
                (line, u32::try_from(typed.encode_utf16().count()).unwrap()),
            ),
        );
        client.edit(&file, (line, 0), (line + 1, 0), "");
        labels(&answer)
    };
    let lints = ask(&mut client, "    allow ");
    assert!(lints.iter().any(|l| l == "unused-input"), "{lints:?}");
    let acts = ask(&mut client, "    § ");
    assert!(acts.iter().any(|l| l == "kz.mia.order_315"), "{acts:?}");
    let documents = ask(&mut client, "  let x = has document ");
    assert!(
        documents.iter().any(|l| l == "application_form"),
        "{documents:?}"
    );
    let values = ask(&mut client, "  let x = checks.national_security == ");
    assert_eq!(values, ["agreed", "objection"]);
    let grounds = ask(
        &mut client,
        "  let x = applicant.grounds has_any (refugee, ",
    );
    assert!(grounds.iter().any(|l| l == "ethnic_kazakh"), "{grounds:?}");
    let names = ask(&mut client, "  let x = appl");
    assert!(names.iter().any(|l| l == "applicant.grounds"), "{names:?}");
    assert!(
        names.iter().any(|l| l == "refusal"),
        "keywords too: {names:?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_file_broken_mid_edit_keeps_its_other_elements() {
    let file = permanent_residence();
    let text = std::fs::read_to_string(&file).expect("rule file");
    let u = uri(&file);
    let mut client = Client::start(&rules(), json!({}));
    client.open(&file, &text);
    client.diagnostics_until(&file, |_| true);
    // break the first document's title mid-edit: a string left open
    let (line, column) = at(&text, "title en \"application form", 0, 9);
    client.edit(&file, (line, column), (line, column + 1), "");
    let published = client.diagnostics_until(&file, |d| !errors(d).is_empty());
    let first = errors(&published)[0].clone();
    assert!(
        first["code"]
            .as_str()
            .unwrap_or_default()
            .starts_with("E01"),
        "{first}"
    );
    assert_eq!(first["range"]["start"]["line"], line, "{first}");
    // the elements after it still answer
    let hover = client.request(
        "textDocument/hover",
        position(&u, at(&text, "actor national_security", 0, 8)),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.contains("ҰҚКД"), "{hover}");
    // and the fix clears the error
    client.edit(&file, (line, column), (line, column), "\"");
    let published = client.diagnostics_until(&file, |d| errors(d).is_empty());
    assert!(errors(&published).is_empty());
    assert!(client.shutdown().success());
}

#[test]
fn a_kazakh_name_is_placed_in_utf16_columns() {
    let dir = tempfile_dir("lsp-kazakh");
    let file = dir.join("service.ereje");
    let text = "service kz.test.қызмет {\n  title en \"Test\"\n  actor қызметкер \"Қ\"\n  process {\n    step тіркеу by қызметкер\n  }\n}\n";
    std::fs::write(&file, text).expect("write");
    let u = uri(&file);
    let mut client = Client::start(&dir, json!({ "lang": "kk" }));
    client.open(&file, text);
    client.diagnostics_until(&file, |_| true);
    // the use of the actor after `by`: its column counts each Kazakh letter as one unit
    let use_at = at(text, "by қызметкер", 0, 3);
    assert_eq!(use_at, (4, 19));
    let definition = client.request("textDocument/definition", position(&u, use_at));
    assert_eq!(
        definition["result"]["range"]["start"],
        json!({ "line": 2, "character": 8 })
    );
    assert_eq!(
        definition["result"]["range"]["end"],
        json!({ "line": 2, "character": 17 })
    );
    let references = client.request(
        "textDocument/references",
        json!({
            "textDocument": { "uri": u },
            "position": { "line": 2, "character": 10 },
            "context": { "includeDeclaration": false }
        }),
    );
    assert_eq!(
        references["result"][0]["range"],
        json!({ "start": { "line": 4, "character": 19 }, "end": { "line": 4, "character": 28 } })
    );
    assert!(client.shutdown().success());
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::canonicalize(&dir).expect("canonical")
}

#[test]
fn a_kazakh_keyword_file_is_spoken_to_in_kazakh() {
    let dir = tempfile_dir("lsp-kazakh-keywords");
    let file = dir.join("service.ereje");
    let text = "// ereje: keywords kk\nқызмет kz.test.тұру {\n  атауы kk \"Тұру\"\n  қатысушы кеңсе \"К\"\n  дерек applicant.age: number\n  құжат төлқұжат {\n    қажет әрқашан\n  }\n}\n";
    std::fs::write(&file, text).expect("write");
    let u = uri(&file);
    // no `lang` from the editor: the file's keywords choose Kazakh
    let mut client = Client::start(&dir, json!({}));
    client.open(&file, text);
    client.diagnostics_until(&file, |_| true);
    let hover = client.request(
        "textDocument/hover",
        position(&u, at(text, "құжат төлқұжат", 0, 7)),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.starts_with("**құжат** `төлқұжат`"), "{shown}");
    assert!(shown.contains("жария каталогтың идентификаторы"), "{shown}");
    // hover on a keyword: what it means, in each set
    let hover = client.request("textDocument/hover", position(&u, at(text, "қажет", 0, 1)));
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.starts_with("**қажет** — кілт сөз"), "{shown}");
    assert!(
        shown.contains("en `required` · kk `қажет` · ru `требуется`"),
        "{shown}"
    );
    // completion on a new line of the service: the Kazakh keywords, not the English ones
    let (line, _) = at(text, "  құжат төлқұжат", 0, 0);
    client.edit(&file, (line, 0), (line, 0), "  құ\n");
    let answer = client.request("textDocument/completion", position(&u, (line, 4)));
    let labels: Vec<&str> = answer["result"]
        .as_array()
        .map(|items| items.iter().filter_map(|i| i["label"].as_str()).collect())
        .unwrap_or_default();
    assert!(labels.contains(&"құжат"), "{labels:?}");
    assert!(labels.contains(&"бас_тарту"), "{labels:?}");
    assert!(!labels.contains(&"document"), "{labels:?}");
    client.edit(&file, (line, 0), (line + 1, 0), "");
    // rename to a Kazakh keyword: refused unless in backticks
    let refused = client.request(
        "textDocument/rename",
        json!({
            "textDocument": { "uri": u },
            "position": position(&u, at(text, "қатысушы кеңсе", 0, 10))["position"],
            "newName": "мерзімі"
        }),
    );
    let why = refused["error"]["message"].as_str().unwrap_or_default();
    assert!(why.contains("keyword of this file's set (kk)"), "{refused}");
    let renamed = client.request(
        "textDocument/rename",
        json!({
            "textDocument": { "uri": u },
            "position": position(&u, at(text, "қатысушы кеңсе", 0, 10))["position"],
            "newName": "`мерзімі`"
        }),
    );
    let edits = renamed["result"]["changes"][&u]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        !edits.is_empty() && edits.iter().all(|e| e["newText"] == "`мерзімі`"),
        "{renamed}"
    );
    assert!(client.shutdown().success());
    let _ = std::fs::remove_dir_all(&dir);
}
