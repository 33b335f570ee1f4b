// Acronyms as a fact of the model, computed once: every acronym the prose uses, where, and the expansion the
// document gives for it (inline "Service Level Objective (SLO)", "SLO (Service Level Objective)", or a Glossary
// entry). The reader view's glossary and the undefined-acronym rule both read this. Pure: reads only the model.
import type { Postmortem, Section } from './types';
import { plainProse, proseText, sectionsOf } from './facts';

/** One use of an acronym in the prose (document offsets), with what surrounds it. */
export interface AcronymUse {
  start: number;
  end: number;
  /** Written as a plural ("PRs"): `end` stops before the "s". */
  plural: boolean;
  /** In a heading line. */
  heading: boolean;
  /** In a link's text ("[ADR-12](…)", "[SRE book](…)"). */
  link: boolean;
  /** In the Glossary section (a definition, not a use). */
  glossary: boolean;
  /** In a table row. */
  table: boolean;
  /** In a blockquote or a "quoted" span: someone else's words (a chat log, an error message). */
  quoted: boolean;
  /** The block is only acronyms ("- RF, PW, EC": people's initials). */
  onlyAcronyms: boolean;
}

export interface Acronym {
  term: string;
  /** Uses outside the Glossary section, in document order. */
  uses: AcronymUse[];
  expansion?: string;
  /** Where the expansion came from: the Glossary section or an inline expansion. */
  source?: 'glossary' | 'inline';
}

export interface AcronymFacts {
  /** Acronyms and Glossary terms, keyed by term (terms the Glossary defines that are not acronyms included). */
  byTerm: Map<string, Acronym>;
  /** The Glossary section (top-most), where an entry would go. */
  glossarySection?: Section;
  /** Lower-case words of the prose (to tell SHOUTING from acronyms: "CRITICAL" next to "critical"). */
  lowerWords: Set<string>;
}

/** Upper-case words that are not acronyms: English words written in capitals, placeholders, log levels, SQL. */
export const NOT_ACRONYMS = new Set([
  'A', 'I', 'OK', 'AND', 'OR', 'NOT', 'THE', 'TODO', 'FIXME', 'NOTE', 'WARNING', 'IMPORTANT', 'TL', 'DR', 'NB', 'PS',
  'AM', 'PM', 'ID', 'IDS', 'YES', 'NO', 'DONE', 'WIP', 'XX', 'XXX', 'TBD', 'TBA', 'N', 'NA', 'YYYY', 'MM', 'DD', 'HH',
  'DATE', 'NAME', 'TIME', 'NONE', 'NULL', 'TRUE', 'FALSE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'JOIN', 'LEFT', 'SELECT',
  'FROM', 'WHERE', 'ALL', 'ANY', 'NEW', 'OLD', 'USE', 'AGAIN', 'STOP', 'HELP', 'URGENT', 'UPDATE', 'EDIT', 'BUT', 'FOR',
  // short English words written in capitals for emphasis
  'DO', 'IS', 'IT', 'IN', 'ON', 'AT', 'TO', 'BE', 'WE', 'IF', 'SO', 'AN', 'AS', 'BY', 'OF', 'UP', 'MY', 'ME', 'GO',
  'HE', 'OUR', 'ARE', 'WAS', 'NOW', 'ONLY', 'MUST', 'NEVER', 'ALWAYS', 'SHOULD', 'WILL', 'CAN', 'NEED', 'VERY',
  'NOTHING', 'EVERY', 'DOWN', 'OUT', 'OFF', 'NEXT', 'LAST', 'THIS', 'THAT', 'WITH', 'FAIL', 'FAILED', 'PASS', 'OKAY',
  'GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'INSERT', 'CREATE', 'DROP', 'ALTER', 'TABLE', 'INDEX',
  'WARNING', 'CRITICAL', 'FATAL', 'TRACE', 'EOF', 'TBC', 'NOTES', 'LGTM', 'ACK', 'NACK', 'RE', 'FW', 'FWD', 'CC',
  'EN', 'ETC', 'IE', 'EG', 'VS', 'AKA', 'GOTO', 'OUTER', 'INNER', 'TLDR', 'IMO', 'IMHO', 'AFAIK', 'FWIW', 'BTW', 'LOL',
]);

