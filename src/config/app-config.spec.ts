import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to local PostgreSQL and Redis with both roles', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/cjn_tracker');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.runsApi && config.runsWorkers).toBe(true);
    expect(config.emailEnabled).toBe(false);
  });

  it('reads environment variables and converts numbers', () => {
    const config = loadConfig({ PORT: '8080', APP_ROLE: 'worker', RECONCILE_INTERVAL_SECONDS: '15' });
    expect(config.port).toBe(8080);
    expect(config.runsApi).toBe(false);
    expect(config.reconcileIntervalSeconds).toBe(15);
  });

  it('names every bad variable in one error', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', APP_ROLE: 'both', REDIS_URL: 'localhost' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^\s+PORT: .*integer/m);
    expect(message).toMatch(/^\s+APP_ROLE: .*api, worker, all/m);
    expect(message).toMatch(/^\s+REDIS_URL: must be a redis:\/\/ URL/m);
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).nodeEnv).toBe('production');
  });

  it('wants the first admin e-mail and password together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'admin@example.org' })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
  });

  it('uses secure cookies only behind https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://tracker.example.org' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
  });
});
