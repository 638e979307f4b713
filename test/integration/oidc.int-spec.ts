import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import {
  CookieJar,
  type OidcProviderHandle,
  type RunningApi,
  type TestAccount,
  browse,
  createUser,
  eventually,
  exited,
  freePort,
  signInThroughProvider,
  spawnApp,
  startApi,
  startOidcProvider,
} from '@svara/testing';

// Single sign-on against a real OpenID Connect provider (oidc-provider) in its
// own process, with a Svara api built as in production: openid-client, like
// oidc-provider, is an ES module that only a real Node process imports.
describe('single sign-on with OpenID Connect', () => {
  const run = randomUUID().slice(0, 8);
  const teams = { service: `Kundtjänst ${run}`, permits: `Bygglov ${run}`, own: `Egen ${run}` };
  const groupMap = {
    [`svara-agenter-${run}`]: { role: 'AGENT', teams: [teams.service] },
    [`svara-chefer-${run}`]: { role: 'LEAD', teams: [teams.permits] },
  };
  const person = (id: string, groups: string[]): TestAccount => ({
    id: `${id}-${run}`,
    email: `${id}-${run}@kommun.test`,
    name: `${id[0]!.toUpperCase()}${id.slice(1)} Testsson`,
    groups,
  });
  const anna = person('anna', [`svara-agenter-${run}`, 'alla-anstallda']);
  const outsider = person('okand', ['alla-anstallda']);
  const leaver = person('slutat', [`svara-agenter-${run}`]);
  const chief = person('chefen', [`svara-agenter-${run}`]);

  let local: RunningApi; // no single sign-on configured; shares the database
  let provider: OidcProviderHandle;
  let apiProcess: ChildProcess;
  let apiUrl: string;
  const teamIds: Record<keyof typeof teams, string> = { service: '', permits: '', own: '' };

  beforeAll(async () => {
    local = await startApi();
    for (const key of Object.keys(teams) as (keyof typeof teams)[]) {
      teamIds[key] = (await local.prisma.team.create({ data: { name: teams[key] } })).id;
    }
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    const client = {
      client_id: `svara-${run}`,
      client_secret: randomUUID(),
      redirect_uris: [`${apiUrl}/api/v1/auth/oidc/callback`],
    };
    provider = await startOidcProvider(client, [anna, outsider, leaver, chief]);
    apiProcess = spawnApp('api', {
      PORT: String(port),
      PUBLIC_URL: apiUrl,
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: client.client_id,
      OIDC_CLIENT_SECRET: client.client_secret,
      OIDC_SCOPES: 'openid profile email groups',
      OIDC_GROUP_MAP: JSON.stringify(groupMap),
      OIDC_PROVIDER_NAME: 'Kommunens konto',
      PASSWORD_LOGIN: 'false',
    });
    await eventually(
      async () => {
        if (apiProcess.exitCode !== null) throw new Error(`api exited with ${apiProcess.exitCode}`);
        const ok = await fetch(`${apiUrl}/api/v1/health`).then(
          (response) => response.ok,
          () => false,
        );
        return ok || undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the api to answer' },
    );
  });

  afterAll(async () => {
    if (apiProcess && apiProcess.exitCode === null) {
      apiProcess.kill('SIGTERM');
      await exited(apiProcess);
    }
    await provider?.close();
    await local?.close();
  });

  const sessionOf = (jar: CookieJar) =>
    fetch(`${apiUrl}/api/v1/auth/session`, { headers: { cookie: jar.header(apiUrl) } });

  it('tells the app how to sign in: the provider by name, and no password', async () => {
    const methods = await fetch(`${apiUrl}/api/v1/auth/methods`).then((r) => r.json());
    expect(methods).toEqual({
      password: false,
      singleSignOn: { name: 'Kommunens konto', loginUrl: '/api/v1/auth/oidc/login' },
    });
    const plain = await request(local.server).get('/api/v1/auth/methods').expect(200);
    expect(plain.body).toEqual({ password: true, singleSignOn: null });
    await request(local.server).get('/api/v1/auth/oidc/login').expect(404);
  });

  it('signs a new person in with the role and team of their group, with no password', async () => {
    const { landedOn, jar, visited } = await signInThroughProvider(apiUrl, anna.id, {
      returnTo: '/threads?status=OPEN',
    });
    expect(visited.some((url) => url.startsWith(provider.issuer))).toBe(true);
    expect(landedOn).toBe(`${apiUrl}/threads?status=OPEN`);
    expect(jar.get(apiUrl, 'svara_oidc')).toBeUndefined(); // the sign-in's checks are spent

    const session = await sessionOf(jar);
    expect(session.status).toBe(200);
    const { user } = (await session.json()) as {
      user: { email: string; name: string; role: string; teamIds: string[] };
    };
    expect(user).toMatchObject({ email: anna.email, name: anna.name, role: 'AGENT' });
    expect(user.teamIds).toEqual([teamIds.service]);

    const stored = await local.prisma.user.findUniqueOrThrow({ where: { email: anna.email } });
    expect(stored).toMatchObject({ passwordHash: null, oidcSubject: anna.id });
    const created = await local.prisma.auditLog.findFirst({
      where: { entityId: stored.id, action: 'user.created' },
    });
    expect(created).toMatchObject({ actorId: null, data: { by: 'single_sign_on', role: 'AGENT' } });
  });

  it('brings role and mapped teams up to date at the next sign-in, leaving other teams alone', async () => {
    const stored = await local.prisma.user.findUniqueOrThrow({ where: { email: anna.email } });
    await local.prisma.teamMember.create({ data: { userId: stored.id, teamId: teamIds.own } });
    const earlier = await signInThroughProvider(apiUrl, anna.id);

    const moved = { ...anna, name: 'Anna Testsson-Berg', groups: [`svara-chefer-${run}`] };
    await provider.setAccounts([moved, outsider, leaver, chief]);
    const { landedOn, jar } = await signInThroughProvider(apiUrl, anna.id);
    expect(landedOn).toBe(`${apiUrl}/`);

    const { user } = (await (await sessionOf(jar)).json()) as {
      user: { name: string; role: string; teamIds: string[] };
    };
    expect(user.role).toBe('LEAD');
    expect(user.name).toBe('Anna Testsson-Berg');
    expect(user.teamIds.sort()).toEqual([teamIds.permits, teamIds.own].sort());
    // The new role ends the sessions signed in with the old one.
    expect((await sessionOf(earlier.jar)).status).toBe(401);

    const updated = await local.prisma.auditLog.findFirst({
      where: { entityId: stored.id, action: 'user.updated' },
      orderBy: { id: 'desc' },
    });
    expect(updated?.data).toMatchObject({
      role: 'LEAD',
      name: 'Anna Testsson-Berg',
      teamsAdded: [teamIds.permits],
      teamsRemoved: [teamIds.service],
      by: 'single_sign_on',
    });
  });

  it('gives no access to a person in no mapped group, and says why', async () => {
    const { landedOn, jar } = await signInThroughProvider(apiUrl, outsider.id);
    expect(landedOn).toBe(`${apiUrl}/login?sso=no_access`);
    expect(jar.get(apiUrl, 'svara_session')).toBeUndefined();
    expect(await local.prisma.user.findUnique({ where: { email: outsider.email } })).toBeNull();
  });

  it('refuses a deactivated person even though the provider still vouches for them', async () => {
    const existing = await createUser(local.prisma, { role: 'AGENT', email: leaver.email });
    await local.prisma.user.update({ where: { id: existing.id }, data: { active: false } });
    const { landedOn, jar } = await signInThroughProvider(apiUrl, leaver.id);
    expect(landedOn).toBe(`${apiUrl}/login?sso=inactive`);
    expect(jar.get(apiUrl, 'svara_session')).toBeUndefined();
    const after = await local.prisma.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after).toMatchObject({ active: false, oidcSubject: null });
  });

  it('keeps the last active admin an admin when their groups no longer make them one', async () => {
    const admin = await createUser(local.prisma, { role: 'ADMIN', email: chief.email });
    const others = await local.prisma.user.findMany({
      where: { role: 'ADMIN', active: true, id: { not: admin.id } },
      select: { id: true },
    });
    const otherIds = others.map((other) => other.id);
    await local.prisma.user.updateMany({
      where: { id: { in: otherIds } },
      data: { active: false },
    });
    try {
      const { jar } = await signInThroughProvider(apiUrl, chief.id);
      const { user } = (await (await sessionOf(jar)).json()) as { user: { role: string } };
      expect(user.role).toBe('ADMIN');
    } finally {
      await local.prisma.user.updateMany({
        where: { id: { in: otherIds } },
        data: { active: true },
      });
    }
    // With another admin active, the provider's groups decide.
    await createUser(local.prisma, { role: 'ADMIN' });
    const { jar } = await signInThroughProvider(apiUrl, chief.id);
    const { user } = (await (await sessionOf(jar)).json()) as { user: { role: string } };
    expect(user.role).toBe('AGENT');
  });

  it('reports a sign-in cancelled at the provider', async () => {
    const { landedOn } = await signInThroughProvider(apiUrl, anna.id, { cancel: true });
    expect(landedOn).toBe(`${apiUrl}/login?sso=cancelled`);
  });

  it('refuses a callback this browser did not start', async () => {
    // Another browser's code and state, replayed without its sign-in cookie.
    const attacker = await fetch(`${apiUrl}/api/v1/auth/oidc/callback?code=x&state=y`, {
      redirect: 'manual',
    });
    expect(attacker.status).toBe(302);
    expect(attacker.headers.get('location')).toBe('/login?sso=failed');
  });

  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    // A real code from the provider for this browser's own sign-in, with only
    // the state changed on the way back: without the state check it would sign in.
    const {
      landedOn: callback,
      jar,
      visited,
    } = await signInThroughProvider(apiUrl, anna.id, {
      stopAtCallback: true,
    });
    const authorize = new URL(visited.find((url) => url.startsWith(`${provider.issuer}/auth?`))!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const tampered = new URL(callback);
    expect(tampered.searchParams.get('code')).toBeTruthy();
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);

    const response = await browse(jar, tampered.href);
    expect(response.headers.get('location')).toBe('/login?sso=failed');
    expect(jar.get(apiUrl, 'svara_session')).toBeUndefined();
  });

  it('refuses password sign-in when it is switched off, even with the right password', async () => {
    const user = await createUser(local.prisma, { role: 'ADMIN' });
    const body = JSON.stringify({ email: user.email, password: 'a long enough password' });
    for (const path of ['/api/v1/auth/session', '/api/v1/auth/login']) {
      const response = await fetch(`${apiUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(403);
    }
    await request(local.server)
      .post('/api/v1/auth/session')
      .send({ email: user.email, password: 'a long enough password' })
      .expect(200);
  });
});
