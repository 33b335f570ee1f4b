// The HTML export of a hostile postmortem, opened in a real Chromium (playwright-core, /usr/bin/chromium): no script
// runs, no request leaves the page, remote images stay unloaded (a placeholder says so) unless the user opts in, and
// all of that holds even with the Content-Security-Policy stripped (the sanitiser alone), except the opt-in image.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { renderStandaloneHtml } from '../../server/src/reader/render';

const TRACKER = 'tracker.invalid';
const HOSTILE = `---
type: postmortem
title: Hostile <script>document.title='PWNED'</script>
---
# Outage <img src=x onerror="window.__pwned='heading'">

## Summary

<script>window.__pwned = 'script'</script>
<img src="https://${TRACKER}/raw.png" onerror="window.__pwned='onerror'">
<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>
<iframe src="https://${TRACKER}/frame" onload="window.__pwned='iframe'"></iframe>
<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>
<div style="background: url(https://${TRACKER}/css.png)">styled</div>
<style>@import url(https://${TRACKER}/import.css); body { background: url(https://${TRACKER}/body.png) }</style>
<link rel="stylesheet" href="https://${TRACKER}/link.css">
<meta http-equiv="refresh" content="0; url=https://${TRACKER}/refresh">
<object data="https://${TRACKER}/object"></object><embed src="https://${TRACKER}/embed">
<form action="https://${TRACKER}/form"><input type="image" src="https://${TRACKER}/input.png"></form>
<a href="javascript:window.__pwned='a'">js link</a> <a href="vbscript:msgbox(1)">vb</a>

Links: [js](javascript:window.__pwned='md') [data](data:text/html,<script>parent.__pwned='data'</script>)
[cmd](command:workbench.action.terminal.new) [vscode](vscode://settings) [file](file:///etc/passwd)

Tracking pixel: ![pixel](https://${TRACKER}/pixel.png) and ![proto-relative](//${TRACKER}/p.png)
and ![plain http](http://${TRACKER}/http.png) and ![js](javascript:window.__pwned='img').

## Impact

Everyone. <details open ontoggle="window.__pwned='details'"><summary>x</summary>y</details>

## Action items

- [ ] Remove the <img src="https://${TRACKER}/item.png" onerror="window.__pwned='item'"> pixel — @alice, due 2026-04-01, P1
- [ ] [Click](javascript:window.__pwned='item-link') and ![](https://${TRACKER}/item-md.png) — @bob, due 2026-04-02, P2
`;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

let browser: Browser;
let dir: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-xss-'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens `html` from a file:// URL; returns every request other than the page itself, and what scripts left behind. */
async function open(html: string, name: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, html);
  const page = await browser.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // let every frame, image and style attempt settle
  await page.waitForLoadState('networkidle');
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: string }).__pwned,
    title: document.title,
    frames: document.querySelectorAll('iframe, object, embed, script, svg, form').length,
    remoteImgs: Array.from(document.querySelectorAll('img')).map((i) => i.getAttribute('src')).filter((s) => s && !s.startsWith('data:')),
    placeholders: Array.from(document.querySelectorAll('.remote-image')).map((e) => e.textContent),
    hrefs: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')),
  }));
  await page.close();
  return { requests, dialogs, ...state };
}

describe('the HTML export in Chromium', () => {
  test('a hostile document: no script runs, no request leaves the page, remote images are placeholders', async () => {
    const html = renderStandaloneHtml(HOSTILE, { today: '2026-03-01' });
    assert.match(html, /img-src data:;|img-src data:"/, 'the CSP allows no remote image');
    const strippedCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.notEqual(strippedCsp, html);
    for (const [name, page] of [['with-csp.html', html], ['without-csp.html', strippedCsp]] as const) {
      const r = await open(page, name);
      assert.equal(r.pwned, undefined, `${name}: a script ran`);
      assert.deepEqual(r.dialogs, [], name);
      assert.notEqual(r.title, 'PWNED', name);
      assert.match(r.title, /^Hostile/, `${name}: the title is shown as text`);
      assert.equal(r.frames, 0, `${name}: no iframe, object, embed, script, svg or form survives`);
      assert.deepEqual(r.requests, [], `${name}: requests left the page`);
      assert.deepEqual(r.remoteImgs, [], name);
      assert.ok(r.placeholders.length >= 4, `${name}: placeholders ${JSON.stringify(r.placeholders)}`);
      assert.ok(r.placeholders.every((p) => p?.includes(TRACKER)), 'the placeholder names where the image would come from');
      for (const href of r.hrefs) assert.match(href ?? '', /^(https?:|mailto:|#)|^[^:]*$/, `${name}: unsafe link ${href}`);
    }
  });

  test('with remote images allowed (--remote-images), the image loads and nothing else changes', async () => {
    const html = renderStandaloneHtml(HOSTILE, { today: '2026-03-01', remoteImages: true });
    const r = await open(html, 'opt-in.html');
    assert.equal(r.pwned, undefined);
    assert.ok(r.requests.some((u) => u === `https://${TRACKER}/pixel.png`), JSON.stringify(r.requests));
    assert.ok(r.requests.every((u) => /\.png$/.test(u)), `only images were requested: ${JSON.stringify(r.requests)}`);
    assert.deepEqual(r.placeholders, []);
  });
});
