// The reader view's HTML, for the webview (strict CSP with a nonce, external CSS and script) and for the export
// (self-contained: inline CSS, no script at all). Pure. Every string from the document is escaped here; the only
// markup from the document is the sanitised HTML the reader model carries.
import type { Config } from '../model/types';
import { lint, localToday } from '../lint/lint';
import { isIsoDay } from '../model/dates';
import type { ReaderImpactFigure, ReaderModel } from '../protocol';
import { buildReaderModel } from './model';
import { READER_CSS } from './styles';
import { escapeHtml, lineLink, makeNonce, plural } from './markup';
import { actionItemsSection } from './render-items';

export { escapeHtml, makeNonce } from './markup';

export interface RenderOptions {
  /** Self-contained page: inline CSS, no script, links to lines rendered as text. */
  standalone: boolean;
  /** Script nonce for the webview (generated when missing). */
  nonce?: string;
  /** `webview.cspSource`. */
  cspSource?: string;
  /** `asWebviewUri(dist/media/reader.js)`. */
  scriptUri?: string;
  /** `asWebviewUri(media/reader.css)`. */
  styleUri?: string;
  /** Let the page load images from other hosts (https:); the model must have been built with remoteImages too. */
  remoteImages?: boolean;
}

/** A nonce goes into the CSP and an attribute: anything but base64-like text is replaced by a fresh one. */
function safeNonce(nonce: string | undefined): string {
  return typeof nonce === 'string' && /^[A-Za-z0-9+/=_-]{1,256}$/.test(nonce) ? nonce : makeNonce();
}

function fact(cls: string, label: string, value: string | undefined, extra = ''): string {
  if (!value) return '';
  return `<div class="fact ${cls}"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}${extra}</dd></div>`;
}

function countsLine(m: ReaderModel): string {
  const c = m.counts;
  if (!c.total && !c.deferred) return '';
  const parts = [plural(c.total, 'action item'), `${c.open} open`];
  if (c.done) parts.push(`${c.done} done`);
  if (c.noOwner) parts.push(`${c.noOwner} without owner`);
  if (c.noDate) parts.push(`${c.noDate} without a date`);
  if (c.overdue) parts.push(`${c.overdue} overdue`);
  // deferred items are not among the total ("4 action items · 3 open · 1 done"): said so, as the status bar says it
  if (c.deferred) parts.push(`${c.deferred} deferred, not counted`);
  return `<p class="item-counts">${escapeHtml(parts.join(' · '))}</p>`;
}

/** The figure in bold inside the words the writer put around it. */
function impactLine(f: ReaderImpactFigure): string {
  const at = f.context.indexOf(f.text);
  const inner = at < 0
    ? escapeHtml(f.context || f.text)
    : `${escapeHtml(f.context.slice(0, at))}<strong>${escapeHtml(f.text)}</strong>${escapeHtml(f.context.slice(at + f.text.length))}`;
  return `<li class="impact-figure" data-figure="${escapeHtml(f.text)}">${inner}</li>`;
}

function headerCard(m: ReaderModel): string {
  const h = m.header;
  const duration = h.duration
    ? fact('fact-duration', 'Duration', h.duration.label, `<span class="source">${escapeHtml(h.duration.source)}</span>`)
    : '';
  const facts = [
    fact('fact-date', 'Incident date', h.date),
    fact('fact-severity', 'Severity', h.severity),
    fact('fact-status', 'Status', h.status),
    duration,
    fact('fact-audience', 'Audience', h.audience),
  ].join('');
  const impact = h.impact.length
    ? `<ul class="impact-figures" aria-label="Impact">${h.impact.map(impactLine).join('')}</ul>`
    : '';
  return (
    `<header class="header-card" id="header-card"><h1 id="reader-title">${escapeHtml(m.title)}</h1>` +
    (facts ? `<dl class="facts">${facts}</dl>` : '') +
    impact +
    countsLine(m) +
    `</header>`
  );
}

function whatHappened(m: ReaderModel): string {
  if (!m.summaryHtml && !m.causesHtml) return '';
  return (
    `<section class="what-happened" id="what-happened"><h2>What happened and why</h2>` +
    (m.summaryHtml ? `<div class="summary markdown-body">${m.summaryHtml}</div>` : '<p class="empty">No summary section.</p>') +
    (m.causesHtml
      ? `<h3>Contributing causes</h3><div class="causes markdown-body">${m.causesHtml}</div>`
      : '<p class="empty">No contributing causes section: a reader cannot tell why this happened.</p>') +
    `</section>`
  );
}

