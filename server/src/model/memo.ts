// Answers of pure functions of a string, remembered between lints: an edit leaves most of a document's items,
// sentences and cells as they were, so their answers are read back instead of worked out again. Only for functions
// whose answer depends on nothing but the string (and constants): the key is the whole input.
//
// Two generations: a lookup finds the current or the previous one (and moves the answer up); when the current one is
// full it becomes the previous and the oldest answers go. Memory stays bounded whatever is linted, and the answers a
// document being typed in keeps asking for survive.

let bypassed = 0;

/**
 * Runs `fn` with every answer remembered by text (memoByText, findDates) worked out afresh, neither read nor kept:
 * for checks that what a lint reuses from earlier versions equals what a lint from nothing finds.
 */
export function uncached<T>(fn: () => T): T {
  bypassed++;
  try {
    return fn();
  } finally {
    bypassed--;
  }
}

/** Whether answers remembered by text are bypassed now (see `uncached`). */
export function isUncached(): boolean {
  return bypassed > 0;
}

export function memoByText<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  return (text) => {
    if (bypassed > 0) return fn(text);
    // one lookup on a hit (each lookup of a new string object hashes and compares the whole key)
    const hit = current.get(text);
    if (hit !== undefined || current.has(text)) return hit as T;
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
 * The matches of a global expression in a text, read paragraph by paragraph (runs of lines cut at blank lines) with
 * each paragraph's matches remembered (an edit leaves most paragraphs as they were). Only for an expression that
 * cannot match across a line break, whose edges a line break satisfies as the start or end of the string does (e.g.
 * `(?<![\p{L}])…(?![\p{L}])`) and that never matches empty: then its matches in each paragraph are those of its
 * lines, and together exactly those of the whole text. `lines` is not read (kept for the callers' signature).
 */
export function matchesByLine(re: RegExp): (text: string, lines?: unknown) => { index: number; 0: string }[] {
  const inRun = memoByText((run: string): [number, string][] => [...run.matchAll(re)].map((m) => [m.index, m[0]]));
  return (text) => {
    const out: { index: number; 0: string }[] = [];
    for (const [from, run] of runsOf(text)) for (const [i, words] of inRun(run)) out.push({ index: from + i, 0: words });
    return out;
  };
}

/** The runs of the last few texts cut (the matchers of one lint read the same few texts, prose and its parts: they share their slices). */
const cut: { text: string; runs: [number, string][] }[] = [];

/**
 * A text cut into paragraphs, between the two line breaks of each blank line, as [offset, slice]. The slices are the
 * same string objects for every caller reading the same text, so a memo lookup reuses the hash V8 keeps on each.
 */
export function runsOf(text: string): [number, string][] {
  for (const c of cut) if (c.text === text) return c.runs;
  const runs: [number, string][] = [];
  let from = 0;
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 1)) {
    runs.push([from, text.slice(from, at + 1)]);
    from = at + 1;
  }
  runs.push([from, text.slice(from)]);
  cut.unshift({ text, runs });
  if (cut.length > 6) cut.pop();
  return runs;
}
