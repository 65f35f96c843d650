//! The text around the place where the parser stopped: the token before it, the line it is on,
//! a quoted text that starts there. Naming what was found, and recognising slips, both read it.

/// The byte length of a quoted text at the start of `rest`, closing quote included; `None` if
/// the line ends first (a text cannot run on to the next line).
pub(super) fn closing_quote(rest: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match c {
            '\n' => return None,
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The text of the line up to the end of `before`.
pub(super) fn current_line(before: &str) -> &str {
    before
        .rfind('\n')
        .and_then(|i| before.get(i + 1..))
        .unwrap_or(before)
}

/// The last token before the error, skipping spaces: a word or an operator.
pub(super) fn previous_token(before: &str) -> Option<&str> {
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map(|(i, _)| i);
    if let Some(start) = start {
        return trimmed.get(start..);
    }
    [
        "==", "!=", "<=", ">=", "<", ">", "+", "-", "§", "=", "(", ",",
    ]
    .into_iter()
    .find(|op| trimmed.ends_with(op))
}
