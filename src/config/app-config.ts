import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const APP_ROLES = ['api', 'worker', 'all'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me';

/** Every setting the app reads, validated at start-up. Field names map 1:1 to ENV_NAMES. */
export class AppConfig {
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  databaseUrl = 'postgres://postgres@127.0.0.1:5432/cjn_tracker';

  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  redisUrl = 'redis://127.0.0.1:6379';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @IsIn(APP_ROLES)
  appRole: AppRole = 'all';

  @Matches(/^https?:\/\/[^/]+/, { message: 'must be an http(s) URL' })
  publicUrl = 'http://localhost:3000';

  @IsString()
  @MinLength(16)
  sessionSecret = DEV_SESSION_SECRET;

  @IsOptional()
  @IsEmail()
  adminEmail?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  adminPassword?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
  smtpUrl?: string;

  @IsString()
  mailFrom = 'CJN Tracker <no-reply@cjn-tracker.local>';

  @IsOptional()
  @IsString()
  telegramBotToken?: string;

  @Matches(/^https?:\/\//, { message: 'must be an http(s) URL' })
  telegramApiBaseUrl = 'https://api.telegram.org';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  reconcileIntervalSeconds = 60;

  /** Prefix of every BullMQ key; lets several deployments (or test runs) share one Redis. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'may hold letters, digits, _ and - only' })
  queuePrefix = 'cjn';

  @IsString()
  uploadDir = './uploads';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  maxUploadBytes = 10 * 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';

  @IsIn(['development', 'production', 'test'])
  nodeEnv = 'development';

  get runsApi(): boolean {
    return this.appRole !== 'worker';
  }

  get runsWorkers(): boolean {
    return this.appRole !== 'api';
  }

  get secureCookies(): boolean {
    return this.publicUrl.startsWith('https://');
  }

  get emailEnabled(): boolean {
    return !!this.smtpUrl;
  }

  get telegramEnabled(): boolean {
    return !!this.telegramBotToken;
  }

  /** An absolute link under PUBLIC_URL (with or without its trailing slash); `path` starts with `/`. */
  link(path: string): string {
    return `${this.publicUrl.replace(/\/+$/, '')}${path}`;
  }
}

export const ENV_NAMES: Record<string, keyof AppConfig> = {
  DATABASE_URL: 'databaseUrl',
  REDIS_URL: 'redisUrl',
  PORT: 'port',
  APP_ROLE: 'appRole',
  PUBLIC_URL: 'publicUrl',
  SESSION_SECRET: 'sessionSecret',
  ADMIN_EMAIL: 'adminEmail',
  ADMIN_PASSWORD: 'adminPassword',
  SMTP_URL: 'smtpUrl',
  MAIL_FROM: 'mailFrom',
  TELEGRAM_BOT_TOKEN: 'telegramBotToken',
  TELEGRAM_API_BASE_URL: 'telegramApiBaseUrl',
  RECONCILE_INTERVAL_SECONDS: 'reconcileIntervalSeconds',
  QUEUE_PREFIX: 'queuePrefix',
  UPLOAD_DIR: 'uploadDir',
  MAX_UPLOAD_BYTES: 'maxUploadBytes',
  LOG_LEVEL: 'logLevel',
  NODE_ENV: 'nodeEnv',
};

export class ConfigError extends Error {}

/** Builds the config from environment variables (empty ones count as unset) plus overrides. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const plain: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') plain[field] = value;
  }
  const config = plainToInstance(AppConfig, { ...plain, ...overrides });
  const problems = validateSync(config, { forbidUnknownValues: false }).map((error) => {
    const envName = Object.keys(ENV_NAMES).find((n) => ENV_NAMES[n] === error.property);
    return `${envName ?? error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`;
  });
  if (config.nodeEnv === 'production' && config.sessionSecret === DEV_SESSION_SECRET) {
    problems.push('SESSION_SECRET: is required in production (at least 16 characters)');
  }
  if (!!config.adminEmail !== !!config.adminPassword) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (problems.length) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}
