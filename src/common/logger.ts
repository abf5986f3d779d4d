import type { LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { type DestinationStream, pino, type Logger } from 'pino';

/** The request being served, so every log line written while serving it carries its id. */
export const requestContext = new AsyncLocalStorage<{ reqId: string }>();

export function createPino(level: string, options: { pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level,
      base: { service: 'cjn-tracker' },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      mixin: () => {
        const context = requestContext.getStore();
        return context ? { reqId: context.reqId } : {};
      },
    },
    options.destination ??
      (options.pretty && prettyAvailable() ? pino.transport({ target: 'pino-pretty', options: PRETTY }) : undefined),
  );
}

/** Paths whose last part is a bearer secret: signed links, unsubscribe links, calendar feeds, invitation pages. */
const SECRET_IN_PATH = /(\/(?:links|unsubscribe|invitations)\/)[^/?#]+()|(\/calendar\/)[^/?#]+(\.ics)/g;
/** Query parameters that carry one (reset and invitation links). */
const SECRET_IN_QUERY = /([?&](?:token|code)=)[^&#]*/gi;

/** A request URL fit for the log: every token it carries replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  return url
    .replace(SECRET_IN_PATH, (_all, path = '', _none, feed = '', ics = '') => `${path}${feed}[redacted]${ics}`)
    .replace(SECRET_IN_QUERY, '$1[redacted]');
}

const PRETTY = {
  colorize: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,service,req,res,responseTime',
  singleLine: true,
};

/** Nest's start-up chatter (one line per module and route) is debug, not info. */
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** pino-pretty is a development dependency: an image built with `--omit=dev` logs JSON. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** Nest's logger interface over pino, so framework and app logs share one structured stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write(context && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    context?: string,
    trace?: string,
  ) {
    if (message !== null && typeof message === 'object') {
      this.logger[level]({ context, trace, ...(message as object) });
    } else {
      this.logger[level]({ context, trace }, String(message));
    }
  }
}
