//! The lints' documentation pages, made from the registry: `ereje explain L020` prints one,
//! and `docs/lints/` holds them all (a test fails when the files there are stale).

use super::{LINTS, Lint};

/// The page of one lint, in Markdown.
pub fn page(lint: &Lint) -> String {
    format!(
        "# {} `{}`\n\n{}. Default level: `{}`.\n\n{}",
        lint.code.code,
        lint.code.name,
        capitalized(lint.code.summary),
        lint.level.as_str(),
        lint.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim_end()
    ) + "\n"
}

/// The index of every lint, in Markdown: a table with a link to each page.
pub fn index() -> String {
    let mut out = String::from(
        "# Lints\n\nGenerated from the lint registry (`src/lint/`); `ereje explain CODE` prints a page, \
         `ereje lint --list` the table. Each page has a firing and a passing example, which run as tests.\n\n\
         | code | name | default level | what it finds |\n| --- | --- | --- | --- |\n",
    );
    for lint in LINTS {
        out.push_str(&format!(
            "| {} | [`{}`]({}.md) | {} | {} |\n",
            lint.code.code,
            lint.code.name,
            lint.code.name,
            lint.level.as_str(),
            lint.code.summary
        ));
    }
    out
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
