//! JSON pointer → byte span of a bundle's text, found only when a report is rendered.
//!
//! The checker reads a bundle without keeping where things were written. When a report is
//! rendered, [`locate_all`] scans the text once more for the pointers its findings name
//! (`/documents/0/kind`), so they can be shown as labels in the bundle. [`PointerIndex`] is
//! the full index of every value and key: the reference the locators are tested against, and
//! the tool for callers that want many unrelated lookups. Line and column of a span come
//! from [`crate::source::line_col`].
//!
//! The scanner is hand-written and iterative: one pass, an explicit stack, no recursion, so a
//! hostile bundle (`[[[[…`) cannot overflow the stack. Containers nested deeper than
//! [`MAX_DEPTH`] are skipped as a whole (their span is known, their inside is not indexed).
//! Malformed JSON is indexed up to the first error: every value completed before it keeps its
//! span, and containers left open span up to where reading stopped.
//!
//! When only a few pointers are wanted, [`locate`] answers one without building the index: it
//! reads the same grammar, opens only the containers on the pointer's path and skips every other
//! value in place, and gives exactly the index's answer (repeated keys, depth limit, malformed
//! text included).
//! [`locate_all`] answers many pointers in that same single scan, opening a container only when
//! some of the pointers need something inside it.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashMap;

/// The deepest nesting of containers that is indexed; the root is at depth 0.
pub const MAX_DEPTH: usize = 128;

/// Spans of every value (and every object member's key) in a JSON text.
#[derive(Debug, Clone, Default)]
pub struct PointerIndex {
    /// Every indexed value; the root (if any) is the first.
    nodes: Vec<Node>,
    /// Length of the indexed text, for the fallback span of an unreadable document.
    text_len: usize,
}

/// A byte range of the JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonSpan {
    /// Byte offset of the first byte.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
}

/// One indexed value.
#[derive(Debug, Clone)]
struct Node {
    /// The value's text (a container from its opening to its closing bracket).
    value: JsonSpan,
    /// The member's key, with quotes, when the value is an object member.
    key: Option<JsonSpan>,
    /// The indexed children.
    children: Children,
}

/// The children of a value, by array index or by decoded key.
#[derive(Debug, Clone)]
enum Children {
    /// A scalar, or a container nested too deeply to be indexed.
    None,
    /// Node indices of the elements, in order.
    Array(Vec<usize>),
    /// Node index of each member; a repeated key keeps its last value, as `serde_json` does.
    Object(HashMap<String, usize>),
}

