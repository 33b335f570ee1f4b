// Reference pages that borrow section names (model/reference-page.ts, and "Resolution algorithm" in sections.ts)
// are not postmortems by their content; the story of an incident with the same headings still is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { matchSection } from '../../server/src/model/sections';
import { lookalikeShape } from '../../server/src/model/lookalike';
import { parsePostmortem } from '../../server/src/model/parse';
import { proseText } from '../../server/src/model/facts';

const shapeOf = (text: string) => {
  const model = parsePostmortem(text);
  const kinds = new Set([...model.allSections.map((s) => s.kind), ...model.labeledKinds].filter((k) => k && k !== 'deferred'));
  return lookalikeShape(model, proseText(model), kinds);
};

const page = (body: string) =>
  `# tool-store\n\n### Synopsis\n\nUsage.\n\n### Description\n\n${body}\n\n### Sub-commands\n\n#### set\n\nWrites a key.\n\n#### get\n\nPrints a key.\n\n#### list\n\nPrints keys.\n\n#### delete\n\nRemoves a key.\n\n#### fix\n\nRewrites old keys.\n\n### See also\n\n- the guide\n`;

test('many headings, few of them sections, no past event told: not judged a postmortem', () => {
  assert.equal(lint(page('Reads and writes the settings file.'), { today: '2026-03-01' }).isPostmortem, false);
});

test('the same headings over the story of an incident: still a postmortem', () => {
  const told = page('On 2026-02-03 the settings file was truncated when the disk filled. Writes failed and the service stopped; we restored it from a backup.');
  assert.equal(lint(told, { today: '2026-03-01' }).isPostmortem, true);
  // a short postmortem skeleton, still empty, is judged by its headings as before
  assert.equal(lint('# Incident\n\n## Summary\n\n## Impact\n\n## Action items\n', { today: '2026-03-01' }).isPostmortem, true);
});

test("'Resolution algorithm' in a module spec is not an incident's resolution; 'Resolution and recovery' is", () => {
  assert.equal(matchSection('Resolution and loading algorithm'), undefined);
  assert.equal(matchSection('Resolution Algorithm Specification'), undefined);
  assert.equal(matchSection('Resolution and recovery'), 'resolution');
});

test('either sign — many headings and no event, or a lone "Resolution" with nothing gone wrong — is one reference-page shape', () => {
  assert.equal(shapeOf(page('Reads and writes the settings file.')), 'reference-page');
  const resolver = '# uri-kit\n\n## Usage\n\nParse and serialise URIs.\n\n## Resolution\n\nRelative references are resolved against a base as the RFC says.\n';
  assert.equal(shapeOf(resolver), 'reference-page');
  // the same lone heading under an opening that tells a failure: the page may be an incident's, its writing decides
  assert.equal(shapeOf(resolver.replace('Parse and serialise URIs.', 'On 2026-02-03 the parser crashed on every request.')), undefined);
});
