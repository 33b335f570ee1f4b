// Shapes of an item that settle whether it is vague either way, whatever its verb: looking for options instead of
// choosing one, keeping (running) a named thing, a comparative abstract tied to a named condition, a discussion
// reported instead of a decision, and training as the subject of a sentence.
import { ASPIRATION_RE, COMPARATIVE_ABSTRACT_RE, GENERIC_MODIFIER, GENERIC_OBJECT_RE, isAbstractObject, objectAfter, specificAnchors } from './vague-words';

/**
 * Looking for options instead of choosing one: "Find ways to automate …", "Find a path forward to switch away from
 * NGINX", "Identify a solution for …", "Agree on a sustainable way to release …".
 */
export const OPTIONS_RE =
  /^(?:find|identify|explore|look for|come up with|think of|figure out|agree on|decide on|settle on|work out)\s+(?:some\s+|new\s+|better\s+|other\s+|a\s+|an\s+|possible\s+)?(?:(?:sustainable|good|better|clean|safe|simple|proper|reliable|clear|common|shared)\s+)?(?:ways?|options|means|opportunities|ideas|paths?(?:\s+forward)?|way\s+forward|solutions?|alternatives?|approach(?:es)?)\s+(?:to|for|of|towards?)\b/i;

/** Words that, after the thing kept, say it is kept in a state: "Keep the team informed", "Keep the docs up to date". */
const KEPT_STATE_RE = /\b(?:\w+ed|aware|up|alive|honest|simple|safe|clean|small|current|posted|in mind|in the loop|in sync|under)\b/i;

/**
 * "Keep Flask in production mode during tests", "Keep `nginx` in maintenance mode until the restore ends": a component
 * named by its proper name or in code, held in a named mode, is a setting someone makes and can check. "Keep things in
 * read-only mode" names no component and stays vague.
 */
