// The server and the CLI give the same findings for the same text and configuration: same rules, ranges
// (LSP 0-based vs CLI 1-based), severities and messages. Our own fixtures with a .postmortemrc, and every corpus
// postmortem in ../shared/corpus when it is present (read in place, never copied).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CLI, fileUri, messageOf, ROOT, TestClient, TODAY } from './client';
import { ensureBuilt } from './build';
import { POSTMORTEM, README } from './texts';
import { READER_MODEL_REQUEST, type ReaderModelResult } from '../../server/src/protocol';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'postmortems');

const TABLE = `# DNS outage

## Summary

Internal DNS stopped resolving for 25 minutes.

## Impact

All internal services failed health checks; 3,100 API requests failed.

## Action items

| Action | Owner | Due | Priority |
|---|---|---|---|
| Add a second resolver to the resolv.conf template | @kenji | 2026-04-01 | P1 |
| Better testing | TBD | ASAP | P3 |
| Alert when DNS SERVFAIL rate exceeds 1% for 2 minutes |  | next sprint | low |
`;

const NUMBERED = `# Queue backlog

## Overview

The billing queue backed up for 3 hours.

## Root cause

A consumer deploy doubled the batch size.

## Follow-ups

1. Cap the consumer batch size at 500 in billing-worker config
   - Owner: Priya Natarajan
   - Due: March 6th 2026
2. Improve monitoring
   - Owner: ???
3. Review processes around deploys (@josé.garcía, 2026-01-20)

## Deferred

- Rewrite the billing worker in Rust
`;

const UNICODE = `---
type: postmortem
---
# 決済の障害

## Summary

Payment errors 🔥 for 12 minutes.

## Action items

- [ ] Add a retry budget to the payments client — @山田太郎, due 2026-05-01, P1
- [x] Roll back 4.2 — @ana
- [ ] Make it more resilient
`;

function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, POSTMORTEM_LINT_TODAY: TODAY }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function fromDiagnostic(file: string, d: Diagnostic): JsonFinding {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    rule: String(d.code),
    severity: SEVERITY[d.severity ?? 0],
    message: messageOf(d),
  };
}

const key = (f: JsonFinding) => JSON.stringify([f.file, f.line, f.column, f.endLine, f.endColumn, f.rule, f.message]);
const sorted = (fs_: JsonFinding[]) => [...fs_].sort((a, b) => key(a).localeCompare(key(b)));

/** Lints `files` (paths relative to `dir`) with the CLI and the server and returns both finding lists. */
async function both(dir: string, files: string[]): Promise<{ cliFindings: JsonFinding[]; serverFindings: JsonFinding[] }> {
  const r = await cli(['--format', 'json', '--fail-on', 'never', ...files], dir);
  assert.equal(r.code, 0, r.stderr);
  const cliFindings = JSON.parse(r.stdout) as JsonFinding[];
  const c = await TestClient.start({ workspaceFolders: [dir] });
  const serverFindings: JsonFinding[] = [];
  try {
    for (const f of files) {
      const uri = fileUri(path.join(dir, f));
      let text = fs.readFileSync(path.join(dir, f), 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // editors drop the BOM, as the CLI does
      await c.open(uri, text);
      const ds = await c.diagnosticsFor(uri, 1);
      serverFindings.push(...ds.map((d) => fromDiagnostic(f, d)));
      await c.close(uri);
    }
  } finally {
    await c.stop();
  }
  return { cliFindings, serverFindings };
}

before(() => ensureBuilt());

describe('server and CLI agree', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-parity-'));
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'checkout.md'), POSTMORTEM);
    fs.writeFileSync(path.join(dir, 'checkout-crlf.md'), POSTMORTEM.replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(dir, 'dns.md'), TABLE);
    fs.writeFileSync(path.join(dir, 'queue.md'), NUMBERED);
    fs.writeFileSync(path.join(dir, 'unicode.md'), UNICODE);
    fs.writeFileSync(path.join(dir, 'docs', 'README.md'), README);
    fs.writeFileSync(
      path.join(dir, '.postmortemrc.json'),
      JSON.stringify({ rules: { 'action-item-priority': 'error', 'action-items-too-many': ['warning', { max: 2 }], 'action-item-vague': 'hint' } }),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('our fixtures with a .postmortemrc: same findings, ranges, severities and messages', async () => {
    const files = ['checkout.md', 'checkout-crlf.md', 'dns.md', 'queue.md', 'unicode.md', path.join('docs', 'README.md')];
    const { cliFindings, serverFindings } = await both(dir, files);
    assert.ok(cliFindings.length > 10, `the fixtures have findings (${cliFindings.length})`);
    assert.ok(cliFindings.some((f) => f.severity === 'error' && f.rule === 'action-item-priority'), 'the rc file applies');
    assert.ok(!cliFindings.some((f) => f.file.endsWith('README.md')), 'the README has none');
    assert.deepEqual(sorted(serverFindings), sorted(cliFindings));
  });

  test('"Export Reader View as HTML" and `postmortem-lint render` write the same page for the same file', async () => {
    const files = ['checkout.md', 'checkout-crlf.md', 'dns.md', 'unicode.md', path.join('docs', 'README.md')];
    const c = await TestClient.start({ workspaceFolders: [dir] });
    try {
      for (const f of files) {
        const abs = path.join(dir, f);
        const uri = fileUri(abs);
        await c.open(uri, fs.readFileSync(abs, 'utf8'));
        const exported = (await c.connection.sendRequest(READER_MODEL_REQUEST, { uri, render: { standalone: true } })) as ReaderModelResult | null;
        const rendered = await cli(['render', f], dir);
        assert.equal(rendered.code, 0, rendered.stderr);
        assert.ok(exported?.html, `the server exports ${f}`);
        assert.equal(exported.html, rendered.stdout, `${f}: the export and the CLI render differ`);
        await c.close(uri);
      }
    } finally {
      await c.stop();
    }
  });

  // Registered only where the corpus exists (it lives outside the project).
  if (fs.existsSync(CORPUS)) test('every corpus postmortem in ../shared/corpus', async () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
    const { cliFindings, serverFindings } = await both(CORPUS, files);
    assert.ok(files.length > 0);
    assert.ok(cliFindings.length > 0);
    assert.deepEqual(sorted(serverFindings), sorted(cliFindings));
  });
});
