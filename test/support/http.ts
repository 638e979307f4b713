import request from 'supertest';
import type { RunningApi } from './apps';
import { DEFAULT_PASSWORD } from './factories';

export async function login(api: RunningApi, email: string, password = DEFAULT_PASSWORD) {
  const response = await request(api.server)
    .post('/api/v1/auth/login')
    .send({ email, password })
    .expect(200);
  return `Bearer ${(response.body as { accessToken: string }).accessToken}`;
}

/** A browser signed in with POST /auth/session: its cookies and the CSRF token the app sends. */
export interface BrowserSession {
  /** The Cookie header a browser would send back. */
  cookie: string;
  csrfToken: string;
  expiresAt: string;
  user: { id: string; email: string; role: string; teamIds: string[]; locale: string | null };
}

/** The cookies of a response, as a Cookie header would carry them back. */
export function cookiesOf(response: { headers: Record<string, unknown> }): string {
  const setCookie = (response.headers['set-cookie'] ?? []) as string[];
  return setCookie.map((line) => line.split(';')[0]).join('; ');
}

export async function browserLogin(
  api: RunningApi,
  email: string,
  password = DEFAULT_PASSWORD,
): Promise<BrowserSession> {
  const response = await request(api.server)
    .post('/api/v1/auth/session')
    .send({ email, password })
    .expect(200);
  const body = response.body as Omit<BrowserSession, 'cookie'>;
  return { ...body, cookie: cookiesOf(response) };
}
