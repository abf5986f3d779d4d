import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BackupRuns } from '../backup/backup-runs.js';
import { AppConfig } from '../config/app-config.js';
import { MailService } from '../mail/mail.service.js';
import { TelegramApi } from '../reminders/channels/telegram-api.js';

export const CHECK_TIMEOUT_MS = 2000;

export interface Check {
  status: 'up' | 'down' | 'off';
  latencyMs?: number;
  error?: string;
}

export async function check(probe: () => Promise<unknown>): Promise<Check> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS))),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** What an admin needs to know besides the database and Redis: can mail and Telegram go out, and when was the last backup. */
@Injectable()
export class ServiceChecks {
  constructor(
    private readonly config: AppConfig,
    private readonly mail: MailService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  email(): Promise<Check> {
    return this.mail.enabled ? check(() => this.mail.verify()) : Promise.resolve({ status: 'off' });
  }

  telegram(): Promise<Check> {
    const token = this.config.telegramBotToken;
    if (!token) return Promise.resolve({ status: 'off' });
    return check(() => new TelegramApi(this.config.telegramApiBaseUrl, token, CHECK_TIMEOUT_MS).call('getMe', {}));
  }

  async lastBackup(): Promise<{ at: string; file: string; sizeBytes: number } | null> {
    const run = await new BackupRuns(this.db).latest();
    return run && { at: run.createdAt.toISOString(), file: run.fileName, sizeBytes: run.sizeBytes };
  }
}
