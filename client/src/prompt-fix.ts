// PROMPT_FIX_COMMAND: a quick fix that needs an answer from the writer (an owner, a due date, a rewrite). Ask, put
// the answer where the fix's placeholder is, apply the edits. Refuses when the document changed since the fix was
// computed, so an answer never lands in the wrong place.
import * as vscode from 'vscode';
import type { Fix, PromptFixArgs } from '../../server/src/protocol';
import { baseName, findDocument } from './util';
import { isIsoDate, normaliseOwner, ownerProblem, substitute } from './answers';

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
    let done = false;
    const finish = (v: PickItem | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeValue((v) => {
      const typed = v.trim() ? fromTyped(v) : undefined;
      qp.items = typed && !suggestions.some((s) => s.value === typed.value) ? [typed, ...base] : base;
    });
    qp.onDidAccept(() => {
      const sel = qp.selectedItems[0] ?? qp.activeItems[0];
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
    'Pick a due date, or type one as YYYY-MM-DD',
    suggestions,
    'Type a date…',
    (v) => (isIsoDate(v) ? { label: v.trim(), value: v.trim(), description: 'use this date', alwaysShow: true } : undefined),
  );
  if (!picked) return undefined;
  if (!picked.typeOwn && picked.value && isIsoDate(picked.value)) return picked.value;
  const today = localIso(new Date());
  const typed = await vscode.window.showInputBox({
    title: prompt.question || 'When is this action item due?',
    prompt: 'An absolute date (YYYY-MM-DD): a reader next year can tell when it was due.',
    placeHolder: inDays(14),
    value: picked.value ?? '',
    validateInput: (v) => {
      if (!isIsoDate(v)) return 'Write the date as YYYY-MM-DD, e.g. ' + inDays(14) + '.';
      if (v.trim() < today) return { message: 'This date is in the past: the item will be flagged as overdue.', severity: vscode.InputBoxValidationSeverity.Warning };
      return undefined;
    },
  });
  return typed === undefined ? undefined : typed.trim();
}

async function askText(prompt: Prompt): Promise<string | undefined> {
  const choices = (prompt.choices ?? []).filter((c) => c.value.trim());
  if (choices.length) {
    const picked = await pick(
      prompt.question,
      'Pick one, or type your own answer',
      choices.map((c) => ({ label: c.label, value: c.value, description: c.description })),
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
