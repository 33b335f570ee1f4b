/// <reference lib="dom" />
// The reader view's only script (bundled to dist/media/reader.js, loaded with the page's nonce). It never parses
// markdown and never builds HTML: it swaps in the sanitised body the server rendered, and turns clicks into messages
// for the extension (reveal a line in the editor, open a link through VS Code).

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface State {
  uri?: string;
  scrollY?: number;
  /** The audience the reader chose with the switch (kept across updates and reloads of the page). */
  audience?: string;
}

(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('reader-root');
  if (!root) return;
  const previous = (vscode.getState() as State | undefined) ?? {};
  const state: State = { ...previous, uri: root.dataset.uri || previous.uri };
  vscode.setState(state);

  if (typeof previous.scrollY === 'number' && previous.uri === state.uri) window.scrollTo(0, previous.scrollY);

  /** The audience switch is radios and CSS; the script only keeps the reader's choice when the page is re-rendered. */
  function restoreAudience(): void {
    if (!state.audience) return;
    const radio = document.getElementById(`audience-${state.audience}`);
    if (radio instanceof HTMLInputElement && radio.name === 'pm-audience') radio.checked = true;
  }
  if (previous.uri !== state.uri) delete state.audience;
  restoreAudience();
  document.addEventListener('change', (ev) => {
    const t = ev.target;
    if (t instanceof HTMLInputElement && t.name === 'pm-audience' && t.checked) {
      state.audience = t.value;
      vscode.setState(state);
    }
  });

  let scrollPending = false;
  window.addEventListener('scroll', () => {
    if (scrollPending) return;
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      state.scrollY = window.scrollY;
      vscode.setState(state);
    });
  });

  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

  function reveal(el: HTMLElement): void {
    const line = num(el.dataset.line);
    if (line === undefined) return;
    vscode.postMessage({
      type: 'reveal',
      line,
      character: num(el.dataset.character) ?? 0,
      endLine: num(el.dataset.endLine) ?? line,
      endCharacter: num(el.dataset.endCharacter) ?? num(el.dataset.character) ?? 0,
    });
  }

  document.addEventListener('click', (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    const sourceLink = target?.closest<HTMLElement>('.source-link');
    if (sourceLink) {
      ev.preventDefault();
      reveal(sourceLink);
      return;
    }
    const a = target?.closest('a');
    if (!a) return;
    ev.preventDefault();
    const href = a.getAttribute('href');
    if (!href) return;
    if (href.startsWith('#')) {
      let id = href.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        /* keep as written */
      }
      const el = document.getElementById(id) ?? document.getElementById('user-content-' + id);
      el?.scrollIntoView({ block: 'start' });
      return;
    }
    vscode.postMessage({ type: 'open', href });
  });

  // Double-click a block of the rendered document to show it in the editor (like the markdown preview).
  document.addEventListener('dblclick', (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    const block = target?.closest<HTMLElement>('[data-line]');
    if (block) reveal(block);
  });

  window.addEventListener('message', (ev: MessageEvent) => {
    const m = ev.data as { type?: string; html?: unknown; version?: unknown; title?: unknown; uri?: unknown };
    if (!m || m.type !== 'update' || typeof m.html !== 'string') return;
    const y = window.scrollY;
    root.innerHTML = m.html;
    restoreAudience();
    root.dataset.version = String(m.version ?? '');
    if (typeof m.title === 'string') document.title = m.title;
    // the document was saved under a new name (Save As of an untitled postmortem): restore the panel on that one
    if (typeof m.uri === 'string' && m.uri !== state.uri) {
      root.dataset.uri = m.uri;
      state.uri = m.uri;
      vscode.setState(state);
    }
    window.scrollTo(0, y);
  });

  vscode.postMessage({ type: 'ready' });
})();
