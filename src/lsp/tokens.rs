//! Semantic tokens: the words of a rule file by what they are — keywords, strings, numbers and
//! dates, comments, and each name by the kind of element it names (an act, a document, a
//! step…), declarations marked. Read by a scan of the text, with the names looked up in the
//! index, so that highlighting survives a file that does not parse mid-edit.

use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
    SemanticTokensParams, SemanticTokensResult,
};

use super::index::{Hit, Kind};
use super::workspace::Snapshot;

/// The token types, in the order of the legend.
const TYPES: [SemanticTokenType; 14] = [
    SemanticTokenType::KEYWORD,
    SemanticTokenType::COMMENT,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::CLASS,
    SemanticTokenType::STRUCT,
    SemanticTokenType::EVENT,
    SemanticTokenType::METHOD,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::MACRO,
    SemanticTokenType::OPERATOR,
];

/// The legend the server announces.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

fn type_of(t: &SemanticTokenType) -> u32 {
    TYPES
        .iter()
        .position(|x| x == t)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(0)
}

fn kind_type(kind: Kind) -> SemanticTokenType {
    match kind {
        Kind::Act | Kind::Calendar => SemanticTokenType::NAMESPACE,
        Kind::Service | Kind::View => SemanticTokenType::CLASS,
        Kind::Document => SemanticTokenType::STRUCT,
        Kind::Refusal => SemanticTokenType::EVENT,
        Kind::Step => SemanticTokenType::METHOD,
        Kind::Input => SemanticTokenType::PROPERTY,
        Kind::Let | Kind::Binding => SemanticTokenType::VARIABLE,
        Kind::Actor | Kind::Channel | Kind::Result => SemanticTokenType::ENUM_MEMBER,
    }
}

/// The tokens of a whole file.
pub fn full(s: &Snapshot, params: &SemanticTokensParams) -> Option<SemanticTokensResult> {
    let file = s.file_of(&params.text_document.uri)?;
    let text = s.text(file);
    let keywords = super::completion::keyword_words(&crate::syntax::keywords::Set::ALL);
    let mut found: Vec<(usize, usize, SemanticTokenType, u32)> = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let Some(c) = rest.chars().next() else { break };
        let len = if rest.starts_with("//") {
            let len = rest.find('\n').unwrap_or(rest.len());
            found.push((at, at + len, SemanticTokenType::COMMENT, 0));
            len
        } else if c == '"' {
            let mut end = 1;
            let mut escaped = false;
            for (i, ch) in rest.char_indices().skip(1) {
                end = i + ch.len_utf8();
                match ch {
                    '\n' => {
                        end = i;
                        break;
                    }
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => break,
                    _ => escaped = false,
                }
            }
            found.push((at, at + end, SemanticTokenType::STRING, 0));
            end
        } else if c.is_ascii_digit() {
            let len = rest
                .find(|ch: char| !(ch.is_ascii_digit() || ch == '-'))
                .unwrap_or(rest.len());
            found.push((at, at + len, SemanticTokenType::NUMBER, 0));
            len
        } else if c == '§' {
            found.push((at, at + c.len_utf8(), SemanticTokenType::OPERATOR, 0));
            c.len_utf8()
        } else if c.is_alphabetic() || c == '_' || c == '`' {
            let quoted = c == '`';
            let len = if quoted {
                rest[1..]
                    .find(['`', '\n'])
                    .map_or(rest.len(), |i| i + 2)
                    .min(rest.len())
            } else {
                rest.find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '.' || ch == '-'))
                    .unwrap_or(rest.len())
            };
            let word = &rest[..len];
            let after_dot = at > 0 && bytes[at - 1] == b'.';
            if let Some((start, end, ty, modifiers)) = named(s, file, at) {
                found.push((start, end, ty, modifiers));
                at = end.max(at + 1);
                while !text.is_char_boundary(at.min(text.len())) {
                    at += 1;
                }
                continue;
            }
            // a keyword is a whole word; a dotted name's parts are names, not keywords
            let head = word.split(['.', '-']).next().unwrap_or(word);
            if !quoted && !after_dot && keywords.contains(&head) {
                found.push((at, at + head.len(), SemanticTokenType::KEYWORD, 0));
                head.len().max(1)
            } else {
                len.max(1)
            }
        } else {
            c.len_utf8()
        };
        at += len;
        while !text.is_char_boundary(at.min(text.len())) {
            at += 1;
        }
    }
    Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data: encode(s, file, &found),
    }))
}

/// The name that starts at byte `at`, as a token: a declaration, a use, a lint in `allow`.
fn named(s: &Snapshot, file: usize, at: usize) -> Option<(usize, usize, SemanticTokenType, u32)> {
    let (span, ty, modifiers) = match s.index.at(file, at)? {
        Hit::Declared(n) => {
            let sym = s.index.symbols.get(n)?;
            (sym.span, kind_type(sym.kind), 1)
        }
        Hit::Used(n, span) => (span, kind_type(s.index.symbols.get(n)?.kind), 0),
        Hit::Lint(_, span) => (span, SemanticTokenType::MACRO, 0),
        Hit::Duration(..) | Hit::Citation(_) => return None,
    };
    (span.start == at && span.end > at).then_some((span.start, span.end, ty, modifiers))
}

/// The tokens as the protocol sends them: each relative to the one before, in UTF-16.
fn encode(
    s: &Snapshot,
    file: usize,
    found: &[(usize, usize, SemanticTokenType, u32)],
) -> Vec<SemanticToken> {
    let text = s.text(file);
    let Some(lines) = s.lines.get(file) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(found.len());
    let (mut line, mut column, mut last_end) = (0, 0, 0);
    for (start, end, ty, modifiers) in found {
        if *start < last_end || end <= start {
            continue;
        }
        last_end = *end;
        // a token never spans lines in this language; one that would (a string left open
        // mid-edit) is cut at its line's end, before the line break, `\r\n` included
        let mut line_end = text[*start..].find('\n').map_or(text.len(), |i| start + i);
        if line_end > *start && text.as_bytes()[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        let end = (*end).min(line_end);
        if end <= *start {
            continue;
        }
        let from = lines.position(text, *start);
        let length = lines
            .position(text, end)
            .character
            .saturating_sub(from.character);
        let delta_line = from.line.saturating_sub(line);
        let delta_start = if delta_line == 0 {
            from.character.saturating_sub(column)
        } else {
            from.character
        };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type: type_of(ty),
            token_modifiers_bitset: *modifiers,
        });
        line = from.line;
        column = from.character;
    }
    out
}
