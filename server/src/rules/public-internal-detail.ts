// public-internal-detail: a postmortem for the public must not leak what only insiders should see: internal host
// names and domains, private IP addresses, links into chat and internal tools, people's @handles, internal ticket
// keys. They help no outside reader, map the internal network for an attacker, and put a colleague's name on an
// incident in public. Each is reported with a fix that replaces it by a neutral phrase.
import type { Fix, Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { blankSpans } from '../model/facts';

interface Options {
  /** Audiences the rule applies to (front matter `audience`). */
  audiences: string[];
  /** Extra internal host or domain patterns (regular expressions), e.g. "\\.acme-prod\\.net\\b". */
  internalHosts: string[];
  /** Report ticket keys such as PAY-881. */
  ticketKeys: boolean;
}

type Kind = 'host' | 'ip' | 'chat' | 'handle' | 'ticket';

const NEUTRAL: Record<Kind, string> = {
  host: 'an internal service',
  ip: 'an internal address',
  chat: 'our incident channel',
  handle: 'an engineer',
  ticket: 'an internal ticket',
};
const WHAT: Record<Kind, string> = {
  host: 'internal host name',
  ip: 'private IP address',
  chat: 'internal chat link',
  handle: '@handle',
  ticket: 'internal ticket key',
};

/** Runs of host-name characters, each read once (a nested `(label\.)+` expression re-reads a long run from every dot). */
const HOST_RUN = /(?<!\w)[a-z0-9][a-z0-9.-]*/gi;
/** Internal top-level names inside a run: the host name is the run up to the last one (db1.corp in db1.corp.example.com). */
const INTERNAL_TLD = /\.(?:internal|corp|local|lan|intranet|intra|priv|private|home\.arpa)(?!\w)/gi;
const PRIVATE_IP =
  /(?<![\d.])(?:10\.\d{1,3}\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}|169\.254\.\d{1,3}\.\d{1,3}|fd[0-9a-f]{2}:[0-9a-f:]+)(?:\/\d{1,2})?(?![\d.])/gi;
const CHAT = /https?:\/\/(?:[a-z0-9-]+\.)?(?:slack\.com|teams\.microsoft\.com|zoom\.us\/j|meet\.google\.com|[a-z0-9-]+\.atlassian\.net|[a-z0-9-]+\.pagerduty\.com|[a-z0-9-]+\.zendesk\.com|[a-z0-9-]+\.lightning\.force\.com|discord(?:app)?\.com\/channels)[^\s)>\]|]*/gi;
/** @alice, @josé.garcía; not an npm scope (@posthog/ai) or a version pin (pkg@1.2.3). */
const HANDLE = /(?<![\p{L}\p{N}._%+/-])@\p{L}[\p{L}\p{N}._-]*[\p{L}\p{N}](?![\p{L}\p{N}]*\/)/gu;
/** Jira-style keys, letters only before the dash (PAY-881); not document ids such as PM2019-009. */
const TICKET = /(?<![\p{L}\p{N}-])[A-Z]{2,10}-\d{1,6}(?![\p{L}\p{N}-])/gu;
/** Upper-case words with a number that are not tickets: standards, CVEs, models. */
const NOT_TICKET = /^(?:CVE|ISO|RFC|UTF|SHA|MD|COVID|SEV|GPT|TLS|SSL|HTTP|IPV|AES|RSA|IEC|EN|PCI|SOC|GDPR|ASCII|X|UTC|GMT|CET|CEST|EST|EDT|PST|PDT|IST|JST|AEST)-/;

const rule: Rule<Options> = {
  id: 'public-internal-detail',
  description: 'A public postmortem leaks no internal host names, private IPs, chat links, @handles or ticket keys.',
  defaultSeverity: 'warning',
  defaultOptions: { audiences: ['public'], internalHosts: [], ticketKeys: true },
  optionsSchema: {
    type: 'object',
    properties: {
      audiences: { type: 'array', items: { type: 'string' }, description: 'Audiences (front matter `audience`) the rule applies to.' },
      internalHosts: {
        type: 'array',
        items: { type: 'string' },
        description: 'Extra internal host or domain patterns (regular expressions), e.g. "\\\\.acme-prod\\\\.net\\\\b".',
      },
      ticketKeys: { type: 'boolean', description: 'Report internal ticket keys such as PAY-881.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const audiences = (ctx.options.audiences ?? []).map((a) => String(a).toLowerCase());
    if (!model.audience || !audiences.includes(model.audience)) return;
    // everything a reader of the published page could see, code included; not the front matter or HTML comments
    const hidden: [number, number][] = [];
    if (model.frontMatter) hidden.push([model.frontMatter.range.start.offset, model.frontMatter.range.end.offset]);
    for (const r of model.opaqueRanges) if (model.text.startsWith('<!--', r.start.offset)) hidden.push([r.start.offset, r.end.offset]);
    const text = blankSpans(model.text, hidden);

    const hits: { start: number; end: number; kind: Kind }[] = [];
    const add = (re: RegExp, kind: Kind) => {
      for (const m of text.matchAll(re)) hits.push({ start: m.index, end: m.index + m[0].length, kind });
    };
    add(CHAT, 'chat');
    for (const m of text.matchAll(HOST_RUN)) {
      // the last internal name in the run: mailq-1.corp.acme.internal is one host
      let end = -1;
      for (const tld of m[0].matchAll(INTERNAL_TLD)) end = tld.index + tld[0].length;
      if (end > 0) hits.push({ start: m.index, end: m.index + end, kind: 'host' });
    }
    for (const p of ctx.options.internalHosts ?? []) {
      try {
        add(new RegExp(p, 'gi'), 'host');
      } catch {
        // a broken pattern in the configuration is skipped, not a crash
      }
    }
    add(PRIVATE_IP, 'ip');
    add(HANDLE, 'handle');
    if (ctx.options.ticketKeys !== false) {
      for (const m of text.matchAll(TICKET)) if (!NOT_TICKET.test(m[0])) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'ticket' });
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let last = -1;
    for (const h of hits) {
      if (h.start < last || h.end <= h.start) continue; // inside a longer hit (a host inside a chat link)
      // an e-mail address's domain ("help@example.com") is not a handle
      if (h.kind === 'handle' && /[\p{L}\p{N}]$/u.test(text.slice(Math.max(0, h.start - 1), h.start))) continue;
      last = h.end;
      const found = model.text.slice(h.start, h.end);
      const range = rangeOf(model.lines, h.start, h.end);
      // a markdown link around it: replace the whole link by its text
      const linkAround = /\[([^\]\n]*)\]\($/.exec(model.text.slice(Math.max(0, h.start - 200), h.start));
      const fix: Fix =
        linkAround && model.text[h.end] === ')'
          ? {
              title: `Remove the link, keep its text '${linkAround[1]}'`,
              edits: [{ range: rangeOf(model.lines, h.start - linkAround[0].length, h.end + 1), newText: linkAround[1] }],
              safe: false,
              preferred: true,
            }
          : {
              title: `Replace '${found.length > 40 ? found.slice(0, 39) + '…' : found}' with '${NEUTRAL[h.kind]}'`,
              edits: [{ range, newText: NEUTRAL[h.kind] }],
              safe: false,
              preferred: true,
            };
      ctx.report({
        range,
        message: `A public postmortem shows an ${WHAT[h.kind]}: remove it or use a neutral phrase.`.replace('an @', 'a @').replace('an private', 'a private'),
        fixes: () => [fix],
      });
    }
  },
};

export default rule;
