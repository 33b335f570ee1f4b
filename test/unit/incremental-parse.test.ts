// Incremental parsing (model/parse-units.ts): a document is parsed section by section, and a document's cache lets
// an edit re-parse only the sections it touched. Whatever the edits, the tree and the findings must be exactly those of
// a parse of the whole text: random edit sequences over every corpus file, fixture and example, then the shapes that
// make a heading line not a heading (fences, HTML blocks, comments, front matter) and definitions that reach across.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { apply, DOCS, editOf } from './random-edits';
import { parseMarkdown } from '../../server/src/model/parse';
import { UnitCache, unitStarts } from '../../server/src/model/parse-units';
import { lint } from '../../server/src/lint/lint';
import { uncached } from '../../server/src/model/memo';
import type { Finding } from '../../server/src/model/types';

const TODAY = '2026-11-30';

const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

/** Text that changes what a heading line is, or where a section ends. */
const SNIPPETS = [
  '\n# New section\n', '\n## Action items\n\n- [ ] Add an alert @sam 2026-01-05\n', '```', '\n```\n', '\n~~~ sh\n', '````\n',
  '\n---\n', '---\ntitle: x\n---\n', '<!--', '-->', '\n<!-- postmortem-lint-disable -->\n', '\n<div>\n', '</div>\n',
  '<script>\n', '\r\n', '\r', '\n\n', '[ref]: https://example.com/x\n', '[ref] ', '[^1]', '\n[^1]: a note\n', '## ', '# ',
  '#', 'x', '\t', '> quoted\n', '    indented\n', '- item\n  ```\n', '| a | b |\n|---|---|\n| c | d |\n', '\uFEFF', '**Impact**: ',
];

const edit = editOf(SNIPPETS, 300, 600);

/**
 * `movesInPlace`: the lint thread's caches move the sections after an edit in place, so a version's tree is valid only
 * until the next lint (it is compared before that); its findings and model stay valid.
 */
function randomEdits(movesInPlace: boolean): void {
  assert.ok(DOCS.length >= 100, `corpus, fixtures and examples found (${DOCS.length} files)`);
  let steps = 0;
  let reused = 0;
  DOCS.forEach((file, i) => {
    const original = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const cache = new UnitCache(movesInPlace);
        let text = original;
        // each version is linted, as the language server does: what the model and rules keep from one version
        // (action items of unchanged blocks, answers by text) is reused by the next
        lint(text, { today: TODAY, all: true, parseCache: cache });
        // findings build their fixes when first read: a version's are read only after the next version was linted
        // (as a code action after a keystroke reads them), so whatever the next lint reuses must be left unchanged
        let previous: [Finding[], Finding[]] | undefined;
        for (const e of edits) {
          text = apply(text, e);
          const a = lint(text, { today: TODAY, all: true, parseCache: cache });
          reused += cache.reused;
          steps++;
          if (previous && !same(previous[0], previous[1])) return false;
          if (!same(a.tree, parseMarkdown(text, undefined, true))) return false;
          // the whole parse works everything out afresh: a wrong answer remembered by text must not reach both lints
          const b = uncached(() => {
            const r = lint(text, { today: TODAY, all: true, wholeParse: true });
            for (const f of r.findings) void f.fixes;
            return r;
          });
          if (!same({ ...a.model, lines: null }, { ...b.model, lines: null })) return false;
          previous = [a.findings, b.findings];
        }
        return !previous || same(previous[0], previous[1]);
      }),
      { seed: (movesInPlace ? 5000 : 1000) + i, numRuns: 2, endOnFailure: false },
    );
  });
  assert.ok(steps >= DOCS.length * 2, `${steps} edits checked`);
  assert.ok(reused > steps, `unchanged sections were reused (${reused} reuses over ${steps} edits)`);
}

test('random edits of every corpus file, fixture and example: the section-by-section tree and findings equal a whole parse', () => {
  randomEdits(false);
});

test('random edits, with the sections after each edit moved in place (the lint thread): the same', () => {
  randomEdits(true);
});

test('a long document parsed without a cache (the CLI) is parsed in runs of sections, with the same tree', () => {
  let text = '';
  for (const file of DOCS) {
    if (text.length > 200_000) break;
    const doc = readFileSync(file, 'utf8');
    // documents with link definitions are parsed whole: leave them out, so that this one is not
    if (!doc.includes(']:')) text += doc + '\n';
  }
  assert.ok(text.length > 200_000);
  const cache = new UnitCache();
  parseMarkdown(text, cache);
  assert.ok(cache.parsed > 10, `parsed by sections (${cache.parsed})`);
  assert.ok(same(parseMarkdown(text), parseMarkdown(text, undefined, true)));
});

