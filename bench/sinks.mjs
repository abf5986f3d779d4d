// Loopback stand-ins for the outside world: an SMTP server (smtp-server) that can refuse a share of
// messages, and a Telegram Bot API that accepts everything. Both count what they accepted.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

export class SmtpSink {
  /**
   * `refuseShare`: the share of messages answered 451 (temporary failure), at random. `envelopeMs`: how
   * long it takes to answer MAIL FROM, as a distant server does (the message itself is then accepted at once).
   */
  constructor({ refuseShare = 0, envelopeMs = 0 } = {}) {
    this.refuseShare = refuseShare;
    this.accepted = [];
    this.refused = 0;
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom: (address, session, callback) => setTimeout(callback, envelopeMs),
      onData: (stream, session, callback) => {
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('end', () => {
          if (Math.random() < this.refuseShare) {
            this.refused += 1;
            const error = new Error('Try again later');
            error.responseCode = 451;
            return callback(error);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          this.accepted.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, at: Date.now() });
          callback();
        });
      },
    });
    // A client killed mid-conversation (the drill's SIGKILL) resets its connection; that is not the sink's failure.
    this.server.on('error', () => {});
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start() {
    await new Promise((done) => this.server.listen(0, '127.0.0.1', done));
    this.port = this.server.server.address().port;
    return this;
  }

  async stop() {
    await new Promise((done) => this.server.close(() => done()));
  }
}

export class TelegramFake {
  constructor(token = 'bench-bot-token') {
    this.token = token;
    this.sent = [];
    this.nextId = 1;
    this.server = createServer(async (req, res) => {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const method = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1];
      let body = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        // answered like any other call
      }
      let result = true;
      if (method === 'getMe') result = { id: 1, is_bot: true, first_name: 'CJN', username: 'cjn_bench_bot' };
      if (method === 'sendMessage') {
        result = { message_id: this.nextId++, chat: { id: Number(body.chat_id) }, text: body.text };
        this.sent.push({ chatId: String(body.chat_id), at: Date.now() });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    await new Promise((done) => this.server.listen(0, '127.0.0.1', done));
    this.port = this.server.address().port;
    return this;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((done) => this.server.close(() => done()));
  }
}
