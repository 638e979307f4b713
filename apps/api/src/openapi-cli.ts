import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@svara/config';
import { API_PREFIX, openApiDocument } from '@svara/http';
import { apiModule } from './api.module';

/**
 * Prints the API's OpenAPI document as JSON (the web app generates its types
 * from it). The modules are wired as main.ts wires them but in preview mode:
 * nothing is instantiated, so no database or Redis is needed.
 */
async function main(): Promise<void> {
  // The document does not depend on the environment: the defaults describe it.
  const config = loadConfig({ NODE_ENV: 'development' });
  const app = await NestFactory.create<NestExpressApplication>(apiModule(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  process.stdout.write(`${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
