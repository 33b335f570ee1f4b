// postmortemLint.lintWorkspace over the protocol: findings of postmortems that are not open, published from the
// index's reading of the file on disk; the open document's diagnostics take over while it is open; deleting or
// ignoring the file, or turning the setting off, clears them; a read overtaken by an open never publishes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './client';
import { lintsClosedFiles } from '../../server/src/lsp/archive';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { ensureBuilt } from './build';

// one item without an owner (action-item-owner), in a postmortem by front matter
const NO_OWNER = '---\ntype: postmortem\ndate: 2026-01-10\n---\n# Outage\n\n## Action items\n\n- [ ] Add an alert on queue age, due 2026-12-20\n';
const OWNED = NO_OWNER.replace('due 2026-12-20', '@dana, due 2026-12-20');

let dir: string;
let c: TestClient;
let settings: Record<string, unknown> = {};
const file = (name: string) => path.join(dir, 'postmortems', name);
const uriOf = (name: string) => fileUri(file(name));
/** Diagnostics published for a file without a version: the workspace's, not an open document's. */
const closedPublishes = (uri: string, after = 0): PublishDiagnosticsParams[] => c.publishedFor(uri).slice(after).filter((p) => p.version === undefined || p.version === null);
const rules = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).map((d) => d.code);
const lastClosed = (uri: string) => closedPublishes(uri).at(-1);
const configChanged = async () => {
  const seen = c.archiveChanged.length;
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await c.waitFor('the rebuild', () => c.archiveChanged.slice(seen).find((n) => n.complete && !n.files));
};

before(async () => {
  ensureBuilt();
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pml-wsdiag-')));
  fs.mkdirSync(path.join(dir, 'postmortems'));
  fs.writeFileSync(file('a.md'), NO_OWNER);
  fs.writeFileSync(file('b.md'), OWNED);
  fs.writeFileSync(file('c.md'), NO_OWNER);
  fs.writeFileSync(path.join(dir, 'README.md'), '# Project\n\nNothing to see.\n');
  c = await TestClient.start({ workspaceFolders: [dir], settings: () => settings });
  await c.waitFor('first build', () => c.archiveChanged.find((n) => n.complete && !n.files));
});
after(async () => {
  await c?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('workspace diagnostics (postmortemLint.lintWorkspace)', () => {
  test('"auto" in a small workspace: a closed postmortem has its findings, with no version and no fixes', async () => {
    const p = await c.waitFor('a.md findings', () => closedPublishes(uriOf('a.md')).find((x) => x.diagnostics.length > 0));
    assert.ok(rules(p).includes('action-item-owner'), JSON.stringify(rules(p)));
    assert.ok(p.diagnostics.every((d) => d.data === -1));
    assert.ok(!rules(lastClosed(uriOf('b.md'))).includes('action-item-owner'));
    assert.equal(c.publishedFor(fileUri(path.join(dir, 'README.md'))).length, 0, 'a markdown file that is no postmortem gets nothing');
  });

  test('opening the file hands over to the editor; closing it goes back to the file on disk', async () => {
    const uri = uriOf('a.md');
    const seen = c.publishedFor(uri).length;
    await c.open(uri, OWNED); // unsaved text: the owner is there
    const open = await c.diagnostics(uri, (p) => p.version !== undefined && p.version !== null, seen);
    assert.ok(!rules(open).includes('action-item-owner'));
    // the file changes on disk while open: still the editor's diagnostics only
    fs.writeFileSync(file('a.md'), NO_OWNER.replace('Outage', 'Outage, edited'));
    const notices = c.archiveChanged.length;
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await c.waitFor('change notice', () => c.archiveChanged.slice(notices).find((n) => n.files?.includes(uri)));
    assert.equal(closedPublishes(uri, seen).length, 0, 'no workspace diagnostics for an open file');
    const beforeClose = c.publishedFor(uri).length;
    await c.close(uri);
    // closing drops the unsaved text: the findings of the file on disk come back
    await c.waitFor('findings from disk after close', () => closedPublishes(uri, beforeClose).find((x) => rules(x).includes('action-item-owner')));
  });

  test('a read of the disk that an open overtakes never publishes', async () => {
    const uri = uriOf('c.md');
    const seen = c.publishedFor(uri).length;
    fs.writeFileSync(file('c.md'), NO_OWNER.replace('Outage', 'Outage again'));
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await c.open(uri, OWNED);
    const open = await c.diagnostics(uri, (p) => p.version !== undefined && p.version !== null, seen);
    const notices = c.archiveChanged.length;
    await c.change(uri, [{ text: OWNED + '\n' }]);
    await c.waitFor('edit notice', () => c.archiveChanged.slice(notices).find((n) => n.files?.includes(uri)));
    const at = c.publishedFor(uri).indexOf(open);
    assert.equal(closedPublishes(uri, at).length, 0, 'nothing without a version after the open document published');
    await c.close(uri);
  });

  test('deleting the file clears its findings', async () => {
    const uri = uriOf('c.md');
    await c.waitFor('c.md findings', () => rules(lastClosed(uri)).includes('action-item-owner') || undefined);
    fs.unlinkSync(file('c.md'));
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await c.waitFor('c.md cleared', () => lastClosed(uri)?.diagnostics.length === 0 || undefined);
  });

  test('ignoring the file clears its findings; the setting off clears them all, on brings them back', async () => {
    const uri = uriOf('a.md');
    await c.waitFor('a.md findings', () => rules(lastClosed(uri)).includes('action-item-owner') || undefined);
    settings = { ignore: ['postmortems/a.md'] };
    await configChanged();
    assert.equal(lastClosed(uri)?.diagnostics.length, 0);
    settings = {};
    await configChanged();
    assert.ok(rules(lastClosed(uri)).includes('action-item-owner'));
    settings = { lintWorkspace: 'off' };
    await configChanged();
    assert.equal(lastClosed(uri)?.diagnostics.length, 0);
    const seen = c.publishedFor(uri).length;
    settings = { lintWorkspace: 'off', rules: { 'action-item-owner': 'error' } };
    await configChanged();
    assert.equal(closedPublishes(uri, seen).length, 0, 'off: nothing is published for closed files');
    settings = { lintWorkspace: true };
    await configChanged();
    assert.ok(rules(lastClosed(uri)).includes('action-item-owner'));
  });
});

describe('postmortemLint.lintWorkspace values', () => {
  test('"auto" is on up to 500 markdown files and off above; "on" and "off" (or true and false) whatever the size', () => {
    assert.equal(normalizeSettings({}).lintWorkspace, 'auto');
    assert.equal(normalizeSettings({ lintWorkspace: true }).lintWorkspace, 'on');
    assert.equal(normalizeSettings({ lintWorkspace: false }).lintWorkspace, 'off');
    assert.equal(normalizeSettings({ lintWorkspace: 'sometimes' }).lintWorkspace, 'auto');
    assert.deepEqual([500, 501].map((n) => lintsClosedFiles('auto', n)), [true, false]);
    assert.deepEqual([1, 10_000].map((n) => lintsClosedFiles('on', n)), [true, true]);
    assert.deepEqual([1, 10_000].map((n) => lintsClosedFiles('off', n)), [false, false]);
  });
});
