import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetEarlyResponses,
  requestKey,
  startEarlyRequests,
  takeEarlyResponse,
} from './early-requests';

const answers = new Map<string, number>();
const sent: string[] = [];
const get = (path: string) => new Request(new URL(path, location.origin));

beforeEach(() => {
  answers.clear();
  sent.length = 0;
  vi.stubGlobal('fetch', (path: string) => {
    sent.push(path);
    const status = answers.get(new URL(path, location.origin).pathname) ?? 200;
    return Promise.resolve(new Response('{}', { status }));
  });
});
afterEach(() => {
  forgetEarlyResponses();
  vi.unstubAllGlobals();
});

describe('the first page’s early requests', () => {
  it('asks for the session, the view’s first page, counts and names on the inbox', () => {
    startEarlyRequests({ pathname: '/', search: '?view=breached&channelType=EMAIL' });
    expect(sent.map(requestKey).sort()).toEqual(
      [
        '/api/v1/auth/session?',
        '/api/v1/directory?',
        '/api/v1/threads/counts?',
        '/api/v1/threads?channelType=EMAIL&limit=50&sla=breached&status=OPEN',
      ].sort(),
    );
  });

  it('leaves out what needs the session first, and asks only for the session elsewhere', () => {
    startEarlyRequests({ pathname: '/', search: '?view=mine' });
    expect(sent.some((path) => path.includes('/threads?'))).toBe(false);
    forgetEarlyResponses();
    sent.length = 0;
    startEarlyRequests({ pathname: '/admin/channels', search: '' });
    expect(sent).toEqual(['/api/v1/auth/session']);
  });

  it('asks for a deep-linked thread too', () => {
    const id = '0b5e6f4e-2c1d-4a5b-9c8d-7e6f5a4b3c2d';
    startEarlyRequests({ pathname: `/threads/${id}`, search: '' });
    expect(sent).toContain(`/api/v1/threads/${id}`);
  });

  it('hands an answer out once, to the same request whatever its query order', async () => {
    startEarlyRequests({ pathname: '/', search: '' });
    const request = get('/api/v1/threads?limit=50&status=OPEN');
    expect((await takeEarlyResponse(request))?.status).toBe(200);
    expect(await takeEarlyResponse(request)).toBeUndefined();
    expect(await takeEarlyResponse(get('/api/v1/threads?status=CLOSED&limit=50'))).toBeUndefined();
  });

  it('keeps the session’s 401 (an answer there) and drops any other failure', async () => {
    answers.set('/api/v1/auth/session', 401);
    answers.set('/api/v1/threads', 401);
    startEarlyRequests({ pathname: '/', search: '' });
    expect((await takeEarlyResponse(get('/api/v1/auth/session')))?.status).toBe(401);
    expect(await takeEarlyResponse(get('/api/v1/threads?status=OPEN&limit=50'))).toBeUndefined();
  });

  it('gives nothing to writes, nor after signing in', async () => {
    startEarlyRequests({ pathname: '/', search: '' });
    const write = new Request(new URL('/api/v1/directory', location.origin), { method: 'POST' });
    expect(await takeEarlyResponse(write)).toBeUndefined();
    forgetEarlyResponses();
    expect(await takeEarlyResponse(get('/api/v1/directory'))).toBeUndefined();
  });
});
