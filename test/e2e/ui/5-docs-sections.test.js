// The installed extension's page shows the README with its screenshots; "Insert Section…" leaves a blank line
// before the heading it inserts.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, MOD, WS_DIR, untilFile, closeAll, launch, openFile, palette, gotoLine, tidy, shot } = require('./helpers');

let browser, page;
before(async () => ({ browser, page } = await launch()));
after(async () => { await browser?.close(); });

test('the Extensions page of the installed VSIX shows the README screenshots', async () => {
  await page.keyboard.press(`${MOD}+Shift+X`); // offline, the view lists what is installed
  const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Postmortem Lint' }).first();
  await item.waitFor();
  await item.click();
  await page.locator('.extension-editor .name', { hasText: 'Postmortem Lint' }).waitFor();
  const readme = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const imgs = readme.locator('img');
  await imgs.first().waitFor();
  const frame = await (await imgs.first().elementHandle()).ownerFrame();
  // wait until every image has either loaded or failed
  await frame.waitForFunction(() => [...document.images].every((i) => i.complete));
  const state = await frame.evaluate(() => [...document.images].map((i) => ({ src: i.getAttribute('src').slice(0, 80), w: i.naturalWidth })));
  assert.ok(state.length >= 4, `the README has its screenshots: ${JSON.stringify(state)}`);
  for (const s of state) assert.ok(s.w > 0, `image shows: ${JSON.stringify(s)}`);
  const links = await frame.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
  assert.deepEqual(links.filter((h) => /example\.invalid/.test(h)), [], 'no link to a placeholder domain');
  await tidy(page);
  await imgs.first().scrollIntoViewIfNeeded();
  await shot(page, 'extension-page.png');
  await closeAll(page);
});

test('"Insert Section…" on the empty line under a list leaves a blank line before the heading', async () => {
  await closeAll(page);
  const rel = 'postmortems/sections.md';
  const file = path.join(WS_DIR, rel);
  fs.writeFileSync(file, [
    '# Postmortem: cache stampede on 2026-11-20', '', '## Summary', '', 'On 2026-11-20 the product cache expired at once.', '',
    '## Contributing causes', '', '- Every key had the same TTL.', '', '## Action items', '', '- [ ] Add jitter to the TTL — @dana, due 2026-12-20', '',
  ].join('\n'));
  await openFile(page, rel);
  await gotoLine(page, 10); // the empty line between the list and "## Action items"
  await palette(page, 'Postmortem: Insert Section…');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('Detection');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Detection' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.view-line', { hasText: /^##\s+Detection/ }).waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+S`);
  const text = await untilFile(file, (t) => t.includes('## Detection'));
  const lines = text.split('\n');
  const at = lines.indexOf('## Detection');
  assert.ok(at > 0, text);
  assert.equal(lines[at - 1], '', `a blank line before the heading:\n${lines.slice(at - 3, at + 2).join('\n')}`);
  assert.equal(lines[at - 2], '- Every key had the same TTL.');
  const next = lines.indexOf('## Action items');
  assert.equal(lines[next - 1], '', 'and one before the next heading');
  assert.notEqual(lines[next - 2], '', 'not two');
});
