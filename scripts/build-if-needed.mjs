// `npm start` on a fresh clone: compile the server and build the web app when either is missing or
// older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

// An image built for production ships dist/ (and web/dist) without the sources: nothing to build there.
const stale = (output, sources) =>
  sources.every(existsSync) && (!existsSync(output) || Math.max(...sources.map(newest)) > statSync(output).mtimeMs);

if (stale('dist/src/main.js', ['src', 'shared', 'migrations'])) {
  console.log('[cjn-tracker] building the server…');
  execSync('npx nest build', { stdio: 'inherit' });
}
if (stale('web/dist/index.html', ['web/src', 'shared', 'web/public', 'web/index.html', 'web/vite.config.ts'])) {
  console.log('[cjn-tracker] building the web app…');
  execSync('npm run build:web', { stdio: 'inherit' });
}
