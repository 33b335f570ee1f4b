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

/** How to empty each store of remembered answers (see `forgetRemembered`). */
const stores: (() => void)[] = [];

/**
 * Empties every store of remembered answers: after a burst of reading that no later lint will ask again (the workspace
 * index's build over thousands of files), they hold tens of thousands of answers no open document needs. The next lint
 * of an open document works its answers out again, once.
 */
export function forgetRemembered(): void {
  for (const clear of stores) clear();
  cut.length = 0;
}

/** Registers how to empty a store of remembered answers kept elsewhere (findDates'), for `forgetRemembered`. */
export function onForgetRemembered(clear: () => void): void {
  stores.push(clear);
}

export function memoByText<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  stores.push(() => {
    current = new Map();
    previous = new Map();
  });
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
 * The last few texts' matches are kept: a text that differs from one of them in a few paragraphs (the next version of
 * a document) takes those before and after the change from it (`changedRuns`), and reads only the paragraphs between.
 */
export function matchesByLine(re: RegExp): (text: string, lines?: unknown) => { index: number; 0: string }[] {
  return byRuns(memoByText((run: string): [number, string][] => [...run.matchAll(re)].map((m) => [m.index, m[0]])));
}

/**
 * What `inRun` finds in each run of a text (runsOf), as [where in the run, what], all runs' joined in order with
 * offsets in the text: each finding must lie in its run (at its start or after, before its end). The last few texts'
 * answers are kept: a text that differs from one of them in a few runs (the next version of a document) takes the
 * findings of the runs before and after the change from it (`changedRuns`), and reads only the runs between.
 * `inRun` should remember its answers (memoByText): the runs of a text read afresh are mostly the last one's.
 */
export function byRuns<T>(inRun: (run: string) => readonly (readonly [number, T])[]): (text: string) => { index: number; 0: T }[] {
  const read = (text: string, from: number, to: number, out: { index: number; 0: T }[]) => {
    for (const [at, run] of runsOf(from === 0 && to === text.length ? text : text.slice(from, to))) {
      for (const [i, found] of inRun(run)) out.push({ index: from + at + i, 0: found });
    }
  };
  const last = new Recent<{ index: number; 0: T }[]>();
  return (text) => {
    const out: { index: number; 0: T }[] = [];
    if (bypassed > 0) {
      read(text, 0, text.length, out);
      return out;
    }
    const near = last.near(text);
    if (!near) read(text, 0, text.length, out);
    else {
      const { before, after, delta, answer } = near;
      // what a run finds lies in it: the findings of the runs before `before` start before it
      let k = 0;
      for (; k < answer.length && answer[k].index < before; k++) out.push(answer[k]);
      read(text, before, after, out);
      for (k = Math.max(k, lowerBound(answer, after - delta)); k < answer.length; k++) {
        const m = answer[k];
        out.push(delta === 0 ? m : { index: m.index + delta, 0: m[0] });
      }
    }
    last.add(text, out);
    return out;
  };
}

