import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import type { AppConfig } from '@svara/config';

/** Vite names built assets by their content hash: a changed file is a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheHeaders(response: Response, file: string): void {
  const fromRoot = path.basename(path.dirname(file));
  response.setHeader(
    'Cache-Control',
    fromRoot === 'assets' ? IMMUTABLE : 'no-cache', // index.html and the rest: revalidate
  );
}

/**
 * The web app (apps/web, built to WEB_ROOT) at `/`: files as they are, every
 * other path outside /api and /metrics answered with index.html so the app's
 * own routes (/threads/<id>) survive a reload. Without a build the API runs
 * alone.
 */
export function webAppModules(config: AppConfig): DynamicModule[] {
  if (!existsSync(path.join(config.webRoot, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: config.webRoot,
      // A missing asset is a 404, not the app's page.
      exclude: ['/api/{*rest}', '/metrics', '/metrics/{*rest}', '/assets/{*rest}'],
      serveStaticOptions: { index: false, setHeaders: cacheHeaders },
    }),
  ];
}
