import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAll, commandByTitle, EXTENSION_ID, open, poll } from './util';

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

suite('reader view in a real VS Code', () => {
  suiteSetup(activate);
  setup(closeAll);

  test('"Open Reader View" opens a webview panel titled after the postmortem', async () => {
    await open('postmortems', 'checkout.md');
    await vscode.commands.executeCommand(commandByTitle('Open Reader View'));
    const tab = await poll(() => webviewTabs()[0], 'a webview tab');
    assert.match(tab.label, /Checkout errors after a config push|checkout\.md/);
    assert.ok(tab.isActive, 'the reader view takes the focus in its group');
  });

  test('"Open Reader View to the Side" opens it beside the editor', async () => {
    const editor = await open('postmortems', 'checkout.md');
    await vscode.commands.executeCommand(commandByTitle('Open Reader View to the Side'));
    const tab = await poll(() => webviewTabs()[0], 'a webview tab');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the reader view is in another column than the editor');
  });

  test('the editor-title button stays on the postmortem while its reader view has focus, and is off for a README', async () => {
    const ext = vscode.extensions.getExtension<{ status: { isPostmortemContext: boolean; refresh?: () => Promise<void> } }>(EXTENSION_ID)!;
    await open('README.md');
    await poll(() => vscode.window.activeTextEditor && !ext.exports.status.isPostmortemContext, 'the README without the button');
    await open('postmortems', 'checkout.md');
    await poll(() => ext.exports.status.isPostmortemContext, 'the postmortem with the button');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(commandByTitle('Open Reader View to the Side'));
    panel.reveal(panel.viewColumn, false);
    await poll(() => panel.active && !vscode.window.activeTextEditor, 'the reader view with focus');
    // the status bar has seen the focus change once the active-editor event has been handled
    await ext.exports.status.refresh?.();
    assert.equal(ext.exports.status.isPostmortemContext, true, 'the button stays while the reader has focus');
  });
});
