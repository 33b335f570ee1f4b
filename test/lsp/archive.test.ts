// The workspace index over the protocol: built in the background with window/workDoneProgress, answered through
// postmortemLint/archiveItems, and kept current by open-document edits and watched-file events, each announced
// with postmortemLint/archiveChanged naming the file that changed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FULL_CAPABILITIES, fileUri, TestClient } from './client';
import { ensureBuilt } from './build';
import { TEMPLATE } from './texts';
import type { ArchiveItemsResult } from '../../server/src/protocol';

const pm = (title: string, items: string) => `---\ntype: postmortem\ndate: 2026-01-10\n---\n# ${title}\n\n## Action items\n\n${items}\n`;

let dir: string;
let c: TestClient;

before(async () => {
  ensureBuilt();
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pml-archive-')));
  fs.mkdirSync(path.join(dir, 'postmortems'));
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, 'postmortems', `pm-${String(i).padStart(2, '0')}.md`), pm(`Incident ${i}`, `- [ ] Fix thing ${i} — @alice, due 2026-03-01`));
  fs.writeFileSync(path.join(dir, 'README.md'), '# Project\n');
  c = await TestClient.start({ workspaceFolders: [dir], capabilities: { ...FULL_CAPABILITIES, window: { ...FULL_CAPABILITIES.window, workDoneProgress: true } } });
});
after(async () => {
  await c?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const items = (files?: string[]) => c.connection.sendRequest('postmortemLint/archiveItems', files ? { files } : {}) as Promise<ArchiveItemsResult>;

describe('workspace index over LSP', () => {
  test('builds in the background, reporting "Indexing postmortems n/total", then answers with every postmortem', async () => {
    await c.waitFor('first build', () => c.archiveChanged.find((n) => n.complete && !n.files));
    const begin = c.progress.find((p) => p.value.kind === 'begin');
    assert.equal(begin?.value.title, 'Indexing postmortems');
    assert.ok(c.progress.some((p) => p.value.kind === 'report' && p.value.message === '0/31'));
    assert.ok(c.progress.some((p) => p.value.kind === 'end'));
    const r = await items();
    assert.equal(r.complete, true);
    assert.equal(r.scanned, 31);
    assert.equal(r.postmortems.length, 30);
    const first = r.postmortems[0];
    assert.equal(first.file, fileUri(path.join(dir, 'postmortems', 'pm-00.md')));
    assert.deepEqual(
      { title: first.title, date: first.date, text: first.items[0].text, owner: first.items[0].owner, overdueDays: first.items[0].overdueDays, line: first.items[0].location.line },
      { title: 'Incident 0', date: '2026-01-10', text: 'Fix thing 0', owner: '@alice', overdueDays: 14, line: 8 },
    );
  });

  test('an edit in an open document is announced with its file, and its unsaved text is what the index holds', async () => {
    const uri = fileUri(path.join(dir, 'postmortems', 'pm-03.md'));
    const seen = c.archiveChanged.length;
    await c.open(uri, pm('Incident 3', '- [ ] Fix thing 3 — @alice, due 2026-03-01'));
    await c.change(uri, [{ text: pm('Incident 3, edited', '- [ ] Fix thing 3 — @alice, due 2026-03-01\n- [ ] New item, due next sprint') }]);
    await c.waitFor('change notice', () => c.archiveChanged.slice(seen).find((n) => n.files?.includes(uri) && n.complete));
    const only = await items([uri]);
    assert.equal(only.postmortems.length, 1);
    assert.equal(only.postmortems[0].title, 'Incident 3, edited');
    assert.deepEqual(
      only.postmortems[0].items.map((i) => [i.text, i.noOwner, i.noDate]),
      [
        ['Fix thing 3', false, false],
        ['New item', true, true],
      ],
    );
    await c.close(uri);
  });

  test('a blank template written in the postmortems folder is not listed, while its one finding is published', async () => {
    const uri = fileUri(path.join(dir, 'postmortems', 'TEMPLATE.md'));
    const seen = c.archiveChanged.length;
    await c.open(uri, TEMPLATE);
    const published = await c.diagnosticsFor(uri, 1);
    assert.deepEqual(published.map((d) => d.code), ['unfilled-template']);
    await c.waitFor('open notice', () => c.archiveChanged.slice(seen).find((n) => n.files?.includes(uri) && n.complete));
    assert.equal((await items([uri])).postmortems.length, 0);
    assert.ok(!(await items()).postmortems.some((p) => p.file === uri));
    await c.close(uri);
  });

  test('a file deleted on disk leaves the index when the watcher says so', async () => {
    const file = path.join(dir, 'postmortems', 'pm-29.md');
    const uri = fileUri(file);
    fs.unlinkSync(file);
    const seen = c.archiveChanged.length;
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await c.waitFor('delete notice', () => c.archiveChanged.slice(seen).find((n) => n.files?.includes(uri)));
    const r = await items();
    assert.equal(r.postmortems.length, 29);
    assert.ok(!r.postmortems.some((p) => p.file === uri));
  });
});
