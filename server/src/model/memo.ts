// Answers of pure functions of a string, remembered between lints: an edit leaves most of a document's items,
// sentences and cells as they were, so their answers are read back instead of worked out again. Only for functions
// whose answer depends on nothing but the string (and constants): the key is the whole input.
//
// Two generations: a lookup finds the current or the previous one (and moves the answer up); when the current one is
// full it becomes the previous and the oldest answers go. Memory stays bounded whatever is linted, and the answers a
// document being typed in keeps asking for survive.

export function memoByText<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  return (text) => {
    if (current.has(text)) return current.get(text) as T;
    const value = previous.has(text) ? (previous.get(text) as T) : fn(text);
    if (current.size >= max) {
      previous = current;
      current = new Map();
    }
    current.set(text, value);
    return value;
  };
}

/**
 * The matches of a global expression in a text, read line by line with each line's matches remembered (an edit leaves
 * most lines as they were). Only for an expression that cannot match across a line break, and whose edges a line
 * break satisfies as the start or end of the string does (e.g. `(?<![\p{L}])…(?![\p{L}])`): then the matches are
 * exactly those of the whole text. `lineStart` / `lineEnd` / `lineCount` are the text's lines (model/lines.ts).
 */
export function matchesByLine(re: RegExp): (text: string, lines: { lineCount: number; lineStart(l: number): number; lineEnd(l: number): number }) => { index: number; 0: string }[] {
  const inLine = memoByText((line: string): [number, string][] => [...line.matchAll(re)].map((m) => [m.index, m[0]]));
  return (text, lines) => {
    const out: { index: number; 0: string }[] = [];
    for (let l = 0; l < lines.lineCount; l++) {
      const s = lines.lineStart(l);
      for (const [i, words] of inLine(text.slice(s, lines.lineEnd(l)))) out.push({ index: s + i, 0: words });
    }
    return out;
  };
}
