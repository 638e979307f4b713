import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@svara/config';
import { ErrorResponseFilter } from './error-response.filter';
import { strictValidationPipe } from './validation';

export const API_PREFIX = 'api/v1';
/** Bodies larger than this answer 413; no route of the API needs more. */
export const BODY_LIMIT = '256kb';

/** Everything main.ts and the end-to-end tests both need, so tests run the real app. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxyHops);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false, parameterLimit: 100 });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Svara API')
      .setDescription('Unified inbox for the public sector')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
