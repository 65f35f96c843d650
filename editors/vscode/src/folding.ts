// Folding on braces: `ereje lsp` gives no folding ranges, and indentation folding would miss a
// block whose lines the author broke. Strings and comments are skipped, as the grammar reads
// them (a string ends at its line's end).

/** A range of lines to fold, counted from 0. */
export interface Fold {
  start: number;
  end: number;
}

/** The blocks `{ … }` of a rule file that span more than one line, innermost first. */
export function braceFolds(text: string): Fold[] {
  const folds: Fold[] = [];
  const open: number[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, n) => {
    let inString = false;
    for (let i = 0; i < line.length; i += 1) {
      const c = line[i];
      if (inString) {
        if (c === '\\') i += 1;
        else if (c === '"') inString = false;
      } else if (c === '"') {
        inString = true;
      } else if (c === '/' && line[i + 1] === '/') {
        break;
      } else if (c === '{') {
        open.push(n);
      } else if (c === '}') {
        const start = open.pop();
        // the closing line stays visible, as VS Code shows folded braces
        if (start !== undefined && n - 1 > start) folds.push({ start, end: n - 1 });
      }
    }
  });
  return folds;
}