impl PointerIndex {
    /// Build from the text. Malformed JSON: index what could be read before the error (never
    /// panic, never loop).
    pub fn build(text: &str) -> PointerIndex {
        let mut scanner = Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            nodes: Vec::new(),
            stack: Vec::new(),
        };
        if scanner.run().is_err() {
            scanner.close_open_containers();
        }
        PointerIndex {
            nodes: scanner.nodes,
            text_len: text.len(),
        }
    }

    /// Span of the value at an RFC 6901 pointer (`""` = the whole document,
    /// `"/documents/0/kind"`; `~0`/`~1` escapes).
    pub fn value(&self, pointer: &str) -> Option<JsonSpan> {
        let node = self.resolve(pointer)?;
        self.nodes.get(node).map(|n| n.value)
    }

    /// Span of the member's key (with quotes) for an object member pointer, e.g.
    /// `"/applicant/category"` → the `"category"` key.
    pub fn key(&self, pointer: &str) -> Option<JsonSpan> {
        let node = self.resolve(pointer)?;
        self.nodes.get(node).and_then(|n| n.key)
    }

    /// The nearest existing ancestor's value span (for a missing field: point at the object that
    /// lacks it), with the pointer that matched. When nothing at all could be read, the pointer
    /// is `""` and the span covers the whole text.
    pub fn nearest(&self, pointer: &str) -> (String, JsonSpan) {
        let Some(root) = self.nodes.first() else {
            return (
                String::new(),
                JsonSpan {
                    offset: 0,
                    length: self.text_len,
                },
            );
        };
        let mut best = (0, root.value);
        let mut node = 0;
        if let Some(tokens) = pointer.strip_prefix('/') {
            let mut matched_len = 0;
            for raw in tokens.split('/') {
                let Some(next) = unescape(raw).and_then(|token| self.child(node, &token)) else {
                    break;
                };
                node = next;
                // `1 +` for the `/` in front of the token.
                matched_len += 1 + raw.len();
                if let Some(n) = self.nodes.get(node) {
                    best = (matched_len, n.value);
                }
            }
        }
        let matched = pointer.get(..best.0).unwrap_or_default().to_owned();
        (matched, best.1)
    }

    /// Every pointer that names an indexed value, in document order (`""` first when the root
    /// was read). A key replaced by a later repeat of it is not listed, nor is anything inside.
    pub fn pointers(&self) -> Vec<String> {
        let mut found = Vec::new();
        let mut pending = Vec::new();
        if !self.nodes.is_empty() {
            pending.push((0, String::new()));
        }
        while let Some((node, pointer)) = pending.pop() {
            match self.nodes.get(node).map(|n| &n.children) {
                Some(Children::Array(elements)) => {
                    for (i, &child) in elements.iter().enumerate() {
                        pending.push((child, format!("{pointer}/{i}")));
                    }
                }
                Some(Children::Object(members)) => {
                    for (key, &child) in members {
                        let token = key.replace('~', "~0").replace('/', "~1");
                        pending.push((child, format!("{pointer}/{token}")));
                    }
                }
                _ => {}
            }
            found.push((node, pointer));
        }
        found.sort_unstable_by_key(|&(node, _)| node);
        found.into_iter().map(|(_, pointer)| pointer).collect()
    }

    /// The node a pointer names, if it was indexed.
    fn resolve(&self, pointer: &str) -> Option<usize> {
        if self.nodes.is_empty() {
            return None;
        }
        if pointer.is_empty() {
            return Some(0);
        }
        let tokens = pointer.strip_prefix('/')?;
        let mut node = 0;
        for raw in tokens.split('/') {
            node = self.child(node, &unescape(raw)?)?;
        }
        Some(node)
    }

    /// The child of `node` named by one unescaped reference token.
    fn child(&self, node: usize, token: &str) -> Option<usize> {
        match &self.nodes.get(node)?.children {
            Children::None => None,
            Children::Object(members) => members.get(token).copied(),
            Children::Array(elements) => elements.get(array_index(token)?).copied(),
        }
    }
}

