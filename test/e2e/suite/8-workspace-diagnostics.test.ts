import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, ruleOf, whenDiagnostics, workspaceUri } from './util';

suite('Workspace diagnostics in a real VS Code (postmortemLint.lintWorkspace "auto")', () => {
  suiteSetup(activate);

  test("a postmortem that was never opened has its findings in the Problems panel", async () => {
    const uri = workspaceUri('postmortems', 'hostile.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'hostile.md is not open');
    const timeline = await whenDiagnostics(uri, (d) => d.find((x) => ruleOf(x) === 'missing-section' && /timeline/i.test(x.message)), "hostile.md's missing Timeline finding");
    assert.equal(timeline.range.start.line, 5, 'on the title line');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'still not open');
  });
});
