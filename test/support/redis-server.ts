import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from './app-process.js';

/** A Redis of the test's own on a free loopback port, no persistence; `args` add or override settings. */
export async function startRedisServer(args: string[] = []): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...args],
    { stdio: 'pipe' },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept') && resolve());
    child.on('error', reject);
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}
