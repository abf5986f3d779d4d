import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback that keeps what it receives. `refuseNext(n)` makes it
 * answer the next n messages with a temporary failure, as a busy mail server would.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Runs once the next message has been read, before it is accepted (what else happens meanwhile). */
  beforeNextAccept: (() => Promise<void>) | null = null;
  private refusals = 0;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const hook = this.beforeNextAccept;
          this.beforeNextAccept = null;
          await hook?.();
          if (this.refusals > 0) {
            this.refusals--;
            const error = new Error('Try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          this.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuseNext(count: number): void {
    this.refusals = count;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Waits until a message for `to` arrives (polling, bounded). */
  async waitFor(to: string, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.messages.find((m) => m.to.includes(to));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`No e-mail to ${to} within ${timeoutMs} ms`);
  }
}

/** The text of a quoted-printable MIME body, soft line breaks removed. */
export function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A received message read as a mail client would: decoded subject, text and HTML parts (UTF-8). */
export function readMail(raw: string): { subject: string; text: string; html: string } {
  const unfold = (headers: string) => headers.replace(/\r?\n[ \t]+/g, ' ');
  const header = (headers: string, name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfold(headers))?.[1]?.trim() ?? '';
  const words = (value: string) =>
    value
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
        encoding.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64').toString('utf8')
          : Buffer.from(decodeQuotedPrintable(data.replace(/_/g, ' ')), 'latin1').toString('utf8'),
      );
  const body = (headers: string, content: string) =>
    /base64/i.test(header(headers, 'Content-Transfer-Encoding'))
      ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
      : Buffer.from(decodeQuotedPrintable(content), 'latin1').toString('utf8');
  const [top] = raw.split(/\r?\n\r?\n/);
  const parts = { text: '', html: '' };
  const boundary = /boundary="?([^";\s]+)"?/i.exec(unfold(top))?.[1];
  const chunks = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const chunk of chunks) {
    const at = chunk.search(/\r?\n\r?\n/);
    const [headers, content] = [chunk.slice(0, at), chunk.slice(at).trim()];
    const type = header(headers, 'Content-Type');
    if (/text\/html/i.test(type)) parts.html = body(headers, content);
    else if (/text\/plain/i.test(type)) parts.text = body(headers, content);
  }
  return { subject: words(header(top, 'Subject')), ...parts };
}
