// A 200 KB postmortem in the real VS Code: an edit reaches the squiggles, and Ctrl+. right after an edit offers the
// fixes instead of "No code actions available". The times (medians of five edits) are recorded (PM_E2E_LATENCY,
// written by the runner into .e2e/latency.json) and printed by `npm run bench`; the test asserts what a user sees, not
// how fast. Ctrl+. waits for every code-action provider, VS Code's markdown support's too, and that one is slow right
// after an edit of a large file (it sends the file's markdown-it tokens to its language server for each version): so
// the test also times Ctrl+. right after an edit on a line where we have nothing to offer (our server answers at once),
// the time a user waits whatever we do; the difference is ours.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, closeAll, open, ours, ruleOf, whenDiagnostics, workspaceUri } from './util';

const SENTENCES = [
  'The consumer group rebalanced every few seconds while the broker restarted, so no partition made progress.',
  'Checkout latency rose from 200 ms to 4 s at the 99th percentile for about 40 minutes.',
  'The on-call engineer was paged by the queue depth alert and joined the incident channel.',
  'We rolled back the config change because the error rate did not drop after the restart.',
  'Retries from the mobile clients doubled the load on the payments API during recovery.',
];

/** A long postmortem in the shapes of the corpus: a timeline, causes and an action table per part. */
function largePostmortem(bytes: number): string {
  const out = ['---', 'type: postmortem', 'date: 2099-01-12', 'severity: SEV2', '---', '', '# Queue backlog after a broker restart', '',
    '## Summary', '', SENTENCES[0], '', '## Impact', '', SENTENCES[1], ''];
  let size = out.join('\n').length;
  for (let part = 1; size < bytes; part++) {
    const block = [`## Timeline (UTC, part ${part})`, ''];
    for (let i = 0; i < 12; i++) block.push(`- ${String(10 + (i % 12)).padStart(2, '0')}:${String((i * 5) % 60).padStart(2, '0')} ${SENTENCES[(part + i) % SENTENCES.length]}`);
    block.push('', `## Contributing causes (part ${part})`, '', SENTENCES.join(' '), '', `## Action items (part ${part})`, '',
      '| Action | Owner | Due | Priority |', '|---|---|---|---|',
      `| Alert on consumer-group rebalances above 5 per minute | @dana | 2099-02-0${1 + (part % 9)} | P1 |`,
      `| Cap mobile client retries at 3 with jitter | @lee | 2099-02-1${part % 10} | P2 |`, '');
    size += block.join('\n').length + 1;
    out.push(...block);
  }
  return out.join('\n') + '\n';
}

/**
 * The quick fixes at `range`, as Ctrl+. asks for them. VS Code cancels the request when a code-action provider of
 * another extension registers while it runs ("Canceled"); a user pressing Ctrl+. then presses it again: so does this.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<(vscode.CodeAction | vscode.Command)[] | undefined> {
  const ask = () => vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  try {
    return await ask();
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'Canceled') throw e;
    return ask();
  }
}

suite('a 200 KB postmortem', () => {
  suiteSetup(activate);
  suiteTeardown(closeAll);

  test('an edit reaches the squiggles, and Ctrl+. right after an edit offers the fixes', async () => {
    const text = largePostmortem(200 * 1024);
    assert.ok(text.length >= 200 * 1024, `${text.length} characters`);
    const uri = workspaceUri('postmortems', 'large-200kb.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    const editor = await open('postmortems', 'large-200kb.md');
    // the first analysis: a hundred-odd open items are too many to be prioritised
    await whenDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'action-items-too-many'), 'the first analysis', 60000);

    // VS Code cancels a code-action request when a provider registers meanwhile (its markdown extension's language
    // server starting, slow on a loaded machine): let it start first, as it has by the time a user presses Ctrl+.
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0));

    // an item without an owner typed into an action table, then Ctrl+. on its finding right after another edit (a word
    // typed in the summary); five times, in tables from the middle towards the end: one sample says little on a
    // loaded machine
    const doc = editor.document;
    const squiggles: number[] = [];
    const quickFix: number[] = [];
    const floor: number[] = [];
    // the Impact sentence: no finding of ours there, so only VS Code's providers have work to do
    const impact = () => doc.lineAt(doc.positionAt(doc.getText().indexOf(SENTENCES[1])).line).range;
    assert.equal(ours(uri).filter((d) => d.range.intersection(impact())).length, 0, 'no finding on the Impact line');
    const tables = [...text.matchAll(/^## Action items \(part \d+\)$/gm)].map((m) => m.index);
    const picked = [0.5, 0.6, 0.7, 0.8, 0.9].map((f) => tables[Math.floor(tables.length * f)]);
    for (const [n, at] of picked.entries()) {
      // Ctrl+. right after an edit where we offer nothing: what VS Code alone makes a user wait (its markdown support)
      await editor.edit((e) => e.insert(doc.positionAt(doc.getText().indexOf(SENTENCES[0])), 'Then, '));
      const t2 = Date.now();
      await codeActions(uri, impact());
      floor.push(Date.now() - t2);

      const heading = doc.getText().indexOf(text.slice(at, text.indexOf('\n', at)));
      const row = doc.positionAt(heading).line + 4; // the first table row of that section
      assert.match(doc.lineAt(row).text, /^\| Alert on consumer-group/);
      const action = `Add a canary stage for broker config ${n + 1}`;
      const t0 = Date.now();
      await editor.edit((e) => e.insert(new vscode.Position(row, 0), `| ${action} | | 2099-03-01 | P1 |\n`));
      const owner = await whenDiagnostics(uri, (d) => d.find((x) => ruleOf(x) === 'action-item-owner' && x.range.start.line === row),
        `the new item's missing owner (${n + 1})`, 60000);
      squiggles.push(Date.now() - t0);
      assert.ok(doc.lineAt(owner.range.start.line).text.includes(action));

      const summary = doc.positionAt(doc.getText().indexOf(SENTENCES[0]));
      await editor.edit((e) => e.insert(summary, 'Overnight, '));
      const t1 = Date.now();
      const actions = await codeActions(uri, owner.range);
      quickFix.push(Date.now() - t1);
      const titles = (actions ?? []).map((a) => a.title);
      assert.ok(titles.some((t) => /owner/i.test(t)), `the owner fixes are offered right after the edit: ${JSON.stringify(titles)}`);
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const file = process.env.PM_E2E_LATENCY;
    if (file) {
      fs.writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), bytes: text.length, squigglesMs: median(squiggles), quickFixMs: median(quickFix), quickFixElsewhereMs: median(floor), squigglesAll: squiggles, quickFixAll: quickFix, quickFixElsewhereAll: floor }, null, 2));
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
