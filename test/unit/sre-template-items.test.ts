// Action items written in the Google-SRE postmortem template (Prevention / Detection / Mitigation / Process / Fixes
// sub-headings under "Action items"), as projects fill it in: what is an item, what is done, and what the hover says.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver';
import { parsePostmortem } from '../../server/src/model/parse';
import { hoverAt } from '../../server/src/lsp/features/hover';
import { classifyVague } from '../../server/src/rules/action-item-vague';

const doc = (body: string) => `# Upload outage\n\n## Summary\n\nUploads failed on 2026-02-10.\n\n## Action items\n\n${body}\n`;
const texts = (body: string) => parsePostmortem(doc(body)).actionItems.map((i) => `${i.status}: ${i.text}`);

describe('sub-headings of the action items', () => {
  test('items under "Detection" and "Mitigation" are follow-ups, like those under "Prevention"', () => {
    const got = texts('### Prevention\n\n* Pin the resize library\n\n### Detection\n\n* Alert on the upload 5xx rate\n\n### Mitigation\n\n* Serve the original image when resizing fails\n');
    assert.deepEqual(got, ['open: Pin the resize library', 'open: Alert on the upload 5xx rate', 'open: Serve the original image when resizing fails']);
  });

  test('"Detection" is still the detection section where it is not under the action items', () => {
    const m = parsePostmortem('# Outage\n\n## Detection\n\nAn alert fired.\n\n## Action items\n\n### Detection\n\n- Alert sooner on 5xx\n');
    assert.deepEqual(m.allSections.map((s) => `${s.title}=${s.kind ?? '-'}`), ['Outage=-', 'Detection=detection', 'Action items=action-items', 'Detection=-']);
  });

  test('a "Fixes" list of bare links to the merged changes is the resolution, not follow-ups', () => {
    const got = texts('### Prevention\n\n* Pin the resize library\n\n### Fixes\n\n* [thumbs#409](https://example.com/pull/409)\n* https://example.com/pull/410\n');
    assert.deepEqual(got, ['open: Pin the resize library']);
  });

  test('a bare ticket under any other heading is still an item, and so is a "Fixes" bullet that says what it does', () => {
    assert.deepEqual(texts('### Follow-ups\n\n- [#2127](https://example.com/2127)\n'), ['open: #2127']);
    assert.deepEqual(texts('### Fixes\n\n- [#12](https://example.com/12) - Retry the resize once\n'), ['open: #12 - Retry the resize once']);
  });
});

describe('a bullet ending in ":" above its sub-bullets', () => {
  test('a phrase that names the work is one item, its sub-bullets its parts', () => {
    const m = parsePostmortem(doc('- A better process for flagging broken releases quickly:\n  - Alerts for issues that gain many reactions\n  - Increased issue monitoring after a release\n'));
    assert.deepEqual(m.actionItems.map((i) => `${i.status}: ${i.text}`), ['open: A better process for flagging broken releases quickly:']);
    assert.equal(m.actionItems[0].subItems.length, 2);
  });

  test('a short label still groups the items below it', () => {
    const got = texts('- Short term:\n  - Pin the resize library\n  - Alert on the upload 5xx rate\n');
    assert.deepEqual(got, ['open: Pin the resize library', 'open: Alert on the upload 5xx rate']);
  });
});

describe('status from a table column not headed "Status"', () => {
  const TABLE = '| Action Item | Owner | Tracking bug | Notes |\n|---|---|---|---|\n| Pin the resize library | @ana | #412 | Done |\n| Alert on the upload 5xx rate | @bo | #413 | |\n| Serve originals on failure | @cai | #414 | needs a design review first |\n';

  test('"Done" in a Notes cell makes that row done; an empty or free-text note leaves the row open', () => {
    assert.deepEqual(texts(TABLE), ['done: Pin the resize library', 'open: Alert on the upload 5xx rate', 'open: Serve originals on failure']);
  });

  test('the hover says the status was read from the Notes column', () => {
    const text = doc(TABLE);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('Pin the resize'));
    const h = hoverAt({ model: parsePostmortem(text), isPostmortem: true, detectedBy: 'forced', findings: [] }, { line, character: 4 }, '2026-03-01');
    assert.match((h?.contents as MarkupContent).value, /\*\*Status:\*\* done \(from `Done` in the Notes column\)/);
  });
});

