//! JSON pointers (RFC 6901) as the locator follows them: split once into reference tokens,
//! each compared with keys as written (a `~0`/`~1` escape decoded on the fly) or read as an
//! array index.

use super::MAX_DEPTH;

/// A pointer split into the reference tokens [`locate_all`](super::locate_all) can follow.
pub(super) struct Route<'p> {
    pointer: &'p [u8],
    /// End (in `pointer`) of each usable token.
    ends: Vec<usize>,
    /// Each usable token read as an array index.
    indices: Vec<Option<usize>>,
    /// How many tokens the pointer has; `None` when it is not a pointer (no leading `/`).
    tokens: Option<usize>,
}

impl Route<'_> {
    /// Split a pointer into its tokens, once per scan.
    pub(super) fn parse(pointer: &str) -> Route<'_> {
        let mut ends = Vec::new();
        let mut indices = Vec::new();
        let tokens = split_tokens(pointer, |_, end, index| {
            ends.push(end);
            indices.push(index);
        });
        Route {
            pointer: pointer.as_bytes(),
            ends,
            indices,
            tokens,
        }
    }

    /// How many tokens can be followed.
    pub(super) fn usable(&self) -> usize {
        self.ends.len()
    }

    /// Whether the child of a value at `level` that has this key is on the path.
    pub(super) fn names_key(&self, level: usize, key: &[u8]) -> bool {
        level < self.usable() && token_names(token_at(self.pointer, &self.ends, level), key)
    }

    /// Whether the value found at `level` is the one the whole pointer names.
    pub(super) fn names_all(&self, level: usize) -> bool {
        self.tokens == Some(level)
    }

    /// Bytes of the pointer naming the value at `level`.
    pub(super) fn matched(&self, level: usize) -> usize {
        matched_at(&self.ends, level)
    }

    /// Whether the element `index` of an array at `level` is on the path.
    pub(super) fn names_index(&self, level: usize, index: usize) -> bool {
        self.indices.get(level).copied().flatten() == Some(index)
    }

    /// The key a child of a value at `level` must have to be on the path, decoded (`~1` is
    /// `/`, `~0` is `~`); none past the usable tokens.
    pub(super) fn key_at(&self, level: usize) -> Option<Vec<u8>> {
        if level >= self.usable() {
            return None;
        }
        let raw = token_at(self.pointer, &self.ends, level);
        let mut key = Vec::with_capacity(raw.len());
        let mut bytes = raw.iter();
        while let Some(&b) = bytes.next() {
            key.push(match b {
                b'~' if bytes.next() == Some(&b'1') => b'/',
                b'~' => b'~',
                _ => b,
            });
        }
        Some(key)
    }

    /// The index an element of an array at `level` must have to be on the path.
    pub(super) fn index_at(&self, level: usize) -> Option<usize> {
        self.indices.get(level).copied().flatten()
    }
}

/// An array index token: decimal digits without leading zeros (RFC 6901 § 4).
fn array_index(token: &str) -> Option<usize> {
    let well_formed = !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token == "0" || !token.starts_with('0'));
    if well_formed {
        token.parse().ok()
    } else {
        None
    }
}

/// Split a pointer into reference tokens: `usable(count, end, index)` for each token that can be
/// followed (up to the first badly escaped one, and no more than [`MAX_DEPTH`]), with the token's
/// position, its end in the pointer and its value as an array index. Returns how many tokens the
/// pointer has; `None` when it is not a pointer (no leading `/`).
fn split_tokens(
    pointer: &str,
    mut usable: impl FnMut(usize, usize, Option<usize>),
) -> Option<usize> {
    if pointer.is_empty() {
        return Some(0);
    }
    let rest = pointer.strip_prefix('/')?;
    let mut count = 0;
    let mut start = 1;
    let mut followable = true;
    for raw in rest.split('/') {
        let end = start + raw.len();
        followable = followable && count < MAX_DEPTH && well_escaped(raw);
        if followable {
            usable(count, end, array_index(raw));
        }
        count += 1;
        start = end + 1;
    }
    Some(count)
}

/// The raw token naming a child of a value at `level`, given where each token ends.
fn token_at<'p>(pointer: &'p [u8], ends: &[usize], level: usize) -> &'p [u8] {
    let start = match level.checked_sub(1) {
        Some(before) => ends.get(before).map_or(0, |end| end + 1),
        None => 1,
    };
    let end = ends.get(level).copied().unwrap_or(0);
    pointer.get(start..end).unwrap_or_default()
}

/// Bytes of a pointer naming the value at `level`, given where each token ends.
fn matched_at(ends: &[usize], level: usize) -> usize {
    level
        .checked_sub(1)
        .and_then(|last| ends.get(last).copied())
        .unwrap_or(0)
}

/// Whether every `~` of a raw token is followed by `0` or `1` (RFC 6901 § 3).
fn well_escaped(raw: &str) -> bool {
    let mut bytes = raw.bytes();
    while let Some(b) = bytes.next() {
        if b == b'~' && !matches!(bytes.next(), Some(b'0' | b'1')) {
            return false;
        }
    }
    true
}

/// Whether a well-escaped raw token names the (decoded) key, without unescaping it first.
fn token_names(raw: &[u8], key: &[u8]) -> bool {
    let mut key = key.iter();
    let mut raw = raw.iter();
    while let Some(&b) = raw.next() {
        let b = match b {
            b'~' if raw.next() == Some(&b'1') => b'/',
            _ => b,
        };
        if key.next() != Some(&b) {
            return false;
        }
    }
    key.next().is_none()
}
