// `npm run typecheck`: the server (with its tests) and the web app are two independent TypeScript programs,
// each about 20 s of one core; check them side by side and print each one's errors in one piece.
import { spawn } from 'node:child_process';

const check = (args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => {
      process.stdout.write(output);
      resolve(code === 0);
    });
  });

const results = await Promise.all([check(['-p', 'tsconfig.json', '--noEmit']), check(['-p', 'web/tsconfig.json'])]);
if (!results.every(Boolean)) process.exit(1);