const KEEP_NAMED_IN_MODE_RE = /^[Kk]eep\s+(?:`[^`\n]{1,60}`|[A-Z][\w.+-]{1,40})\s+(?:in|on)\s+(?:[a-z][\w-]{0,30}\s+){1,2}(?:mode|configuration|config|profile)\b/;

/**
 * "Keep our own apt mirror", "Keep a copy of the signing keys offline", "Keep two web servers behind the load
 * balancer": keep a named thing is to run or hold it, a change someone can make. "Keep an eye on …", "Keep
 * monitoring", "Keep the team informed", "Keep docs up to date" stay vague (continuing, watching, a state to keep).
 */
export function keepsThing(text: string): boolean {
  if (KEEP_NAMED_IN_MODE_RE.test(text)) return true;
  const m = /^keep\s+(?:(?:our|their|its|your)(?:\s+own)?|a|an|the|\d+|two|three|four|five|both|every)\s+(?!eye\b|track\b|close\b|watch\b|mind\b|focus\b)(?!\s)(.*)$/i.exec(text);
  if (!m) return false;
  const { object } = objectAfter(m[1].split(/\s+/), 0);
  return !!object && !KEPT_STATE_RE.test(object) && !isAbstractObject(object) && !GENERIC_OBJECT_RE.test(object);
}

/** A subject that names nothing in a condition: "when something is wrong", "if issues arise", "when it breaks". */
const VAGUE_SUBJECT_RE = /^(?:(?:the|our|any|some|an?)\s+)?(?:something|anything|things?|issues?|problems?|errors?|it|this|that|there|stuff|incidents?|failures?)$/i;
/** A state that names nothing: "is wrong", "goes bad". */
const VAGUE_STATE_RE = /^(?:wrong|bad|amiss|off|weird|strange|unusual|not|broken|unhealthy|an?)$/i;

/**
 * "better alerting for when cluster is full": a comparative abstract tied to a named thing in a named state is an
 * alert on that state (done when it fires on it). "for when something is wrong with the cluster", "for when issues
 * arise" name neither. `after`: the text after the comparative.
 */
export function namedCondition(after: string): boolean {
  const m = /^\s*(?:for\s+)?(?:when|whenever|if|before)\s+((?:[\w'’-]+\s+){0,4}?)(?:is|are|gets?|goes|becomes?|runs?\s+out\s+of|reach(?:es)?|exceeds?|fills?\s+up|stops?|fails?|drops?)\s+([\w'’-]+)?/i.exec(after);
  if (!m) return false;
  const subject = m[1].trim();
  return !!subject && !VAGUE_SUBJECT_RE.test(subject) && !GENERIC_OBJECT_RE.test(subject) && !VAGUE_STATE_RE.test(m[2] ?? '');
}

/**
 * "… to be robust against nodes being cordoned": the event the change must survive, named (a thing, and what happens
 * to it). A reader can check it (cordon a node, the ingress stays up); "robust against failures" names nothing.
 */
export function againstNamedEvent(after: string): boolean {
  const m = /^\s*(?:against|to)\s+((?:[\w'’-]+\s+){1,4}?)being\s+[\w-]+(?:ed|en)\b/i.exec(after);
  if (!m) return false;
  const subject = m[1].trim();
  return !VAGUE_SUBJECT_RE.test(subject) && !GENERIC_OBJECT_RE.test(subject);
}

/**
 * "Continue the EXP4 source recovery started in RCA-002: six modules, four CLI scripts and five test modules remain":
 * work begun elsewhere, with what is left counted. The count is the finish line ("Continue improving alerts" has none).
 */
export function continuesCountedRemainder(text: string): boolean {
  return /^continue\b/i.test(text) && COUNT_RE.test(text) && /\b(?:remain(?:s|ing)?|left|to go)\b/i.test(text);
}
/**
 * "Improve the data migration to run in batches", "Improve the gitleaks check to scan commits": a named thing made to
 * do a named thing. The change is written down: the item is done when the migration runs in batches. "Improve
 * monitoring to catch issues earlier" (an abstract object, a comparative, a generic result) stays vague.
 */
export function improvesToNamedBehaviour(text: string): boolean {
  const m = IMPROVE_TO_RE.exec(firstLineOf(text));
  if (!m) return false;
  const [, thing, , rest] = m;
  if (GENERIC_OBJECT_RE.test(thing) || isAbstractObject(objectAfter(thing.split(/\s+/), 0).object)) return false;
  if (COMPARATIVE_ABSTRACT_RE.test(rest) || ASPIRATION_RE.test(rest) || VAGUE_RESULT_RE.test(rest)) return false;
  const { object } = objectAfter(rest.split(/\s+/), 0);
  return !GENERIC_OBJECT_RE.test(rest) && !isAbstractObject(object);
}
const IMPROVE_TO_RE =
  /^(?:improve|enhance|harden|rework|extend|update|change) ((?:the |our |its )?[^ ,;:]+(?: [^ ,;:]+){0,3}?) to (run|retry|use|log|send|write|read|skip|stop|fail|page|batch|scan|validate|verify|emit|record|block|reject|require|process|refuse|abort|exit|wait|lock|time out) ([^ ].{2,})$/i;
const VAGUE_RESULT_RE = /\b(?:properly|correctly|better|smoothly|as expected|reliably|efficiently|safely|more|less)\b/i;
/** The item's first line, its blanks made single spaces (so the expression above reads one way). */
const firstLineOf = (text: string) => text.split(/[\n\r]/, 1)[0].replace(/\s+/g, ' ').trim();

const COUNT_RE = /\b(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)\s+[a-z]/i;

/**
 * "Bring down alert noise even more", "Lower the retry count further": a change in quantity with no number, only
 * "more" or "further", has no finish line. "Reduce the TTL from 300 s to 60 s" has one (a measurable anchor).
 */
export const MORE_OF_RE =
  /^(?:reduce|decrease|lower|cut|increase|raise|bring (?:down|up)|cut down|drive down)\b.{1,60}?\b(?:(?:even|much|a lot|far|still) more|further|as much as possible|more and more)(?=[.!]?\s*(?:$|[—–|(@]|--?\s))/i;

/**
 * "Investigate the exact issue with certificate in the application": research that asks what precisely is wrong with
 * a named thing is a question, done when it is answered. "… the root cause of the outage" names nothing.
 */
export function preciseIssueOf(text: string): boolean {
  const m = /^(?:investigate|look into|look at|examine|analy[sz]e|research|understand|determine)\s+(?:the\s+)?(?:exact|precise|specific|underlying|root)\s+(?:issue|problem|cause|error|bug|failure)s?\s+(?:with|in|of|behind)\s+(?!\s)(.+)$/i.exec(text);
  if (!m) return false;
  const { object } = objectAfter(m[1].split(/\s+/), 0);
  return !!object && !GENERIC_OBJECT_RE.test(object) && !isAbstractObject(object) && !OUTAGE_RE.test(object);
}
const OUTAGE_RE = /^(?:(?:the|this|that|our|an?)\s+)?(?:outage|incident|downtime|disruption|degradation|failure|issue|problem|bug|error)s?$/i;

/**
 * "Look at disabling CGI support on most of our web servers", "Look into moving the queue to SQS": research that
 * weighs one named change is a question (make that change or not), done when it is decided. "Look into improving
 * things" names nothing.
 */
export function weighsNamedChange(text: string): boolean {
  const m = /^(?:look(?:ing)?\s+(?:at|into)|investigat(?:e|ing)|explor(?:e|ing)|evaluat(?:e|ing))\s+(?:disabling|enabling|removing|replacing|moving|migrating|switching|adding|introducing|adopting|dropping|restricting|blocking)\s+(?!\s)(.+)$/i.exec(text);
  if (!m) return false;
  const { object } = objectAfter(m[1].split(/\s+/), 0);
  return object.split(/\s+/).length >= 2 && !GENERIC_OBJECT_RE.test(object) && !isAbstractObject(object);
}

/**
 * "Investigate pgbarman for creating PostgreSQL backups", "Evaluate Vault as a replacement for the secrets file": one
 * named candidate weighed for a stated use is a question (adopt it or not), done when it is decided. Not "Evaluate
 * options for monitoring" (no candidate) or "Investigate the cache for issues" (no use).
 */
export function weighsNamedCandidate(text: string): boolean {
  const m = /^(?:investigat(?:e|ing)|evaluat(?:e|ing)|assess(?:ing)?|trial|try(?:ing)? out)\s+(?:using\s+)?(\S+(?:\s+\S+){0,2}?)\s+(?:as\s+(?:an?\s+|the\s+)?(?:replacement|substitute|means|way|alternative|successor)\s+(?:for|of|to)|for\s+(?:creating|storing|running|serving|taking|making|managing|hosting|building|replacing|handling))\s+(\S+(?:\s+\S+)+)/i.exec(withoutTrailingAside(text));
  if (!m) return false;
  const candidate = m[1].replace(/[`*_]/g, '');
  return !/^(?:the|a|an|our|some|any|options?|alternatives?|ways?|solutions?|tools?|things?|approaches?)\b/i.test(candidate) && !GENERIC_OBJECT_RE.test(candidate) && !isAbstractObject(candidate);
}

