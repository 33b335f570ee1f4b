// The workspace index on real folders: what it finds (postmortems only; node_modules, .gitignore'd files and
// `ignore` globs left out), how it follows adds, edits, deletes and renames, open documents winning over the disk,
// and bad input (unreadable, huge, vanishing files, a folder symlink loop) each costing one log line, nothing more.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigForFile, invalidateConfigCache } from '../../server/src/config/load';
import { WorkspaceIndex, MAX_INDEXED_BYTES, type IndexHost } from '../../server/src/index/workspace-index';
import type { ArchivePostmortem } from '../../server/src/protocol';

const TODAY = '2026-03-01';

const pm = (title: string, items: string) => `---
type: postmortem
date: 2026-01-10
severity: SEV2
---
# ${title}

## Action items

${items}
`;

let root: string;
let logs: string[];
let changes: number;
let open: Map<string, ArchivePostmortem | null>;

function write(rel: string, text: string): string {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}

function makeIndex(extra: Partial<IndexHost> = {}): WorkspaceIndex {
  return new WorkspaceIndex({
    roots: () => [root],
    configFor: async (p) => {
      const loaded = loadConfigForFile(p);
      return { config: loaded.config, rootDir: loaded.rootDir ?? root };
    },
    openEntry: async (p) => open.get(p),
    today: () => TODAY,
    log: (m) => logs.push(m),
    changed: () => changes++,
    ...extra,
  });
}

/** title → item texts, as the index holds them. */
function titles(index: WorkspaceIndex): Record<string, string[]> {
  return Object.fromEntries(index.snapshot().postmortems.map((p) => [p.title, p.items.map((i) => i.text)]));
}

beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pm-index-')));
  logs = [];
  changes = 0;
  open = new Map();
  invalidateConfigCache();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('workspace index: what it finds', () => {
  it('indexes postmortems with their items and facts, and nothing else', async () => {
    write('postmortems/a.md', pm('Payments outage', '- [ ] Alert on p99 latency — @alice, due 2026-01-15, P1, PAY-1\n- [x] Restore the limit — @bob, due 2026-01-11'));
    write('docs/readme.md', '# Readme\n\nNot a postmortem.\n');
    write('node_modules/pkg/postmortem.md', pm('Vendored', '- [ ] Something — @x, due 2026-01-01'));
    write('build/incidents/copy.md', pm('Build output', '- [ ] Copied — @x, due 2026-01-01'));
    write('.gitignore', 'build/\n');
    write('postmortems/template.md', pm('Template', '- [ ] Action — @owner, due 2026-01-01'));
    write('.postmortemrc.json', '{ "ignore": ["postmortems/template.md"] }');
    const index = makeIndex();
    await index.build();
    const snap = index.snapshot();
    assert.equal(snap.complete, true);
    assert.deepEqual(titles(index), { 'Payments outage': ['Alert on p99 latency', 'Restore the limit'] });
    const p = snap.postmortems[0];
    assert.equal(p.file, path.join(root, 'postmortems/a.md'));
    assert.equal(p.date, '2026-01-10');
    assert.equal(p.severity, 'SEV2');
    assert.deepEqual(
      { owner: p.items[0].owner, due: p.items[0].due, overdueDays: p.items[0].overdueDays, priority: p.items[0].priority, status: p.items[0].status, ticket: p.items[0].ticket },
      { owner: '@alice', due: '2026-01-15', overdueDays: 45, priority: 'P1', status: 'open', ticket: 'PAY-1' },
    );
    assert.equal(p.items[0].location.line, 9);
    assert.equal(p.items[1].status, 'done');
    assert.equal(p.items[1].overdueDays, undefined);
    // the owners "Assign an owner…" and '@' offer from the rest of the workspace: the postmortem's only
    assert.deepEqual([...index.owners()], [[path.join(root, 'postmortems/a.md'), ['@alice', '@bob']]]);
    assert.deepEqual(logs, []);
  });
});