function contextGapsSection(m: ReaderModel, standalone: boolean): string {
  const items = m.contextGaps
    .map((g) => `<li class="context-gap" data-rule="${escapeHtml(g.ruleId)}">${lineLink(g.location, standalone)} ${escapeHtml(g.message)} <span class="rule">${escapeHtml(g.ruleId)}</span></li>`)
    .join('');
  const more = m.moreGaps ? `<p class="muted">…and ${escapeHtml(plural(m.moreGaps, 'more gap'))}: see the Problems panel.</p>` : '';
  const body = items ? `<ul>${items}</ul>${more}` : '<p class="empty">None found: a reader a year from now should be able to follow this.</p>';
  return `<section class="context-gaps" id="context-gaps"><h2>Context gaps</h2><p class="muted">What a reader who joins a year from now would miss.</p>${body}</section>`;
}

function glossarySection(m: ReaderModel, standalone: boolean): string {
  if (!m.glossary.length) return '';
  const rows = m.glossary
    .map((g) => {
      const def = g.expansion
        ? `<dd class="glossary-expansion${g.source === 'common' ? ' common' : ''}">${escapeHtml(g.expansion)}${g.source === 'common' ? ' <span class="muted">(common meaning; the document does not expand it)</span>' : ''}</dd>`
        : `<dd class="missing">not expanded in the document${g.location ? ' · ' + lineLink(g.location, standalone, `first used on line ${g.location.line + 1}`) : ''}</dd>`;
      return `<dt class="glossary-term">${escapeHtml(g.term)}</dt>${def}`;
    })
    .join('');
  return `<section class="glossary" id="glossary"><h2>Glossary</h2><dl>${rows}</dl></section>`;
}

const AUDIENCE_LABELS: Record<string, string> = { internal: 'Internal', business: 'Business', public: 'Public' };
const AUDIENCE_INTRO: Record<string, string> = {
  internal: 'The team reads the document as written: internal details are fine here.',
  business: 'Colleagues outside engineering: the impact in their terms (customers, orders, revenue, tickets).',
  public: 'Customers and the world: what happened, the impact on them and what changes, with nothing internal.',
};
const MAX_AUDIENCE_FINDINGS = 12;

/**
 * The radio buttons of the audience switch: first in the page so that CSS alone (`:checked ~ …`) shows the chosen
 * audience's panel and highlights what would leak in the document below: no script, so the export has it too.
 */
function audienceRadios(m: ReaderModel): string {
  if (!m.audiences.length) return '';
  const own = m.audiences.some((a) => a.audience === m.header.audience) ? m.header.audience : 'internal';
  return m.audiences
    .map(
      (a) =>
        `<input type="radio" class="audience-radio" name="pm-audience" id="audience-${a.audience}" value="${a.audience}"` +
        `${a.audience === own ? ' checked' : ''} aria-label="Read as ${escapeHtml(AUDIENCE_LABELS[a.audience])}">`,
    )
    .join('');
}

function audienceSection(m: ReaderModel, standalone: boolean): string {
  if (!m.audiences.length) return '';
  const labels = m.audiences
    .map((a) => {
      const n = a.findings.length;
      return `<label for="audience-${a.audience}" class="audience-choice">${escapeHtml(AUDIENCE_LABELS[a.audience])}${n ? ` <span class="count">${n}</span>` : ''}</label>`;
    })
    .join('');
  const panels = m.audiences
    .map((a) => {
      const own = a.audience === m.header.audience ? ' <span class="muted">(this document’s audience)</span>' : '';
      const leaks = a.leaks
        ? `<p class="leak-summary">${escapeHtml(plural(a.leaks, 'internal detail'))} would leak: highlighted in the full document below.</p>`
        : '';
      const items = a.findings
        .slice(0, MAX_AUDIENCE_FINDINGS)
        .map((f) => `<li class="audience-finding" data-rule="${escapeHtml(f.ruleId)}">${lineLink(f.location, standalone)} ${escapeHtml(f.message)}</li>`)
        .join('');
      const more = a.findings.length > MAX_AUDIENCE_FINDINGS ? `<p class="muted">…and ${escapeHtml(a.findings.length - MAX_AUDIENCE_FINDINGS)} more.</p>` : '';
      const body = items ? `<ul>${items}</ul>${more}` : '<p class="ok">Nothing to change for this audience.</p>';
      return `<div class="audience-panel panel-${a.audience}" data-audience="${a.audience}"><p class="muted">${escapeHtml(AUDIENCE_INTRO[a.audience])}${own}</p>${leaks}${body}</div>`;
    })
    .join('');
  return `<section class="audience" id="audience"><h2>Who reads this</h2><div class="audience-switch" role="group" aria-label="Read as">${labels}</div>${panels}</section>`;
}

