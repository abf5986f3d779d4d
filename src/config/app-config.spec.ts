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

  it('moves the clock (CLOCK_START) for tests only', () => {
    expect(loadConfig({ NODE_ENV: 'test', CLOCK_START: '2028-02-29T12:00:00Z' }).clockStart).toBe(
      '2028-02-29T12:00:00Z',
    );
    expect(() => loadConfig({ CLOCK_START: '2028-02-29T12:00:00Z' })).toThrow(/CLOCK_START: .*NODE_ENV=test/);
    expect(() => loadConfig({ NODE_ENV: 'test', CLOCK_START: 'next Tuesday' })).toThrow(/CLOCK_START/);
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).nodeEnv).toBe('production');
  });

  it('refuses in production the secrets and passwords published in this repository', () => {
    const secure = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) };
    for (const secret of [
      'dev-only-session-secret-change-me',
      'change-me-to-a-long-random-string',
      'change-me-in-production-please',
    ]) {
      expect(() => loadConfig({ ...secure, SESSION_SECRET: secret })).toThrow(
        /SESSION_SECRET: set a long random value/,
      );
    }
    for (const password of ['cjn-demo-password', 'change-this-admin-password']) {
      expect(() => loadConfig({ ...secure, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: password })).toThrow(
        /ADMIN_PASSWORD: the demo password is refused/,
      );
    }
    expect(
      loadConfig({ NODE_ENV: 'development', ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'cjn-demo-password' })
        .adminPassword,
    ).toBe('cjn-demo-password');
  });

  it("refuses an ADMIN_PASSWORD made of ADMIN_EMAIL's words or the service's own", () => {
    const admin = { ADMIN_EMAIL: 'sophea.keo@lac.org.kh' };
    expect(() => loadConfig({ ...admin, ADMIN_PASSWORD: 'SopheaKeo2026' })).toThrow(
      /ADMIN_PASSWORD: contains your own name or e-mail address/,
    );
    expect(() => loadConfig({ ...admin, ADMIN_PASSWORD: 'cjntracker1' })).toThrow(/ADMIN_PASSWORD: is too easy/);
    expect(loadConfig({ ...admin, ADMIN_PASSWORD: 'sophea reads by the river' }).adminEmail).toBe(admin.ADMIN_EMAIL);
  });

  it('wants the first admin e-mail and password together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'admin@example.org' })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
  });

  it('trusts no proxy unless TRUST_PROXY names one', () => {
    expect(loadConfig({}).trustedProxies).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustedProxies).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustedProxies).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 172.16.0.1' }).trustedProxies).toBe('10.0.0.0/8, 172.16.0.1');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY: must be empty/);
  });

  it('uses secure cookies only behind https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://tracker.example.org' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
  });
});
