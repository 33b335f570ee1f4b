// Small HTML pieces shared by the reader view's renderers: escaping, nonces, links to lines, plurals.
// Every string from the document goes through escapeHtml.
import type { ReaderLocation } from '../protocol';

export function escapeHtml(s: string | number | undefined): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A link to a place in the document: the webview script turns clicks into "reveal this range in the editor". */
export function lineLink(loc: ReaderLocation, standalone: boolean, label = `line ${loc.line + 1}`): string {
  if (standalone) return `<span class="source-link">${escapeHtml(label)}</span>`;
  // A button, not <a href="#">: the webview host scrolls the page to the top for every "#" link it sees clicked.
  return (
    `<button type="button" class="source-link" data-line="${loc.line}" data-character="${loc.character}"` +
    ` data-end-line="${loc.endLine}" data-end-character="${loc.endCharacter}" title="Show in the editor">${escapeHtml(label)}</button>`
  );
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

