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

  test('the editor-title button follows each document: on the postmortem while the reader has focus, never on a README', async () => {
    const ext = vscode.extensions.getExtension<{ status: { postmortemUris: readonly string[] } }>(EXTENSION_ID)!;
    const menus = (ext.packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } }).contributes.menus;
    const button = menus['editor/title'].find((m) => m.command === 'postmortemLint.openReaderToSide');
    assert.match(button?.when ?? '', /resource in postmortemLint\.postmortems/);
    const readme = await open('README.md');
    const pm = await open('postmortems', 'checkout.md');
    await poll(() => ext.exports.status.postmortemUris.includes(pm.document.uri.toString()), 'the postmortem in the button list');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(commandByTitle('Open Reader View to the Side'));
    panel.reveal(panel.viewColumn, false);
    await poll(() => panel.active && !vscode.window.activeTextEditor, 'the reader view with focus');
    assert.ok(ext.exports.status.postmortemUris.includes(pm.document.uri.toString()), 'still a postmortem while the reader has focus');
    assert.ok(!ext.exports.status.postmortemUris.includes(readme.document.uri.toString()), 'the README is not one');
  });
});
