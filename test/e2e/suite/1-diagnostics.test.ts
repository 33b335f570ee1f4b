import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, open, ours, ruleOf, whenDiagnostics, workspaceUri } from './util';

suite('diagnostics in a real VS Code', () => {
  suiteSetup(activate);

  test('a postmortem gets findings with rule ids, docs links and a source', async () => {
    const editor = await open('postmortems', 'checkout.md');
    const uri = editor.document.uri;
    const diags = await whenDiagnostics(uri, (d) => {
      const rules = new Set(d.map(ruleOf));
      return rules.has('action-item-owner') && rules.has('action-item-due-date') && rules.has('action-item-vague') ? d : undefined;
    }, 'owner, due-date and vague findings on checkout.md');
    const owner = diags.find((d) => ruleOf(d) === 'action-item-owner')!;
    // the item without an owner is the canary-stage one (line 33, 0-based 32)
    assert.match(editor.document.lineAt(owner.range.start.line).text, /canary stage/);
    assert.equal(owner.severity, vscode.DiagnosticSeverity.Warning);
    const due = diags.find((d) => ruleOf(d) === 'action-item-due-date')!;
    assert.match(due.message, /next sprint/, 'the due-date message names the non-date it found');
    const code = owner.code as { value: string; target: vscode.Uri };
    assert.ok(typeof code === 'object' && code.target, 'the rule id links to its docs page (codeDescription)');
  });

  test('a README with a roadmap checklist gets no findings, the same text in postmortems/ does', async () => {
    const readme = await open('README.md');
    // Opened after the README, so its diagnostics arrive after the server has handled the README.
    const copyUri = workspaceUri('postmortems', 'readme-copy.md');
    await vscode.workspace.fs.writeFile(copyUri, Buffer.from(readme.document.getText(), 'utf8'));
    const copy = await open('postmortems', 'readme-copy.md');
    await whenDiagnostics(copy.document.uri, (d) => d.length > 0, 'findings on the README text under postmortems/');
    assert.deepEqual(ours(readme.document.uri).map((d) => `${ruleOf(d)}: ${d.message}`), [], 'README.md is not a postmortem');
  });
});
