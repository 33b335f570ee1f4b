// Issue 10 in a real VS Code, where the vscode API is the natural way to see it: a fresh New Postmortem does not pass
// (its blanks are findings until replaced, the incident date a tab stop); past VS Code's 1,000 problems per file one
// line says how many more there are; `postmortem-lint --fix` run on an open file shows up in its editor.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, closeAll, commandByTitle, EXTENSION_ID, open, poll, ruleOf, whenDiagnostics, workspaceUri } from './util';

/** Runs a node script; resolves with its exit code and output (a non-zero exit is an answer here, not an error). */
function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 120000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function cliPath(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return path.join(ext.extensionPath, 'dist', 'cli.js');
}

suite('first-day experience (issue 10) in a real VS Code', () => {
  suiteSetup(activate);
  setup(closeAll);

  test('a fresh "New Postmortem" does not pass: its blanks are reported until replaced, the incident date a tab stop', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>(commandByTitle('New Postmortem'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === doc);
    const dateLine = doc.getText().split('\n').findIndex((l) => l.startsWith('date:'));
    assert.equal(doc.lineAt(dateLine).text, 'date: YYYY-MM-DD', 'the incident date is the writer\'s to fill, not today\'s date');
    const unfilled = (d: vscode.Diagnostic[]) => d.filter((x) => ruleOf(x) === 'empty-section' && /^Unfilled template text/.test(x.message));
    const before = await whenDiagnostics(doc.uri, (d) => (unfilled(d).length >= 5 && unfilled(d).some((x) => x.range.start.line === dateLine) ? d : undefined),
      'the template\'s blanks reported, the incident date among them');
    const summary = unfilled(before).find((x) => /In 2–4 sentences/.test(doc.getText(x.range)) || /In 2–4 sentences/.test(x.message));
    assert.ok(summary, `the Summary prompt is reported:\n${unfilled(before).map((x) => `${x.range.start.line + 1}: ${x.message}`).join('\n')}`);
    // Tab through the template as the writer does, from the title to the incident date
    for (let i = 0; i < 12 && doc.getText(editor.selection) !== 'YYYY-MM-DD'; i++) {
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    }
    assert.equal(doc.getText(editor.selection), 'YYYY-MM-DD', 'a tab stop selects the incident date');
    assert.equal(editor.selection.start.line, dateLine);
    await vscode.commands.executeCommand('type', { text: '2026-11-27' });
    assert.equal(doc.lineAt(dateLine).text, 'date: 2026-11-27');
    const after = await whenDiagnostics(doc.uri, (d) => (unfilled(d).length > 0 && !d.some((x) => x.range.start.line === dateLine) ? d : undefined),
      'the date\'s finding to go while the other blanks stay');
    assert.equal(unfilled(after).length, unfilled(before).length - 1, 'exactly the replaced blank is no longer reported');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('past VS Code\'s 1,000 problems per file, the most severe are kept and one line says how many more there are', async () => {
    const lines = ['---', 'type: postmortem', '---', '', '# Postmortem: many items', '', '## Action items', ''];
    for (let i = 1; i <= 300; i++) lines.push(`- [ ] Improve monitoring of service ${i}`);
    const uri = workspaceUri('postmortems', 'many-items.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(lines.join('\n') + '\n', 'utf8'));
    // what the CLI counts on the same file: every finding, no cap
    const cli = await run([cliPath(), '--format', 'json', uri.fsPath], path.dirname(uri.fsPath));
    const all = JSON.parse(cli.stdout) as { severity: string }[];
    assert.ok(all.length > 1000, `the file has more findings than VS Code shows (${all.length})`);
    const warnings = all.filter((f) => f.severity === 'warning' || f.severity === 'error').length;
    await open('postmortems', 'many-items.md');
    const diags = await whenDiagnostics(uri, (d) => (d.some((x) => /more findings not shown/.test(x.message)) ? d : undefined), 'the summary line', 50000);
    assert.ok(diags.length <= 1000, `${diags.length} diagnostics`);
    const summary = diags.find((x) => /more findings not shown/.test(x.message))!;
    assert.equal(summary.message, `${all.length - (diags.length - 1)} more findings not shown (editor limit 1000): run postmortem-lint on this file.`);
    assert.equal(summary.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(diags.filter((x) => x.severity === vscode.DiagnosticSeverity.Warning || x.severity === vscode.DiagnosticSeverity.Error).length, warnings,
      'every warning is kept: what is left out is the least severe');
  });

  test('`postmortem-lint --fix` on an open file: the editor shows the fixed text and the finding is gone', async () => {
    // its own file (another suite fixes postmortems/missing-timeline.md in its editor, and auto save writes it)
    const source = ['---', 'title: "Search latency spike"', 'type: postmortem', '---', '', '# Search latency spike', '', '## Summary', '',
      'On 2099-01-07 search p99 latency rose from 120 ms to 3 s for 20 minutes after an index rebuild.', '', '## Impact', '',
      '4,100 searches timed out.', '', '## Contributing causes', '',
      'The index rebuild ran at peak traffic because the scheduler uses the wrong timezone.', '', '## Action items', '',
      '- [ ] Run index rebuilds between 02:00 and 04:00 UTC only — @dana, due 2099-02-01, P1', ''].join('\n');
    const uri = workspaceUri('postmortems', 'cli-fix.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(source, 'utf8'));
    const editor = await open('postmortems', 'cli-fix.md');
    const timelineMissing = (d: vscode.Diagnostic[]) => d.some((x) => ruleOf(x) === 'missing-section' && /Timeline/.test(x.message));
    await whenDiagnostics(uri, (d) => timelineMissing(d), 'the missing Timeline');
    const before = editor.document.getText();
    // as in the integrated terminal: postmortem-lint --fix <file>, from the workspace folder
    const r = await run([cliPath(), '--fix', path.join('postmortems', 'cli-fix.md')], workspaceUri().fsPath);
    assert.match(r.stderr, /Fixed 1 problem in .*cli-fix\.md: missing-section/, `stderr: ${r.stderr}\nstdout: ${r.stdout}`);
    // VS Code reloads the file it shows from disk
    await poll(() => /^## Timeline/m.test(editor.document.getText()), 'the editor to show the fixed file', 30000);
    await whenDiagnostics(uri, (d) => !timelineMissing(d), 'the missing-section finding to go');
    assert.equal(editor.document.isDirty, false, 'the editor shows the file as saved on disk');
    // nothing of the writer's text was lost
    const nonSpace = (s: string) => s.replace(/\s+/g, '');
    let j = 0;
    const now = nonSpace(editor.document.getText());
    for (const ch of nonSpace(before)) {
      j = now.indexOf(ch, j);
      assert.ok(j >= 0, 'every character of the original is still there, in order');
      j++;
    }
  });
});
