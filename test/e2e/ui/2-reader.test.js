// The reader view renders the server's model (action items table) and runs nothing from a hostile document.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, launch, openFile, palette, tidy, readerFrame, shot, WS_DIR } = require('./helpers');

let browser, page;
before(async () => ({ browser, page } = await launch()));
after(async () => { await browser?.close(); });

/** Opens a workspace file alone in its group, then its reader view. */
async function openReader(rel) {
  await openFile(page, rel);
  await palette(page, 'View: Close Other Editors in Group');
  await palette(page, 'Postmortem: Open Reader View');
}

test('the reader view renders the header card and the action items table', async () => {
  await openFile(page, 'examples/good-postmortem.md');
  await palette(page, 'Postmortem: Open Reader View');
  const frame = readerFrame(page);
  await frame.locator('#reader-title').waitFor();
  assert.match(await frame.locator('#reader-title').textContent(), /Checkout errors after a payments config push/);
  await frame.locator('.header-card').waitFor();
  const rows = frame.locator('table.action-items tr.action-item');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 4, 'four action items (the Deferred one is not an action item)');
  const done = rows.filter({ hasText: '@kenji' });
  assert.match(await done.getAttribute('class'), /\bdone\b/, 'the finished item is shown done');
  assert.doesNotMatch(await rows.filter({ hasText: '@amara' }).getAttribute('class'), /no-owner|no-date|overdue/);
  await frame.locator('.glossary').waitFor();
  assert.match(await frame.locator('.glossary').textContent(), /SLO/);
  await tidy(page);
  await shot(page, 'reader-view.png');
});

test('the reader view marks items without owner and date', async () => {
  await openReader('postmortems/checkout.md');
  const frame = readerFrame(page);
  await frame.locator('#reader-title', { hasText: 'Checkout errors after a config push' }).waitFor();
  const row = (text) => frame.locator('table.action-items tr.action-item', { hasText: text });
  await row('canary stage').waitFor();
  assert.match(await row('canary stage').getAttribute('class'), /\bno-owner\b/);
  assert.match(await row('db.pool.max').getAttribute('class'), /\bno-date\b/, "'next sprint' is not a date");
  assert.doesNotMatch(await row('db.pool.max').getAttribute('class'), /\bno-owner\b/);
  assert.doesNotMatch(await row('Better testing').getAttribute('class'), /\bno-(owner|date)\b/);
  await frame.locator('.context-gaps').waitFor();
});

test('the reader view follows a .postmortemrc change: a rule turned off leaves the context gaps', async () => {
  await openReader('postmortems/missing-timeline.md');
  const frame = readerFrame(page);
  await frame.locator('#reader-title', { hasText: 'Search latency spike' }).waitFor();
  const gap = frame.locator('li.context-gap[data-rule="missing-section"]');
  await gap.waitFor();
  assert.match(await gap.textContent(), /No 'Timeline' section/);
  const rc = path.join(WS_DIR, 'postmortems', '.postmortemrc.json');
  try {
    // the document's text does not change: only the findings do, and the reader view must show that
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'missing-section': 'off' } }));
    await gap.waitFor({ state: 'detached' });
    await frame.locator('#context-gaps').waitFor();
    assert.equal(await gap.count(), 0, 'the missing Timeline is no longer listed');
    assert.doesNotMatch(await frame.locator('#context-gaps').textContent(), /No 'Timeline' section/);
  } finally {
    fs.rmSync(rc, { force: true });
  }
  await gap.waitFor();
});

test('a hostile document runs nothing in the reader view, and its text is still shown', async () => {
  await openReader('postmortems/hostile.md');
  const frame = readerFrame(page);
  await frame.locator('#reader-title', { hasText: 'Hostile markup test' }).waitFor();
  await frame.getByText('Customers saw checkout errors for 12 minutes.').first().waitFor();
  await frame.locator('tr.action-item', { hasText: 'Alert when checkout errors exceed 2% for 5 minutes' }).waitFor();
  const link = frame.getByText('runbook', { exact: true }).first();
  await link.waitFor();
  // give a javascript: href every chance: click the link text and hover where the div was
  await link.click();
  const webview = await (await frame.locator('#reader-title').elementHandle()).ownerFrame();
  const dom = await webview.evaluate(() => ({
    marker: window.__pm_pwned,
    title: document.title,
    // VS Code injects its own acquireVsCodeApi script (#_vscodeApiScript); every other script must carry the nonce
    unsafeScripts: [...document.querySelectorAll('script')].filter((s) => s.id !== '_vscodeApiScript' && !s.nonce).map((s) => s.outerHTML.slice(0, 200)),
    hostileText: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__pm_pwned')).length,
    handlers: [...document.querySelectorAll('body *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    jsLinks: [...document.querySelectorAll('[href],[src]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || '')).length,
    iframes: document.querySelectorAll('iframe, img[src="x"]').length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') || '',
  }));
  assert.equal(dom.marker, undefined, 'no hostile script ran in the webview');
  assert.notEqual(dom.title, 'pwned');
  assert.deepEqual(dom.unsafeScripts, [], 'no script without the nonce reached the DOM');
  assert.equal(dom.hostileText, 0, 'the hostile script is not in the DOM at all');
  assert.equal(dom.handlers, 0, 'no event-handler attribute reached the DOM');
  assert.equal(dom.jsLinks, 0, 'no javascript: URL reached the DOM');
  assert.equal(dom.iframes, 0, 'no iframe or hostile img reached the DOM');
  assert.match(dom.csp, /default-src 'none'/);
  // and not in any other frame of the workbench either
  for (const f of page.frames()) {
    const m = await f.evaluate(() => window.__pm_pwned).catch(() => undefined);
    assert.equal(m, undefined, `no marker in frame ${f.url().slice(0, 80)}`);
  }
});
