import { type INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { randomBytes, randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { AppModule } from './app.module.js';
import type { Clock } from './common/clock.js';
import { createPino, PinoNestLogger, redactUrl, requestContext } from './common/logger.js';
import { completeOperations, ErrorResponse, FieldProblemResponse } from './common/openapi.js';
import { SESSION_COOKIE } from './auth/sessions.service.js';
import {
  BODY_LIMIT,
  IMPORT_BODY_LIMIT,
  largeBodyRoute,
  bodyParserErrors,
  refuseDeepJson,
  refuseIllFormedText,
  requireKnownContentType,
} from './common/request-body.js';
import { IdParamsPipe } from './common/id-params.pipe.js';
import { lowerCaseUuids } from './common/uuid-case.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';

export const API_PREFIX = 'api/v1';

/** Builds the Nest app with everything main.ts and the e2e tests share. Does not listen. */
export async function createApp(config: AppConfig, options: { clock?: Clock } = {}): Promise<NestExpressApplication> {
  const logger = createPino(config.logLevel, { pretty: config.nodeEnv === 'development' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.set('trust proxy', config.trustedProxies);
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      quietReqLogger: true,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessMessage: (req, res, responseTime) =>
        `${req.method} ${redactUrl(req.url ?? '')} ${res.statusCode} in ${responseTime} ms`,
      customErrorMessage: (req, res) => `${req.method} ${redactUrl(req.url ?? '')} ${res.statusCode} failed`,
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  app.use((req: Request, _res: Response, next: NextFunction) => requestContext.run({ reqId: String(req.id) }, next));
  app.use(securityHeaders(config));
  // JSON answers and pages over 1 kB go out compressed; precompressed files (Content-Encoding set) pass as they are.
  app.use(compression({ threshold: 1024 }));
  app.use(cookieParser(config.sessionSecret));
  app.use(requireKnownContentType);
  const largeJson = express.json({ limit: IMPORT_BODY_LIMIT, verify: refuseDeepJson });
  app.use((req: Request, res: Response, next: NextFunction) =>
    largeBodyRoute(req) ? largeJson(req, res, next) : next(),
  );
  app.use(express.json({ limit: BODY_LIMIT, verify: refuseDeepJson }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(bodyParserErrors);
  app.use(refuseIllFormedText);
  app.use(lowerCaseUuids);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [{ path: 'health', method: RequestMethod.GET }],
  });
  app.useGlobalPipes(new IdParamsPipe(), createValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}

/**
 * The Content-Security-Policy of every answer. The web app (web/dist/index.html) has no inline script or style:
 * scripts, style sheets, fonts, images and API calls come from this server only, images also from data: and
 * blob: URLs (previews made in the page). Nothing may frame the tracker. React's style props are DOM properties,
 * which CSP does not block; the one inline <style> is the section editor's, allowed by the answer's own nonce
 * (style-src-elem below). Swagger UI, the queue board and the signed-link pages alone keep
 * `style-src 'unsafe-inline'` (INLINE_STYLE_PAGES).
 *
 * HTTPS-only headers (HSTS, upgrade-insecure-requests) only when the tracker is served over https:
 * on plain HTTP at a LAN address they would send the browser to an https that does not exist.
 */
export function helmetOptions(
  config: AppConfig,
  options: { inlineStyles?: boolean } = {},
): Parameters<typeof helmet>[0] {
  const https = config.usesHttps;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': options.inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        // The section editor (CodeMirror's style-mod) writes its theme into a <style> element it builds at run
        // time, with the nonce its page was served with (src/web/web-app.ts). Style attributes in markup stay
        // blocked (style-src), and section Markdown never yields a <style>.
        'style-src-elem': options.inlineStyles
          ? ["'self'", "'unsafe-inline'"]
          : ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'manifest-src': ["'self'"],
        'worker-src': ["'self'"],
        'object-src': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https,
  };
}

/**
 * Pages written by libraries with inline <style> blocks (Swagger UI, the queue board) and the small pages the
 * signed links in reminder e-mails answer with (style attributes; no user-written HTML, titles escaped).
 */
export const INLINE_STYLE_PAGES = /^\/(?:api\/docs|admin\/queues|api\/v1\/links|api\/v1\/unsubscribe)(?:\/|$)/;

/** Helmet with the strict policy, except the library pages above, which may use inline styles. */
function securityHeaders(config: AppConfig) {
  const strict = helmet(helmetOptions(config));
  const libraryPageHelmet = helmet(helmetOptions(config, { inlineStyles: true }));
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    (INLINE_STYLE_PAGES.test(req.path) ? libraryPageHelmet : strict)(req, res, next);
  };
}

export function openApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('CJN Tracker API')
    .setDescription(
      'Grant opportunities, consortia, policy submissions and their deadlines for the Child Justice Network. ' +
        'Sign in with POST /api/v1/auth/login (session cookie) or send a personal API token as Authorization: Bearer.',
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE, {
      type: 'apiKey',
      in: 'cookie',
      description: 'The session cookie set by POST /api/v1/auth/login',
    })
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'A personal API token (cjn_…) from POST /api/v1/me/tokens',
    })
    .addTag('auth', 'Sign in and out, accept an invitation, reset a forgotten password')
    .addTag('me', 'The signed-in user: profile, preferences, API tokens')
    .addTag('users', 'People of the network (admins manage them)')
    .addTag('organizations', 'Member organisations, funders, agencies, and their recurring documents')
    .addTag('opportunities', 'Grant calls through the pipeline: consortium partners and checklists')
    .addTag('submissions', 'Joint policy submissions: sections, revisions, comments, endorsements, the assembled text')
    .addTag('deadlines', 'Every date that matters, with its reminders')
    .addTag('notifications', 'The in-app inbox')
    .addTag('calendar', 'iCalendar feeds of deadlines')
    .addTag('telegram', 'Reminders by Telegram')
    .addTag('links', 'Signed links in reminder e-mails (no sign-in)')
    .addTag('activity', 'Who did what, when')
    .addTag('health', 'Is the service up')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorResponse, FieldProblemResponse],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return completeOperations(document);
}

function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}