/** The text without a closing parenthesis ("… backups (#1105)" → "… backups"), found by a walk, not a pattern. */
function withoutTrailingAside(text: string): string {
  const t = text.trimEnd();
  const open = t.endsWith(')') ? t.lastIndexOf('(') : -1;
  return open >= 0 && !t.slice(open + 1, -1).includes(')') ? t.slice(0, open).trimEnd() : t;
}

/** Abstract nouns of how a team works, which a condition does not make concrete (unlike "alerting when X is full"). */
const WAY_OF_WORKING_RE =
  /^(?:communications?|process(?:es)?|procedures?|documentation|docs|culture|awareness|ownership|governance|oversight|practices|standards|strategy|approach|plan|hygiene|readiness|posture|coordination|collaboration|alignment|transparency)$/i;

/**
 * "Clear communication if merges break the master branch …", "Proper process when a release fails": no verb, a way
 * of working with only generic modifiers before it, then a condition. Nothing says what to do.
 */
export function verblessWayOfWorking(words: string[]): boolean {
  const { object, qualifier } = objectAfter(words, 0);
  const ws = object.toLowerCase().split(/\s+/).filter(Boolean);
  const head = ws[ws.length - 1];
  // the condition only: "Clear ownership of the billing service" names what gets an owner
  const condition = /^(?:if|when|whenever)$/i.test(words[ws.length] ?? '');
  return condition && !!qualifier && ws.length <= 3 && !!head && WAY_OF_WORKING_RE.test(head) && isAbstractObject(object) && ws.slice(0, -1).every((w) => GENERIC_MODIFIER.has(w));
}

/** A discussion reported in the past tense: "Team discussed about …", "We talked about …", "The team considered …". */
const DISCUSSED_RE = /^(?:(?:the|our)\s+)?(?:team|we|they|everyone|[\w-]+\s+team)\s+(?:discussed|talked about|considered|debated|brainstormed)(?:\s+about)?\b/i;
/**
 * Training as the subject of the sentence, with no one and nothing named: "More training will be conducted …",
 * "Continuous training of all staff will help …", "Additional security training is planned".
 */
