// Which documents are postmortems (rules.md): front matter, path globs, or two canonical sections, one distinctive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const detected = (text: string, filePath?: string) => lint(text, { filePath, today: '2026-03-01' }).detectedBy;

test('front matter, path and sections each make a postmortem', () => {
  assert.equal(detected('---\ntype: postmortem\n---\n# Notes\n'), 'front-matter');
  assert.equal(detected('# Notes\n', '/repo/docs/incidents/2026-01-02-db.md'), 'path');
  assert.equal(detected('# DB outage\n\n## Summary\n\nx\n\n## Timeline\n\n- 10:00 UTC paged\n'), 'sections');
});

test('bold labels stand in for headings on pages that have none', () => {
  const page = '# Incident on 2023-09-18\n\n- **Impact**: nodes ran out of disk\n\n- **Resolution**:\n  - restored the 100 GB volumes\n\n- **Review actions**:\n  - Compare launch templates during EKS upgrades\n';
  assert.equal(detected(page), 'sections');
  const r = lint(page, { today: '2026-03-01' });
  assert.deepEqual(r.model.actionItems.map((i) => i.text), ['Compare launch templates during EKS upgrades']);
});

test('a README stays quiet: roadmap checklist, "Events", "Impact of …", "response.body"', () => {
  const readme = '# fastlib\n\n## Overview\n\nA library.\n\n## Events\n\n- `data`\n\n## Impact of streaming\n\nNone.\n\n## response.body\n\nA stream.\n\n## Roadmap\n\n- [ ] Better docs\n- [ ] Improve performance\n';
  assert.equal(detected(readme, '/repo/README.md'), undefined);
  assert.deepEqual(lint(readme, { filePath: '/repo/README.md' }).findings, []);
});
