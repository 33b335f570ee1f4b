// Neovim (0.7, push diagnostics only) as a real LSP client of dist/server.js: headless nvim starts the server with
// vim.lsp.start_client, opens a postmortem, prints the diagnostics and the code actions of the first one, then types an
// owner and waits for that finding to go. nvim comes from Debian (scripts/install-deps.sh installs it).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SERVER, TODAY } from './client';
import { ensureBuilt } from './build';
import { POSTMORTEM } from './texts';

before(() => ensureBuilt());

test('Neovim shows the diagnostics, offers the code actions and updates after an edit', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-nvim-'));
  const file = path.join(dir, 'checkout.md');
  fs.writeFileSync(file, POSTMORTEM);
  try {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        'nvim',
        ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test', 'lsp', 'nvim-smoke.lua')}`],
        { cwd: dir, env: { ...process.env, PML_SERVER: SERVER, PML_FILE: file, POSTMORTEM_LINT_TODAY: TODAY, HOME: dir, XDG_STATE_HOME: dir }, timeout: 60_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`nvim failed: ${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout + stderr)),
      );
    });
    const diags = out.split(/\r?\n/).filter((l) => l.startsWith('DIAG '));
    const lines = POSTMORTEM.split('\n');
    const alertLine = lines.findIndex((l) => l.includes('Alert when checkout')) + 1;
    assert.ok(diags.some((l) => l.startsWith(`DIAG ${alertLine}:7 action-item-owner `) && l.includes('No owner: name the one person who will drive it, e.g. @alice.')), out);
    assert.ok(diags.some((l) => l.includes(' action-item-due-date ') && l.includes("'next sprint' is not a date")), out);
    assert.ok(out.includes('ACTION Assign an owner…'), out);
    assert.ok(out.includes('ACTION Disable action-item-owner for this line'), out);
    assert.ok(out.includes('ACTION Show documentation for action-item-owner'), out);
    assert.match(out, new RegExp(`AFTER EDIT ${diags.length} -> ${diags.length - 1}\\r?\\n`), out);
    assert.ok(out.includes('DONE'), out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
