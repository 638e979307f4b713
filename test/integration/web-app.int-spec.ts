import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { type RunningApi, startApi } from '@svara/testing';

const INDEX = '<!doctype html><title>Svara</title><div id="root"></div>';

describe('the web app served by the api', () => {
  let api: RunningApi;
  let webRoot: string;

  beforeAll(async () => {
    // A build as Vite lays it out: index.html and content-hashed assets.
    webRoot = mkdtempSync(path.join(tmpdir(), 'svara-web-'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), INDEX);
    writeFileSync(path.join(webRoot, 'assets', 'index-3f9a1c.js'), 'console.log("svara")');
    api = await startApi({ WEB_ROOT: webRoot });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("answers the app's own routes with index.html, never cached", async () => {
    for (const url of ['/', `/threads/${randomUUID()}`, '/admin/users?x=1']) {
      const response = await request(api.server).get(url).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    const direct = await request(api.server).get('/index.html').expect(200);
    expect(direct.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with long immutable caching, and a missing one as a 404', async () => {
    const asset = await request(api.server).get('/assets/index-3f9a1c.js').expect(200);
    expect(asset.text).toBe('console.log("svara")');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await request(api.server).get('/assets/index-000000.js').expect(404);
  });

  it('keeps unknown API paths JSON 404s and the API itself working', async () => {
    const response = await request(api.server).get('/api/v1/nope').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /api/v1/nope',
    });
    await request(api.server).get('/api/v1/threads').expect(401);
    await request(api.server).get('/api').expect(404).expect('content-type', /json/);
  });

  it('starts without a web build, the API alone', async () => {
    const bare = await startApi({ WEB_ROOT: path.join(webRoot, 'missing') });
    try {
      await request(bare.server).get('/api/v1/health').expect(200);
      const response = await request(bare.server).get(`/threads/${randomUUID()}`).expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    } finally {
      await bare.close();
    }
  });

  it('prints the same OpenAPI document from the CLI as the running api serves', async () => {
    const cli = path.resolve(__dirname, '../../dist/apps/api/src/openapi-cli.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli], {
      // Nothing to connect to: a database and Redis that do not exist.
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' },
      maxBuffer: 16 << 20,
    });
    type Document = { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = (document: Document) =>
      Object.entries(document.paths)
        .flatMap(([route, methods]) =>
          Object.entries(methods).map(([method, op]) => `${method} ${route} ${op.operationId}`),
        )
        .sort();
    const printed = JSON.parse(stdout) as Document;
    const served = (await request(api.server).get('/api/docs-json').expect(200)).body as Document;
    expect(operations(printed)).toContain('get /api/v1/threads ThreadsController_list');
    // (Schemas differ in detail: the tests run the sources through another compiler.)
    expect(operations(printed)).toEqual(operations(served));
  });
});
