// Pages that borrow a postmortem's headings but tell no incident of the writer's own (heldout29): a log kept for
// incidents to come, with none recorded yet, and a blog post retelling another company's incident before the writer's
// own commentary. Nobody here owns causes or follow-ups in either, so neither is linted as a postmortem. Read by
// model/lookalike.ts as look-alike shapes.
import type { Postmortem } from './types';

/**
 * "# Incident Response Tracker" / "Central log of all production incidents for trend analysis", then every count 0,
 * "(No incidents recorded - system newly deployed)" and "(To be populated after first incidents)" over empty "What
 * Worked:" / "Action Items:" bullets: the page names itself a log of incidents and says at least twice that it holds
 * none yet.
 */
export function isEmptyIncidentLog(model: Postmortem): boolean {
  const title = model.title?.value ?? '';
  if (!LOG_TITLE_RE.test(title) && !LOG_PURPOSE_RE.test(model.text.slice(0, 1500))) return false;
  return (model.text.match(NONE_YET_RE)?.length ?? 0) >= 2;
}
const LOG_TITLE_RE = /\bincidents?(?: response| management)? (?:log|logbook|tracker|tracking|register|history)\b/i;
const LOG_PURPOSE_RE = /\b(?:log|record|register|tracker) of (?:all |every )?(?:production |past |our )?incidents\b/i;
const NONE_YET_RE =
  /\bno (?:production )?incidents (?:recorded|yet|so far|to date|reported|logged)\b|\bto be (?:populated|filled(?: in)?|added) (?:after|once|when) (?:the )?first incidents?\b|\btotal incidents:?(?:\*\*)?:?[ \t]*0\b/gi;

/**
 * "## What happened at Sourcegraph" in a post whose writer speaks for another company ("here at Authentik Security we
 * do indeed have …", front matter "title: CTO at Authentik Security Inc"): another party's incident, retold from its
 * public statement, then the writer's lessons. A company's own postmortem says "What happened", or names itself.
 */
export function retellsOtherPartysIncident(model: Postmortem): boolean {
  let party: string | undefined;
  for (const s of model.allSections) {
    const m = OTHER_PARTY_HEADING_RE.exec(s.title.trim());
    if (m) {
      party = m[1];
      break;
    }
  }
  if (!party) return false;
  const own = WRITER_ORG_RE.exec(model.text);
  return !!own && firstWord(own[1]) !== firstWord(party);
}
const OTHER_PARTY_HEADING_RE = /^[Ww]hat happened (?:at|to|inside) (\p{Lu}[\p{L}\p{N}.&-]{1,40})/u;
/** "here at Authentik Security", "we at Acme", "CTO at Authentik Security Inc": the company the writer speaks for. */
const WRITER_ORG_RE = /\b(?:here at|we at|us at|(?:CTO|CEO|CISO|founder|engineer|head of [a-z]+) at) (\p{Lu}[\p{L}\p{N}.&-]{1,40})/u;
const firstWord = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
