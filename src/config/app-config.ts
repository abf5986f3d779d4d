import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsISO8601,
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
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../users/password-policy.js';

export const APP_ROLES = ['api', 'worker', 'all'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me';

/** Values shipped in this repository (defaults, .env.example, docker-compose.yml, the demo seed): never real secrets. */
export const DEMO_PASSWORD = 'cjn-demo-password';
const PUBLISHED_SECRETS = new Set([
  DEV_SESSION_SECRET,
  'change-me-to-a-long-random-string',
  'change-me-in-production-please',
]);
/** The demo seed's password and the ADMIN_PASSWORD examples this repository has shipped (docker-compose.yml). */
export const PUBLISHED_PASSWORDS: ReadonlySet<string> = new Set([DEMO_PASSWORD, 'change-this-admin-password']);
/** The name the first admin (ADMIN_EMAIL) is created with. */
export const FIRST_ADMIN_NAME = 'Administrator';

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
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
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

  /** Where `npm run backup` writes its archives, and how many of them it keeps. */
  @IsString()
  backupDir = './backups';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  backupKeep = 14;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  maxUploadBytes = 10 * 1024 * 1024;

  /**
   * Which proxies may set X-Forwarded-For (Express's "trust proxy"): empty trusts none, so
   * clients cannot choose the address that sign-in limits count; `loopback` for a proxy on
   * this machine, its address or CIDR, a comma-separated list, or a number of hops.
   */
  @Matches(/^$|^\d+$|^((loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)\s*(,\s*|$))+$/, {
    message:
      'must be empty, a number of hops, or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses or CIDRs',
  })
  trustProxy = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';

  @IsIn(['development', 'production', 'test'])
  nodeEnv = 'development';

  /** Tests only (NODE_ENV=test): the app's clock starts at this instant and runs on from there. */
  @IsOptional()
  @IsISO8601({ strict: true })
  clockStart?: string;

  get runsApi(): boolean {
    return this.appRole !== 'worker';
  }

  get runsWorkers(): boolean {
    return this.appRole !== 'api';
  }

  /** TRUST_PROXY in the form Express's "trust proxy" setting takes. */
  get trustedProxies(): boolean | number | string {
    if (this.trustProxy === '') return false;
    return /^\d+$/.test(this.trustProxy) ? Number(this.trustProxy) : this.trustProxy;
  }

  get usesHttps(): boolean {
    return this.publicUrl.startsWith('https://');
  }

  get secureCookies(): boolean {
    return this.usesHttps;
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
  BACKUP_DIR: 'backupDir',
  BACKUP_KEEP: 'backupKeep',
  TRUST_PROXY: 'trustProxy',
  LOG_LEVEL: 'logLevel',
  NODE_ENV: 'nodeEnv',
  CLOCK_START: 'clockStart',
};

export class ConfigError extends Error {}

/** Builds the config from environment variables (empty ones count as unset) plus overrides. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
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
  if (config.nodeEnv === 'production') problems.push(...productionProblems(config));
  const adminPasswordProblem =
    config.adminPassword && passwordProblem(config.adminPassword, { email: config.adminEmail, name: FIRST_ADMIN_NAME });
  if (adminPasswordProblem) problems.push(`ADMIN_PASSWORD: ${adminPasswordProblem}`);
  if (!!config.adminEmail !== !!config.adminPassword) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (config.clockStart && config.nodeEnv !== 'test') {
    problems.push('CLOCK_START: moves the clock for tests only; it needs NODE_ENV=test');
  }
  if (problems.length) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

function productionProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (PUBLISHED_SECRETS.has(config.sessionSecret)) {
    problems.push('SESSION_SECRET: set a long random value of your own in production (e.g. `openssl rand -hex 32`)');
  }
  if (config.adminPassword && PUBLISHED_PASSWORDS.has(config.adminPassword)) {
    problems.push('ADMIN_PASSWORD: the demo password is refused in production; choose your own');
  }
  return problems;
}