describe('research that asks whether one named change can be made', () => {
  test('"investigate the possibility to <concrete change>" is not vague; a possibility of nothing in particular is', () => {
    assert.equal(classifyVague('We will investigate the possibility to trigger a backup immediately before any database change').vague, false);
    assert.equal(classifyVague('Investigate the possibility of adding a read replica for the billing database').vague, false);
    assert.equal(classifyVague('Investigate the possibility to improve things').vague, true);
    assert.equal(classifyVague('Explore the possibility of better alerting').vague, true);
  });
});

describe('follow-ups whose status is written after them', () => {
  const report = (body: string) => parsePostmortem(`# Docs outage\n\n## Summary\n\nThe docs site was down on 2026-02-14.\n\n${body}\n`).actionItems;
  const seen = (body: string) => report(body).map((i) => `${i.status}: ${i.text.split(/[.(]/)[0].trim()}`);

  test('paragraphs closed by "(filed …)" are open, by "(fixed by …)" / "(added …)" done; one without is not an item', () => {
    const got = seen('## Follow-up\n\nThe uptime check should reach more people. (filed https://example.com/801)\n\nThe check pointed at an old host. (fixed by checking the new host)\n\nIt would help to reach a maintainer fast. (added an urgent role in chat)\n\nWe could stop the script on weekends. These may cancel out.');
    assert.deepEqual(got, ['open: The uptime check should reach more people', 'done: The check pointed at an old host', 'done: It would help to reach a maintainer fast']);
    const filed = report('## Follow-up\n\nThe uptime check should reach more people. (filed https://example.com/801)')[0];
    assert.equal(filed.statusField?.text, '(filed https://example.com/801)');
  });

  test('"Action point: …" paragraphs are items wherever they sit; "- This has been done." under one makes it done', () => {
    const got = seen('## Lessons learned\n\nAction point: page the docs on-call from the uptime check.\n- This has been done.\n\nAction point: alert when a public CNAME changes.\n\nAction points: none.');
    assert.deepEqual(got, ['done: page the docs on-call from the uptime check', 'open: alert when a public CNAME changes']);
  });

  test('"Root cause remediations" lists follow-ups; those told as done by their doer are done', () => {
    const got = seen('## Root cause\n\nA script removed the record.\n\n### Root cause remediations\n\n- Infrastructure maintainers added an owner tag to every record\n- Add a dry-run mode to the cleanup script');
    assert.deepEqual(got, ['done: Infrastructure maintainers added an owner tag to every record', 'open: Add a dry-run mode to the cleanup script']);
    assert.equal(seen('## Root cause and remediation\n\n- The script removed the record').length, 0);
  });
});

describe('an action-item table a formatter reflowed into a paragraph', () => {
  const HEAD = '| Action Item | Owner | Issue | Notes | |-------------|-------|-------|-------|\n';
  test('is read row by row where every row has the header\'s cells: owners, and "Done" notes as status', () => {
    const got = parsePostmortem(doc(`${HEAD}| Build the gallery app in CI. |\n[@mara](https://example.com/mara) || [Done](https://example.com/88) | | Run\nthe widget tests on beta. | @teo | #91 ||`)).actionItems;
    assert.deepEqual(got.map((i) => [i.status, i.text, i.owners.map((o) => o.value).join()]), [
      ['done', 'Build the gallery app in CI.', '@mara'],
      ['open', 'Run the widget tests on beta.', '@teo'],
    ]);
  });

  test('is not read where a row is short of cells, or a pipe sits in code', () => {
    assert.equal(parsePostmortem(doc(`${HEAD}| Build the gallery app | @mara || Done | | Ask a second person | @teo |`)).actionItems.length, 0);
    assert.equal(parsePostmortem(doc(`${HEAD}| Run \`a | b\` in CI | @mara || |`)).actionItems.length, 0);
  });
});

describe('an action-item table written without its delimiter row', () => {
  test('is read row by row: a reader sees the table, markdown a paragraph of pipes', () => {
    const got = parsePostmortem(doc('| Action | Owner | Ref |\n| Alert on pool usage over 80% | @kari | #52 |\n| Pin the driver version | @ola | #53 |')).actionItems;
    assert.deepEqual(got.map((i) => [i.text, i.owners.map((o) => o.value).join()]), [
      ['Alert on pool usage over 80%', '@kari'],
      ['Pin the driver version', '@ola'],
    ]);
  });

  test('is not read where a line is not a row of the same cells, or the header names no action and owner, date or status', () => {
    assert.notEqual(parsePostmortem(doc('| Action | Owner |\n| Alert on pool usage | @kari | extra |')).actionItems[0]?.format, 'table-row');
    assert.notEqual(parsePostmortem(doc('| Time | Event |\n| 10:00 | Paged |')).actionItems[0]?.format, 'table-row');
  });
});
