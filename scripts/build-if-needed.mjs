// `npm start` on a fresh clone: compile when dist/ is missing or older than the sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const entry = 'dist/src/main.js';

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    latest = Math.max(latest, name.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// An image built for production ships dist/ without the sources: nothing to build there.
const hasSources = existsSync('src');
const sourcesChanged = () => Math.max(newest('src'), newest('migrations')) > statSync(entry).mtimeMs;
if (hasSources && (!existsSync(entry) || sourcesChanged())) {
  console.log('[cjn-tracker] building…');
  execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit' });
}
