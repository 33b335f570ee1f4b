// Every fix fixes, and never drops text it did not mean to replace:
// - for every fixable finding in every fixture, apply each of its fixes (answering a prompt where there is one),
//   re-lint: that finding is gone, and every original non-whitespace character outside the replaced ranges is
//   still there, in order;
// - fix-all is idempotent: applying it twice equals applying it once;
// - the same over every finding of every file in ../shared/corpus/postmortems (when present): no throw, text kept.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type LintOptions } from '../../server/src/lint/lint';
import { answerFix, applyEdits, fixAll } from '../../server/src/lint/edits';
import type { Finding, Fix, TextEdit } from '../../server/src/model/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'test/fixtures');
const TODAY = '2026-03-01';
const fixtureFiles = () => readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort();

/** The answer a writer would type for a prompt. */
function answer(fix: Fix): string {
  const p = fix.prompt!;
  if (p.kind === 'owner') return '@alice';
  if (p.kind === 'date') return p.choices?.[1]?.value ?? '2026-12-31';
  if (p.choices?.length) return p.choices[0].value;
  return 'Checkout failed for 1,200 users over 35 minutes; 3,400 requests returned 502.';
}

const editsOf = (fix: Fix): TextEdit[] => (fix.prompt ? answerFix(fix, answer(fix)) : fix.edits);

/** Non-whitespace characters of `text` outside the edits' ranges must appear in `after`, in order. */
function assertKept(text: string, edits: TextEdit[], after: string, where: string): void {
  const outside: string[] = [];
  const ranges = edits.map((e) => [e.range.start.offset, e.range.end.offset]).sort((a, b) => a[0] - b[0]);
  let r = 0;
  for (let i = 0; i < text.length; i++) {
    while (r < ranges.length && ranges[r][1] <= i && ranges[r][0] !== ranges[r][1]) r++;
    const inside = ranges.some(([s, e]) => i >= s && i < e);
    if (!inside && !/\s/.test(text[i])) outside.push(text[i]);
  }
  const rest = after.replace(/\s+/g, '');
  let j = 0;
  for (let k = 0; k < outside.length; k++) {
    j = rest.indexOf(outside[k], j);
    if (j < 0) {
      const ctx = outside.slice(Math.max(0, k - 30), k + 10).join('');
      assert.fail(`${where}: original text lost near "${ctx}" (character ${k} of ${outside.length} outside the edits)`);
    }
    j++;
  }
}

const keyOf = (f: Finding) => `${f.ruleId}\u0000${f.message}`;
const count = (fs: Finding[], k: string) => fs.filter((f) => keyOf(f) === k).length;

function checkFinding(text: string, opts: LintOptions, all: Finding[], f: Finding, where: string, requireGone: boolean): number {
  let applied = 0;
  for (const fix of f.fixes ?? []) {
    const label = `${where} ${f.ruleId} "${fix.title}"`;
    assert.ok(fix.edits.length > 0, `${label}: a fix with no edits`);
    for (const e of fix.edits) {
      assert.ok(e.range.start.offset >= 0 && e.range.end.offset <= text.length && e.range.start.offset <= e.range.end.offset, `${label}: edit outside the text`);
    }
    if (fix.prompt) assert.ok(fix.edits.some((e) => e.newText.includes(fix.prompt!.placeholder)), `${label}: the placeholder is not in the edit`);
    const edits = editsOf(fix);
    const after = applyEdits(text, edits);
    assertKept(text, edits, after, label);
    const before = count(all, keyOf(f));
    const now = count(lint(after, opts).findings, keyOf(f));
    if (requireGone) assert.ok(now < before, `${label}: the finding is still there after the fix:\n${f.message}\n---\n${after}`);
    applied++;
  }
  return applied;
}

describe('fixes on fixtures', () => {
  for (const name of fixtureFiles()) {
    test(name, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const opts: LintOptions = { filePath: `test/fixtures/${name}`, rootDir: ROOT, today: TODAY };
      const all = lint(text, opts).findings;
      for (const f of all) checkFinding(text, opts, all, f, `${name}:${f.range.start.line + 1}`, true);
      const once = fixAll(text, opts);
      assert.equal(fixAll(once, opts), once, `${name}: fix-all twice differs from once`);
      assertKept(text, [], once, `${name} fix-all`);
    });
  }

  test('fixable findings exist for every fixable rule (the loop above is not vacuous)', () => {
    const seen = new Set<string>();
    for (const name of fixtureFiles()) {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      for (const f of lint(text, { filePath: `test/fixtures/${name}`, rootDir: ROOT, today: TODAY }).findings) {
        if (f.fixes?.length) seen.add(f.ruleId);
      }
    }
    for (const id of ['action-item-owner', 'action-item-due-date', 'action-item-vague', 'action-items-too-many', 'action-item-priority', 'action-item-low-priority', 'action-item-overdue', 'missing-section', 'empty-section', 'timeline-timezone']) {
      assert.ok(seen.has(id), `no fixture finding of ${id} carries a fix`);
    }
  });
});

