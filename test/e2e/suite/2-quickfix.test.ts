import * as assert from 'node:assert/strict';
import { activate, applyAction, codeActions, open, ruleOf, whenDiagnostics } from './util';

suite('quick fixes in a real VS Code', () => {
  suiteSetup(activate);

  test('inserting the missing Timeline section clears the finding', async () => {
    const editor = await open('postmortems', 'missing-timeline.md');
    const uri = editor.document.uri;
    const missing = await whenDiagnostics(uri, (d) => d.find((x) => ruleOf(x) === 'missing-section' && /timeline/i.test(x.message)),
      'a missing-section finding for Timeline');
    const action = await codeActions(uri, missing, /timeline/i);
    await applyAction(action);
    assert.match(editor.document.getText(), /^#+ .*Timeline/im, 'the fix inserted a Timeline heading');
    await whenDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'missing-section' && /timeline/i.test(x.message)),
      'the missing-section finding to disappear');
    // the rest of the document is untouched
    assert.match(editor.document.getText(), /Run index rebuilds between 02:00 and 04:00 UTC only — @dana/);
  });
});
