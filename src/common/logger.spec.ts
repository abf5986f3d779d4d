import { describe, expect, it } from '@jest/globals';
import { createPino, PinoNestLogger, redactUrl, requestContext } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createPino('info', { destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { lines, nest: new PinoNestLogger(logger) };
}

describe('application logs', () => {
  it('carry the id of the request they were written in', async () => {
    const { lines, nest } = capture();
    await requestContext.run({ reqId: 'req-42' }, async () => {
      await Promise.resolve();
      nest.warn('Telegram reply failed', 'TelegramLinkService');
    });
    expect(lines[0]).toMatchObject({
      reqId: 'req-42',
      context: 'TelegramLinkService',
      msg: 'Telegram reply failed',
      level: 40,
    });
  });

  it('have no request id outside a request (workers, start-up)', () => {
    const { lines, nest } = capture();
    nest.log('Reconciled');
    expect(lines[0]).not.toHaveProperty('reqId');
  });
});

describe('request URLs in the log', () => {
  it('never carry a token: signed links, unsubscribe links, calendar feeds, invitation and reset links', () => {
    const cases: [string, string][] = [
      ['/api/v1/links/eyJhbGci.abc-def_1', '/api/v1/links/[redacted]'],
      ['/api/v1/links/eyJhbGci.abc?x=1', '/api/v1/links/[redacted]?x=1'],
      ['/api/v1/unsubscribe/tok_123', '/api/v1/unsubscribe/[redacted]'],
      ['/api/v1/calendar/3f9a0c.ics', '/api/v1/calendar/[redacted].ics'],
      ['/invitations/abc.def', '/invitations/[redacted]'],
      ['/reset-password?token=abc.def&lang=km', '/reset-password?token=[redacted]&lang=km'],
      ['/invitation?token=xyz', '/invitation?token=[redacted]'],
      ['/api/v1/opportunities?q=token&limit=5', '/api/v1/opportunities?q=token&limit=5'],
      ['/api/v1/me/calendar', '/api/v1/me/calendar'],
      ['/api/v1/me/calendar/regenerate', '/api/v1/me/calendar/regenerate'],
    ];
    for (const [url, logged] of cases) expect(redactUrl(url)).toBe(logged);
  });
});
