//! The JSON grammar, read without building anything: whitespace, scalars, strings (decoded
//! only when asked), and values skipped whole. Every loop validates what it reads, so that the
//! locator stops at the byte where a text stops being JSON, and nothing here recurses: a
//! hostile bundle (`[[[[…`) cannot overflow the stack.

use super::MAX_DEPTH;

// A skipped container keeps one bit per open level in a `u128`.
const _: () = assert!(MAX_DEPTH <= 128);

/// Reading stopped here: the text is not JSON from this point on.
#[derive(Debug)]
pub(crate) struct Malformed;

/// A reader of a JSON text at a byte position.
pub(crate) struct Scanner<'t> {
    /// The text read.
    pub text: &'t str,
    /// Its bytes.
    pub bytes: &'t [u8],
    /// Where reading is.
    pub pos: usize,
}

impl<'t> Scanner<'t> {
    /// A reader of `text` at byte `pos`.
    pub(crate) fn at(text: &'t str, pos: usize) -> Scanner<'t> {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos,
        }
    }
}

impl Scanner<'_> {
    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(crate) fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// `true`, `false` or `null`.
    pub(crate) fn literal(&mut self, word: &[u8]) -> Result<(), Malformed> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Malformed)
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    pub(crate) fn number(&mut self) -> Result<(), Malformed> {
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

    pub(crate) fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    pub(crate) fn required_digits(&mut self) -> Result<(), Malformed> {
        let start = self.pos;
        self.digits();
        if self.pos == start {
            Err(Malformed)
        } else {
            Ok(())
        }
    }

    /// A string at `pos` (on its opening quote); with `decode`, its value.
    pub(crate) fn string(&mut self, decode: bool) -> Result<Option<String>, Malformed> {
        if decode {
            let mut out = String::new();
            self.string_into(Some(&mut out))?;
            Ok(Some(out))
        } else {
            self.string_into(None).map(|()| None)
        }
    }

    /// A string at `pos` (on its opening quote); its value is appended to `out` when given.
    pub(crate) fn string_into(&mut self, mut out: Option<&mut String>) -> Result<(), Malformed> {
        self.pos += 1;
        let mut run_start = self.pos;
        loop {
            // plain text is skipped eight bytes at a time
            self.pos = crate::check::json::plain_until(self.bytes, self.pos);
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
    pub(crate) fn escape(&mut self) -> Result<char, Malformed> {
        let b = self.peek().ok_or(Malformed)?;
        self.pos += 1;
        if let Some(c) = crate::check::json::short_escape(b) {
            return Ok(c);
        }
        Ok(match b {
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
    pub(crate) fn hex4(&mut self) -> Result<u32, Malformed> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or(Malformed)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Malformed);
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| Malformed)
    }

    /// Skip a container too deep to look into: count brackets (strings skipped) until it closes.
    pub(crate) fn skip_container(&mut self) -> Result<(), Malformed> {
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

    /// A member's key string, as the reader of a member reads it.
    pub(crate) fn key(&mut self) -> Result<(), Malformed> {
        if self.peek() != Some(b'"') {
            return Err(Malformed);
        }
        self.string(false).map(drop)
    }

    /// The `:` after a member's key, with the whitespace around it.
    pub(crate) fn colon(&mut self) -> Result<(), Malformed> {
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(Malformed);
        }
        self.pos += 1;
        self.skip_ws();
        Ok(())
    }

    /// Skip the value at `pos`, inside `depth` open containers, reading and rejecting exactly
    /// what a reader that indexes every value would, without building anything.
    pub(crate) fn skip_value(&mut self, depth: usize) -> Result<(), Malformed> {
        match self.peek() {
            Some(b'{' | b'[') if depth < MAX_DEPTH => self.skip_indexable(depth),
            _ => self.skip_leaf(depth),
        }
    }

    /// A scalar, or a container too deep to look into (skipped by counting brackets).
    pub(crate) fn skip_leaf(&mut self, depth: usize) -> Result<(), Malformed> {
        match self.peek().ok_or(Malformed)? {
            b'{' | b'[' if depth >= MAX_DEPTH => self.skip_container(),
            b'"' => self.string(false).map(drop),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => Err(Malformed),
        }
    }

    /// A container at `pos` that would be looked into (inside `base < MAX_DEPTH` containers):
    /// read with the full grammar, one bit per open level for its kind.
    pub(crate) fn skip_indexable(&mut self, base: usize) -> Result<(), Malformed> {
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

    /// The decoded bytes of the (already read) key string at `start..pos`: the text itself, or
    /// for a key written with escapes, its value decoded into `buffer`.
    pub(crate) fn key_text<'b>(&'b self, start: usize, buffer: &'b mut String) -> Option<&'b [u8]> {
        let raw = self
            .bytes
            .get(start + 1..self.pos.saturating_sub(1))
            .unwrap_or_default();
        if !raw.contains(&b'\\') {
            return Some(raw);
        }
        buffer.clear();
        let mut decoder = Scanner::at(self.text, start);
        // An error cannot happen (the key was read already); it would name nothing.
        decoder.string_into(Some(buffer)).ok()?;
        Some(buffer.as_bytes())
    }
}
