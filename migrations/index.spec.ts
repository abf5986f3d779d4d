import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS } from './index.js';

describe('migrations/index', () => {
  it('lists every migration file in this folder, in timestamp order', () => {
    const folder = dirname(fileURLToPath(import.meta.url));
    const files = readdirSync(folder)
      .filter((f) => /^\d{13}-.*\.ts$/.test(f))
      .sort();
    const stamps = files.map((f) => f.slice(0, 13));
    expect(MIGRATIONS.map((m) => m.name.slice(-13))).toEqual(stamps);
  });
});
