// `npm start` and `npm test` on a fresh clone or after a change: compile the server (with test/support, which the
// e2e and browser tests import from dist/) and build the web app when either is missing or older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// A folder's own time counts too: it moves when a file in it is deleted or renamed.
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

// An image built for production ships dist/ (and web/dist) without the sources: nothing to build there.
const stale = (output, sources, settings) =>
  sources.every(existsSync) &&
  (!existsSync(output) ||
    Math.max(...[...sources, ...settings.filter(existsSync)].map(newest)) > statSync(output).mtimeMs);

if (
  stale(
    'dist/src/main.js',
    ['src', 'shared', 'migrations'],
    ['test/support', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'],
  )
) {
  console.log('[cjn-tracker] building the server…');
  execSync('npx nest build', { stdio: 'inherit' });
}
if (stale('web/dist/index.html', ['web/src', 'shared'], ['web/public', 'web/index.html', 'web/vite.config.ts'])) {
  console.log('[cjn-tracker] building the web app…');
  execSync('npm run build:web', { stdio: 'inherit' });
}