describe('workspace index: keeping current', () => {
  it('add, change, delete and rename follow the files on disk', async () => {
    write('incidents/a.md', pm('A', '- [ ] First — @alice, due 2026-04-01'));
    const index = makeIndex();
    await index.build();
    assert.deepEqual(titles(index), { A: ['First'] });

    const b = write('incidents/b.md', pm('B', '- [ ] Second — @bob, due 2026-02-01'));
    await index.filesChanged([{ path: b, type: 'created' }]);
    assert.deepEqual(titles(index), { A: ['First'], B: ['Second'] });
    assert.equal(index.snapshot().postmortems[1].items[0].overdueDays, 28);

    write('incidents/b.md', pm('B', '- [ ] Second — @bob, due 2026-02-01\n- [ ] Third, due next sprint'));
    await index.filesChanged([{ path: b, type: 'changed' }]);
    assert.deepEqual(titles(index).B, ['Second', 'Third']);
    assert.equal(index.snapshot().postmortems[1].items[1].noOwner, true);

    const a = path.join(root, 'incidents/a.md');
    fs.unlinkSync(a);
    await index.filesChanged([{ path: a, type: 'deleted' }]);
    assert.deepEqual(Object.keys(titles(index)), ['B']);

    const c = path.join(root, 'incidents/c.md');
    fs.renameSync(b, c);
    await index.filesChanged([
      { path: b, type: 'deleted' },
      { path: c, type: 'created' },
    ]);
    assert.deepEqual(index.snapshot().postmortems.map((p) => path.basename(p.file)), ['c.md']);
    assert.ok(changes >= 5, 'each change is announced');
    assert.deepEqual(logs, []);
  });

  it('a file matching `ignore` stays out when it changes, and leaves when the config starts ignoring it', async () => {
    const t = write('postmortems/template.md', pm('Template', '- [ ] Action — @owner, due 2026-01-01'));
    write('postmortems/real.md', pm('Real', '- [ ] Act — @a, due 2026-05-01'));
    const index = makeIndex();
    await index.build();
    assert.deepEqual(Object.keys(titles(index)).sort(), ['Real', 'Template']);
    write('.postmortemrc.json', '{ "ignore": ["postmortems/template.md"] }');
    invalidateConfigCache();
    await index.build();
    assert.deepEqual(Object.keys(titles(index)), ['Real']);
    write('postmortems/template.md', pm('Template', '- [ ] Action — @owner, due 2026-01-02'));
    await index.filesChanged([{ path: t, type: 'changed' }]);
    assert.deepEqual(Object.keys(titles(index)), ['Real']);
  });

  it("an open document's text wins over the disk until it is closed", async () => {
    const a = write('incidents/a.md', pm('A', '- [ ] On disk — @alice, due 2026-04-01'));
    const index = makeIndex();
    await index.build();
    assert.deepEqual([...index.owners()], [[a, ['@alice']]]);
    open.set(a, { file: a, title: 'A (edited)', items: [] });
    await index.documentChanged(a);
    assert.deepEqual(titles(index), { 'A (edited)': [] });
    // an open document's owners are its analysis's to give (the editor's text), not the disk's
    assert.deepEqual([...index.owners()], []);
    open.set(a, null); // edited into something that is no postmortem
    await index.documentChanged(a);
    assert.deepEqual(titles(index), {});
    open.delete(a);
    await index.documentChanged(a);
    assert.deepEqual(titles(index), { A: ['On disk'] });
    assert.deepEqual([...index.owners()], [[a, ['@alice']]]);
  });

  it('changes outside the workspace folders and to other files are left alone', async () => {
    const index = makeIndex();
    await index.build();
    const before = changes;
    await index.filesChanged([
      { path: path.join(os.tmpdir(), 'elsewhere.md'), type: 'created' },
      { path: path.join(root, 'notes.txt'), type: 'created' },
    ]);
    assert.equal(changes, before);
  });
});

describe('workspace index: bad input costs one log line', () => {
  it('an unreadable file', async () => {
    write('incidents/ok.md', pm('OK', '- [ ] Fine — @a, due 2026-05-01'));
    const bad = write('incidents/locked.md', pm('Locked', '- [ ] x'));
    const index = makeIndex({
      readFile: async (p) => {
        if (p === bad) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return fs.promises.readFile(p, 'utf8');
      },
    });
    await index.build();
    await index.filesChanged([{ path: bad, type: 'changed' }]);
    assert.deepEqual(titles(index), { OK: ['Fine'] });
    assert.deepEqual(logs, [`cannot index ${bad}: EACCES`]);
  });

  it('a huge file', async () => {
    write('incidents/ok.md', pm('OK', '- [ ] Fine — @a, due 2026-05-01'));
    const huge = write('incidents/huge.md', pm('Huge', '- [ ] x\n' + 'filler line\n'.repeat(Math.ceil(MAX_INDEXED_BYTES / 12) + 10)));
    const index = makeIndex();
    await index.build();
    await index.build();
    assert.deepEqual(titles(index), { OK: ['Fine'] });
    assert.equal(logs.length, 1);
    assert.match(logs[0], new RegExp(`^skipped ${huge.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 2\\.\\d MB is more than the 2 MB the index reads$`));
  });

  it('a file that disappears while the index is being built', async () => {
    write('incidents/a.md', pm('A', '- [ ] Stays — @a, due 2026-05-01'));
    const gone = write('incidents/b.md', pm('B', '- [ ] Goes — @b, due 2026-05-01'));
    const index = makeIndex({
      progress: (done) => {
        if (done === 0) fs.unlinkSync(gone); // listed by the walk, deleted before it is read
      },
    });
    await index.build();
    assert.deepEqual(titles(index), { A: ['Stays'] });
    assert.equal(index.snapshot().complete, true);
    assert.deepEqual(logs, [`${gone} disappeared while it was being indexed`]);
  });

  it('a folder symlink loop', async () => {
    write('incidents/deep/a.md', pm('A', '- [ ] Once — @a, due 2026-05-01'));
    fs.symlinkSync(path.join(root, 'incidents'), path.join(root, 'incidents/deep/loop'), 'dir');
    const index = makeIndex();
    await index.build();
    assert.deepEqual(titles(index), { A: ['Once'] });
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^skipped .*incidents\/deep\/loop: a folder symlink to .*incidents, which is already indexed/);
  });
});
