// A real OpenID Connect provider (the oidc-provider package) for the single
// sign-on tests, with its own accounts and groups and a plain login form.
// Started by another Node process (fork); configured through the environment:
//   OIDC_TEST_CLIENT    {"client_id", "client_secret", "redirect_uris": [...]}
//   OIDC_TEST_ACCOUNTS  [{"id", "email", "name", "groups": [...]}]
// It reports {"issuer"} over IPC; an {"accounts": [...]} message replaces the accounts.
// It runs as its own process because oidc-provider is an ES module, which
// Jest's CommonJS sandbox cannot import (see libs/common/src/esm-import.ts).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { importEsm } from '../../../libs/common/src/esm-import';

export interface TestAccount {
  id: string;
  email: string;
  name: string;
  groups: string[];
}

type ProviderModule = typeof import('oidc-provider');
type Provider = InstanceType<ProviderModule['default']>;

let accounts: TestAccount[] = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '[]');

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function loginForm(uid: string, error?: string): string {
  return `<!doctype html><html lang="sv"><head><title>Testinloggning</title></head><body>
<form method="post" action="/interaction/${escape(uid)}/login">
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<label>Användare <input name="login" autocomplete="username"></label>
<button type="submit">Logga in</button></form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button>Avbryt</button></form>
</body></html>`;
}

function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

/** The login step: the form, then the account's grant of what the client asked for. */
async function interaction(
  provider: Provider,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  uid: string,
  action: string | undefined,
): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(loginForm(uid));
    return;
  }
  if (action === 'abort') {
    await provider.interactionFinished(request, response, {
      error: 'access_denied',
      error_description: 'The person cancelled the sign-in',
    });
    return;
  }
  const login = (await readForm(request)).get('login') ?? '';
  const account = accounts.find((candidate) => candidate.id === login);
  if (!account) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(loginForm(uid, 'Okänd användare'));
    return;
  }
  const grant = new provider.Grant({
    accountId: account.id,
    clientId: String(details.params.client_id),
  });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    request,
    response,
    { login: { accountId: account.id }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

async function main(): Promise<void> {
  const { default: Provider } = await importEsm<ProviderModule>('oidc-provider');
  const server = http.createServer();
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve),
  );
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });

  const provider = new Provider(issuer, {
    clients: [
      {
        ...JSON.parse(process.env.OIDC_TEST_CLIENT ?? '{}'),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context, pending) => `/interaction/${pending.uid}` },
    async findAccount(_context, id) {
      const account = accounts.find((candidate) => candidate.id === id);
      if (!account) return undefined;
      return {
        accountId: account.id,
        claims: async () => ({
          sub: account.id,
          email: account.email,
          email_verified: true,
          name: account.name,
          groups: account.groups,
        }),
      };
    },
  });

  const handle = provider.callback();
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const match = /^\/interaction\/([^/?]+)(?:\/(login|abort))?/.exec(request.url ?? '');
    if (!match) return void handle(request, response);
    interaction(provider, request, response, match[1], match[2]).catch((error: unknown) => {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end(`interaction failed: ${(error as Error).message}`);
    });
  });

  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  process.on('message', (message: { accounts?: TestAccount[] }) => {
    if (message.accounts) {
      accounts = message.accounts;
      process.send?.({ accountsReplaced: true });
    }
  });
  process.send?.({ issuer });
}

void main();
