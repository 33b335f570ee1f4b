// PROMPT_FIX_COMMAND: a quick fix that needs an answer from the writer (an owner, a due date, a rewrite). Ask, put
// the answer where the fix's placeholder is, apply the edits. Refuses when the document changed since the fix was
// computed, so an answer never lands in the wrong place.
import * as vscode from 'vscode';
import type { Fix, FixAllWithDefaultsArgs, PromptFixArgs } from '../../server/src/protocol';
import { baseName, findDocument } from './util';
import { isIsoDate, normaliseOwner, ownerProblem, parseDate, rowsWithTyped, substitute, templateSnippet } from './answers';

type Prompt = NonNullable<Fix['prompt']>;
type Choice = NonNullable<Prompt['choices']>[number];

function localIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return localIso(d);
}

function defaultDateChoices(): Choice[] {
  return [
    { label: 'In 1 week', value: inDays(7) },
    { label: 'In 2 weeks', value: inDays(14) },
    { label: 'In 30 days', value: inDays(30) },
  ];
}

interface PickItem extends vscode.QuickPickItem {
  value?: string;
  typeOwn?: boolean;
  /** The item focused when the picker opens (otherwise the first). */
  isDefault?: boolean;
}

/** A QuickPick of suggestions plus "Type …"; text typed into the filter can be taken as the answer too. */
function pick(title: string, placeholder: string, suggestions: PickItem[], typeLabel: string, fromTyped: (v: string) => PickItem | undefined): Promise<PickItem | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem>();
    qp.title = title;
    qp.placeholder = placeholder;
    qp.matchOnDescription = true;
    const typeItem: PickItem = { label: `$(edit) ${typeLabel}`, typeOwn: true, alwaysShow: true };
    const base: PickItem[] = [...suggestions, { label: '', kind: vscode.QuickPickItemKind.Separator }, typeItem];
    qp.items = base;
    const focus = suggestions.find((s) => s.isDefault);
    if (focus) qp.activeItems = [focus];
    let done = false;
    const finish = (v: PickItem | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeValue((v) => {
      const typed = v.trim() ? fromTyped(v) : undefined;
      qp.items = rowsWithTyped(typed, base);
    });
    qp.onDidAccept(() => {
      const sel = qp.selectedItems[0] ?? qp.activeItems[0];
      // "Type …" with text already typed: the text goes on to the next box instead of being thrown away
      if (sel?.typeOwn && qp.value.trim()) return finish({ ...sel, value: qp.value });
      if (sel) return finish(sel);
      const typed = qp.value.trim() ? fromTyped(qp.value) : undefined;
      finish(typed ?? { label: qp.value, typeOwn: true, value: qp.value });
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

async function askOwner(prompt: Prompt): Promise<string | undefined> {
  const seen = new Set<string>();
  const suggestions: PickItem[] = [];
  for (const c of prompt.choices ?? []) {
    // names as people wrote them: a name of several words is never turned into a made-up handle
    if (/\s/.test((c.value || c.label).trim())) continue;
    const value = normaliseOwner(c.value || c.label);
    if (!value || seen.has(value.toLowerCase()) || ownerProblem(value)) continue;
    seen.add(value.toLowerCase());
    suggestions.push({ label: value, value, description: c.description });
  }
  const picked = await pick(
    prompt.question || 'Who owns this action item?',
    suggestions.length ? 'Pick an owner already used in your postmortems, or type a name' : 'Type the name of the one person who will drive this item',
    suggestions,
    'Type a name…',
    (v) => (ownerProblem(v) ? undefined : { label: normaliseOwner(v), value: normaliseOwner(v), description: 'use this name', alwaysShow: true }),
  );
  if (!picked) return undefined;
  if (!picked.typeOwn && picked.value) return picked.value;
  const typed = await vscode.window.showInputBox({
    title: prompt.question || 'Who owns this action item?',
    prompt: 'One person, as a handle: the item is real once someone owns it.',
    placeHolder: '@alice',
    value: picked.value ?? '',
    validateInput: (v) => ownerProblem(v),
  });
  return typed === undefined ? undefined : normaliseOwner(typed);
}

async function askDate(prompt: Prompt): Promise<string | undefined> {
  const choices = (prompt.choices?.length ? prompt.choices : defaultDateChoices()).filter((c) => isIsoDate(c.value));
  const suggestions: PickItem[] = choices.map((c) => ({ label: c.label, value: c.value, description: c.description ?? c.value }));
  const picked = await pick(
    prompt.question || 'When is this action item due?',
    'Pick a due date, or type one (2026-12-14, next friday, in 3 weeks)',
    suggestions,
    'Type a date…',
    (v) => {
      const iso = parseDate(v, new Date());
      if (!iso) return undefined;
      return { label: iso, value: iso, description: isIsoDate(v) ? 'use this date' : `"${v.trim()}"`, alwaysShow: true };
    },
  );
  if (!picked) return undefined;
  if (!picked.typeOwn && picked.value && isIsoDate(picked.value)) return picked.value;
  const today = localIso(new Date());
  const typed = await vscode.window.showInputBox({
    title: prompt.question || 'When is this action item due?',
    prompt: 'A date, written into the item as YYYY-MM-DD so that a reader next year can tell when it was due.',
    placeHolder: `${inDays(14)}, next friday, in 3 weeks`,
    value: picked.value ?? '',
    validateInput: (v) => {
      const iso = parseDate(v, new Date());
      if (!iso) return 'Not a date I can read: write it as YYYY-MM-DD, e.g. ' + inDays(14) + '.';
      if (iso < today) return { message: `${iso}: this date is in the past, so the item will be flagged as overdue.`, severity: vscode.InputBoxValidationSeverity.Warning };
      // the date that will be written, shown before accepting
      return isIsoDate(v) ? undefined : { message: `Will write ${iso}.`, severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  return typed === undefined ? undefined : parseDate(typed, new Date());
}

async function askText(prompt: Prompt): Promise<string | undefined> {
  const choices = (prompt.choices ?? []).filter((c) => c.value.trim());
  if (choices.length) {
    const picked = await pick(
      prompt.question,
      'Pick one, or type your own answer',
      choices.map((c) => ({ label: c.label, value: c.value, description: c.description, isDefault: c.default })),
      'Type an answer…',
      (v) => ({ label: v.trim(), value: v.trim(), description: 'use this', alwaysShow: true }),
    );
    if (!picked) return undefined;
    if (!picked.typeOwn && picked.value) return picked.value;
  }
  const typed = await vscode.window.showInputBox({
    title: prompt.question,
    prompt: prompt.question,
    validateInput: (v) => (v.trim() ? undefined : 'Type an answer, or press Escape to cancel.'),
  });
  return typed === undefined ? undefined : typed.trim();
}

export async function askAnswer(prompt: Prompt): Promise<string | undefined> {
  if (prompt.kind === 'owner') return askOwner(prompt);
  if (prompt.kind === 'date') return askDate(prompt);
  return askText(prompt);
}

function isPromptFixArgs(a: unknown): a is PromptFixArgs {
  const x = a as PromptFixArgs;
  return !!x && typeof x.uri === 'string' && typeof x.version === 'number' && !!x.fix && Array.isArray(x.fix.edits);
}

/** The command handler. Resolves true when the edits were applied. */
export async function applyPromptFix(args: unknown, ask: (p: Prompt) => Promise<string | undefined> = askAnswer): Promise<boolean> {
  if (!isPromptFixArgs(args)) {
    void vscode.window.showErrorMessage('Postmortem Lint: this quick fix came without its data; open the quick fixes again (Ctrl+.).');
    return false;
  }
  const { fix } = args;
  const uri = vscode.Uri.parse(args.uri, true);
  const doc = findDocument(uri) ?? (await vscode.workspace.openTextDocument(uri));
  const stale = () =>
    void vscode.window.showWarningMessage(
      `"${fix.title}" was computed for an earlier version of ${baseName(uri)} and was not applied: the text has changed since. Press Ctrl+. again for a fresh fix.`,
    );
  if (doc.version !== args.version) {
    stale();
    return false;
  }
  let answer: string | undefined;
  if (fix.prompt) {
    answer = await ask(fix.prompt);
    if (answer === undefined) return false;
    if (doc.version !== args.version) {
      stale();
      return false;
    }
  }
  if (!fix.prompt && fix.template && fix.edits.length === 1) {
    // A template: inserted as a snippet, Tab moving from one <…> to the next
    const e = fix.edits[0];
    const editor = await vscode.window.showTextDocument(doc);
    const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
    return editor.insertSnippet(new vscode.SnippetString(templateSnippet(e.newText)), range);
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
    const text = fix.prompt && answer !== undefined ? substitute(e.newText, fix.prompt.placeholder, answer, fix.prompt.kind) : e.newText;
    edit.replace(uri, range, text);
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) void vscode.window.showWarningMessage(`"${fix.title}" could not be applied to ${baseName(uri)}.`);
  return ok;
}

function isDefaultsArgs(a: unknown): a is FixAllWithDefaultsArgs {
  const x = a as FixAllWithDefaultsArgs;
  return !!x && typeof x.uri === 'string' && typeof x.version === 'number' && Array.isArray(x.owner) && Array.isArray(x.date);
}

/**
 * "Fix all with defaults…": one owner and one due date, asked once, written into every item that lacks them. What is
 * left needs the writer's words (vague wording, priorities), and the closing message says so.
 */
export async function applyFixAllWithDefaults(args: unknown, ask: (p: Prompt) => Promise<string | undefined> = askAnswer): Promise<boolean> {
  if (!isDefaultsArgs(args)) return false;
  const uri = vscode.Uri.parse(args.uri, true);
  const doc = findDocument(uri) ?? (await vscode.workspace.openTextDocument(uri));
  if (doc.version !== args.version) {
    void vscode.window.showWarningMessage('The document changed since the fixes were computed: press Ctrl+. again.');
    return false;
  }
  const answer = async (fixes: Fix[], what: string): Promise<string | null | undefined> => {
    const prompt = fixes[0]?.prompt;
    if (!prompt) return null;
    return ask({ ...prompt, question: `${what} for the ${fixes.length} item${fixes.length === 1 ? '' : 's'} without one` });
  };
  const owner = await answer(args.owner, 'One owner');
  if (owner === undefined) return false;
  const date = await answer(args.date, 'One due date');
  if (date === undefined) return false;
  if (doc.version !== args.version) return false;
  const edit = new vscode.WorkspaceEdit();
  // owners first: where an owner and a date go to the same point, the owner comes first ("— @dana, due …")
  const groups: [Fix[], string | null][] = [[args.owner, owner], [args.date, date]];
  let owned = 0;
  let dated = 0;
  for (const [fixes, value] of groups) {
    if (value === null) continue;
    for (const fix of fixes) {
      if (!fix.prompt) continue;
      for (const e of fix.edits) {
        const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
        edit.replace(uri, range, substitute(e.newText, fix.prompt.placeholder, value, fix.prompt.kind));
      }
      if (fixes === args.owner) owned++;
      else dated++;
    }
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) {
    void vscode.window.showInformationMessage(
      `Gave ${owned} item${owned === 1 ? '' : 's'} an owner and ${dated} a due date. What is left needs your words (vague wording, priorities): see the Problems panel.`,
    );
  }
  return ok;
}
