//! `docs/keywords.md`, generated from the keyword table.

use super::{RESERVED, Set, TABLE};

/// `docs/keywords.md`: the table for people, with how a file chooses its set. A test keeps
/// the page in step with the table.
pub fn page() -> String {
    let mut out = String::from(PAGE_HEAD);
    let reserved: Vec<String> = TABLE
        .iter()
        .filter(|k| RESERVED.contains(&k.rule))
        .map(|k| format!("`{}`", k.word(Set::En)))
        .collect();
    out.push_str(&reserved.join(", "));
    out.push_str(", and their Kazakh and Russian words.\n\n");
    out.push_str("| English | Kazakh | Russian | Meaning | Review |\n");
    out.push_str("| --- | --- | --- | --- | --- |\n");
    let cell = |words: &[&str]| -> String {
        words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for k in TABLE {
        if k.rule == "kw_and_others" {
            continue; // the `and` of conditions, written the same
        }
        let review = if k.review.is_empty() {
            String::from("yes")
        } else {
            format!("yes; {}", k.review)
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {review} |\n",
            cell(k.en),
            cell(k.kk),
            cell(k.ru),
            k.gloss.replace('|', "\\|"),
        ));
    }
    out
}

const PAGE_HEAD: &str = "# Keywords in English, Kazakh and Russian

<!-- Generated from `src/syntax/keywords/`: run `EREJE_WRITE_KEYWORD_DOCS=1 cargo test --test it the_keywords_page` after changing the table. -->

A rule file is written in one of three sets of keywords: English (the default), Kazakh or
Russian. The sets differ in their words only: each keyword has one word in each set and stands
in the same place, so the clauses of a file come in the same order whatever its set.

**Choosing the set.** The file's first line says it:

```text
// ereje: keywords kk
```

`kk` is Kazakh, `ru` Russian, `en` English; a file without the line is English. Every keyword
of the file must be of its set: a keyword of another set is an error (`mixed-keywords`, E0108)
at that word, with the word to write instead, and a line that names another set is an error
too (`unknown-keyword-set`, E0109). Syntax errors name the expected keywords in the file's set,
and where no `--lang` is given, `ereje` speaks to a Kazakh or Russian file in its language
(the language server does the same unless the editor sets `initializationOptions.lang`).

**Names that are keywords.** A name written in backticks is a name, whatever it is spelled
like: `` `срок` `` is the name `срок` in a Russian file, where `срок` alone is the keyword
`term`. The backticks are not part of the name (the report and the bundle say `срок`). A
reserved word (marked below) can only be a name in backticks, in every set.

**Translating a file.** `ereje fmt --keywords kk FILE` rewrites the file's keywords into
Kazakh (`ru`, `en` likewise), updates or adds its first line (English needs none, so it is
removed), and leaves comments, texts and blank lines as they were. In the rewritten file a name
is written in backticks when it is spelled like a keyword of the new set or like a reserved
word; other backticks are removed. Names where no keyword can stand keep their backticks as
written: a call's argument names (`on:`), types, values in `one_of(…)`, `set(…)`, `in (…)` and
after `has`, the fields after `personal`, and the names after `kind`, `as`, `expect`,
`weekend` and `counting`. So a file translated into another set and back is the same file, and
it means the same in every set (a test holds both for every shipped file). `ereje fmt --check`
works on files of every set.

What stays English in every set: the language tags (`kk`, `ru`, `en`), the units of durations
(`7 calendar days`), the names of types and functions (`date`, `age`), and
the values a bundle gives (`ok`, `foreigner`).

**Legal review.** The Kazakh and Russian words are proposals, and every one awaits legal
review (the Review column). Where the order's Kazakh text has a word for the keyword
(«құжат», «мерзімі», «бас тарту», «қосымша», «қолданысқа енгізіледі»), that word was taken,
joined by `_` where it is two; the Russian words are the usual terms of Russian legal texts
(«документ», «срок», «отказ», «приложение»).

Reserved words (names only in backticks): ";