/** Expansions everyone in the field knows: the reader shows them as the usual meaning; the rule never asks for them. */
export const COMMON_ACRONYMS: Record<string, string> = {
  ASAP: 'As Soon As Possible', FYI: 'For Your Information', API: 'Application Programming Interface', AWS: 'Amazon Web Services', CDN: 'Content Delivery Network',
  CI: 'Continuous Integration', CD: 'Continuous Delivery', CLI: 'Command-Line Interface', CPU: 'Central Processing Unit',
  CSS: 'Cascading Style Sheets', DB: 'Database', DNS: 'Domain Name System', GCP: 'Google Cloud Platform',
  GUI: 'Graphical User Interface', HTML: 'HyperText Markup Language', HTTP: 'HyperText Transfer Protocol',
  HTTPS: 'HTTP over TLS', IP: 'Internet Protocol (address)', JSON: 'JavaScript Object Notation', OS: 'Operating System',
  PR: 'Pull Request', RAM: 'Random-Access Memory', SDK: 'Software Development Kit', SLA: 'Service Level Agreement',
  SLO: 'Service Level Objective', SLI: 'Service Level Indicator', SQL: 'Structured Query Language', SRE: 'Site Reliability Engineering',
  SSH: 'Secure Shell', SSL: 'Secure Sockets Layer', TLS: 'Transport Layer Security', TCP: 'Transmission Control Protocol',
  UI: 'User Interface', URL: 'Uniform Resource Locator', UTC: 'Coordinated Universal Time', VM: 'Virtual Machine',
  VPN: 'Virtual Private Network', OOM: 'Out Of Memory', MTTR: 'Mean Time To Recovery', RCA: 'Root Cause Analysis',
  EKS: 'Amazon Elastic Kubernetes Service', GKE: 'Google Kubernetes Engine', EC2: 'Amazon Elastic Compute Cloud',
  RDS: 'Amazon Relational Database Service', IAM: 'Identity and Access Management', MFA: 'Multi-Factor Authentication',
  PST: 'Pacific Standard Time', PDT: 'Pacific Daylight Time', EST: 'Eastern Standard Time', EDT: 'Eastern Daylight Time',
  CET: 'Central European Time', CEST: 'Central European Summer Time', BST: 'British Summer Time', GMT: 'Greenwich Mean Time',
};

/**
 * Acronyms a reader in the field knows without an expansion (the rule's default `known` list; the common ones above
 * are included). Product and company names written in capitals belong here too (AWS, IBM).
 */
