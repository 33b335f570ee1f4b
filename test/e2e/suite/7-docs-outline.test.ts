import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, applyAction, closeAll, codeActions, EXTENSION_ID, open, poll, ruleOf, whenDiagnostics } from './util';

/** The tab of the markdown preview of a rule page (the built-in preview's tab is "Preview <file name>"). */
function previewTab(ruleId: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(`${ruleId}.md`));
}

function sourceEditorOf(ruleId: string): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith(`/docs/rules/${ruleId}.md`));
}

async function ownerFinding(): Promise<{ uri: vscode.Uri; diag: vscode.Diagnostic }> {
  const editor = await open('postmortems', 'checkout.md');
  const uri = editor.document.uri;
  const diag = await whenDiagnostics(uri, (d) => d.find((x) => ruleOf(x) === 'action-item-owner'), 'an action-item-owner finding');
  return { uri, diag };
}

suite('rule docs and the outline in a real VS Code', () => {
  suiteSetup(activate);
  setup(closeAll);

  test("a finding's code link opens the packaged rule page rendered, not as editable source", async () => {
    const { diag } = await ownerFinding();
    const code = diag.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'action-item-owner');
    assert.equal(code.target.scheme, 'command', `the link is a command the client handles (${code.target.toString()})`);
    assert.equal(code.target.path, 'postmortemLint.openRuleDocs');
    // what VS Code does with a click on the code (the Problems panel and the hover open command links)
    const args = JSON.parse(decodeURIComponent(code.target.query)) as unknown[];
    await vscode.commands.executeCommand(code.target.path, ...args);
    const tab = await poll(() => previewTab('action-item-owner'), 'the markdown preview of action-item-owner.md');
    assert.ok(tab.isActive);
    assert.equal(sourceEditorOf('action-item-owner'), undefined, 'no editor on the markdown source');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const page = await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'action-item-owner.md'));
    assert.ok(page.size > 0, 'the page ships with the extension');
  });

  test('"Show documentation" opens the same rendered page', async () => {
    const { uri, diag } = await ownerFinding();
    const action = await codeActions(uri, diag, /documentation/i);
    await applyAction(action);
    await poll(() => previewTab('action-item-owner'), 'the markdown preview of action-item-owner.md');
    assert.equal(sourceEditorOf('action-item-owner'), undefined, 'no editor on the markdown source');
  });

  test('the Outline lists each heading once (the markdown extension gives the headings; ours would repeat them)', async () => {
    const { uri } = await ownerFinding();
    const symbols = await poll(
      async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        return s?.length ? s : undefined;
      },
      'document symbols',
    );
    const names: string[] = [];
    const walk = (s: vscode.DocumentSymbol[]) => s.forEach((x) => { names.push(x.name); walk(x.children ?? []); });
    walk(symbols);
    const actionHeadings = names.filter((n) => /^(#+\s*)?Action items$/i.test(n.trim()));
    assert.equal(actionHeadings.length, 1, `"Action items" once in ${JSON.stringify(names)}`);
    const summaries = names.filter((n) => /^(#+\s*)?Summary$/i.test(n.trim()));
    assert.equal(summaries.length, 1, `"Summary" once in ${JSON.stringify(names)}`);
  });
});
