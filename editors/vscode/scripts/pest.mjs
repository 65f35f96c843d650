// Reading the rules of a pest grammar, as much as the highlighter needs: each rule's body, and
// the string literals in it. Not a pest parser: bodies are found by matching braces outside
// strings, which is all `grammar/ereje.pest` uses.

/**
 * The rules of a pest grammar: a map from rule name to its body (the text between the braces).
 * @param {string} source the text of a `.pest` file
 * @returns {Map<string, string>}
 */
export function pestRules(source) {
  const text = stripComments(source);
  const rules = new Map();
  const head = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*[_@$!]?\s*\{/g;
  let m;
  while ((m = head.exec(text)) !== null) {
    const start = head.lastIndex;
    const end = closingBrace(text, start);
    if (end < 0) {
      throw new Error(`rule \`${m[1]}\` has no closing brace`);
    }
    rules.set(m[1], text.slice(start, end));
    head.lastIndex = end + 1;
  }
  return rules;
}

/**
 * The string literals of a rule body, in order, unescaped; a case-insensitive literal
 * (`^"act"`) is returned as `{ text, caseless: true }`.
 * @param {string} body
 * @returns {{ text: string, caseless: boolean }[]}
 */
export function literals(body) {
  const out = [];
  const re = /(\^?)"((?:[^"\\]|\\.)*)"/g;
  let m;
  while ((m = re.exec(body)) !== null) {
    out.push({ text: unescape(m[2]), caseless: m[1] === '^' });
  }
  return out;
}

// `//` comments to the end of the line, outside string literals (`///` doc lines included).
function stripComments(source) {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '"') {
      const end = stringEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

// The index just past the string literal that starts at `i` (a `"`).
function stringEnd(text, i) {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') {
    j += text[j] === '\\' ? 2 : 1;
  }
  return j + 1;
}

// The index of the `}` that closes a body starting at `start`, or -1.
function closingBrace(text, start) {
  let depth = 1;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === '{') depth += 1;
    if (c === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
    i += 1;
  }
  return -1;
}

// Pest's escapes: `\"`, `\\`, `\n`, `\r`, `\t`, `\0`, `\'`, `\u{…}`, `\x..`.
function unescape(s) {
  return s.replace(/\\(u\{([0-9A-Fa-f]+)\}|x([0-9A-Fa-f]{2})|.)/g, (_, e, u, x) => {
    if (u) return String.fromCodePoint(parseInt(u, 16));
    if (x) return String.fromCharCode(parseInt(x, 16));
    return { n: '\n', r: '\r', t: '\t', 0: '\0' }[e] ?? e;
  });
}
