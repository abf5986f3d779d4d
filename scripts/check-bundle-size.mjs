// After `vite build`: the JavaScript a browser loads for the first screen (the entry chunk and every
// chunk it imports statically, not the pages loaded on demand), gzipped. Fails above the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = 'web/dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
visit('index.html');

let total = 0;
for (const key of seen) {
  const file = manifest[key].file;
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file}  ${(size / 1024).toFixed(1)} kB gzip`);
}
const kb = total / 1024;
console.log(`[web] first screen JavaScript: ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (kb > BUDGET_KB) {
  console.error(`[web] over budget by ${(kb - BUDGET_KB).toFixed(1)} kB: load more of it on demand (lazy routes)`);
  process.exit(1);
}
