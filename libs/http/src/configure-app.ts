import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@svara/config';
import { httpMetricsMiddleware, METRICS_PATH, metricsHandler, SvaraMetrics } from '@svara/metrics';
import { refuseDeepBodies } from './body-depth';
import { ErrorResponseFilter, middlewareErrorHandler } from './error-response.filter';
import { openApiDocument } from './openapi';
import { useSecurityHeaders } from './security-headers';
import { strictValidationPipe } from './validation';

export const API_PREFIX = 'api/v1';
/** Bodies larger than this answer 413; no route of the API needs more. */
export const BODY_LIMIT = '256kb';

/** Everything main.ts and the end-to-end tests both need, so tests run the real app. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxyHops);
  app.disable('x-powered-by');
  useSecurityHeaders(app, config);
  const metrics = app.get(SvaraMetrics);
  app.use(httpMetricsMiddleware(metrics));
  app.use(METRICS_PATH, metricsHandler(metrics));
  // Browser sessions travel in cookies (libs/auth); unsigned, their tokens sign themselves.
  app.use(cookieParser());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false, parameterLimit: 100 });
  refuseDeepBodies(app);
  const errors = new ErrorResponseFilter();
  app.use(middlewareErrorHandler(errors));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(errors);
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
