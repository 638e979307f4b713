import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet, { contentSecurityPolicy } from 'helmet';
import type { AppConfig } from '@svara/config';

type Directives = Record<string, string[]>;

/**
 * The web app (apps/web, a Vite build served from this origin at /): its
 * scripts, styles and self-hosted fonts are files of its own, it talks to
 * /api/v1 and /api/v1/events only, and shows images of its own, data: and
 * blob: URLs (attachments it fetched). A mail's HTML is shown in a sandboxed
 * iframe's srcdoc: an about:srcdoc document is not fetched, so frame-src
 * needs nothing for it, and it inherits this policy, so a mail's remote
 * images and scripts stay blocked. Mail styles itself with style attributes:
 * those (and only those) are allowed inline.
 */
export const APP_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'font-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'frame-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Swagger UI at /api/docs: its own script files, but inline <style> blocks and data: icons. */
export const DOCS_CSP: Directives = {
  ...APP_CSP,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
};

const DOCS_PATH = /^\/api\/docs(?:[/-]|$)/;
/** What the API answers is personal data (threads, contacts, exports), health aside. */
const PRIVATE_PATH = /^\/api\/v1\//;
const PUBLIC_PATHS = new Set(['/api/v1/health']);

const withUpgrade = (directives: Directives, https: boolean): Directives =>
  https ? { ...directives, 'upgrade-insecure-requests': [] } : directives;

/**
 * Security headers on every answer (helmet): a Content-Security-Policy fit
 * for the web app (Swagger UI's own on its path), nosniff, no referrer,
 * HSTS only when PUBLIC_URL is https, and `Cache-Control: no-store` on
 * every API answer but health's.
 */
export function useSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  const https = config.publicUrl.startsWith('https://');
  app.use(
    helmet({
      contentSecurityPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    }),
  );
  const appPolicy = contentSecurityPolicy({
    useDefaults: false,
    directives: withUpgrade(APP_CSP, https),
  });
  const docsPolicy = contentSecurityPolicy({
    useDefaults: false,
    directives: withUpgrade(DOCS_CSP, https),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const path = request.path;
    if (PRIVATE_PATH.test(path) && !PUBLIC_PATHS.has(path.replace(/\/+$/, ''))) {
      response.setHeader('Cache-Control', 'no-store');
    }
    (DOCS_PATH.test(path) ? docsPolicy : appPolicy)(request, response, next);
  });
}
