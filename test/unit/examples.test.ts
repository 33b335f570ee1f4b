// The examples a new user opens first (README, walkthrough) show the issue-11 rules at work: each new rule fires at
// least once in the weak and in the public example, with examples/.postmortemrc.json as the editor would read it,
// and never in the good example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/lint/lint';
import { resolveConfig } from '../../server/src/config/resolve';
import { buildReaderModel } from '../../server/src/reader/model';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TODAY = '2026-11-30';
/** Issue 11's rules: each shows in the weak or the public example (the sharing rules need `audience: public`, which
 * only the public example has), never in the good one. */
const ISSUE_11_RULES = [
  'outcome-without-context', 'impact-without-numbers', 'undefined-acronym', 'timeline-starts-at-detection',
  'blame-language', 'root-cause-vague', 'no-process-change', 'action-item-due-window',
  'business-impact', 'public-internal-detail', 'public-sections',
];

function rulesIn(name: string): Set<string> {
  const file = join(ROOT, 'examples', name);
  const { config, rootDir, problems } = resolveConfig(file);
  assert.deepEqual(problems, [], 'examples/.postmortemrc.json is valid');
  const r = lint(readFileSync(file, 'utf8'), { filePath: file, rootDir, config, today: TODAY });
  return new Set(r.findings.map((f) => f.ruleId));
}

test('the weak and the public examples show every issue-11 rule; the good one none', () => {
  const weak = rulesIn('weak-postmortem.md');
  const pub = rulesIn('public-postmortem.md');
  const good = rulesIn('good-postmortem.md');
  for (const id of ISSUE_11_RULES) {
    assert.ok(weak.has(id) || pub.has(id), `the weak or the public example shows ${id}`);
    assert.ok(!good.has(id), `good example does not show ${id}`);
  }
  // the acronym rule is the one a new user meets in both
  assert.ok(weak.has('undefined-acronym') && pub.has('undefined-acronym'));
});

test("the reader's context gaps list the weak example's vague cause and its timeline that starts at the alert", () => {
  const file = join(ROOT, 'examples', 'weak-postmortem.md');
  const { config, rootDir } = resolveConfig(file);
  const m = buildReaderModel(lint(readFileSync(file, 'utf8'), { filePath: file, rootDir, config, today: TODAY }), { today: TODAY });
  const ids = m.contextGaps.map((g) => g.ruleId);
  for (const id of ['root-cause-vague', 'timeline-starts-at-detection', 'undefined-acronym']) assert.ok(ids.includes(id), `${id} in ${ids.join()}`);
});
