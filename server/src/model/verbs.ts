// The verbs of action items by what they ask for: deliberating, changing people, researching, improving,
// producing. An item that opens on one of them is written as a to-do ("Publish a document …", "File a bug …");
// action-item-vague weighs the class. Pure functions of the text.

/** Verbs that deliberate instead of deciding: vague whatever follows. */
export const DELIBERATE = new Set([
  'consider', 'discuss', 'reflect', 'brainstorm', 'ponder', 'think', 'talk', 'align', 'emphasize', 'emphasise',
  'reiterate', 're-iterate', 'propose', 'continue', 'explore', 're-evaluate', 'reevaluate', 'revisit', 'rethink',
  'debate', 'strive', 'aim', 'try', 'attempt', 'keep', 'entertain',
]);
/** Changing people instead of systems: no artifact, no finish line. */
export const PEOPLE = new Set(['teach', 'train', 'educate', 'remind', 'encourage', 'discourage', 'raise awareness']);
/** Verbs that research: vague unless the question is concrete (a component, a number, code). */
export const RESEARCH = new Set([
  'investigate', 'look', 'evaluate', 'assess', 'analyse', 'analyze', 'research', 'study', 'review', 'examine',
  'understand', 'identify', 'determine', 'figure', 'check', 'audit',
]);
/** Verbs that improve without saying by how much. */
export const IMPROVE = new Set([
  'improve', 'enhance', 'strengthen', 'streamline', 'refine', 'optimize', 'optimise', 'harden', 'expand', 'bolster',
  'boost', 'tighten', 'better', 'mature', 'modernize', 'modernise', 'solidify', 'rework',
  'redesign', 'revamp', 'overhaul',
]);
/** Verbs that produce or change something. */
export const PRODUCE = new Set([
  'add', 'create', 'build', 'implement', 'write', 'document', 'set', 'setup', 'configure', 'alert', 'page', 'migrate',
  'move', 'replace', 'remove', 'delete', 'upgrade', 'downgrade', 'pin', 'enable', 'disable', 'deploy', 'automate',
  'scale', 'split', 'separate', 'rename', 'change', 'update', 'fix', 'run', 'raise', 'lower', 'limit', 'block',
  'require', 'enforce', 'rotate', 'revoke', 'publish', 'send', 'switch', 'patch', 'backfill', 'install', 'introduce',
  'use', 'modify', 'extend', 'convert', 'establish', 'collect', 'ship', 'test', 'validate', 'verify', 'monitor',
  'track', 'cap', 'throttle', 'drop', 'bump', 'rollback', 'revert', 'tag', 'retag', 'adopt', 'provision', 'restrict',
  'notify', 'generate', 'develop', 'prevent', 'avoid', 'make', 'ensure', 'define', 'schedule', 'hold', 'ask',
  'speak', 'contact', 'apply', 'increase', 'reduce', 'decrease', 'file', 'open', 'close', 'merge', 'release', 'expose', 'emit', 'log', 'record', 'purge',
  'archive', 'mark', 'assign', 'hire', 'shorten', 'lengthen', 'cache', 'index', 'partition', 'shard', 'retry',
  'reject', 'allow', 'deny', 'flag', 'gate', 'guard', 'wrap', 'catch', 'handle', 'return', 'reproduce', 'drill',
]);
const LEMMA_EXCEPTIONS: Record<string, string> = {
  setup: 'set', 'set-up': 'set', looking: 'look', went: 'go', made: 'make', built: 'build', ran: 'run', held: 'hold',
  wrote: 'write', written: 'write', taught: 'teach', thought: 'think', spoke: 'speak', identified: 'identify',
  analysed: 'analyse', analyzed: 'analyze', better: 'better',
};
export const ALL_VERBS = new Set([...DELIBERATE, ...PEOPLE, ...RESEARCH, ...IMPROVE, ...PRODUCE]);

/** improving → improve, added → add, scheduled → schedule, investigates → investigate. */
export function lemma(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z-]/g, '');
  if (LEMMA_EXCEPTIONS[w]) return LEMMA_EXCEPTIONS[w];
  if (ALL_VERBS.has(w)) return w;
  const candidates: string[] = [];
  if (w.endsWith('ing')) candidates.push(w.slice(0, -3), w.slice(0, -3) + 'e', w.slice(0, -4));
  if (w.endsWith('ied')) candidates.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) candidates.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith('es')) candidates.push(w.slice(0, -2));
  if (w.endsWith('s')) candidates.push(w.slice(0, -1));
  return candidates.find((c) => ALL_VERBS.has(c)) ?? w;
}


/** A capitalised first word that is a verb of the lexicon: "Publish a document …", "File a bug …" (not "Files …"). */
export function startsImperative(text: string): boolean {
  const first = /^\p{Lu}[a-z]+\b/u.exec(text.trim());
  return !!first && ALL_VERBS.has(first[0].toLowerCase());
}
