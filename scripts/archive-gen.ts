// A realistic postmortem archive for benchmarks: N postmortems of 2–8 KB over three years, written the ways teams
// write them (checkbox lists, tables, numbered lists, bold-label items, pages without front matter whose sections
// make them postmortems), in dated folders, next to the READMEs and runbooks that sit in a docs repository, a
// template that `ignore` leaves out, and a node_modules folder that is never read. Deterministic for a given seed.
// Usage: node --import tsx scripts/archive-gen.ts <folder> [count=10000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout', 'payments', 'search', 'auth', 'email', 'billing', 'ingest', 'dns', 'cdn', 'queue', 'api-gateway', 'warehouse'];
const CAUSES = ['a config push', 'a full disk', 'an expired certificate', 'a bad deploy', 'a DNS change', 'a runaway cron job', 'a schema migration', 'a dependency upgrade'];
const OWNERS = ['@alice', '@bob', '@chen.wei', '@dana', '@erin', '@frank', '@sre-team', '@payments-oncall', 'Rafael', '', '', 'TBD'];
const ACTIONS = [
  'Alert when p99 latency exceeds 1 s for 5 minutes',
  'Add a canary stage to the deploy pipeline with automatic rollback on 5xx > 1%',
  'Raise the connection pool limit from 50 to 200 and load-test it',
  'Document the failover runbook',
  'Renew certificates automatically 30 days before expiry',
  'Fail config validation when a required key is missing',
  'Add a dashboard for queue age per consumer',
  'Better testing',
  'Improve monitoring',
  'Investigate further',
  'Page the owning team when the error budget burn rate exceeds 10×',
  'Move the cron job to the batch cluster with a concurrency limit',
  'Write a post-deploy smoke test for the login flow',
];
const SENTENCES = [
  'Requests failed with HTTP 503 for 42 minutes, affecting about 12,000 customers.',
  'The on-call engineer was paged by the error-rate alert and rolled back the change.',
  'The dashboard showed the saturation an hour before the outage, but nobody was watching it.',
  'The change had been reviewed, but the review did not show the rendered configuration.',
  'We restored service by failing over to the secondary region.',
  'The incident used 60% of the monthly error budget for the service.',
  'Support received 340 tickets during the incident window.',
];

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

export function generateArchive(dir: string, count: number, seed = 7): { postmortems: number; otherFiles: number; bytes: number } {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const para = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  let bytes = 0;
  let otherFiles = 0;
  const write = (rel: string, text: string) => {
    const abs = join(dir, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    bytes += text.length;
  };

  for (let n = 0; n < count; n++) {
    const t = start + Math.floor((n / count) * span + rnd() * DAY * 20);
    const date = iso(t);
    const service = pick(SERVICES);
    const title = `${service} outage after ${pick(CAUSES)}`;
    const style = rnd();
    const items = 2 + Math.floor(rnd() * 6);
    // teams get better at owners and dates over time
    const care = 0.4 + 0.5 * (n / count);
    const owner = () => (rnd() < care ? pick(OWNERS.filter(Boolean)) : pick(OWNERS));
    const due = () => (rnd() < care ? iso(t + (7 + Math.floor(rnd() * 120)) * DAY) : pick(['next sprint', 'ASAP', 'Q3', '', iso(t + 30 * DAY)]));
    const status = () => (rnd() < 0.45 ? 'done' : 'open');
    const lines: string[] = [];
    const frontMatter = style < 0.85;
    if (frontMatter) lines.push('---', `title: ${title}`, `date: ${date}`, `severity: SEV${1 + Math.floor(rnd() * 3)}`, 'type: postmortem', '---', '');
    lines.push(`# ${title}`, '', '## Summary', '', para(3), '', '## Impact', '', para(2), '', '## Timeline (UTC)', '');
    for (let i = 0; i < 6 + Math.floor(rnd() * 10); i++) lines.push(`- ${String(8 + i).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')} ${pick(SENTENCES)}`);
    lines.push('', '## Contributing causes', '', para(4), '', '## Action items', '');
    if (style < 0.35) {
      for (let i = 0; i < items; i++) {
        const o = owner();
        const d = due();
        lines.push(`- [${status() === 'done' ? 'x' : ' '}] ${pick(ACTIONS)}${o ? ` — ${o}` : ''}${d ? `, due ${d}` : ''}${rnd() < 0.6 ? `, P${Math.floor(rnd() * 4)}` : ''}`);
      }
    } else if (style < 0.65) {
      lines.push('| Action | Owner | Due | Priority | Status | Ticket |', '|---|---|---|---|---|---|');
      for (let i = 0; i < items; i++) lines.push(`| ${pick(ACTIONS)} | ${owner()} | ${due()} | P${Math.floor(rnd() * 4)} | ${status() === 'done' ? 'Done' : 'Open'} | ${service.toUpperCase()}-${100 + Math.floor(rnd() * 900)} |`);
    } else if (style < 0.8) {
      for (let i = 0; i < items; i++) {
        const o = owner();
        const d = due();
        lines.push(`${i + 1}. ${pick(ACTIONS)}${o ? ` (owner: ${o}` : ' ('}${d ? `; due ${d})` : ')'}`);
      }
    } else {
      lines.push('- **Prevent**:');
      for (let i = 0; i < items; i++) {
        const o = owner();
        lines.push(`  - ${pick(ACTIONS)}${o ? ` — ${o}` : ''}, due ${due() || 'TBD'}`);
      }
    }
    lines.push('', '## Lessons learned', '', para(2), '');
    const year = date.slice(0, 4);
    const folder = style < 0.5 ? `postmortems/${year}` : style < 0.8 ? `incidents/${year}` : `docs/incident-reviews`;
    write(`${folder}/${date}-${service}-${n}.md`, lines.join('\n'));

    // every 10th postmortem has a neighbour that is not one
    if (n % 10 === 0) {
      write(`docs/runbooks/${service}-${n}.md`, `# ${service} runbook\n\n## Restart\n\n${para(2)}\n\n## Next steps\n\n- [ ] Tidy this page\n`);
      otherFiles++;
    }
  }
  write('postmortems/template.md', '---\ntype: postmortem\ndate: YYYY-MM-DD\n---\n# Title\n\n## Action items\n\n- [ ] Action — @owner, due YYYY-MM-DD\n');
  write('.postmortemrc.json', '{ "ignore": ["postmortems/template.md"] }\n');
  write('node_modules/some-package/README.md', '# A vendored readme, never read\n');
  write('README.md', '# Incident archive\n\nPostmortems by year.\n');
  otherFiles += 3;
  return { postmortems: count, otherFiles, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node --import tsx scripts/archive-gen.ts <folder> [count=10000]');
    process.exit(2);
  }
  const r = generateArchive(dir, Number(n ?? 10000));
  console.log(`wrote ${r.postmortems} postmortems and ${r.otherFiles} other files (${(r.bytes / 1e6).toFixed(1)} MB) to ${dir}`);
}
