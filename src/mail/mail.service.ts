import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A Message-ID of our own (see messageIdFor); nodemailer makes a random one otherwise. */
  messageId?: string;
}

/** Outgoing e-mail over SMTP_URL. Callers run inside BullMQ jobs, which retry on a thrown error. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    // Timeouts well under the 2-minute claim on a delivery, so a stalled server fails the
    // attempt (and it is retried) instead of being taken over and sent a second time. Pooled: a new
    // connection, its TLS and its greeting took 111 of an e-mail reminder's 146 ms at idle (bench/reminders).
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          pool: true,
          maxConnections: 5,
          maxMessages: 500,
          connectionTimeout: 20_000,
          greetingTimeout: 20_000,
          socketTimeout: 45_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Connects and signs in to the SMTP server without sending anything (for /health). */
  async verify(): Promise<void> {
    if (!this.transport) throw new Error('E-mail is not configured (SMTP_URL is unset)');
    await this.transport.verify();
  }

  /**
   * A stable Message-ID for what `key` names (one delivery, one digest): a copy sent again after a crash
   * carries the same id, so mail servers and clients that fold duplicates by Message-ID show it once.
   */
  messageIdFor(key: string): string {
    const domain = /@([^>\s]+)>?\s*$/.exec(this.config.mailFrom)?.[1] ?? 'cjn-tracker.local';
    return `<${key}@${domain}>`;
  }

  /** Sends one message; returns the provider's message id. */
  async send(message: MailMessage): Promise<string> {
    if (!this.transport) throw new Error('E-mail is not configured (SMTP_URL is unset)');
    const info = await this.transport.sendMail({ from: this.config.mailFrom, ...message });
    return info.messageId;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