export const WELL_KNOWN_ACRONYMS: readonly string[] = [
  ...Object.keys(COMMON_ACRONYMS),
  'URI', 'UUID', 'GUID', 'XML', 'YAML', 'CSV', 'PDF', 'PNG', 'JPEG', 'SVG', 'UTF8', 'ASCII', 'REST', 'RPC', 'GRPC',
  'SOAP', 'SMTP', 'IMAP', 'FTP', 'SFTP', 'NTP', 'BGP', 'UDP', 'ICMP', 'ARP', 'DHCP', 'LAN', 'WAN', 'VPC', 'NAT',
  'CIDR', 'IPV4', 'IPV6', 'TTL', 'MTU', 'QUIC', 'CORS', 'CSRF', 'XSS', 'JWT', 'SSO', 'SAML', 'LDAP', 'RBAC', 'ACL',
  'CA', 'CRL', 'OCSP', 'CSR', 'HSTS', 'WAF', 'DDOS', 'DOS', 'CVE', 'PII', 'GDPR', 'HIPAA', 'PCI', 'SOC', 'ISO',
  'GPU', 'TPU', 'SSD', 'HDD', 'NVME', 'IO', 'IOPS', 'NFS', 'SAN', 'RAID', 'BIOS', 'USB', 'LED', 'JVM', 'JDK', 'JRE',
  'GC', 'JS', 'TS', 'PHP', 'NPM', 'CRUD', 'ORM', 'ETL', 'OLTP', 'CDC', 'ACID', 'LRU', 'FIFO', 'MVP', 'POC', 'QA',
  'UX', 'IDE', 'VCS', 'SHA', 'MD5', 'RSA', 'AES', 'HMAC', 'OTP', 'PIN', 'SMS', 'OTA', 'IOT', 'AI', 'ML', 'LLM',
  'K8S', 'S3', 'EBS', 'EFS', 'ELB', 'ALB', 'NLB', 'SQS', 'SNS', 'ECS', 'ECR', 'AKS', 'ACM', 'KMS', 'ARN', 'AZ',
  'CLB', 'AMI', 'EMR', 'IBM', 'NASA', 'US', 'USA', 'UK', 'EU', 'UN', 'CEO', 'CTO', 'CFO', 'COO', 'CIO', 'VP', 'HR',
  'ETA', 'EOD', 'EOW', 'FAQ', 'RSS', 'IRC', 'SLAS', 'SLOS', 'KPI', 'OKR', 'ROI', 'SAAS', 'PAAS', 'IAAS', 'OSS',
  'GA', 'RC', 'LTS', 'EOL', 'MB', 'GB', 'TB', 'KB', 'PB', 'MS', 'QPS', 'RPS', 'TPS', 'RPO', 'RTO', 'MTTD', 'MTTA',
  'MTBF', 'P50', 'P90', 'P95', 'P99', 'P999', 'NTFS', 'POSIX', 'TTY', 'CMS', 'CRM', 'ERP', 'SEO', 'URL', 'PDT',
  'UTC', 'AEST', 'AEDT', 'IST', 'JST', 'CST', 'CDT', 'MST', 'MDT', 'HTTP2', 'HTTP3', 'H2', 'TCP', 'UDP', 'WWW',
  'SSE', 'NOC', 'SOC2', 'OIDC', 'MX', 'SPF', 'DKIM', 'DMARC', 'CNAME', 'TXT', 'AAAA', 'SRV', 'NS', 'SOA', 'PTR',
  'OAUTH', 'LB', 'HA', 'DR', 'BCP', 'CAB', 'RFC', 'SIG', 'OSI', 'OOMKILLED', 'CRD', 'HPA', 'VPA', 'PVC', 'PV',
  'PDB', 'RBAC', 'CNI', 'CSI', 'CRI', 'DAG', 'SPOF', 'SLT', 'MR', 'CVE', 'GH', 'GHA', 'CICD', 'JIRA', 'USD', 'EUR',
  'GBP', 'ETH', 'BTC', 'EVM', 'ERC', 'NFT', 'NFC', 'RFID', 'ASIC', 'FPGA', 'RAR', 'ZIP', 'EXE', 'DLL', 'TXT', 'GCS', 'GCE', 'ASG',
  'APM', 'UAT', 'VPS', 'PAT', 'ADFS', 'MSK', 'SES', 'AMQP', 'MQTT', 'ELK', 'EFK', 'HAR', 'DOM', 'SPA', 'SSR', 'CSP',
  'SRI', 'NPE', 'SIGTERM', 'SIGKILL', 'PID', 'CWD', 'ENV', 'ARM', 'X86', 'AMD', 'NVIDIA', 'MAC', 'SHA1', 'SHA256',
  'WASM', 'JSONB', 'BLOB', 'CLOB', 'UTF', 'VNET', 'NSG', 'AAD', 'ADO', 'SCM', 'SMB', 'IIS', 'WSL', 'APAC', 'EMEA',
];

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', 'a', 'an', 'as', 'at', 'by', 'with', '&']);
// Two or more capitals (digits allowed inside), an optional plural "s"; not inside a word, a path, a handle, a
// ticket key (PAY-881), a version (V2.1) or a domain (AWS.amazon.com). Each capital after the first ends one turn
// of the loop, so a run of capitals splits one way only (`[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*` tried every split: quadratic).
const ACRONYM_RE = /(?<![\p{L}\p{N}_@#/.$-])([A-Z](?:[0-9&]*[A-Z])+[0-9]*)(s)?(?![\p{L}\p{N}_]|-\d|\.\w)/gu;

function isAcronym(term: string): boolean {
  if (term.length > 10 || NOT_ACRONYMS.has(term)) return false;
  if (/^(SEV|P|Q|H|V|CVE|RFC)\d*$/.test(term)) return false;
  if ((term.match(/[A-Z]/g) ?? []).length < 2) return false;
  return true;
}

function initials(words: string[], keepSmall: boolean): string {
  return words
    .filter((w) => keepSmall || !SMALL_WORDS.has(w.toLowerCase()))
    .flatMap((w) => w.split(/[-/]/))
    .filter(Boolean)
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** Does this run of words spell the acronym by initials (ignoring small words, or counting them)? */
function spells(words: string[], acronym: string): boolean {
  const target = acronym.replace(/[^A-Z]/g, '');
  if (!target) return false;
  return initials(words, false) === target || initials(words, true) === target;
}

/** "Service Level Objective (SLO)": the shortest run of words before the parenthesis that spells the acronym. */
function expansionBefore(before: string, acronym: string): string | undefined {
  const words = before.replace(/[*_`[\]]/g, '').trim().split(/\s+/).filter(Boolean).slice(-10);
  for (let k = 1; k <= words.length; k++) {
    const cand = words.slice(-k);
    if (!/^\p{L}/u.test(cand[0])) continue;
    if (spells(cand, acronym)) return cand.join(' ').replace(/^[^\p{L}]+/u, '');
  }
  return undefined;
}

/** A run of prose: a paragraph (its lines joined), a list item's first lines, a heading or a table row. */
export interface ProseBlock {
  start: number;
  end: number;
  kind: 'paragraph' | 'heading' | 'tableRow';
}

/** The prose blocks of a range of the document, read from the prose text (code, HTML, front matter blanked). */
export function proseBlocksOf(model: Postmortem, from = 0, to = model.text.length): ProseBlock[] {
  const prose = proseText(model);
  const out: ProseBlock[] = [];
  let open: ProseBlock | undefined;
  const first = model.lines.positionAt(from).line;
  for (let l = first; l < model.lines.lineCount; l++) {
    const s = model.lines.lineStart(l);
    if (s >= to) break;
    const e = Math.min(model.lines.lineEnd(l), to);
    const line = prose.slice(s, e);
    if (!line.trim()) {
      open = undefined;
      continue;
    }
    // a heading, a table row, or a line that is only bold text ("**My CH21 balance is wrong?**") acting as one
    if (/^\s{0,3}#{1,6}(?:\s|$)/.test(line) || /^\s*\|/.test(line) || /^\s*(?:\*\*|__)[^*_\n]+(?:\*\*|__)\s*$/.test(line)) {
      open = undefined;
      out.push({ start: s, end: e, kind: /^\s*\|/.test(line) ? 'tableRow' : 'heading' });
      continue;
    }
    if (!open || /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(line)) {
      open = { start: s, end: e, kind: 'paragraph' };
      out.push(open);
    } else open.end = e;
  }
  return out;
}

const GLOSSARY_LINE_RE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:=—–]{1,60}?)(?:\*\*|__)?\s*(?:\(([^)]{1,80})\))?\s*(?::|=|—|–|\s-\s)\s*(.+)$/;

/** Terms defined in the Glossary section: "TERM: definition", "**TERM** — definition", table rows "| TERM | definition |". */
function glossaryDefinitions(model: Postmortem, section: Section | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!section) return out;
  const prose = proseText(model);
  for (const b of proseBlocksOf(model, section.bodyRange.start.offset, section.bodyRange.end.offset)) {
    const text = prose.slice(b.start, b.end);
    if (b.kind === 'heading') continue;
    if (b.kind === 'tableRow') {
      const cells = text.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.replace(/[*_`]/g, '').trim());
      if (cells.length < 2 || cells.every((c) => /^:?-{2,}:?$/.test(c) || !c)) continue;
      const term = cells[0];
      const def = cells.slice(1).filter(Boolean).join(' — ');
      if (term && def && !/^(term|acronym|abbreviation|name|word)s?$/i.test(term)) out.set(term, def);
      continue;
    }
    for (const line of text.split('\n')) {
      // whitespace runs collapsed: the expression's optional blanks around a ≤ 60-character term cannot multiply
      const m = GLOSSARY_LINE_RE.exec(line.replace(/\s+/g, ' '));
      if (!m) continue;
      const term = m[1].replace(/[*_`[\]]/g, '').trim();
      const def = (m[2] ? m[2] + ': ' : '') + m[3].trim();
      if (term && def && term.split(/\s+/).length <= 5) out.set(term, def);
      // "Service Level Objective (SLO): …" defines the acronym too
      if (m[2] && /^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*$/.test(m[2].trim()) && !out.has(m[2].trim())) out.set(m[2].trim(), term);
    }
  }
  return out;
}

const memo = new WeakMap<Postmortem, AcronymFacts>();

/** The acronyms of a document (memoised per model). */
export function acronymsOf(model: Postmortem): AcronymFacts {
  const hit = memo.get(model);
  if (hit) return hit;
  const value = compute(model);
  memo.set(model, value);
  return value;
}

function compute(model: Postmortem): AcronymFacts {
  const prose = proseText(model);
  const plain = plainProse(model);
  const byTerm = new Map<string, Acronym>();
  const glossarySection = sectionsOf(model, 'glossary')[0];
  const glossaries = sectionsOf(model, 'glossary');
  const inGlossary = (at: number) =>
    glossaries.some((s) => at >= s.bodyRange.start.offset && at < s.bodyRange.end.offset);
  // link texts, from the source: "[text](" (the prose keeps the text and blanks the destination)
  const links: [number, number][] = [];
  for (const m of model.text.matchAll(/\[([^\]\n]{0,300})\]\(/g)) links.push([m.index + 1, m.index + 1 + m[1].length]);
  const inLink = (at: number) => links.some(([s, e]) => at >= s && at < e);

  for (const b of proseBlocksOf(model)) {
    const text = prose.slice(b.start, b.end);
    const letters = text.replace(/[^\p{L}]/gu, '');
    const lower = letters.replace(/[^\p{Ll}]/gu, '').length;
    // SHOUTED LINES ARE NOT FULL OF ACRONYMS
    if (letters.length > 12 && lower < letters.length / 4) continue;
    // every word in capitals (a plural "s" allowed): a list of initials, "RF, PW, EC"
    const onlyAcronyms = text.split(/[^\p{L}\p{N}&]+/u).every((w) => !/\p{Ll}/u.test(w.endsWith('s') ? w.slice(0, -1) : w));
    for (const m of text.matchAll(ACRONYM_RE)) {
      const term = m[1];
      if (!isAcronym(term)) continue;
      const at = b.start + m.index;
      let a = byTerm.get(term);
      if (!a) {
        a = { term, uses: [] };
        byTerm.set(term, a);
      }
      const glossary = inGlossary(at);
      if (!glossary) {
        const heading = b.kind === 'heading';
        const quoted = !heading && !plain.slice(at, at + term.length).trim();
        a.uses.push({ start: at, end: at + term.length, plural: !!m[2], heading, link: inLink(at), glossary, table: b.kind === 'tableRow', quoted, onlyAcronyms });
      }
      if (a.expansion) continue;
      const before = text.slice(0, m.index);
      // a definition follows within a line's reach: 300 characters bound the expressions below
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
      // "Words (SLO)"
      if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
        const exp = expansionBefore(before.replace(/\(\s*$/, ''), term);
        if (exp) {
          a.expansion = exp.replace(/\s+/g, ' ');
          a.source = 'inline';
          continue;
        }
      }
      // "Spacebucks (SBX)", "Stably USD (USDS)": a name and its abbreviation, even when not by initials
      if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
        // up to five capitalised words right before the parenthesis, read word by word
        const tail = before.slice(-160).replace(/\(\s*$/, '').trim().split(/\s+/);
        const words: string[] = [];
        for (let i = tail.length - 1; i >= 0 && words.length < 5 && /^\p{Lu}[\p{L}\p{N}-]*$/u.test(tail[i]); i--) words.unshift(tail[i]);
        const name = words.join(' ');
        if (name && name !== term) {
          a.expansion = name;
          a.source = 'inline';
          continue;
        }
      }
      // "SLO: Service Level Objective", "IPS team: Infrastructure, Platforms, and Security", "a CAT is a Chia Asset
      // Token", "SLO stands for …"
      const defined = /^(?:\s+\p{L}+)?\s*(?::|=|—|–|\s-|,?\s+or|\s+is\s+(?:an?|the)|\s+stands\s+for|\s+means)\s+([^\n.;()]{3,120})/u.exec(after);
      if (defined) {
        const words = defined[1].replace(/[*_`,]/g, ' ').trim().split(/\s+/).slice(0, 10);
        for (let k = 1; k <= words.length; k++) {
          if (/^\p{Lu}/u.test(words[0]) && spells(words.slice(0, k), term)) {
            a.expansion = words.slice(0, k).join(' ');
            a.source = 'inline';
            break;
          }
        }
        if (a.expansion) continue;
      }
      // "SLO (Service Level Objective)"
      const paren = /^\s*\(([^()]{3,80})\)/.exec(after);
      if (paren) {
        const words = paren[1].replace(/[*_`]/g, '').trim().split(/\s+/);
        if (spells(words, term) || (words.length >= 2 && words[0][0]?.toUpperCase() === term[0] && /^\p{Lu}/u.test(words[0]))) {
          a.expansion = paren[1].replace(/\s+/g, ' ').trim();
          a.source = 'inline';
        }
      }
    }
  }

  for (const [term, def] of glossaryDefinitions(model, glossarySection)) {
    // a term of a glossary line is at most 60 characters; a table cell may be longer: only short ones are read
    const short = term.length <= 60 ? term : '';
    const acronymTerm = /^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*s?$/.test(short) ? term.replace(/s$/, '') : undefined;
    const key = acronymTerm && byTerm.has(acronymTerm) ? acronymTerm : acronymTerm ?? term;
    const a = byTerm.get(key) ?? { term: key, uses: [] };
    a.expansion = def;
    a.source = 'glossary';
    byTerm.set(key, a);
    // "SLO / Service Level Objective: …" defines the acronym too
    const inner = /\b([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)\b/.exec(short);
    if (inner && inner[1] !== key) {
      const b = byTerm.get(inner[1]);
      if (b && !b.expansion) {
        b.expansion = def;
        b.source = 'glossary';
      }
    }
  }

  const lowerWords = new Set<string>();
  for (const m of prose.matchAll(/\b\p{Ll}{2,}\b/gu)) lowerWords.add(m[0]);
  return { byTerm, glossarySection, lowerWords };
}
