//! The test oracle of the span scanner: a full index of every value (and every member's key)
//! of a JSON text, built by a reader of its own. `report::spans::locate_all` must give, for
//! every pointer, the index's answer; the index is kept here, beside the tests, because nothing
//! but the tests needs it.

use std::collections::HashMap;

use ereje::report::spans::{JsonSpan, Located, MAX_DEPTH};

/// Spans of every value (and every object member's key) in a JSON text.
#[derive(Debug, Clone, Default)]
pub struct PointerIndex {
    /// Every indexed value; the root (if any) is the first.
    nodes: Vec<Node>,
    /// Length of the indexed text, for the fallback span of an unreadable document.
    text_len: usize,
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

/// The index's answer for one pointer, as `locate_all` must give it (an index built for it).
pub fn locate(text: &str, pointer: &str) -> Located {
    PointerIndex::build(text).locate(pointer)
}

impl PointerIndex {
    /// The answer `locate_all` must give for a pointer: the value's span when the pointer
    /// names one, else the nearest existing ancestor's and the length of the prefix that names
    /// it.
    pub fn locate(&self, pointer: &str) -> Located {
        match self.value(pointer) {
            Some(span) => Located {
                span,
                exact: true,
                matched: pointer.len(),
            },
            None => {
                let (matched, span) = self.nearest(pointer);
                Located {
                    span,
                    exact: false,
                    matched: matched.len(),
                }
            }
        }
    }
}