/// A reference token with `~1` → `/` and `~0` → `~`; `None` for any other `~` sequence.
fn unescape(raw: &str) -> Option<String> {
    if !raw.contains('~') {
        return Some(raw.to_owned());
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
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

/// Reading stopped here: the text is not JSON from this point on.
#[derive(Debug)]
struct Malformed;

/// A container being read.
struct Frame {
    /// Its node.
    node: usize,
    /// Whether a member or element has been read (so a `,` or the closing bracket comes next).
    after_item: bool,
}

/// The one-pass reader.
struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    nodes: Vec<Node>,
    stack: Vec<Frame>,
}

impl Scanner<'_> {
    /// Read the whole document; stops at the first error.
    fn run(&mut self) -> Result<(), Malformed> {
        self.skip_ws();
        self.value(None)?;
        while let Some(frame) = self.stack.last_mut() {
            let after_item = frame.after_item;
            frame.after_item = true;
            let node = frame.node;
            let is_object = matches!(
                self.nodes.get(node).map(|n| &n.children),
                Some(Children::Object(_))
            );
            self.skip_ws();
            let close = if is_object { b'}' } else { b']' };
            match self.peek() {
                Some(b) if b == close => {
                    self.pos += 1;
                    self.close(node);
                    self.stack.pop();
                }
                Some(b',') if after_item => {
                    self.pos += 1;
                    self.skip_ws();
                    self.item(is_object)?;
                }
                Some(_) if !after_item => self.item(is_object)?,
                _ => return Err(Malformed),
            }
        }
        Ok(())
    }

    /// One element of an array, or one `"key": value` member of an object.
    fn item(&mut self, is_object: bool) -> Result<(), Malformed> {
        if !is_object {
            return self.value(None);
        }
        if self.peek() != Some(b'"') {
            return Err(Malformed);
        }
        let start = self.pos;
        let key = self.string(true)?.unwrap_or_default();
        let key_span = JsonSpan {
            offset: start,
            length: self.pos - start,
        };
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(Malformed);
        }
        self.pos += 1;
        self.skip_ws();
        self.value(Some((key, key_span)))
    }

    /// A value at `pos`: a scalar is read whole; a container is opened (pushed on the stack) or,
    /// past the depth limit, skipped whole.
    fn value(&mut self, key: Option<(String, JsonSpan)>) -> Result<(), Malformed> {
        let start = self.pos;
        let children = match self.peek().ok_or(Malformed)? {
            b'{' | b'[' if self.stack.len() >= MAX_DEPTH => {
                self.skip_container()?;
                Children::None
            }
            b'{' => {
                self.pos += 1;
                Children::Object(HashMap::new())
            }
            b'[' => {
                self.pos += 1;
                Children::Array(Vec::new())
            }
            b'"' => {
                self.string(false)?;
                Children::None
            }
            b'-' | b'0'..=b'9' => {
                self.number()?;
                Children::None
            }
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            _ => return Err(Malformed),
        };
        let opened = matches!(children, Children::Object(_) | Children::Array(_));
        let index = self.nodes.len();
        let (key, key_span) = match key {
            Some((k, s)) => (Some(k), Some(s)),
            None => (None, None),
        };
        self.nodes.push(Node {
            value: JsonSpan {
                offset: start,
                length: self.pos - start,
            },
            key: key_span,
            children,
        });
        if let Some(parent) = self.stack.last().map(|f| f.node) {
            match self.nodes.get_mut(parent).map(|n| &mut n.children) {
                Some(Children::Array(elements)) => elements.push(index),
                Some(Children::Object(members)) => {
                    members.insert(key.unwrap_or_default(), index);
                }
                _ => {}
            }
        }
        if opened {
            self.stack.push(Frame {
                node: index,
                after_item: false,
            });
        }
        Ok(())
    }

    /// Set a container's span to end at `pos`.
    fn close(&mut self, node: usize) {
        let pos = self.pos;
        if let Some(n) = self.nodes.get_mut(node) {
            n.value.length = pos.saturating_sub(n.value.offset);
        }
    }

    /// After an error: every container still open spans up to where reading stopped.
    fn close_open_containers(&mut self) {
        while let Some(frame) = self.stack.pop() {
            self.close(frame.node);
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// `true`, `false` or `null`.
    fn literal(&mut self, word: &[u8]) -> Result<Children, Malformed> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(Children::None)
        } else {
            Err(Malformed)
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<(), Malformed> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(Malformed),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.required_digits()?;
        }
        Ok(())
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), Malformed> {
        let start = self.pos;
        self.digits();
        if self.pos == start {
            Err(Malformed)
        } else {
            Ok(())
        }
    }

    /// A string at `pos` (on its opening quote); with `decode`, its value.
    fn string(&mut self, decode: bool) -> Result<Option<String>, Malformed> {
        if decode {
            let mut out = String::new();
            self.string_into(Some(&mut out))?;
            Ok(Some(out))
        } else {
            self.string_into(None).map(|()| None)
        }
    }

    /// A string at `pos` (on its opening quote); its value is appended to `out` when given.
    fn string_into(&mut self, mut out: Option<&mut String>) -> Result<(), Malformed> {
        self.pos += 1;
        let mut run_start = self.pos;
        loop {
            let b = self.peek().ok_or(Malformed)?;
            match b {
                b'"' | b'\\' => {
                    if let Some(out) = out.as_mut() {
                        // Both ends sit on ASCII bytes, so the slice is on character boundaries.
                        out.push_str(self.text.get(run_start..self.pos).ok_or(Malformed)?);
                    }
                    self.pos += 1;
                    if b == b'"' {
                        return Ok(());
                    }
                    let c = self.escape()?;
                    if let Some(out) = out.as_mut() {
                        out.push(c);
                    }
                    run_start = self.pos;
                }
                0x00..=0x1f => return Err(Malformed),
                _ => self.pos += 1,
            }
        }
    }

    /// The character of an escape; `pos` is just after the backslash.
    fn escape(&mut self) -> Result<char, Malformed> {
        let b = self.peek().ok_or(Malformed)?;
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                            return Err(Malformed);
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(Malformed);
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(Malformed),
                    _ => first,
                };
                char::from_u32(code).ok_or(Malformed)?
            }
            _ => return Err(Malformed),
        })
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32, Malformed> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or(Malformed)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Malformed);
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| Malformed)
    }

    /// Skip a container too deep to index: count brackets (strings skipped) until it closes.
    fn skip_container(&mut self) -> Result<(), Malformed> {
        let mut depth = 0usize;
        loop {
            match self.peek().ok_or(Malformed)? {
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    self.pos += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(());
                    }
                }
                b'"' => {
                    self.string(false)?;
                }
                _ => self.pos += 1,
            }
        }
    }
}

