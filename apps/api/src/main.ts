import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigOrExit } from '@svara/config';
import { configureApp } from '@svara/http';
import { apiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(apiModule(config), {
    bufferLogs: true,
    rawBody: true,
  });
  configureApp(app, config);
  await app.listen(config.port);
}

void bootstrap();
