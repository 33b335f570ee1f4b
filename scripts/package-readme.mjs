// The README that goes into the VSIX (dist/README.md, packaged as the extension's readme by `npm run package`).
// VS Code's Extensions page renders a locally installed extension's README in a webview with no base URL and a CSP
// of `img-src https: data:`, so a relative image path shows as a broken image there (checked on VS Code 1.100), and
// the project has no public URL to point at. Images are therefore inlined as data: URIs, and links to files in this
// repository (docs/rules/*.md), which the page cannot open, are left as plain text. The repository's README.md keeps
// its relative paths, which render on any git host and in an editor's markdown preview.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.webp': 'image/webp' };
const isRelative = (href) => !/^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(href);

export function packageReadme(text, readFile = (rel) => readFileSync(path.join(root, rel))) {
  // images: ![alt](relative/path.png "title")
  let out = text.replace(/!\[([^\]]*)\]\(([^)\s]+)((?:\s+"[^"]*")?)\)/g, (all, alt, href, title) => {
    if (!isRelative(href)) return all;
    const mime = MIME[path.extname(href).toLowerCase()];
    if (!mime) throw new Error(`README image ${href}: unknown image type`);
    return `![${alt}](data:${mime};base64,${readFile(href).toString('base64')}${title})`;
  });
  // links to repository files: [text](docs/rules/x.md) → text (not preceded by "!", i.e. not an image)
  out = out.replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (all, label, href) => (isRelative(href) ? label : all));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const out = path.join(root, 'dist', 'README.md');
  if (!existsSync(path.dirname(out))) mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, packageReadme(readme));
  console.log(`dist/README.md: ${(Buffer.byteLength(readFileSync(out)) / 1024).toFixed(0)} KB, images inlined`);
}