// `locate` keeps one bit per open level in a `u128`.
const _: () = assert!(MAX_DEPTH <= 128);

/// Where [`locate`] found a pointer: the same answer as [`PointerIndex::value`] when `exact`,
/// else as [`PointerIndex::nearest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// The value's span; when not `exact`, the nearest existing ancestor's (the whole text when
    /// nothing at all could be read).
    pub span: JsonSpan,
    /// Whether the pointer itself names an indexed value.
    pub exact: bool,
    /// Bytes of the pointer that matched (`pointer[..matched]` names `span`); the length of the
    /// pointer when `exact`.
    pub matched: usize,
}

/// Span of the value at `pointer` (RFC 6901, `~0`/`~1`), found by one scan along the path that
/// skips sibling values without indexing them; or, when the pointer names nothing, the span of
/// the nearest existing ancestor together with the length of the pointer prefix that matched
/// (like [`PointerIndex::nearest`]). Never panics, never loops, no recursion; linear in the text.
///
/// The answer is the one [`PointerIndex::build`] gives for the same text, malformed or not: the
/// scan reads (and validates) exactly what the index reads, stops at the same error, keeps the
/// last of repeated keys and skips containers deeper than [`MAX_DEPTH`] the same way. Nothing is
/// allocated unless an object member on the path has a key written with a `\` escape.
pub fn locate(text: &str, pointer: &str) -> Located {
    let path = Path::parse(pointer);
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        nodes: Vec::new(),
        stack: Vec::new(),
    };
    match scanner.walk(&path) {
        Some((level, span)) => Located {
            span,
            exact: path.tokens == Some(level),
            matched: path.matched(level),
        },
        None => Located {
            span: JsonSpan {
                offset: 0,
                length: text.len(),
            },
            exact: false,
            matched: 0,
        },
    }
}

/// The spans of several pointers, found in one scan of the text: for each pointer the same
/// answer as `locate(text, pointer)` (exact span, or nearest ancestor and matched length).
///
/// The scan reads the grammar [`locate`] reads, with the same validating loops, and opens a
/// container only when some pointer still needs something inside it; every other value is
/// skipped whole. Each open level keeps the pointers whose path goes through it, and a member or
/// element is compared only with those. A later repeat of a key replaces the earlier value for
/// every pointer going through it (last key wins, as in the index). Never panics, never loops,
/// no recursion; the text is read once, and each member or element read in an opened container
/// costs one comparison per pointer going through that container. Allocations are per pointer
/// (its tokens) and per scan, never per value.
pub fn locate_all(text: &str, pointers: &[&str]) -> Vec<Located> {
    if pointers.is_empty() {
        return Vec::new();
    }
    let routes: Vec<Route> = pointers
        .iter()
        .map(|pointer| Route::parse(pointer))
        .collect();
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        nodes: Vec::new(),
        stack: Vec::new(),
    };
    let Some(bests) = scanner.walk_all(&routes) else {
        let nothing = Located {
            span: JsonSpan {
                offset: 0,
                length: text.len(),
            },
            exact: false,
            matched: 0,
        };
        return vec![nothing; pointers.len()];
    };
    let stop = scanner.pos;
    routes
        .iter()
        .zip(bests)
        .map(|(route, best)| Located {
            span: JsonSpan {
                offset: best.offset,
                length: best.end.unwrap_or(stop).saturating_sub(best.offset),
            },
            exact: route.tokens == Some(best.level),
            matched: matched_at(&route.ends, best.level),
        })
        .collect()
}

