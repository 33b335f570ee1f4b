// Shared playwright-core helpers for the UI tests (one browser per test file, one code-server per run).
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const { chromium } = require('playwright-core');
const nodeTest = require('node:test').test;
const { CHROMIUM_ARGS } = require('../lib');

const CS_URL = process.env.CS_URL || 'http://127.0.0.1:18080';
const WS_DIR = process.env.WS_DIR;
const SHOT_DIR = process.env.SHOT_DIR || path.resolve(__dirname, '../../../.e2e/screenshots');
const MOD = 'Control';

/** The page of this test file's browser (one per file), for the failure report. */
let lastPage;

const consoleErrors = [];

async function launch() {
  if (!WS_DIR) throw new Error('WS_DIR is not set: run the UI tests through test/e2e/run-ui.js');
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  lastPage = page;
  // the workbench's and the webviews' console errors, for the failure report (a webview that failed to load says why)
  consoleErrors.length = 0;
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300)); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${String(e.message).slice(0, 300)}`));
  page.setDefaultTimeout(30000);
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
  // the explorer lists the workspace once the remote extension host connection is up
  await page.getByRole('treeitem', { name: 'postmortems' }).waitFor({ timeout: 120000 });
  return { browser, page };
}

/** Runs a command palette entry by its full title. */
async function palette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Closes every editor, discarding unsaved untitled ones (an earlier test file may leave a New Postmortem open). */
async function closeAll(page) {
  await palette(page, 'View: Close All Editor Groups');
  const dialog = page.locator('.monaco-dialog-box');
  const tab = page.locator('.tabs-container .tab');
  // done when no tab is left; each unsaved editor asks first (however long the workbench takes to ask)
  for (;;) {
    const next = await Promise.race([
      dialog.waitFor().then(() => 'dialog'),
      tab.first().waitFor({ state: 'detached' }).then(() => 'closed'),
    ]);
    if (next === 'closed' && !(await dialog.isVisible())) return;
    if (await dialog.isVisible()) {
      await dialog.getByRole('button', { name: /Don't Save/ }).click();
      await dialog.waitFor({ state: 'detached' });
    }
  }
}

/** Opens a workspace file with Quick Open and waits for its tab. */
async function openFile(page, rel) {
  const base = path.basename(rel);
  await page.keyboard.press(`${MOD}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(rel);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: base }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Puts the cursor on a 1-based line with Go to Line. */
async function gotoLine(page, line) {
  await page.keyboard.press(`${MOD}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Opens Ctrl+. on a 1-based line and resolves with the menu's entries once one matches `ready` (the menu stays open).
 * Right after an edit the server may still be re-linting (the menu is empty or has stale entries): close and ask again.
 */
async function quickFixMenu(page, line, ready, ms = 60000) {
  const menu = page.locator('.action-widget');
  const end = Date.now() + ms;
  await page.locator('.monaco-editor .view-lines').first().click();
  await gotoLine(page, line);
  for (;;) {
    await page.keyboard.press(`${MOD}+.`);
    const shown = await menu.locator('.monaco-list-row', { hasText: ready }).first().waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (shown) {
      const rows = await menu.locator('.monaco-list-row.action').allTextContents();
      return rows.map((r) => r.trim()).filter(Boolean);
    }
    if (Date.now() > end) throw new Error(`no quick fix matching ${ready} on line ${line} within ${ms} ms`);
    await page.keyboard.press('Escape');
  }
}

/** Ctrl+. on a line, then the entry matching `title` (moved to with the keyboard: clicking a row is flaky), then Enter. */
async function applyQuickFix(page, line, title) {
  await quickFixMenu(page, line, title);
  const row = page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
  for (let i = 0; i < 30 && !/focused/.test(await row.getAttribute('class')); i++) await page.keyboard.press('ArrowDown');
  assert.match(await row.getAttribute('class'), /focused/, `the "${title}" entry got the focus`);
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
}

/**
 * The Problems panel's rows for one file, as shown ("<message> postmortem-lint(<rule>) [Ln N, Col M]"), or undefined
 * while the panel does not render all of them (the list renders only the rows in view).
 */
async function problemsOf(page, fileName) {
  return page.evaluate((name) => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    let inFile = false;
    let count;
    const out = [];
    for (const r of rows) {
      if (r.getAttribute('aria-level') === '1') {
        inFile = (r.querySelector('.label-name')?.textContent ?? r.textContent).trim() === name;
        if (inFile) count = Number(r.querySelector('.monaco-count-badge')?.textContent);
      } else if (inFile) out.push(r.textContent.trim());
    }
    return count === out.length ? out : undefined;
  }, fileName);
}

/** Resolves with a file's Problems rows once `ok(rows)` holds (the file's rows all rendered); rejects after `ms`. */
async function untilProblems(page, fileName, ok, what, ms = 60000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await problemsOf(page, fileName);
    if (last && ok(last)) return last;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}; ${fileName} in Problems:\n  ${last ? last.join('\n  ') : '(not all rows shown)'}`);
    await page.waitForTimeout(250); // polling the visible panel: no event tells the page it changed
  }
}

