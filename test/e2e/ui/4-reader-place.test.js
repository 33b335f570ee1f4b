// The reader view beside an editor: it keeps its place when a "line N" link is clicked and while the document
// changes, states the facts as the document does, is readable at ~500 px, and follows an untitled postmortem saved
// under a name.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, MOD, WS_DIR, launch, openFile, palette, closeAll, tidy, readerFrame, shot } = require('./helpers');

let browser, page;
before(async () => ({ browser, page } = await launch()));
after(async () => { await browser?.close(); });

/** The reader webview's own window (for scroll positions and layout). */
async function readerWindow(frame) {
  return (await frame.locator('#reader-title').elementHandle()).ownerFrame();
}

/** Opens a workspace file alone in its group, then its reader view beside it. */
async function openBeside(rel) {
  await closeAll(page);
  await openFile(page, rel);
  await palette(page, 'Postmortem: Open Reader View to the Side');
}

test('clicking "line N" shows the item in the editor and the reader keeps its place, also after the document changes', async () => {
  await openBeside('examples/good-postmortem.md');
  const frame = readerFrame(page);
  await frame.locator('#reader-title', { hasText: 'Checkout errors after a payments config push' }).waitFor();
  const link = frame.locator('table.action-items tr.action-item').nth(2).locator('.source-link');
  await link.scrollIntoViewIfNeeded();
  const win = await readerWindow(frame);
  const before = await win.evaluate(() => window.scrollY);
  assert.ok(before > 200, `the reader is scrolled down to the action table (scrollY ${before})`);
  const line = Number((await link.textContent()).replace(/\D+/g, ''));
  await link.click();
  // the editor shows and selects the item
  await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col`) }).waitFor();
  assert.equal(await win.evaluate(() => window.scrollY), before, 'the reader did not jump back to the top');
  await shot(page, 'reader-line-link-keeps-place.png');
  // a re-render after an edit keeps the place too
  const version = await frame.locator('#reader-root').getAttribute('data-version');
  // the item's words are selected: Right collapses the selection after them
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' (edited)');
  await frame.locator('#reader-root:not([data-version="' + version + '"])').waitFor();
  await frame.locator('td.action', { hasText: '(edited)' }).waitFor();
  assert.equal(await win.evaluate(() => window.scrollY), before, 'the update kept the place');
  const edited = await frame.locator('#reader-root').getAttribute('data-version');
  await page.keyboard.press(`${MOD}+Z`);
  // the undo re-renders the reader: wait for it, so the next test does not hold an element the re-render replaces
  await frame.locator('#reader-root:not([data-version="' + edited + '"])').waitFor();
  await frame.locator('td.action', { hasText: '(edited)' }).waitFor({ state: 'detached' });
});

test('the header card says what the document says: the stated duration and impact figures with their words', async () => {
  const frame = readerFrame(page);
  const duration = frame.locator('.fact-duration dd');
  await duration.waitFor();
  const text = await duration.textContent();
  assert.match(text, /47 minutes/, text);
  assert.doesNotMatch(text, /50 min/, 'not the span from the triggering merge (14:02) to the rollback');
  assert.match(text, /as written in Impact/);
  const figures = await frame.locator('.impact-figure').allTextContents();
  assert.ok(figures.includes('SLA credits owed to 3 enterprise customers.'), JSON.stringify(figures));
  for (const f of figures) assert.ok(f.split(' ').length >= 3, `"${f}" keeps the words around its number`);
});

test('at about 500 px beside an editor the action items are readable: no squeezed action column, nothing cut off', async () => {
  const frame = readerFrame(page);
  await frame.locator('table.action-items').scrollIntoViewIfNeeded();
  const win = await readerWindow(frame);
  const m = await win.evaluate(() => {
    const action = document.querySelector('table.action-items tr.action-item td.action').getBoundingClientRect();
    const cells = [...document.querySelectorAll('table.action-items td')].map((td) => td.getBoundingClientRect());
    return {
      width: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      actionWidth: action.width,
      rightmost: Math.max(...cells.map((r) => r.right)),
      ticketLabel: window.getComputedStyle(document.querySelector('table.action-items td.ticket:not(.none)'), '::before').content,
    };
  });
  assert.ok(m.width >= 440 && m.width <= 620, `the reader pane is about 500 px wide (${m.width})`);
  assert.ok(m.scrollWidth <= m.width, `no sideways scrolling: ${m.scrollWidth} px of page in ${m.width} px`);
  assert.ok(m.rightmost <= m.width, `no cell is cut off (rightmost edge ${m.rightmost} of ${m.width})`);
  assert.ok(m.actionWidth >= m.width * 0.7, `the action text gets the width (${m.actionWidth} of ${m.width} px)`);
  assert.match(m.ticketLabel, /Ticket/, 'each field is labelled when the table becomes cards');
  await tidy(page);
  await shot(page, 'reader-narrow.png');
});

test('after Save As of an untitled postmortem the reader follows the saved file and keeps updating', async () => {
  await closeAll(page);
  await palette(page, 'Postmortem: New Postmortem');
  await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor();
  // the template is in (its title placeholder selected) before typing over it
  await page.locator('.view-line', { hasText: /^##\s+Summary/ }).waitFor();
  await page.keyboard.type('Queue backlog after a broker restart');
  await page.keyboard.press('Escape');
  await palette(page, 'Postmortem: Open Reader View to the Side');
  const frame = readerFrame(page);
  await frame.locator('#reader-title', { hasText: 'Queue backlog after a broker restart' }).waitFor();
  await palette(page, 'View: Focus First Editor Group');
  // Save As goes to the focused editor: wait until the text editor has the keyboard, not the reader
  await page.locator('.monaco-editor.focused').first().waitFor();
  const target = path.join(WS_DIR, 'postmortems', 'queue-backlog.md');
  // the simple file dialog is a quick input: Ctrl+Shift+S, not the palette helper (which waits for the input to close)
  await page.keyboard.press(`${MOD}+Shift+S`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  // the dialog fills in its proposed path a moment after it opens: type ours after that
  await page.waitForFunction(() => /Untitled-\d+\.md$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''));
  await input.fill(target);
  assert.equal(await input.inputValue(), target);
  await shot(page, 'reader-save-as-dialog.png');
  await page.keyboard.press('Enter');
  // the editor's own tab (the reader's tab reads "Reader: queue-backlog.md" for a moment too)
  await page.locator('.tab[data-resource-name="queue-backlog.md"]').waitFor();
  assert.ok(fs.existsSync(target), 'saved under the new name');
  await page.locator('.tab', { hasText: 'Reader: Queue backlog after a broker restart' }).waitFor();
  // typing in the saved file shows up in the reader
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.type('\nZebra-crossing follow-up note.\n');
  await frame.locator('#document', { hasText: 'Zebra-crossing follow-up note.' }).waitFor();
  const uri = await frame.locator('#reader-root').getAttribute('data-uri');
  assert.match(uri, /queue-backlog\.md$/, `the restored panel would open the saved file (${uri})`);
});
