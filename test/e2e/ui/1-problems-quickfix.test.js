// The Problems panel shows the findings; Ctrl+. applies "Keep the top N, move the rest to 'Deferred'".
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, MOD, WS_DIR, launch, openFile, gotoLine, tidy, lineOf, shot } = require('./helpers');

/** Resolves with the file's text once `ok(text)` holds: re-read on every change event, rejects after `ms`. */
function untilFile(file, ok, ms = 15000) {
  return new Promise((resolve, reject) => {
    const check = () => { const t = fs.readFileSync(file, 'utf8'); if (ok(t)) { done(); resolve(t); } };
    const watcher = fs.watch(file, check);
    const timer = setTimeout(() => { done(); reject(new Error(`${file} did not reach the expected content in ${ms} ms`)); }, ms);
    function done() { watcher.close(); clearTimeout(timer); }
    check();
  });
}

let browser, page;
before(async () => ({ browser, page } = await launch()));
after(async () => { await browser?.close(); });

test('the Problems panel lists the findings of a weak postmortem', async () => {
  await openFile(page, 'examples/weak-postmortem.md');
  await page.keyboard.press(`${MOD}+Shift+M`);
  const rows = page.locator('.markers-panel .monaco-list-row');
  for (const rule of ['action-item-owner', 'action-item-due-date', 'action-item-vague', 'action-items-too-many']) {
    await rows.filter({ hasText: rule }).first().waitFor({ timeout: 60000 });
  }
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
  // a file row heads the list with its count
  const fileRow = rows.filter({ hasText: 'weak-postmortem.md' }).first();
  assert.match(await fileRow.textContent(), /\d+/);
  await tidy(page);
  await shot(page, 'problems.png');
});

test('Ctrl+. on the action items heading applies "Keep the top N, move the rest to \'Deferred\'"', async () => {
  const rel = 'examples/weak-postmortem.md';
  const before = fs.readFileSync(path.join(WS_DIR, rel), 'utf8');
  const items = before.split('\n').filter((l) => l.startsWith('- [ ] '));
  await page.locator('.monaco-editor .view-lines').first().click();
  await gotoLine(page, lineOf(rel, /^## Action items/));
  await page.keyboard.press(`${MOD}+.`);
  const menu = page.locator('.action-widget');
  const wanted = menu.locator('.monaco-list-row', { hasText: /Keep the top \d+, move the rest to 'Deferred'/ }).first();
  await wanted.waitFor();
  const title = (await wanted.textContent()).trim();
  const n = Number(/top (\d+)/.exec(title)[1]);
  // Clicking a row is flaky (the list re-renders on hover): move the keyboard focus to it, then Enter.
  for (let i = 0; i < 20 && !/focused/.test(await wanted.getAttribute('class')); i++) await page.keyboard.press('ArrowDown');
  assert.match(await wanted.getAttribute('class'), /focused/, 'the keep-top-N row got the focus');
  await shot(page, 'quick-fix.png');
  await page.keyboard.press('Enter');
  await page.locator('.view-line', { hasText: /^#+\s+Deferred/ }).first().waitFor(); // monaco renders spaces as nbsp
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'action-items-too-many' }).first().waitFor({ state: 'detached' });
  // save, then check on disk that every item survived and N are left above Deferred
  await page.keyboard.press(`${MOD}+S`);
  const text = await untilFile(path.join(WS_DIR, rel), (t) => /^#+\s+Deferred/m.test(t));
  for (const item of items) assert.ok(text.includes(item), `kept verbatim: ${item}`);
  const [kept] = text.split(/^#+\s+Deferred/m);
  assert.equal(kept.split('\n').filter((l) => l.startsWith('- [ ] ')).length, n, text);
});
