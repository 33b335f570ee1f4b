// The readers of a text paragraph by paragraph (model/memo.ts: joinedRuns, matchesByLine) keep their last answers and
// read only the paragraphs an edit changed: whatever the edits, the answer must be the one read from nothing
// (`uncached`), and commonEnds must find exactly the shared start and end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { changedRuns, commonEnds, forgetRemembered, joinedRuns, matchesByLine, memoByText, runsOf, uncached } from '../../server/src/model/memo';
import { findDates } from '../../server/src/model/due';

/** Texts made of what decides a paragraph's edges and the readers' answers: line breaks, blank lines, quotes, words. */
const piece = fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n', 'a', 'word ', 'x', '`', '"', '> ', 'blame', ' ', '\t', 'é');
const text = fc.array(piece, { maxLength: 120 }).map((p) => p.join(''));
/** An edit: replace [at, at + remove) (as shares of the text's length) by a few pieces. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) });

function apply(s: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * s.length);
  return s.slice(0, at) + e.insert + s.slice(at + e.remove);
}

// each run's letters upper-cased and its quotes blanked: of the run alone, and its length kept
const blanked = (run: string) => run.toUpperCase().replace(/"/g, ' ');
const joined = joinedRuns(blanked);
const matches = matchesByLine(/blame|`[^`\n]*`/g);

test('commonEnds: the shared start and end of two texts, the end not counting the start again', () => {
  fc.assert(
    fc.property(text, text, (a, b) => {
      const { prefix, suffix } = commonEnds(a, b);
      let p = 0;
      while (p < Math.min(a.length, b.length) && a[p] === b[p]) p++;
      let s = 0;
      while (s < Math.min(a.length, b.length) - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
      return prefix === p && suffix === s;
    }),
    { numRuns: 2000 },
  );
});

test('changedRuns: the runs before and after the change are those of the last text, at the same place or moved', () => {
  fc.assert(
    fc.property(text, fc.array(edit, { minLength: 1, maxLength: 3 }), (original, edits) => {
      const next = edits.reduce(apply, original);
      const c = changedRuns(original, next);
      if (!c) return true;
      const before = runsOf(original).filter(([at]) => at < c.before);
      const nextBefore = runsOf(next).filter(([at]) => at < c.before);
      const after = runsOf(original).filter(([at]) => at >= c.after - c.delta && at < original.length);
      const nextAfter = runsOf(next).filter(([at]) => at >= c.after && at < next.length);
      return (
        JSON.stringify(before) === JSON.stringify(nextBefore) &&
        JSON.stringify(after.map(([at, run]) => [at + c.delta, run])) === JSON.stringify(nextAfter)
      );
    }),
    { numRuns: 2000 },
  );
});

test('joinedRuns and matchesByLine: each version of a text edited in turn reads as it reads from nothing', () => {
  fc.assert(
    fc.property(text, fc.array(edit, { minLength: 1, maxLength: 8 }), (original, edits) => {
      let s = original;
      for (const e of [undefined, ...edits]) {
        if (e) s = apply(s, e);
        const fresh = uncached(() => ({ joined: joined(s), matches: matches(s) }));
        assert.equal(joined(s), fresh.joined);
        assert.deepEqual(matches(s), fresh.matches);
        // read a second time (the same text again: every paragraph kept)
        assert.equal(joined(s), fresh.joined);
        assert.deepEqual(matches(s), fresh.matches);
      }
    }),
    { numRuns: 1000 },
  );
});

test('joinedRuns and matchesByLine: a document of many paragraphs, typed in the middle, then another document', () => {
  const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says "who" to blame and \`code ${i}\`.\n> quoted ${i}`);
  let doc = paragraphs.join('\n\n');
  const other = paragraphs.slice(0, 300).reverse().join('\n\n');
  for (let i = 0; i < 30; i++) {
    const at = Math.floor(doc.length / 2) + i;
    doc = doc.slice(0, at) + (i % 5 === 4 ? '\n\n' : 'x') + doc.slice(at);
    for (const s of [doc, other]) {
      const fresh = uncached(() => ({ joined: joined(s), matches: matches(s) }));
      assert.equal(joined(s), fresh.joined);
      assert.deepEqual(matches(s), fresh.matches);
    }
  }
});

test('forgetRemembered empties every store of remembered answers, and the answers read afresh are the same', () => {
  let calls = 0;
  const upper = memoByText((s: string) => {
    calls++;
    return s.toUpperCase();
  });
  const words = matchesByLine(/\bword\b/g);
  const textOf = 'a word\n\nanother word';
  assert.equal(upper('abc'), 'ABC');
  assert.equal(upper('abc'), 'ABC');
  assert.equal(calls, 1, 'the second call reads the remembered answer');
  const before = words(textOf);
  const dates = findDates('Due 2026-03-01');
  forgetRemembered();
  assert.equal(upper('abc'), 'ABC');
  assert.equal(calls, 2, 'after forgetRemembered the answer is worked out again');
  assert.deepEqual(words(textOf), before);
  assert.deepEqual(findDates('Due 2026-03-01'), dates);
});