const TRAINING_SUBJECT_RE =
  /^(?:(?:more|additional|further|regular|continuous|continued|ongoing|periodic|extra|better|mandatory|annual)\s+)+(?:[\w-]+\s+)?(?:training|trainings|education)\b(?=\s+(?:of\s+(?:all|our|the)\b|will\b|is\b|are\b|should\b|must\b))/i;

/**
 * "Team discussed about having closer inspection …": the discussion (its words), and what was agreed when the item
 * says so ("… and agreed to raise the timeout from 3 to 6 seconds" is judged on what was agreed).
 */
export function reportedDiscussion(text: string): { phrase: string; agreed?: string } | undefined {
  const m = DISCUSSED_RE.exec(text);
  if (!m) return undefined;
  const agreed = /\band\s+(?:agreed|decided)\s+to\s+(?!\s)(.*)$/i.exec(text.slice(m[0].length));
  return { phrase: m[0].trim(), agreed: agreed?.[1] };
}

/** The training words when training is the subject with no one and nothing named ("More training will be …"). */
export const trainingSubject = (text: string): string | undefined => TRAINING_SUBJECT_RE.exec(text)?.[0].trim();

/**
 * The named task inside an item that researches or improves by way of it: "Investigate setting up canaries across
 * multiple locations …" researches one named change (judge "set up canaries …"), and "Strengthen the monitoring
 * system by establishing a system to monitor blocks from trust partners" names its means (judge "establish a system
 * …"). The gerund is returned as written; the caller lemmatises it. Undefined for any other shape.
 */
export function namedTaskWithin(text: string): { verb: string; rest: string } | undefined {
  const research = /^(?:investigate|explore|evaluate|assess|look into)\s+(\p{L}+ing)\s+(?!\s)(.+)$/iu.exec(text);
  if (research) return { verb: research[1], rest: research[2] };
  // found by position, not one pattern: "<improve> <up to 60 characters, no comma> by <gerund> <rest>"
  const lead = /^(?:strengthen|improve|enhance|harden|bolster|tighten)\s/i.exec(text);
  const by = lead ? text.search(/\sby\s/i) : -1;
  if (!lead || by < 0 || by - lead[0].length > 60 || /[,;]/.test(text.slice(0, by))) return undefined;
  const means = /^(\p{L}+ing)\s+(?!\s)(.+)$/u.exec(text.slice(by + 4).trimStart());
  return means ? { verb: means[1], rest: means[2] } : undefined;
}

/**
 * "Better monitoring of OOM in pods", "Improve alerting on replication lag": watching names the signal it watches,
 * so it is done when that signal is watched (the README's "a monitoring item naming its signal"). "Better monitoring
 * of namespaces", "Improve alerting around the queue status" name a thing, not a signal, and stay vague.
 */
