// Issue 10, point 1, as a new user meets it on the weak example: every message is one short sentence that the
// Problems panel shows whole; the hover on a vague item shows each message once and one card that says each fact
// once; Ctrl+. on that item is a short menu (the fixes, one "Disable … for this line", one "… for this file").
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('../lib');
const { test, MOD, WS_DIR, launch, openFile, palette, quickFixMenu, tidy, lineOf, shot, untilProblems } = require('./helpers');

// The weak example as shipped, beside it (an earlier test file saves its own edits to examples/weak-postmortem.md)
const REL = 'examples/weak-first-day.md';
let browser, page;
before(async () => {
  fs.copyFileSync(path.join(ROOT, 'examples/weak-postmortem.md'), path.join(WS_DIR, REL));
  ({ browser, page } = await launch());
});
after(async () => { await browser?.close(); });

test('the Problems panel shows every message of the weak example whole', async () => {
  // the window of the first-day report (1600 px wide, where the old messages were cut at about 110 characters), tall
  // enough that the maximised panel renders every row at once (the list only renders the rows in view)
  await page.setViewportSize({ width: 1600, height: 1500 });
  try {
    await openFile(page, REL);
    await page.keyboard.press(`${MOD}+Shift+M`);
    await page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: 'action-item-vague' }).first().waitFor({ timeout: 60000 });
    await palette(page, 'View: Toggle Maximized Panel');
    const fileRow = page.locator('.markers-panel .monaco-list-row[aria-level="1"]', { hasText: path.basename(REL) });
    // every finding of the file rendered: as many rows as the file's count
    const rowsOfFile = await untilProblems(page, path.basename(REL), (r) => r.length > 30, 'the weak example\'s findings, all rows rendered');
    const total = rowsOfFile.length;
    assert.ok(await fileRow.isVisible());
    // the rows of this file only (an earlier test file may have left another one open)
    const shown = await page.evaluate((name) => {
      const out = [];
      let inFile = false;
      for (const row of [...document.querySelectorAll('.markers-panel .monaco-list-row')].sort((x, y) => Number(x.dataset.index) - Number(y.dataset.index))) {
        if (row.getAttribute('aria-level') === '1') { inFile = (row.querySelector('.label-name')?.textContent ?? '').trim() === name; continue; }
        if (!inFile) continue;
        const msg = row.querySelector('.marker-message');
        const where = row.querySelector('.marker-line');
        out.push({
          text: msg.textContent,
          // an ellipsis hides the end of the message when its box is narrower than its text
          cut: msg.scrollWidth > msg.clientWidth + 1,
          lineShown: !!where && where.getBoundingClientRect().right <= row.getBoundingClientRect().right + 1,
        });
      }
      return out;
    }, path.basename(REL));
    assert.equal(shown.length, total);
    for (const s of shown) {
      assert.ok(!s.cut, `the message is shown whole: "${s.text}"`);
      assert.ok(s.lineShown, `the [Ln, Col] after "${s.text}" is in view`);
      assert.ok(s.text.length <= 90, `one short sentence (${s.text.length} characters): "${s.text}"`);
    }
    const lengths = shown.map((s) => s.text.length).sort((a, b) => a - b);
    console.log(`# ${total} messages in the Problems panel: median ${lengths[Math.floor(lengths.length / 2)]}, max ${lengths.at(-1)} characters`);
  } finally {
    await palette(page, 'View: Toggle Maximized Panel');
    await page.setViewportSize({ width: 1400, height: 900 });
  }
});

test('the hover on a vague item shows each message once and one card that says each fact once', async () => {
  const line = lineOf(REL, /^- \[ \] Better testing$/);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press(`${MOD}+G`);
  await page.locator('.quick-input-widget input').fill(`:${line}:10`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await palette(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Action item' }).first();
  await hover.waitFor();
  const text = await hover.evaluate((el) => el.innerText);
  const count = (re) => (text.match(re) ?? []).length;
  for (const rule of ['action-item-owner', 'action-item-due-date', 'action-item-priority', 'action-item-vague']) {
    assert.equal(count(new RegExp(`${rule}\\b`, 'g')), 1, `the ${rule} finding once:\n${text}`);
  }
  assert.equal(count(/'Better testing' is vague/g), 1, text);
  assert.equal(count(/Action item · open/g), 1, `one card:\n${text}`);
  for (const fact of ['Owner:', 'Due:', 'Priority:', 'Wording:']) assert.equal(count(new RegExp(fact, 'g')), 1, `${fact} once:\n${text}`);
  assert.equal(count(/\bopen\b/g), 1, `the status once, in the card's header:\n${text}`);
  assert.equal(count(/Not ready/g), 0, `no summary repeating the findings above the card:\n${text}`);
  await page.keyboard.press('Escape');
});

test('Ctrl+. on a vague item lists the fixes, one "Disable … for this line" and one "… for this file"', async () => {
  const line = lineOf(REL, /^- \[ \] Better testing$/);
  const entries = await quickFixMenu(page, line, /^Set due date/);
  console.log(`# Ctrl+. on "Better testing" (line ${line}):\n${entries.map((e) => `#   ${e}`).join('\n')}`);
  await shot(page, 'quick-fix-menu.png');
  await page.keyboard.press('Escape');
  await tidy(page);
  for (const fix of ['Set due date…', 'Assign an owner…', 'Set priority…', 'Rewrite as a specific action']) {
    assert.ok(entries.includes(fix), `"${fix}" is offered: ${JSON.stringify(entries)}`);
  }
  const rules = ['action-item-due-date', 'action-item-owner', 'action-item-priority', 'action-item-vague'];
  const disableLine = entries.filter((e) => /^Disable .* for this line/.test(e));
  const disableFile = entries.filter((e) => /^Disable .* for this file/.test(e));
  assert.equal(disableLine.length, 1, `one entry to disable this line: ${JSON.stringify(entries)}`);
  assert.equal(disableFile.length, 1, `one entry to disable for the file: ${JSON.stringify(entries)}`);
  for (const r of rules) assert.ok(disableLine[0].includes(r) && disableFile[0].includes(r), `${r} named in the disable entries`);
  assert.deepEqual(entries.filter((e) => /documentation/i.test(e)), [], 'no documentation entry per rule (the code link opens it)');
  assert.ok(entries.length <= 9, `a short menu: ${entries.length} entries: ${JSON.stringify(entries)}`);
});