/** Rows about line `line` of rule `rule` (a row reads "<message>postmortem-lint<rule>[Ln N, Col M]": the brackets around the code are CSS). */
const at = (rows, rule, line) => rows.filter((r) => r.includes(`${rule}[Ln ${line},`));

/** A quiet workbench for screenshots: no notifications, no panel unless asked. */
async function tidy(page) {
  await palette(page, 'Notifications: Clear All Notifications');
}

/** 1-based line of the first line of a workspace file matching `re`. */
function lineOf(rel, re) {
  const lines = fs.readFileSync(path.join(WS_DIR, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`${rel} has no line matching ${re}`);
  return i + 1;
}

function readerFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

async function shot(page, name) {
  const file = path.join(SHOT_DIR, name);
  await page.screenshot({ path: file });
  return file;
}

/**
 * node:test's `test`, plus a failure report: a screenshot (failed-<test>.png) and, added to the error, the open tabs
 * and the notifications on screen, so that a failure seen only in CI's log says what the workbench showed.
 */
function test(name, fn) {
  return nodeTest(name, async (t) => {
    try {
      await fn(t);
    } catch (e) {
      // in the error itself, so that run-ui.js's list of failed tests at the end of the output carries it
      const report = await reportFailure(name).catch((r) => `(no failure report: ${r.message})`);
      if (report && e instanceof Error) e.message += `\n${report}`;
      throw e;
    }
  });
}

async function reportFailure(name) {
  const page = lastPage;
  if (!page || page.isClosed()) return '';
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60).replace(/^-|-$/g, '');
  const file = await shot(page, `failed-${slug}.png`);
  const texts = (sel) => page.locator(sel).allTextContents();
  const tabs = await texts('.tabs-container .tab .label-name');
  const notes = await texts('.notifications-toasts .notification-list-item-message');
  // what each webview shows (a reader that never rendered: its placeholder, or nothing at all)
  const views = [];
  for (const f of page.frames()) {
    // a webview's content frame sits inside its host frame (the one whose address names the webview)
    if (!/webview/i.test(f.parentFrame()?.url() ?? '')) continue;
    const text = await f.evaluate(() => document.body?.innerText ?? '(no body)').catch((r) => `(unreadable: ${r.message})`);
    views.push(text.replace(/\s+/g, ' ').slice(0, 160) || '(empty)');
  }
  return `screenshot ${file}; tabs: ${JSON.stringify(tabs)}; notifications: ${JSON.stringify(notes)}; webviews: ${JSON.stringify(views)}; console errors (last 8): ${JSON.stringify(consoleErrors.slice(-8))}`;
}

/** Resolves with a file's text once `ok(text)` holds: re-read on every change event, rejects after `ms`. */
function untilFile(file, ok, ms = 15000) {
  return new Promise((resolve, reject) => {
    const check = () => { const t = fs.readFileSync(file, 'utf8'); if (ok(t)) { done(); resolve(t); } };
    const watcher = fs.watch(file, check);
    const timer = setTimeout(() => { done(); reject(new Error(`${file} did not reach the expected content in ${ms} ms`)); }, ms);
    function done() { watcher.close(); clearTimeout(timer); }
    check();
  });
}

module.exports = { test, problemsOf, untilProblems, at, quickFixMenu, applyQuickFix, untilFile, closeAll, CS_URL, WS_DIR, SHOT_DIR, MOD, launch, palette, openFile, gotoLine, tidy, lineOf, readerFrame, shot };
