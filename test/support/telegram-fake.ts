import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface TelegramCall {
  method: string;
  token: string;
  body: Record<string, unknown>;
  at: number;
  /** what we answered */
  status: number;
}

type Rule = { chatId: string; times: number; status: number; description: string; retryAfter?: number };

/**
 * A loopback stand-in for the Telegram Bot API (`TELEGRAM_API_BASE_URL`): answers
 * sendMessage and getMe like Telegram does, records every call, and can be told to
 * answer 429 with retry_after or 403 for a blocked chat.
 */
export class TelegramFake {
  readonly calls: TelegramCall[] = [];
  private rules: Rule[] = [];
  private server: Server;
  private nextId = 1;
  port = 0;

  constructor(readonly token = 'test-bot-token') {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` messages to `chatId` get 429 Too Many Requests with retry_after. */
  tooManyRequests(chatId: string, retryAfter: number, times = 1): void {
    this.rules.push({
      chatId,
      times,
      status: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      retryAfter,
    });
  }

  /** Every message to `chatId` gets 403: the user blocked the bot. */
  blocked(chatId: string): void {
    this.rules.push({ chatId, times: Infinity, status: 403, description: 'Forbidden: bot was blocked by the user' });
  }

  /** Messages that Telegram accepted. */
  sent(chatId?: string): TelegramCall[] {
    return this.calls.filter(
      (c) =>
        c.method === 'sendMessage' && c.status === 200 && (chatId === undefined || String(c.body.chat_id) === chatId),
    );
  }

  async waitForSent(chatId: string, count = 1, timeoutMs = 10_000): Promise<TelegramCall[]> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.sent(chatId).length >= count) return this.sent(chatId);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(
      `Telegram: fewer than ${count} messages to ${chatId} within ${timeoutMs} ms (calls: ${JSON.stringify(this.calls.map((c) => [c.method, c.body.chat_id, c.status]))})`,
    );
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    let body: Record<string, unknown>;
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' } };
    }
    const call: TelegramCall = {
      method: match?.[2] ?? '?',
      token: match?.[1] ?? '',
      body,
      at: Date.now(),
      status: 200,
    };
    this.calls.push(call);
    const answer = (status: number, payload: unknown) => {
      call.status = status;
      return { status, body: payload };
    };
    if (!match || call.token !== this.token)
      return answer(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    if (call.method === 'getMe')
      return answer(200, { ok: true, result: { id: 1, is_bot: true, first_name: 'CJN', username: 'cjn_test_bot' } });
    if (call.method !== 'sendMessage') return answer(200, { ok: true, result: true });
    const chatId = String(body.chat_id);
    const rule = this.rules.find((r) => r.chatId === chatId && r.times > 0);
    if (rule) {
      rule.times -= 1;
      return answer(rule.status, {
        ok: false,
        error_code: rule.status,
        description: rule.description,
        ...(rule.retryAfter ? { parameters: { retry_after: rule.retryAfter } } : {}),
      });
    }
    return answer(200, {
      ok: true,
      result: { message_id: this.nextId++, chat: { id: Number(chatId) }, text: body.text },
    });
  }
}
