import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@svara/config';
import { workerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(workerModule(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: stop taking jobs, let running ones finish, then exit.
  app.enableShutdownHooks();
  await app.init();
}

void bootstrap();