test('a long document whose runs of sections repeat word for word is parsed without a cache with the same tree', () => {
  // identical runs share one parsed tree: each place gets its own positions
  const run = `## Follow-up\n\n${'- [ ] Add an alert on queue age, owner @dana, due 2026-02-01.\n'.repeat(300)}\n`;
  const text = `# Title\n\n${run.repeat(5)}## Tail\n\nThe end.\n`;
  assert.ok(text.length > 64 * 1024 && run.length > 16 * 1024);
  assert.ok(same(parseMarkdown(text), parseMarkdown(text, undefined, true)));
});

const HEAD = '---\ntype: postmortem\n---\n# Title\n\n## Summary\n\nThe queue stalled.\n\n';

test('sections repeated word for word keep a placed copy each: edits before, between and after them, both cache kinds', () => {
  // "## Lessons learned" over nothing, the same table under each part: one unit tree, one placement per place
  const part = (i: number) => `## Part ${i}\n\nText of part ${i}.\n\n## Lessons learned\n\n### What went well\n\n| Action | Owner |\n|---|---|\n| Page on stalled consumers | @ana |\n\n`;
  const doc = HEAD + Array.from({ length: 12 }, (_, i) => part(i)).join('');
  for (const movesInPlace of [false, true]) {
    const cache = new UnitCache(movesInPlace);
    let text = doc;
    lint(text, { today: TODAY, parseCache: cache });
    const edits: [string, string][] = [
      ['Text of part 5', 'x'],
      ['Text of part 0', '\n## Lessons learned\n\n'],
      ['Text of part 9', 'y'],
      ['## Part 3', '### What went well\n\n'],
      ['Text of part 11', 'z'],
      ['## Part 7', '#'],
      ['## Part 2', 'w'],
    ];
    for (const [near, insert] of edits) {
      const at = text.indexOf(near);
      text = text.slice(0, at) + insert + text.slice(at);
      const a = lint(text, { today: TODAY, parseCache: cache });
      assert.ok(same(a.tree, parseMarkdown(text, undefined, true)), `${near} (${movesInPlace ? 'moved in place' : 'copied'})`);
      const b = lint(text, { today: TODAY, wholeParse: true });
      assert.ok(same(a.model.actionItems, b.model.actionItems), near);
      assert.ok(same(a.findings, b.findings), near);
    }
    // the reverse: the lines removed again one by one
    for (const [near, insert] of [...edits].reverse()) {
      const at = text.indexOf(insert + near);
      text = text.slice(0, at) + text.slice(at + insert.length);
      const a = lint(text, { today: TODAY, parseCache: cache });
      assert.ok(same(a.tree, parseMarkdown(text, undefined, true)), `undo ${near}`);
    }
    assert.equal(text, doc);
  }
});

test('typing in one section re-parses that section only', () => {
  const doc = HEAD + Array.from({ length: 30 }, (_, i) => `## Part ${i}\n\nText of part ${i}.\n\n`).join('');
  const cache = new UnitCache();
  parseMarkdown(doc, cache);
  const at = doc.indexOf('Text of part 17') + 4;
  const edited = doc.slice(0, at) + 'X' + doc.slice(at);
  const tree = parseMarkdown(edited, cache);
  assert.equal(cache.parsed, 1, 'one section parsed');
  assert.equal(cache.reused, unitStarts(edited).length - 1, 'every other section reused');
  assert.ok(same(tree, parseMarkdown(edited, undefined, true)));
});