/// A pointer split into reference tokens for [`locate_all`] (as [`Path`], sized to the pointer).
struct Route<'p> {
    pointer: &'p [u8],
    /// End (in `pointer`) of each usable token.
    ends: Vec<usize>,
    /// Each usable token read as an array index.
    indices: Vec<Option<usize>>,
    /// How many tokens the pointer has; `None` when it is not a pointer (no leading `/`).
    tokens: Option<usize>,
}

impl Route<'_> {
    fn parse(pointer: &str) -> Route<'_> {
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
    fn usable(&self) -> usize {
        self.ends.len()
    }

    /// Whether the child of a value at `level` that has this key is on the path.
    fn names_key(&self, level: usize, key: &[u8]) -> bool {
        level < self.usable() && token_names(token_at(self.pointer, &self.ends, level), key)
    }

    /// Whether the element `index` of an array at `level` is on the path.
    fn names_index(&self, level: usize, index: usize) -> bool {
        self.indices.get(level).copied().flatten() == Some(index)
    }
}

/// A container [`Scanner::follow_all`] opened.
struct Level {
    /// Where its pointers (those whose path goes through it) start in the list of active ones.
    start: usize,
    is_object: bool,
    /// Whether a member or element has been read (so a `,` or the closing bracket comes next).
    after_item: bool,
    /// Elements read so far (an array).
    count: usize,
}

/// A pointer split into the reference tokens [`locate`] can follow.
struct Path<'p> {
    pointer: &'p [u8],
    /// End (in `pointer`) of each usable token; token `i` starts one byte after token `i - 1`
    /// ends (token 0 at byte 1, after the leading `/`).
    ends: [usize; MAX_DEPTH],
    /// Each usable token read as an array index.
    indices: [Option<usize>; MAX_DEPTH],
    /// How many tokens can be followed: up to the first badly escaped one, and no more than an
    /// indexed value can be deep.
    usable: usize,
    /// How many tokens the pointer has; `None` when it is not a pointer (no leading `/`).
    tokens: Option<usize>,
}