/** The inner HTML of `#reader-root`: what the webview swaps in on every update. */
export function renderReaderBody(m: ReaderModel, options: Pick<RenderOptions, 'standalone'> = { standalone: false }): string {
  const standalone = options.standalone;
  const doc = `<section class="document" id="document"><h2>Full document</h2><article class="markdown-body">${m.documentHtml}</article></section>`;
  if (!m.isPostmortem && m.ignored) {
    return (
      `<header class="header-card" id="header-card"><h1 id="reader-title">${escapeHtml(m.title)}</h1></header>` +
      `<p class="note not-postmortem">This file matches an <code>ignore</code> glob (in <code>.postmortemrc</code> or the ` +
      `<code>postmortemLint.ignore</code> setting), so this is a plain preview and it gets no findings.</p>` +
      doc
    );
  }
  if (!m.isPostmortem) {
    return (
      `<header class="header-card" id="header-card"><h1 id="reader-title">${escapeHtml(m.title)}</h1></header>` +
      `<p class="note not-postmortem">This document does not look like a postmortem, so this is a plain preview and it gets no findings. ` +
      `A document counts as a postmortem when its front matter says <code>type: postmortem</code>, its path matches the postmortem globs, ` +
      `or it has at least two of the canonical sections (Summary, Impact, Timeline, Contributing causes, Action items…).</p>` +
      doc
    );
  }
  return [
    audienceRadios(m),
    headerCard(m),
    audienceSection(m, standalone),
    whatHappened(m),
    actionItemsSection(m, standalone),
    contextGapsSection(m, standalone),
    glossarySection(m, standalone),
    doc,
  ].join('');
}

/**
 * The whole page. Webview: CSP with a script nonce, CSS and script from the extension. Standalone: inline CSS, no script.
 * `body` is `renderReaderBody(m, options)` when the caller already has it (the LSP answers with both).
 */
export function renderReaderHtml(m: ReaderModel, options: RenderOptions, body = renderReaderBody(m, options)): string {
  const title = escapeHtml(m.title);
  if (options.standalone) {
    // Remote images stay unloaded unless asked for (a tracking pixel in the document would phone home on opening).
    const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:${options.remoteImages ? ' https:' : ''}`;
    return (
      `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta name="generator" content="postmortem-lint">` +
      `<title>${title}</title><style>${READER_CSS}</style></head>` +
      `<body class="pm-reader standalone"><main id="reader-root">${body}</main>` +
      `<footer class="reader-footer">Rendered by postmortem-lint's reader view.</footer></body></html>\n`
    );
  }
  const nonce = safeNonce(options.nonce);
  const src = options.cspSource ?? "'self'";
  const csp = [`default-src 'none'`, `img-src ${src} data:${options.remoteImages ? ' https:' : ''}`, `style-src ${src}`, `font-src ${src}`, `script-src 'nonce-${nonce}'`].join('; ');
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    (options.styleUri ? `<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">` : '') +
    `<title>${title}</title></head>` +
    `<body class="pm-reader"><main id="reader-root" data-uri="${escapeHtml(m.uri)}" data-version="${escapeHtml(m.version)}">${body}</main>` +
    (options.scriptUri ? `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>` : '') +
    `</body></html>\n`
  );
}

/** Lint + reader model + standalone page for a markdown text: the HTML export and `postmortem-lint render`. */
export function renderStandaloneHtml(
  text: string,
  options: {
    filePath?: string;
    /** The folder the config's postmortem globs are relative to (the .postmortemrc's folder), as `lint` takes it. */
    rootDir?: string;
    today?: string;
    config?: Config;
    all?: boolean;
    /** Load remote images in the page (CLI render --remote-images); default: placeholders, CSP without https:. */
    remoteImages?: boolean;
  } = {},
): string {
  const today = isIsoDay(options.today) ? options.today : localToday();
  const result = lint(typeof text === 'string' ? text : String(text ?? ''), {
    filePath: options.filePath,
    rootDir: options.rootDir,
    config: options.config,
    today,
    all: options.all,
  });
  const fileName = options.filePath?.split(/[\\/]/).pop();
  const model = buildReaderModel(result, { today, fileName, remoteImages: options.remoteImages === true });
  return renderReaderHtml(model, { standalone: true, remoteImages: options.remoteImages === true });
}
