import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@svara/config';

/** Never written to a log: credentials, tokens and what citizens wrote. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-csrf-token"]',
  '*.csrfToken',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.pageAccessToken',
  '*.imapPassword',
  '*.smtpPassword',
  '*.secrets',
  '*.text',
  '*.html',
];

export const CORRELATION_HEADER = 'x-correlation-id';

const QUIET_PATHS = /(\/health(\/live|\/ready)?|^\/metrics)$/;

function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w.-]{1,100}$/.test(value) ? value : randomUUID();
}

@Module({})
export class LoggingModule {
  /** Structured JSON logs for one process (`app` is api, worker or scheduler). */
  static forRoot(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.logLevel,
              base: { app },
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              genReqId: (req, res) => {
                const id = correlationIdOf(req);
                res.setHeader(CORRELATION_HEADER, id);
                return id;
              },
              customAttributeKeys: { reqId: 'correlationId' },
              serializers: {
                req: (req: { id: unknown; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url.split('?')[0],
                }),
              },
              // Probes and scrapes come every few seconds; they would drown the log.
              autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url?.split('?')[0] ?? '') },
            },
          }),
        }),
      ],
    };
  }
}