impl Path<'_> {
    fn parse(pointer: &str) -> Path<'_> {
        let mut ends = [0; MAX_DEPTH];
        let mut indices = [None; MAX_DEPTH];
        let mut usable = 0;
        let tokens = split_tokens(pointer, |count, end, index| {
            if let Some(slot) = ends.get_mut(count) {
                *slot = end;
            }
            if let Some(slot) = indices.get_mut(count) {
                *slot = index;
            }
            usable = count + 1;
        });
        Path {
            pointer: pointer.as_bytes(),
            ends,
            indices,
            usable,
            tokens,
        }
    }

    /// The raw (still `~`-escaped) token that names a child of a value at `level`.
    fn token(&self, level: usize) -> &[u8] {
        token_at(self.pointer, &self.ends, level)
    }

    /// The array index that names a child of a value at `level`.
    fn index(&self, level: usize) -> Option<usize> {
        self.indices.get(level).copied().flatten()
    }

    /// Bytes of the pointer naming the value at `level`.
    fn matched(&self, level: usize) -> usize {
        matched_at(&self.ends, level)
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

/// Whether every `~` of a raw token is followed by `0` or `1` (as [`unescape`] requires).
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

/// The deepest value found on the path so far.
struct Best {
    /// How many tokens name it.
    level: usize,
    offset: usize,
    /// Where it ends, once known (a container on the path is open until its bracket closes).
    end: Option<usize>,
}

impl Scanner<'_> {
    /// Follow `path` from the document's start; `None` when not even the root could be read.
    fn walk(&mut self, path: &Path) -> Option<(usize, JsonSpan)> {
        self.skip_ws();
        let offset = self.pos;
        let opens = matches!(self.peek(), Some(b'{' | b'['));
        let span = |end: usize| JsonSpan {
            offset,
            length: end.saturating_sub(offset),
        };
        if !opens || path.usable == 0 {
            // An opened container exists even if it never closes; a scalar only once read.
            return match self.skip_value(0) {
                Ok(()) => Some((0, span(self.pos))),
                Err(Malformed) => opens.then(|| (0, span(self.pos))),
            };
        }
        let mut best = Best {
            level: 0,
            offset,
            end: None,
        };
        // On an error every container still open (the best one too) ends where reading stopped.
        let _ = self.follow(path, &mut best);
        let end = best.end.unwrap_or(self.pos);
        Some((
            best.level,
            JsonSpan {
                offset: best.offset,
                length: end.saturating_sub(best.offset),
            },
        ))
    }

    /// Read the root container (at `pos`) as [`Scanner::run`] does, opening only the containers
    /// on the path and skipping every other value whole. Open containers are all on the path, so
    /// the stack is a bit per level (object or array) and the element count of the innermost.
    fn follow(&mut self, path: &Path, best: &mut Best) -> Result<(), Malformed> {
        let mut objects = 0u128;
        let mut depth = 0usize;
        let mut after_item = false;
        let mut count = 0usize;
        if self.peek() == Some(b'{') {
            objects |= 1;
        }
        self.pos += 1;
        depth += 1;
        loop {
            // The innermost open container, at `level`, is on the path: `level < path.usable`.
            let level = depth - 1;
            let is_object = objects >> level & 1 == 1;
            self.skip_ws();
            let close = if is_object { b'}' } else { b']' };
            match self.peek() {
                Some(b) if b == close => {
                    self.pos += 1;
                    if best.level == level {
                        best.end = Some(self.pos);
                    }
                    depth -= 1;
                    let Some(parent) = depth.checked_sub(1) else {
                        return Ok(());
                    };
                    after_item = true;
                    // An array on the path was left at its one element on the path.
                    count = path.index(parent).map_or(0, |i| i.saturating_add(1));
                    continue;
                }
                Some(b',') if after_item => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(_) if !after_item => {}
                _ => return Err(Malformed),
            }
            after_item = true;
            let on_path = if is_object {
                let key_start = self.pos;
                self.key()?;
                let on_path = self.key_is(key_start, path.token(level));
                self.colon()?;
                on_path
            } else {
                count += 1;
                path.index(level) == Some(count - 1)
            };
            if !on_path {
                self.skip_value(depth)?;
                continue;
            }
            let offset = self.pos;
            match self.peek() {
                Some(open @ (b'{' | b'[')) if depth < MAX_DEPTH => {
                    // Opened, so it replaces an earlier member of the same key.
                    *best = Best {
                        level: level + 1,
                        offset,
                        end: None,
                    };
                    if level + 1 < path.usable {
                        if open == b'{' {
                            objects |= 1 << depth;
                        } else {
                            objects &= !(1 << depth);
                        }
                        self.pos += 1;
                        depth += 1;
                        after_item = false;
                        count = 0;
                    } else {
                        self.skip_value(depth)?;
                        best.end = Some(self.pos);
                    }
                }
                _ => {
                    // A scalar (or a container too deep to index) exists once read whole.
                    self.skip_value(depth)?;
                    *best = Best {
                        level: level + 1,
                        offset,
                        end: Some(self.pos),
                    };
                }
            }
        }
    }

    /// Follow every route from the document's start, as [`Scanner::walk`] follows one: the
    /// deepest value found for each (an end of `None` = still open where reading stopped), or
    /// `None` when not even the root could be read.
    fn walk_all(&mut self, routes: &[Route]) -> Option<Vec<Best>> {
        self.skip_ws();
        let offset = self.pos;
        let opens = matches!(self.peek(), Some(b'{' | b'['));
        let mut bests: Vec<Best> = routes
            .iter()
            .map(|_| Best {
                level: 0,
                offset,
                end: None,
            })
            .collect();
        if opens && routes.iter().any(|route| route.usable() > 0) {
            // On an error every container still open ends where reading stopped.
            let _ = self.follow_all(routes, &mut bests);
        } else if self.skip_value(0).is_err() && !opens {
            // A scalar exists only once read; an opened container even if it never closes.
            return None;
        }
        let stop = self.pos;
        for best in &mut bests {
            best.end.get_or_insert(stop);
        }
        Some(bests)
    }

    /// Read the root container (at `pos`) as [`Scanner::follow`] does for one path, for all
    /// routes at once: a value is opened when it is on the path of some route that goes deeper
    /// than it, else skipped whole. `active` lists, level after level, the routes whose path goes
    /// through each open container (the innermost's at the end).
    fn follow_all(&mut self, routes: &[Route], bests: &mut [Best]) -> Result<(), Malformed> {
        let mut active: Vec<usize> = (0..routes.len()).collect();
        let deepest = routes.iter().map(Route::usable).max().unwrap_or(0);
        let mut levels: Vec<Level> = Vec::with_capacity(deepest.min(MAX_DEPTH) + 1);
        levels.push(Level {
            start: 0,
            is_object: self.peek() == Some(b'{'),
            after_item: false,
            count: 0,
        });
        self.pos += 1;
        let mut decoded = String::new();
        loop {
            let depth = levels.len();
            let Some(container) = levels.last_mut() else {
                return Ok(());
            };
            let level = depth - 1;
            let start = container.start;
            self.skip_ws();
            let close = if container.is_object { b'}' } else { b']' };
            match self.peek() {
                Some(b) if b == close => {
                    self.pos += 1;
                    for &route in active.get(start..).unwrap_or_default() {
                        if let Some(best) = bests.get_mut(route)
                            && best.level == level
                        {
                            best.end = Some(self.pos);
                        }
                    }
                    active.truncate(start);
                    levels.pop();
                    continue;
                }
                Some(b',') if container.after_item => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(_) if !container.after_item => {}
                _ => return Err(Malformed),
            }
            container.after_item = true;
            // The routes of the container that name this member or element go after its own.
            let here = active.len();
            if container.is_object {
                let key_start = self.pos;
                self.key()?;
                let key = self.key_text(key_start, &mut decoded);
                for i in start..here {
                    if let (Some(&route), Some(key)) = (active.get(i), key)
                        && routes.get(route).is_some_and(|r| r.names_key(level, key))
                    {
                        active.push(route);
                    }
                }
                self.colon()?;
            } else {
                let index = container.count;
                container.count += 1;
                for i in start..here {
                    if let Some(&route) = active.get(i)
                        && routes
                            .get(route)
                            .is_some_and(|r| r.names_index(level, index))
                    {
                        active.push(route);
                    }
                }
            }
            let named = active.get(here..).unwrap_or_default();
            if named.is_empty() {
                self.skip_value(depth)?;
                continue;
            }
            let offset = self.pos;
            match self.peek() {
                Some(open @ (b'{' | b'[')) if depth < MAX_DEPTH => {
                    // Opened, so it replaces an earlier member of the same key.
                    let mut deeper = false;
                    for &route in named {
                        if let Some(best) = bests.get_mut(route) {
                            *best = Best {
                                level: level + 1,
                                offset,
                                end: None,
                            };
                        }
                        deeper |= routes.get(route).is_some_and(|r| level + 1 < r.usable());
                    }
                    if deeper {
                        levels.push(Level {
                            start: here,
                            is_object: open == b'{',
                            after_item: false,
                            count: 0,
                        });
                        self.pos += 1;
                    } else {
                        self.skip_value(depth)?;
                        for &route in named {
                            if let Some(best) = bests.get_mut(route) {
                                best.end = Some(self.pos);
                            }
                        }
                        active.truncate(here);
                    }
                }
                _ => {
                    // A scalar (or a container too deep to index) exists once read whole.
                    self.skip_value(depth)?;
                    for &route in named {
                        if let Some(best) = bests.get_mut(route) {
                            *best = Best {
                                level: level + 1,
                                offset,
                                end: Some(self.pos),
                            };
                        }
                    }
                    active.truncate(here);
                }
            }
        }
    }

    /// The decoded bytes of the (already read) key string at `start..pos`: the text itself, or
    /// for a key written with escapes, its value decoded into `buffer`.
    fn key_text<'b>(&'b self, start: usize, buffer: &'b mut String) -> Option<&'b [u8]> {
        let raw = self
            .bytes
            .get(start + 1..self.pos.saturating_sub(1))
            .unwrap_or_default();
        if !raw.contains(&b'\\') {
            return Some(raw);
        }
        buffer.clear();
        let mut decoder = Scanner {
            text: self.text,
            bytes: self.bytes,
            pos: start,
            nodes: Vec::new(),
            stack: Vec::new(),
        };
        // An error cannot happen (the key was read already); it would name nothing.
        decoder.string_into(Some(buffer)).ok()?;
        Some(buffer.as_bytes())
    }

    /// Whether the key string at `start..pos` is the one a raw pointer token names. Allocates
    /// only for a key written with escapes.
    fn key_is(&self, start: usize, token: &[u8]) -> bool {
        let raw = self
            .bytes
            .get(start + 1..self.pos.saturating_sub(1))
            .unwrap_or_default();
        if !raw.contains(&b'\\') {
            return token_names(token, raw);
        }
        let mut decoder = Scanner {
            text: self.text,
            bytes: self.bytes,
            pos: start,
            nodes: Vec::new(),
            stack: Vec::new(),
        };
        match decoder.string(true) {
            Ok(Some(key)) => token_names(token, key.as_bytes()),
            _ => false,
        }
    }

    /// A member's key string, as [`Scanner::item`] reads it.
    fn key(&mut self) -> Result<(), Malformed> {
        if self.peek() != Some(b'"') {
            return Err(Malformed);
        }
        self.string(false).map(drop)
    }

    /// The `:` after a member's key, with the whitespace around it.
    fn colon(&mut self) -> Result<(), Malformed> {
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(Malformed);
        }
        self.pos += 1;
        self.skip_ws();
        Ok(())
    }

    /// Skip the value at `pos`, inside `depth` open containers, reading and rejecting exactly
    /// what [`Scanner::value`] and [`Scanner::run`] would, without building anything.
    fn skip_value(&mut self, depth: usize) -> Result<(), Malformed> {
        match self.peek() {
            Some(b'{' | b'[') if depth < MAX_DEPTH => self.skip_indexable(depth),
            _ => self.skip_leaf(depth),
        }
    }

    /// A scalar, or a container too deep to index (skipped as [`Scanner::skip_container`]).
    fn skip_leaf(&mut self, depth: usize) -> Result<(), Malformed> {
        match self.peek().ok_or(Malformed)? {
            b'{' | b'[' if depth >= MAX_DEPTH => self.skip_container(),
            b'"' => self.string(false).map(drop),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal(b"true").map(drop),
            b'f' => self.literal(b"false").map(drop),
            b'n' => self.literal(b"null").map(drop),
            _ => Err(Malformed),
        }
    }

    /// A container at `pos` that the index would open (inside `base < MAX_DEPTH` containers):
    /// read with the grammar of [`Scanner::run`], one bit per open level for its kind.
    fn skip_indexable(&mut self, base: usize) -> Result<(), Malformed> {
        let mut objects = 0u128;
        let mut depth = base;
        let mut after_item = false;
        if self.peek() == Some(b'{') {
            objects |= 1 << depth;
        }
        self.pos += 1;
        depth += 1;
        loop {
            let is_object = objects >> (depth - 1) & 1 == 1;
            self.skip_ws();
            let close = if is_object { b'}' } else { b']' };
            match self.peek() {
                Some(b) if b == close => {
                    self.pos += 1;
                    depth -= 1;
                    if depth == base {
                        return Ok(());
                    }
                    after_item = true;
                    continue;
                }
                Some(b',') if after_item => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(_) if !after_item => {}
                _ => return Err(Malformed),
            }
            after_item = true;
            if is_object {
                self.key()?;
                self.colon()?;
            }
            match self.peek() {
                Some(open @ (b'{' | b'[')) if depth < MAX_DEPTH => {
                    if open == b'{' {
                        objects |= 1 << depth;
                    } else {
                        objects &= !(1 << depth);
                    }
                    self.pos += 1;
                    depth += 1;
                    after_item = false;
                }
                _ => self.skip_leaf(depth)?,
            }
        }
    }
}
