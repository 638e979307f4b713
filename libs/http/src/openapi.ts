import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The cookie a browser session travels in (see libs/auth). */
export const SESSION_COOKIE = 'svara_session';

/**
 * The API's OpenAPI document, from the routes of the app as wired (the
 * global prefix must be set). Served at /api/docs and printed by the api's
 * openapi-cli, so both describe the same API.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Svara API')
      .setDescription(
        'Unified inbox for the public sector. API clients send `Authorization: Bearer <token>` ' +
          `(POST /auth/login); browsers sign in with POST /auth/session and send the ` +
          `${SESSION_COOKIE} cookie plus X-CSRF-Token on every request that changes something.`,
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
}