test("'Set due date…' replaces a non-date phrase and reads as a sentence afterwards", () => {
  const setDue = (line: string, table = false) => {
    const head = table ? '| Action | Owner | Due |\n|---|---|---|\n' : '';
    const text = `---\ntype: postmortem\n---\n# Outage\n\n## Summary\n\nx\n\n## Action items\n\n${head}${line}\n`;
    const f = lint(text, { today: TODAY }).findings.find((x) => x.ruleId === 'action-item-due-date')!;
    const out = applyEdits(text, answerFix(f.fixes![0], '2026-04-01'));
    assert.deepEqual(lint(out, { today: TODAY }).findings.filter((x) => x.ruleId === 'action-item-due-date'), [], line);
    return out.trimEnd().split('\n').at(-1);
  };
  assert.equal(setDue('- Add a canary stage @ana, due next sprint'), '- Add a canary stage @ana, due 2026-04-01');
  assert.equal(setDue('- Add a canary stage @ana by next quarter'), '- Add a canary stage @ana by 2026-04-01');
  assert.equal(setDue('- Add a canary stage @ana (ASAP)'), '- Add a canary stage @ana (by 2026-04-01)');
  assert.equal(setDue('- Rotate all service account passwords in the near future @ana'), '- Rotate all service account passwords by 2026-04-01 @ana');
  assert.equal(setDue('| Add a canary stage | @ana | next sprint |', true), '| Add a canary stage | @ana | 2026-04-01 |');
});

const CORPUS = join(ROOT, '../shared/corpus/postmortems');

describe('fixes on the shared corpus', { skip: !existsSync(CORPUS) && 'no ../shared/corpus beside the repository' }, () => {
  test('every fix of every finding applies without throwing and keeps the text; fix-all is idempotent', () => {
    let fixes = 0;
    const stillThere: string[] = [];
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort()) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const opts: LintOptions = { filePath: file, today: TODAY, all: true };
      const all = lint(text, opts).findings;
      for (const f of all) {
        try {
          fixes += checkFinding(text, opts, all, f, `${file}:${f.range.start.line + 1}`, true);
        } catch (e) {
          if (/still there/.test((e as Error).message)) stillThere.push((e as Error).message.split('\n')[0]);
          else throw e;
        }
      }
      const once = fixAll(text, opts);
      assert.equal(fixAll(once, opts), once, `${file}: fix-all twice differs from once`);
    }
    assert.ok(fixes > 100, `only ${fixes} fixes were tried`);
    assert.deepEqual(stillThere, [], 'fixes that did not remove their finding');
  });
});

describe('fix-all never writes into a block left open (reliability D7)', () => {
  const open = {
    fence: '---\ntype: postmortem\n---\n# Outage\n\n## Summary\n\nThe pool ran out.\n\n## Impact\n\n```\nERROR pool exhausted\n',
    comment: '---\ntype: postmortem\n---\n# Outage\n\n## Summary\n\nThe pool ran out.\n\n## Impact\n\n<!-- postmortem-lint-disable\n',
    'html block': '---\ntype: postmortem\n---\n# Outage\n\n## Summary\n\nThe pool ran out.\n\n## Impact\n\n<pre>\nstill open\n',
  };
  for (const [name, text] of Object.entries(open)) {
    test(`after an unclosed ${name}: fix-all is idempotent and adds no heading inside it`, () => {
      const once = fixAll(text);
      assert.equal(fixAll(once), once, 'a second fix-all changed the text again');
      assert.ok(once.startsWith(text.slice(0, text.lastIndexOf('## Impact'))), 'text before the open block changed');
      const tail = once.slice(text.lastIndexOf('## Impact'));
      assert.ok(!/^#{1,6} (Timeline|Contributing causes|Action items)/m.test(tail), `a section was written into the open ${name}`);
    });
  }
  test('a closed fence still gets its missing sections added after it', () => {
    const text = '---\ntype: postmortem\n---\n# Outage\n\n## Summary\n\nx\n\n## Impact\n\n```\nERROR\n```\n';
    assert.match(fixAll(text), /## Timeline/);
  });
});

describe('fix-all keeps a section that stands in for the summary in first place', () => {
  // "Background" opening the document is the summary under another name; a missing Impact inserted above it would make
  // it stop standing in, and a second fix-all would then add '## Summary': twice would differ from once.
  const text = '---\ntype: postmortem\n---\n# Queue outage\n\n## Background\n\nThe billing queue stopped draining on 2026-03-02 for two hours.\n\n## Timeline\n\n- 10:02 UTC alerts fired\n\n## Contributing causes\n\nA retry loop.\n\n## Action items\n\n- [ ] @sam add a retry cap by 2026-04-01\n';
  test('the missing Impact goes after Background, and fix-all twice equals once', () => {
    const once = fixAll(text);
    assert.ok(once.indexOf('## Background') < once.indexOf('## Impact'), 'Impact was inserted above Background');
    assert.ok(once.indexOf('## Impact') < once.indexOf('## Timeline'), 'Impact was not inserted before Timeline');
    assert.equal(fixAll(once), once, 'a second fix-all changed the text again');
  });
});
