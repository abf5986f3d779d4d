import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config.js';
import { readEnvironment } from './env-file.js';

describe('readEnvironment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cjn-env-'));
  const file = join(dir, '.env');
  writeFileSync(file, '# the host\nPORT=8088\nPUBLIC_URL="http://cjn.lan:8088"\nMAIL_FROM=CJN <tracker@cjn.example>\n');

  it('reads settings from the .env file', () => {
    const config = loadConfig(readEnvironment(file, {}));
    expect(config.port).toBe(8088);
    expect(config.publicUrl).toBe('http://cjn.lan:8088');
    expect(config.mailFrom).toBe('CJN <tracker@cjn.example>');
  });

  it('lets the environment win over the file', () => {
    expect(loadConfig(readEnvironment(file, { PORT: '9000' })).port).toBe(9000);
  });

  it('is the environment alone when there is no file', () => {
    expect(readEnvironment(join(dir, 'missing.env'), { PORT: '1' })).toEqual({ PORT: '1' });
  });
});
