// `npm run bench`: every benchmark in turn (seed if needed, API, reminders, rebuild, drill, phone), then every table
// again together, so one run prints each figure beside its goal and the machine it ran on.
import { benchApi } from './api.mjs';
import { benchDrill } from './drill.mjs';
import { benchPhone } from './phone.mjs';
import { benchRebuild } from './rebuild.mjs';
import { benchReminders } from './reminders.mjs';
import { printMachine, printTable, requireBuild } from './support.mjs';

requireBuild();
const parts = [
  ['bench/api', benchApi],
  ['bench/reminders', benchReminders],
  ['bench/rebuild', benchRebuild],
  ['bench/drill', benchDrill],
  ['bench/phone', benchPhone],
];
const results = [];
const started = Date.now();
for (const [name, run] of parts) {
  console.log(`\n=== ${name}`);
  try {
    results.push([name, await run()]);
  } catch (error) {
    console.error(`${name} failed:`, error);
    results.push([
      name,
      [{ figure: 'run', measured: `failed: ${error.message.split('\n')[0]}`, goal: 'runs', met: false }],
    ]);
  }
}
console.log(`\n=== all benchmarks (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
printMachine();
for (const [name, rows] of results) printTable(name, rows);
process.exit(results.some(([, rows]) => rows.some((r) => r.figure === 'run')) ? 1 : 0);