test('a heading line inside a fence, an HTML block, a comment or front matter is not a section start, and the tree says so', () => {
  const cases = {
    'fence': '## A\n\n```sh\n# a shell comment\necho hi\n```\n\n## B\n\ntext\n',
    'unclosed fence': '## A\n\n```sh\n# a shell comment\n## B\n',
    'fence in a list item': '## A\n\n- step\n  ```\n# not inside: ends the list\n  ```\n',
    // a fence left open in the last list item, then a blank line: where the code ends depends on the heading after it
    'open fence in the last list item': '## A\n\n- Ran:\n   ```\n# T\n\n-\n   npm run build\n   ```\n\n### B\n\ntext\n',
    'open fence in a quote': '## A\n\n> ```\n> code\n\n## B\n',
    'closed fence in the last list item': '## A\n\n- step\n   ```\n   make\n   ```\n\n## B\n',
    'html block without a blank line': '## A\n\n<div>\n# inside the html block\n</div>\n\n## B\n',
    'html comment': '## A\n\n<!--\n# commented out\n-->\n\n## B\n',
    'front matter': '---\ntitle: x\n# a yaml comment\n---\n# Title\n\n## B\n',
    'crlf and cr': '## A\r\n\r\ntext\r\n# B\rmore\r## C\r\n',
    'bom': '\uFEFF# Title\n\n## A\n\ntext\n',
    'reference across sections': '## A\n\nSee [the runbook][rb].\n\n## B\n\n[rb]: https://example.com/rb\n',
    'footnote across sections': '## A\n\nA claim[^1].\n\n## B\n\n[^1]: The source.\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    const cache = new UnitCache();
    assert.ok(same(parseMarkdown(text, cache), parseMarkdown(text, undefined, true)), name);
  }
  // the reference resolves: a link, not literal brackets
  const tree = parseMarkdown(cases['reference across sections']);
  assert.match(JSON.stringify(tree), /"type":"linkReference"/);
});

test('an edit that changes only the context of an unchanged block (its parent heading) reads its items again', () => {
  const doc = (parent: string) =>
    `${HEAD}## ${parent}\n\nWhat we will do next.\n\n### Detect\n\n- [ ] Alert on queue depth above 10k for 5 minutes @sam\n\n| Action | Owner |\n|---|---|\n| Page on stalled consumers | @ana |\n`;
  const cache = new UnitCache();
  const first = lint(doc('Action items'), { today: TODAY, parseCache: cache });
  assert.ok(first.model.actionItems.length === 2 && first.model.actionItems.every((i) => !i.deferred));
  for (const parent of ['Deferred', 'Action items', 'Timeline', 'Action items']) {
    const text = doc(parent);
    const a = lint(text, { today: TODAY, parseCache: cache });
    const b = lint(text, { today: TODAY, wholeParse: true });
    assert.ok(same(a.model.actionItems, b.model.actionItems), parent);
    assert.ok(same(a.findings, b.findings), parent);
  }
});

test('a decision explained in another section: the timeline, read from its own remembered text, follows the document', () => {
  const doc = (resolution: string) =>
    `${HEAD}## Timeline\n\n- 10:02 We rolled back the deploy.\n- 10:30 Error rates were back to normal.\n\n## Resolution\n\n${resolution}\n`;
  const cache = new UnitCache();
  const decisions = (text: string) => {
    const a = lint(text, { today: TODAY, parseCache: cache });
    const b = lint(text, { today: TODAY, wholeParse: true });
    assert.ok(same(a.findings, b.findings));
    return a.findings.filter((f) => f.ruleId === 'outcome-without-context').map((f) => f.message);
  };
  const unexplained = ["'rolled back' says what was done, not why: add what you saw and what else you weighed."];
  assert.deepEqual(decisions(doc('Service recovered.')), unexplained);
  // the resolution now says why the rollback was right: the timeline's unchanged text no longer draws the finding
  assert.deepEqual(decisions(doc('We rolled back the deploy because the new build leaked connections.')), []);
  assert.deepEqual(decisions(doc('Service recovered.')), unexplained);
  // the same, with the reason in the timeline's own next sentence
  assert.deepEqual(decisions(doc('Service recovered.').replace('back the deploy.', 'back the deploy. It was leaking connections and caused the errors.')), []);
});

test('a ticket whose link the autolink transform made (no position of its own) has its place in the source, edit after edit', () => {
  // "([: https://…": the literal is linked by the mdast transform, which gives no position; the item reused after an
  // edit above it must read as a whole parse reads it (found by the random edits: a definition cut into a list item)
  const url = 'https://example.com/deploy/pull/2113';
  const text = `# Outage\n\n## Summary\n\nIt broke.\n\n## Action items\n\n1. Alert when a member is idle ([: ${url}\n`;
  const cache = new UnitCache(true);
  lint(text, { today: TODAY, all: true, parseCache: cache });
  const edited = 'x' + text;
  const a = lint(edited, { today: TODAY, all: true, parseCache: cache });
  const b = lint(edited, { today: TODAY, all: true, wholeParse: true });
  assert.deepEqual(a.model.actionItems, b.model.actionItems);
  const [ticket] = b.model.actionItems[0].tickets;
  assert.equal(edited.slice(ticket.range.start.offset, ticket.range.end.offset), url);
});
