import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, open, ruleOf, whenDiagnostics } from './util';

suite('settings in a real VS Code', () => {
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('postmortemLint').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('changing a rule severity in settings changes the diagnostic live', async () => {
    const editor = await open('postmortems', 'checkout.md');
    const uri = editor.document.uri;
    const before = await whenDiagnostics(uri, (d) => d.find((x) => ruleOf(x) === 'action-item-owner'), 'the owner finding');
    assert.equal(before.severity, vscode.DiagnosticSeverity.Warning);

    await vscode.workspace.getConfiguration('postmortemLint').update('rules', { 'action-item-owner': 'error' }, vscode.ConfigurationTarget.Workspace);
    await whenDiagnostics(uri, (d) => d.find((x) => ruleOf(x) === 'action-item-owner' && x.severity === vscode.DiagnosticSeverity.Error),
      'the owner finding to become an error');

    await vscode.workspace.getConfiguration('postmortemLint').update('rules', { 'action-item-owner': 'off' }, vscode.ConfigurationTarget.Workspace);
    await whenDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'action-item-owner'),
      'the owner finding to go away when the rule is off');
  });
});
