import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigOrExit } from '@svara/config';
import { configureApp, servingMessage } from '@svara/http';
import { apiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(apiModule(config), {
    bufferLogs: true,
    rawBody: true,
  });
  configureApp(app, config);
  await app.listen(config.port);
  new Logger('Svara').log(servingMessage(config));
}

void bootstrap();
