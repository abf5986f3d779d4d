// After `vite build`: the JavaScript a browser loads for each route that has a budget (its entry chunks
// and every chunk they import statically), gzipped. Fails above a budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'web/dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const ROUTES = [
  { name: 'first screen', entries: ['index.html'], budgetKb: 250 },
  {
    // A section opened from a reminder: the app, the section page and CodeMirror.
    name: 'section editor',
    entries: [
      'index.html',
      'src/features/submissions/SectionPage.tsx',
      'src/features/submissions/editor/MarkdownEditor.tsx',
    ],
    budgetKb: 400,
  },
];

const gzipped = new Map();
const sizeOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gzipped.get(file);
};

let over = false;
for (const route of ROUTES) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    if (!manifest[key]) throw new Error(`${key} is not in the build's manifest: update ROUTES in ${import.meta.url}`);
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  route.entries.forEach(visit);
  const kb = [...seen].reduce((sum, key) => sum + sizeOf(manifest[key].file), 0) / 1024;
  console.log(
    `[web] ${route.name} JavaScript: ${kb.toFixed(1)} kB gzip in ${seen.size} files (budget ${route.budgetKb} kB)`,
  );
  if (kb > route.budgetKb) {
    console.error(
      `[web] ${route.name} over budget by ${(kb - route.budgetKb).toFixed(1)} kB: load more of it on demand`,
    );
    over = true;
  }
}
if (over) process.exit(1);