/** The first index of `sorted` (by `index`) whose index is `at` or more. */
function lowerBound(sorted: readonly { index: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].index < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `runsOf(text)`, each run through `fn` (a function of the run alone whose answer has the run's length: blanking),
 * joined: the text with `fn` applied paragraph by paragraph. Each run's answer is remembered (memoByText), and the last
 * few texts' answers are kept whole: a text that differs from one of them in a few paragraphs takes the answer's
 * parts before and after the change from it (`changedRuns`), and reads only the paragraphs between.
 */
export function joinedRuns(fn: (run: string) => string): (text: string) => string {
  const each = memoByText(fn);
  const whole = (text: string) =>
    runsOf(text)
      .map(([, run]) => each(run))
      .join('');
  const last = new Recent<string>();
  return (text) => {
    if (bypassed > 0) return whole(text);
    const near = last.near(text);
    let out: string | undefined;
    if (near) {
      const { before, after, delta, answer } = near;
      const middle = whole(text.slice(before, after));
      if (middle.length === after - before) out = answer.slice(0, before) + middle + answer.slice(after - delta);
    }
    out ??= whole(text);
    // kept only when every run kept its length (else a part of it would not be where the text's part is)
    if (out.length === text.length) last.add(text, out);
    return out;
  };
}

/**
 * Where `text` differs from `last`, widened to whole runs (runsOf): every run of `text` before `before` is the run of
 * `last` at the same offset, and every run from `after` on is the run of `last` `delta` characters earlier (`after`
 * is `text.length` when no run after the change is whole). Undefined when the change covers most of the text.
 */
export function changedRuns(last: string, text: string): { before: number; after: number; delta: number } | undefined {
  const n = text.length;
  if (last === text) return { before: n, after: n, delta: 0 };
  const { prefix, suffix } = commonEnds(last, text);
  // a run starts after the first line break of a blank line: both breaks in the common part decide it
  const before = prefix >= 2 ? text.lastIndexOf('\n\n', prefix - 2) + 1 : 0;
  const at = suffix >= 2 ? text.indexOf('\n\n', n - suffix) : -1;
  const after = at >= 0 ? at + 1 : n;
  if (after - before > n / 2) return undefined;
  return { before, after, delta: n - last.length };
}

/** How many characters two texts share at the start, and at the end (not counting the start's again). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  // the readers of one lint compare the same two versions (of the prose, say) in turn: the same string objects, which
  // compare at once, where reading two versions of a 1 MB text to their difference takes a quarter of a millisecond
  for (const c of compared) if (c.b === b && c.a === a) return c.ends;
  const n = Math.min(a.length, b.length);
  const prefix = shared(n, (at, size) => a.slice(at, at + size) === b.slice(at, at + size));
  const suffix = shared(n - prefix, (at, size) => a.slice(a.length - at - size, a.length - at) === b.slice(b.length - at - size, b.length - at));
  const ends = { prefix, suffix };
  compared.unshift({ a, b, ends });
  if (compared.length > 4) compared.pop();
  return ends;
}
const compared: { a: string; b: string; ends: { prefix: number; suffix: number } }[] = [];

/**
 * The length of the longest run of equal characters from one end, at most `n`, where `same(at, size)` compares the
 * `size` characters `at` characters from that end: a native comparison of two slices, in blocks that double while
 * they match and halve once they do not (a 1 MB text that differs in one place is about forty comparisons).
 */
function shared(n: number, same: (at: number, size: number) => boolean): number {
  let at = 0;
  let size = 256;
  while (size >= 1) {
    if (at + size <= n && same(at, size)) {
      at += size;
      size *= 2;
    } else size >>= 1;
  }
  return at;
}

/** The last few texts a reader of runs read, with its answers: the next version of one of them reuses its answer. */
class Recent<T> {
  private readonly items: { text: string; answer: T }[] = [];

  constructor() {
    stores.push(() => {
      this.items.length = 0;
    });
  }

  /** The kept text `text` differs from least, when that is a few runs, with its answer. */
  near(text: string): { answer: T; before: number; after: number; delta: number } | undefined {
    for (const k of this.items) {
      // a text of another length by far is another document's (a version differs by what was typed or pasted)
      if (Math.abs(k.text.length - text.length) > text.length / 2) continue;
      const changed = changedRuns(k.text, text);
      if (changed) return { ...changed, answer: k.answer };
    }
    return undefined;
  }

  add(text: string, answer: T): void {
    const i = this.items.findIndex((k) => k.text === text);
    if (i >= 0) this.items.splice(i, 1);
    this.items.unshift({ text, answer });
    if (this.items.length > RECENT) this.items.pop();
  }
}
/** Texts kept per reader: a lint reads a few texts with each (the prose, the plain prose, a section's). */
const RECENT = 4;

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
