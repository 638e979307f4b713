import type { AppConfig } from '@svara/config';

/** PUBLIC_URL's default: then the api is reached on localhost at its own port. */
const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** The line the api logs once it listens: where people find it. */
export function servingMessage(config: Pick<AppConfig, 'publicUrl' | 'port'>): string {
  const url =
    config.publicUrl === DEFAULT_PUBLIC_URL ? `http://localhost:${config.port}` : config.publicUrl;
  return `Svara is serving ${url} (API /api/v1, docs /api/docs)`;
}
