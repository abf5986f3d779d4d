import { describe, expect, it } from '@jest/globals';
import { createPino, PinoNestLogger, requestContext } from './logger.js';

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
