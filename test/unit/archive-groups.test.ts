// The action-items tree's grouping (client/src/archive-groups.ts) over the report's sample archive, read as the
// server's index reads it: each item under one status group, owners with their open items, postmortems newest first,
// and the markdown table the "Copy as Markdown Table" action writes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArchiveEntry } from '../../server/src/archive/entry';
import { describeItem, groupEntries, markdownTable, summarize } from '../../client/src/archive-groups';
import type { ArchivePostmortem } from '../../server/src/protocol';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'report', 'archive');
const TODAY = '2026-03-01';

const archive: ArchivePostmortem[] = ['postmortems/2025-11-04-payments.md', 'postmortems/2026-01-10-dns.md', 'incidents/2025-07-21-queue.md', 'postmortems/2026-02-02-login.md'].map(
  (rel) => readArchiveEntry(fs.readFileSync(path.join(DIR, rel), 'utf8'), { file: rel, filePath: path.join(DIR, rel), rootDir: DIR, today: TODAY })!,
);

const shape = (groups: ReturnType<typeof groupEntries>) => groups.map((g) => [g.label, g.entries.map((e) => e.item.text)]);

describe('action items tree: grouping', () => {
  it('by status: each item once, under the first of Overdue / No owner / No due date / Open / Done that applies', () => {
    assert.deepEqual(shape(groupEntries(archive, 'status')), [
      [
        'Overdue',
        [
          'Cap the consumer batch size',
          'Alert when payments p99 latency exceeds 800 ms for 5 minutes',
          'Pin the resolver version in the base image',
          'Add a synthetic DNS check per zone',
          'Render config values in the review diff',
          'Honour the DNS TTL in the session client',
        ],
      ],
      ['No owner', ['Write the resolver upgrade runbook', 'Page on queue age over 10 minutes', 'Document the replay procedure', 'Add a retry budget to the payments client']],
      ['No due date', []],
      ['Open', ['Test failover monthly in staging', 'Load-test the pool at twice the peak']],
      ['Done', ['Restore the connection limit in payments.yaml', 'Roll back the resolver']],
      ['Deferred or not doing', ['Rewrite the consumer in Go']],
    ]);
  });

  it('by owner: open items only, the owner with most overdue items first, No owner last', () => {
    assert.deepEqual(
      groupEntries(archive, 'owner').map((g) => [g.label, g.entries.length]),
      [
        ['@bob', 2],
        ['@frank', 2],
        ['@alice', 1],
        ['@dana', 1],
        ['@erin', 1],
        ['@carol', 1],
        ['No owner', 4],
      ],
    );
  });

  it('by postmortem: every item, newest incident first', () => {
    assert.deepEqual(
      groupEntries(archive, 'postmortem').map((g) => [g.label, g.entries.length]),
      [
        ['DNS resolution failures in eu-west', 4],
        ['Payments outage on 2025-11-04', 5],
        ['Queue backlog after the July deploy', 4],
        ['Login errors after the session store failover', 2],
      ],
    );
  });

  it("an item whose written status can't be read is listed under Status unclear, not Done or Open", () => {
    const unclear: ArchivePostmortem = { ...archive[1], items: [{ ...archive[1].items[0], status: 'unknown', overdueDays: undefined }] };
    const groups = groupEntries([unclear], 'status');
    assert.deepEqual(
      groups.map((g) => [g.label, g.entries.length]),
      [
        ['Overdue', 0],
        ['No owner', 0],
        ['No due date', 0],
        ['Open', 0],
        ['Done', 0],
        ['Status unclear', 1],
      ],
    );
    assert.equal(describeItem(unclear.items[0]), 'status unclear');
  });

  it('describes items and sums up the view in words', () => {
    const items = archive.flatMap((p) => p.items);
    assert.equal(describeItem(items.find((i) => i.text.startsWith('Alert'))!), '@alice · due 2026-01-15 · 45 days overdue · P1');
    assert.equal(describeItem(items.find((i) => i.text.startsWith('Add a retry'))!), "no owner · 'next sprint' is not a date · P2");
    assert.equal(describeItem(items.find((i) => i.text.startsWith('Rewrite'))!), 'deferred');
    assert.equal(summarize(archive).text, '12 open · 6 overdue · 4 without owner · 3 without date');
  });

  it("says a due day written without its year has no year, as the finding and the hover do", () => {
    const text = '# Postmortem: login outage\n\n## Summary\n\nOn 2026-02-02 logins failed for 40 minutes after a bad deploy.\n\n## Action items\n\n- @ana: add a login smoke test to the deploy pipeline, by Feb 12, P1\n';
    const entry = readArchiveEntry(text, { file: 'postmortems/x.md', filePath: path.join(DIR, 'postmortems/x.md'), rootDir: DIR, today: TODAY })!;
    assert.equal(describeItem(entry.items[0]), "@ana · 'Feb 12' has no year · P1");
  });

  it('copies a group as a markdown table, pipes escaped', () => {
    const overdue = groupEntries(archive, 'status')[0].entries.slice(0, 2);
    const withPipe = { ...overdue[1], item: { ...overdue[1].item, text: 'Alert | page' } };
    assert.equal(
      markdownTable([overdue[0], withPipe], (f) => f),
      '| Status | Action | Owner | Due | Priority | Ticket | Postmortem |\n' +
        '| --- | --- | --- | --- | --- | --- | --- |\n' +
        '| overdue 198 days | Cap the consumer batch size | @erin | 2025-08-15 | — | — | Queue backlog after the July deploy (incidents/2025-07-21-queue.md:14) |\n' +
        '| overdue 45 days | Alert \\| page | @alice | 2026-01-15 | P1 | PAY-101 | Payments outage on 2025-11-04 (postmortems/2025-11-04-payments.md:15) |\n',
    );
  });
});
