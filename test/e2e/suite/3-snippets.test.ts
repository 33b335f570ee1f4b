import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, commandByTitle } from './util';

suite('snippets in a real VS Code', () => {
  suiteSetup(activate);

  test('"Postmortem: full template" inserts the whole skeleton', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Postmortem: full template' });
    const text = editor.document.getText();
    for (const heading of ['## Summary', '## Impact', '## Timeline', '## Contributing causes', '## Detection', '## Resolution',
      '## Action items', '## Lessons learned', '### What went well', '### What went wrong', '### Where we got lucky', '## Glossary']) {
      assert.ok(text.includes(`\n${heading}\n`), `template has "${heading}"`);
    }
    // the incident date is the writer's to choose (a tab stop), never today's date written in for them
    assert.match(text, /^---\ntitle: ".+"\ndate: YYYY-MM-DD\ntype: postmortem\nseverity: SEV1\nstatus: draft\naudience: internal\n---/);
    assert.ok(text.includes('| Action | Owner | Due | Priority | Ticket |'));
    assert.ok(text.includes('Alert when <metric> exceeds <threshold> for <duration>'), 'the placeholder says what a good action looks like');
    assert.match(text, /All times UTC\./);
  });

  test('"Postmortem: action item bullet" inserts an item with owner, date and priority', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Postmortem: action item bullet' });
    assert.equal(editor.document.getText(), '- [ ] action — @owner, due YYYY-MM-DD, P1');
    // the first placeholder is selected, ready to be typed over
    assert.equal(editor.document.getText(editor.selection), 'action');
  });

  test('"New Postmortem" opens an untitled postmortem from the same template', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>(commandByTitle('New Postmortem'));
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    assert.equal(doc.languageId, 'markdown');
    assert.ok(doc.isUntitled);
    const text = doc.getText();
    assert.ok(text.includes('| Action | Owner | Due | Priority | Ticket |'), `template inserted:\n${text.slice(0, 200)}`);
    assert.ok(text.includes('### Where we got lucky'));
  });
});
