import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestAccount } from './oidc-provider/main';

export type { TestAccount };

const ROOT = path.resolve(__dirname, '../..');

export interface OidcProviderHandle {
  issuer: string;
  /** Replaces the provider's accounts (e.g. a person moved to another group). */
  setAccounts(accounts: TestAccount[]): Promise<void>;
  close(): Promise<void>;
}

function nextMessage<T>(child: ChildProcess, has: keyof T): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (!message || typeof message !== 'object' || !(has in message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`OIDC provider exited with ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** The built test provider (`npm run build`) in its own process, with one client registered. */
export async function startOidcProvider(
  client: { client_id: string; client_secret: string; redirect_uris: string[] },
  accounts: TestAccount[],
): Promise<OidcProviderHandle> {
  const entry = path.join(ROOT, 'dist/test/support/oidc-provider/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const child = fork(entry, [], {
    env: {
      ...process.env,
      OIDC_TEST_CLIENT: JSON.stringify(client),
      OIDC_TEST_ACCOUNTS: JSON.stringify(accounts),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // oidc-provider warns about Node before 22 and its in-memory store; anything else is shown.
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (!/Unsupported runtime|in-memory adapter/.test(text)) process.stderr.write(text);
  });
  const { issuer } = await nextMessage<{ issuer: string }>(child, 'issuer');
  return {
    issuer,
    async setAccounts(next) {
      const replaced = nextMessage<{ accountsReplaced: boolean }>(child, 'accountsReplaced');
      child.send({ accounts: next });
      await replaced;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Cookies per origin, as a browser keeps them (paths and expiry beyond deletion left out). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const [name, ...value] = pair.split('=');
      const expired = attributes.some((attribute) => {
        const [key, setting = ''] = attribute.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(setting) <= 0;
        if (key.toLowerCase() === 'expires') return new Date(setting).getTime() <= Date.now();
        return false;
      });
      if (expired) jar.delete(name.trim());
      else jar.set(name.trim(), value.join('='));
    }
  }

  header(url: string): string {
    const jar = this.byOrigin.get(new URL(url).origin);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }
}

/** One request as the browser sends it: the jar's cookies, redirects left to the caller. */
export async function browse(
  jar: CookieJar,
  url: string,
  init: { method?: string; form?: Record<string, string> } = {},
): Promise<Response> {
  const response = await fetch(url, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    redirect: 'manual',
    headers: {
      cookie: jar.header(url),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  jar.store(url, response);
  return response;
}

/** Follows redirects from `url` until a page answers; returns that page's URL and answer. */
export async function followRedirects(
  jar: CookieJar,
  url: string,
  init: { form?: Record<string, string>; stopAt?: (url: URL) => boolean } = {},
): Promise<{ url: string; response: Response; visited: string[] }> {
  const visited: string[] = [];
  let current = url;
  let response = await browse(jar, current, init);
  for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
    if (hops > 20) throw new Error(`too many redirects: ${visited.join(' -> ')}`);
    visited.push(current);
    current = new URL(response.headers.get('location')!, current).href;
    if (init.stopAt?.(new URL(current))) break;
    response = await browse(jar, current);
  }
  return { url: current, response, visited };
}

/**
 * A person signing in to Svara at `apiUrl` through the provider: the redirect
 * to it, its login form (or its cancel button), and back to Svara. Returns
 * where the browser ends up, and its cookies.
 */
export async function signInThroughProvider(
  apiUrl: string,
  login: string,
  { returnTo, cancel = false, jar = new CookieJar(), stopAtCallback = false } = {} as {
    returnTo?: string;
    cancel?: boolean;
    jar?: CookieJar;
    /** Stop before Svara's callback: landedOn is then the callback URL, not yet requested. */
    stopAtCallback?: boolean;
  },
): Promise<{ landedOn: string; jar: CookieJar; visited: string[] }> {
  const start = new URL('/api/v1/auth/oidc/login', apiUrl);
  if (returnTo) start.searchParams.set('returnTo', returnTo);
  const form = await followRedirects(jar, start.href);
  const action = /<form method="post" action="([^"]+\/(?:login|abort))"/g;
  const actions = [...(await form.response.text()).matchAll(action)].map((match) => match[1]);
  const target = actions.find((path) => path.endsWith(cancel ? '/abort' : '/login'));
  if (!target) throw new Error(`no provider login form at ${form.url}`);
  const back = await followRedirects(jar, new URL(target, form.url).href, {
    form: cancel ? {} : { login },
    stopAt: stopAtCallback ? (url) => url.pathname === '/api/v1/auth/oidc/callback' : undefined,
  });
  return { landedOn: back.url, jar, visited: [...form.visited, ...back.visited] };
}
