//! What a bundle may be at most: its size, how deep its JSON nests, how many documents and
//! events it lists. Past a limit a bundle is `invalid` with a finding that names the limit,
//! checked before anything costs more than reading it; an intake system may lower a limit
//! (`ereje check --max-…`), never raise the depth past 128 levels.

/// The deepest nesting a bundle may have: levels of arrays and objects, the outermost object
/// counted (`{"a": [1]}` nests two levels).
pub const MAX_DEPTH: usize = 128;

/// The limits a bundle is checked within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of a bundle (an NDJSON line) at most.
    pub bundle_bytes: usize,
    /// Levels of nested arrays and objects at most (at most [`MAX_DEPTH`]).
    pub depth: usize,
    /// Elements of `documents` at most.
    pub documents: usize,
    /// Elements of `events` at most.
    pub events: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            bundle_bytes: super::MAX_BUNDLE_BYTES,
            depth: MAX_DEPTH,
            documents: 100_000,
            events: 100_000,
        }
    }
}

/// The offset of the first bracket that opens a level deeper than `limit`, outside strings;
/// one pass, no allocation. Run first below [`MAX_DEPTH`], and at it only when the JSON reader
/// stops at its own limit (a text nested that deep is rare).
pub(crate) fn too_deep_at(text: &str, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_inside_strings_do_not_count() {
        assert_eq!(too_deep_at(r#"{"a": [[1]]}"#, 3), None);
        assert_eq!(too_deep_at(r#"{"a": [[1]]}"#, 2), Some(7));
        assert_eq!(too_deep_at(r#"{"a": "[[[\"[[["}"#, 1), None);
    }
}
