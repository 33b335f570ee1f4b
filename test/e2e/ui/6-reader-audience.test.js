// The reader view's audience switch in a real VS Code: a public postmortem that leaks a host name and an @handle
// shows both highlighted when read as Public, and not when read as Internal; the choice survives an edit.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, launch, openFile, palette, readerFrame, shot, tidy, WS_DIR } = require('./helpers');

let browser, page;
before(async () => ({ browser, page } = await launch()));
after(async () => { await browser?.close(); });

const REL = 'postmortems/public-leak.md';
const TRANSPARENT = /^(?:transparent|rgba\(0, 0, 0, 0\))$/;

test('read as Public, the leaked host name and @handle are highlighted; read as Internal, they are not', async () => {
  await openFile(page, REL);
  await palette(page, 'View: Close Other Editors in Group');
  await palette(page, 'Postmortem: Open Reader View');
  const frame = readerFrame(page);
  await frame.locator('#reader-title', { hasText: 'Delayed password reset emails' }).waitFor({ timeout: 60000 });
  const webview = await (await frame.locator('#reader-title').elementHandle()).ownerFrame();
  const host = frame.locator('#document mark.leak', { hasText: 'mailq-3.corp' });
  const handle = frame.locator('#document mark.leak', { hasText: '@priya.n' });
  await host.waitFor();
  await handle.waitFor();
  const background = (loc) => loc.evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).backgroundColor);

  // the document says audience: public, so the switch starts there, and the public panel lists the leaks
  const publicPanel = frame.locator('.audience-panel.panel-public');
  await publicPanel.waitFor({ state: 'visible' });
  assert.match(await publicPanel.textContent(), /2 internal details would leak/);
  assert.doesNotMatch(await background(host), TRANSPARENT, 'the host name is highlighted for the public');
  assert.doesNotMatch(await background(handle), TRANSPARENT, 'the @handle is highlighted for the public');
  await tidy(page);
  await shot(page, 'reader-audience-public.png');

  await frame.locator('label[for="audience-internal"]').click();
  await frame.locator('.audience-panel.panel-internal').waitFor({ state: 'visible' });
  await publicPanel.waitFor({ state: 'hidden' });
  assert.match(await background(host), TRANSPARENT, 'internal readers see the text plainly');
  assert.match(await background(handle), TRANSPARENT);

  await frame.locator('label[for="audience-public"]').click();
  await publicPanel.waitFor({ state: 'visible' });
  assert.doesNotMatch(await background(handle), TRANSPARENT);
  assert.ok(webview, 'the reader view is a frame of its own');
});

test('the chosen audience stays chosen when the document changes and the view re-renders', async () => {
  const frame = readerFrame(page);
  await frame.locator('label[for="audience-business"]').click();
  await frame.locator('.audience-panel.panel-business').waitFor({ state: 'visible' });
  // the file changes on disk (the editor holds no edits, so VS Code reloads it): the view re-renders with the new text
  const file = path.join(WS_DIR, REL);
  const original = fs.readFileSync(file, 'utf8');
  try {
    fs.writeFileSync(file, original.replace('- 10:50 the queue is empty again', '- 10:50 the queue is empty again (all emails sent)'));
    await frame.locator('#document li', { hasText: 'all emails sent' }).waitFor({ timeout: 30000 });
    await frame.locator('.audience-panel.panel-business').waitFor({ state: 'visible' });
    assert.equal(await frame.locator('.audience-panel.panel-public').isVisible(), false, 'not reset to the document audience');
  } finally {
    fs.writeFileSync(file, original);
  }
  await frame.locator('#document li', { hasText: 'all emails sent' }).waitFor({ state: 'detached', timeout: 30000 });
});