export function monitorsSignal(text: string): boolean {
  const m = WATCHING_RE.exec(text);
  if (!m) return false;
  const watched = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
  // "… around TOAST/OID behavior and disk read amplification": a named mechanism and how it behaves
  return SIGNAL_RE.test(watched) || (specificAnchors(watched.replace(/\//g, ' ')).length > 0 && BEHAVIOUR_RE.test(watched));
}
const BEHAVIOUR_RE = /\b(?:behaviou?r|usage|growth|exhaustion|wraparound|amplification|limits?)\b/i;
const WATCHING_RE = /\b(?:monitoring|alerting|alerts?|alarms?|observability|visibility|dashboards?)\s+(?:of|for|on|around|about)\s/i;
const SIGNAL_RE =
  /\b(?:ooms?|oom[- ]?kill(?:s|ed|er)?|oomkilled|out[- ]of[- ]memory|(?:memory|cpu|disk|heap|inode)\s+(?:usage|pressure|exhaustion|saturation)|error\s+rates?|[45]xx(?:\s+(?:errors?|responses?|rates?))?|latency|restarts?|evictions?|timeouts?|crash(?:es|loops?)|queue\s+(?:depth|length|lag)|(?:replication|consumer)\s+lag|throttling)\b/i;

/**
 * A paragraph item that first tells what happened ("As this was happening at boot there was no log output …") and
 * then says what is needed ("We need to write more documentation about the deployment."): the sentence of need is
 * the follow-up, and is what is judged. Undefined when the first sentence is itself an action (a to-do or a
 * commitment), when no later sentence says "we need to / should / must …", or that sentence points to an issue.
 */
export function laterNeed(body: string, first: string, firstIsAction: boolean): string | undefined {
  if (firstIsAction || first.length >= body.length) return undefined;
  for (const sentence of body.slice(first.length).split(/(?<=[.!?])\s+(?=[A-Z])/)) {
    const t = sentence.trim();
    // "We should audit CVEs for similar software, see <issue>": the work is tracked where the link points
    if (WE_NEED_RE.test(t) && !TRACKED_RE.test(t) && !SEE_AT_END_RE.test(t)) return t;
  }
  return undefined;
}
/** A pointer to where the work is tracked, after clean() has dropped the address: "…, see ." / "(#6593)". */
const TRACKED_RE = /#\d+|\b(?:tracked|filed)\s+(?:in|as|at)\b/i;
// on the trimmed sentence, its blanks already collapsed by clean(): no run of blanks before the end to rescan
const SEE_AT_END_RE = /\bsee ?[.,;:]?$/i;
const WE_NEED_RE = /^(?:so\s+|therefore\s+|going forward,?\s+)?(?:we|i)\s+(?:really\s+|also\s+)?(?:need|have|ought)\s+to\s|^(?:so\s+|therefore\s+|going forward,?\s+)?(?:we|i)\s+(?:really\s+|also\s+)?(?:should|must)\s(?!have\b)/i;

/**
 * "This is changing in the coming weeks, though the specific details are not yet decided": the item says itself that
 * what will be done is still open. The words that say so, or undefined.
 */
export function undecided(text: string): string | undefined {
  return UNDECIDED_RE.exec(text)?.[0];
}
const UNDECIDED_RE =
  /\b(?:the\s+)?(?:specific\s+|exact\s+|precise\s+)?(?:details|specifics|approach|solution)\s+(?:are|is|have|has)\s+(?:not\s+(?:yet\s+)?(?:been\s+)?|yet\s+to\s+be\s+|still\s+to\s+be\s+)(?:decided|determined|finali[sz]ed|worked\s+out|settled|agreed)\b/i;

/** "There’s obviously a lot we need to do in terms of spotting attacks …": that there is work, not what it is. */
export const LOT_TO_DO_RE = /^there(?:'s|’s|\s+is)\s+(?:obviously\s+|clearly\s+|still\s+)?(?:a\s+lot|lots|much|plenty)\s+(?:more\s+)?(?:(?:of\s+)?work\s+)?(?:(?:that\s+)?we\s+(?:need|have|ought)\s+)?to\s+(?:do|improve|fix|work on|learn)\b/i;

/**
 * "We intend to disable alerts for some monitoring checks": "some" in place of the ones meant, and nothing else in the
 * item names them: "some …" ends the item. "Move some jobs off the shared runner" names where they go, and "Add some
 * monitoring to CronJob resource usage" its target.
 */
export const SOME_OF_RE = /^\S+\s+(?:[\w-]+\s+){0,3}?(?:(?:for|on|in|of|to|from)\s+)?some\s+(?!time\b|of\b|point\b|extent\b|degree\b)[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?=[.!]?\s*(?:$|[—–|(@]|--?\s))/i;

/** The kinds of capability worked on that name no signal or threshold: "working on real-time log analysis". */
const CAPABILITY_RE = /\b(?:analysis|analytics|detection|prevention|solutions?|capabilit(?:y|ies)|strateg(?:y|ies))$/i;
/** A comparative with no number: "a shorter Recovery Time Objective", "a more fault-tolerant architecture". */
const BARE_COMPARATIVE_RE = /^(?:(?:a|an|the|our)\s+)?(?:(?:much|far|even)\s+)?(?:more\s+[\w-]+|better|shorter|faster|quicker|smaller|lower|higher|stronger|safer|simpler|cleaner|easier|smarter|tighter|leaner)\b/i;
const COMPARATIVE_INSIDE_RE = /\b(?:(?:a|an)\s+more\s+[\w/-]+|(?:a|an)\s+(?:better|shorter|faster|safer|simpler|smarter|stronger)\s+[\w-]+)/i;

/**
 * "We need to work on a shorter Recovery Time Objective", "Work on moving to a more fault-tolerant architecture",
 * "We're working on real-time log analysis for aberrant behaviour": working on something open-ended (a comparative
 * with no number, a capability named by no signal) is effort, not a change with a finish line. What was worked on:
 * `gerund` when it is a task ("moving to …", judged by the caller), else the words that make it open-ended.
 * "Work on abstracting the proxy interface, so the proxy is no longer a single point of failure" names its change.
 */
export function workedOn(text: string): { gerund?: string; phrase?: string } | undefined {
  const m = /^(?:work|working)\s+(?:on|towards?)\s+(?!\s)(.+)$/i.exec(text);
  if (!m) return undefined;
  const rest = m[1];
  // the first clause only: "…, we're currently talking to providers" is another sentence run on
  const clause = rest.split(/[,;:]|\s(?:so|because|since|which)\s/)[0];
  const bare = BARE_COMPARATIVE_RE.exec(clause);
  if (bare) return { phrase: `${text.slice(0, text.length - rest.length)}${bare[0]}`.trim() };
  if (/^\p{L}+ing\s/u.test(clause)) {
    const inside = COMPARATIVE_INSIDE_RE.exec(clause);
    return inside ? { phrase: inside[0] } : { gerund: rest };
  }
  const { object, qualifier } = objectAfter(clause.split(/\s+/), 0);
  const head = object.replace(/[^\p{L}\s-]/gu, '').trim();
  if ((CAPABILITY_RE.test(head) || isAbstractObject(head)) && !specificAnchors(object).length && (!qualifier || GENERIC_OBJECT_RE.test(qualifier) || !specificAnchors(qualifier).length)) {
    return { phrase: `${text.slice(0, text.length - rest.length)}${object}`.trim() };
  }
  return undefined;
}

/** The item's words before its fields (" — @mo, due …", " | P1", " (@mo)"): what it asks for. */
export function beforeFields(text: string): string {
  return text.split(/\s[—–|]\s|\s\(?@/)[0];
}

/**
 * "Setup hub monitoring!", "Add gateway alerting": a watch set up on a thing, and nothing else said: no signal, no
 * threshold, so nobody knows when it is watched enough. "Add CPU monitoring", "Set up uptime alerting" name what is
 * watched and are left alone, as is anything said after the watch ("… for disk usage above 80%").
 */
export function watchesNoSignal(text: string): string | undefined {
  const m = BARE_WATCH_RE.exec(beforeFields(text).trim());
  if (!m || WATCHED_SIGNAL_RE.test(m[2]) || SIGNAL_RE.test(m[2])) return undefined;
  return m[1];
}
/** The verb, the thing and the watch (group 1), the thing alone (group 2), then nothing but a closing "!" or ".". */
const BARE_WATCH_RE = /^((?:set ?up|add|implement|create|introduce|enable|build)\s+(?:(?:some|more|better|proper|basic)\s+)?(\p{L}[\p{L}-]{0,30})\s+(?:monitoring|alerting))[.!]*$/iu;
/** A single word that names the signal watched, not the thing: "uptime", "latency", "billing", "certificate". */
const WATCHED_SIGNAL_RE =
  /^(?:cpu|memory|ram|disk|storage|latency|errors?|exceptions?|uptime|availability|health|healthcheck|oom|lag|queue|quota|capacity|usage|traffic|billing|budget|cost|spend|expiry|expiration|certificate|cert|ssl|tls|synthetic|heartbeat|ping|backups?|replication|throughput|saturation|performance|security|load|bandwidth|response|status|log|logs|event|events|crash|crashes|restart|restarts|anomaly|runtime|resource|resources|process|application|app|service|services|system|infrastructure|infra|network)$/i;

/**
 * "Monitor future CI runs for lingering processes", "Monitor Playwright installation to keep CI downloads
 * lightweight": someone watching what comes next, or watching to keep a quality, has no finish line. "Monitor 5xx
 * status codes for Kube API server" sets up a watch on a signal and is left to monitorsSignal.
 */
export function watchesAhead(text: string): string | undefined {
  const future = /^(?:monitor|watch|keep an eye on)\s+(?:the\s+|all\s+)?(?:future|upcoming|subsequent|coming|next\s+(?:few\s+)?)\b/i.exec(text);
  if (future) return future[0];
  const keep = /^monitor\s+(?!\s)(.{3,80}?)\s+to\s+keep\s+(?:[\w-]+\s+){1,3}?(?:lightweight|small|fast|low|lean|healthy|stable|clean|under control|in check)\b/i.exec(text);
  return keep && !SIGNAL_RE.test(keep[1]) ? keep[0] : undefined;
}
