import request from 'supertest';
import { type RunningApi, createUser, createWebFormChannel, login, startApi } from '@svara/testing';

const directives = (header: string | undefined) =>
  new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('HTTP hardening', () => {
  let api: RunningApi;
  let httpsApi: RunningApi;
  let auth: string;

  beforeAll(async () => {
    [api, httpsApi] = await Promise.all([
      startApi({ FORM_RATE_LIMIT_PER_MINUTE: '1000' }),
      startApi({ PUBLIC_URL: 'https://svara.kommun.se' }),
    ]);
    auth = await login(api, (await createUser(api.prisma, { role: 'ADMIN' })).email);
  });
  afterAll(() => Promise.all([api?.close(), httpsApi?.close()]));

  it('sends a CSP fit for the web app, nosniff and no referrer, and no HSTS over http', async () => {
    const response = await request(api.server).get('/api/v1/health');
    const csp = directives(response.headers['content-security-policy']);
    expect(Object.fromEntries(csp)).toEqual({
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
    });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('sends HSTS and upgrades requests only when PUBLIC_URL is https', async () => {
    const response = await request(httpsApi.server).get('/api/v1/health');
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
    expect(
      directives(response.headers['content-security-policy']).has('upgrade-insecure-requests'),
    ).toBe(true);
  });

  it('keeps every API answer but health out of caches', async () => {
    const health = await request(api.server).get('/api/v1/health');
    expect(health.headers['cache-control']).not.toBe('no-store');
    const threads = await request(api.server).get('/api/v1/threads').set('authorization', auth);
    expect(threads.status).toBe(200);
    expect(threads.headers['cache-control']).toBe('no-store');
    const refused = await request(api.server).get('/api/v1/threads');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    const missing = await request(api.server).get('/api/v1/no-such-route');
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('serves Swagger UI under a policy of its own that its page needs', async () => {
    const page = await request(api.server).get('/api/docs/').redirects(1).expect(200);
    const csp = directives(page.headers['content-security-policy']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // Scripts only from files, which 'self' allows: no inline script to block.
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body!.trim()).toBe('');
    }
    for (const [, attributes] of scripts) {
      const src = /src=["']?([^"' >]+)/.exec(attributes!)![1]!;
      const url = src.startsWith('/') ? src : `/api/docs/${src.replace(/^\.\//, '')}`;
      await request(api.server).get(url).expect(200);
    }
    await request(api.server).get('/api/docs-json').expect(200);
  });

  it('refuses a 5,000 deep JSON body with a 400 before validation, on every route', async () => {
    const channel = await createWebFormChannel(api.prisma);
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const form = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);
    expect(form.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Request body is nested deeper than 32 levels',
    });
    const arrays = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    await request(api.server)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(arrays)
      .expect(400);
    // Within the limit, the form's own validation answers.
    const shallow = await request(api.server)
      .post(`/api/v1/forms/${channel.id}/submissions`)
      .send({
        name: 'Anna',
        email: 'anna.hardening@example.se',
        message: 'Hej',
        extra: { a: { b: 1 } },
      })
      .expect(400);
    expect(shallow.body.message).toMatch(/extra/);
  });
});
