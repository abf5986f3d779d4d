import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Outgoing e-mail over SMTP_URL. Callers run inside BullMQ jobs, which retry on a thrown error. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
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
