import createClient from 'openapi-fetch';
import { takeEarlyResponse } from '../boot/early-requests';
import { API_BASE } from './base';
import type { paths } from './schema';

export { API_BASE };

/** An answer other than 2xx, with the API's message ({statusCode, error, message}). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type LoginPrompt = () => Promise<void>;

let csrfToken: string | null = null;
let promptLogin: LoginPrompt | null = null;
let pendingLogin: Promise<void> | null = null;

/** The token every state-changing request carries with the session cookie. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/**
 * Who asks the person to sign in again when a request answers 401. The
 * prompt resolves once they have; the request is then sent again.
 */
export function onLoginRequired(prompt: LoginPrompt | null): void {
  promptLogin = prompt;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The session routes answer 401 as an answer, not as an expired session. */
const isSessionRoute = (url: string) =>
  new URL(url, location.href).pathname === `${API_BASE}/auth/session`;

function withCsrf(request: Request): Request {
  if (SAFE_METHODS.has(request.method) || !csrfToken) return request;
  const headers = new Headers(request.headers);
  headers.set('X-CSRF-Token', csrfToken);
  return new Request(request, { headers });
}

function loginOnce(): Promise<void> {
  if (!promptLogin) return Promise.reject(new ApiError(401, 'Not signed in'));
  pendingLogin ??= promptLogin().finally(() => {
    pendingLogin = null;
  });
  return pendingLogin;
}

/**
 * fetch with the session cookie and CSRF token; a 401 waits for the log-in
 * dialog and then sends the same request again, so the action carries on.
 * The first page's requests may have been sent before the app ran.
 */
export async function sessionFetch(input: Request): Promise<Response> {
  const early = await takeEarlyResponse(input);
  if (early) return early;
  const retry = input.clone();
  const response = await fetch(withCsrf(input));
  if (response.status !== 401 || isSessionRoute(input.url)) return response;
  await loginOnce();
  return fetch(withCsrf(retry));
}

export const api = createClient<paths>({
  // Absolute, so requests are the same in the browser and in tests.
  baseUrl: location.origin,
  credentials: 'include',
  fetch: sessionFetch,
});

/** The data of an openapi-fetch answer, or an ApiError with the API's message. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const message =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : response.statusText;
  throw new ApiError(response.status, message);
}
