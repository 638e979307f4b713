import request from 'supertest';
import { PrivateRedis, type RunningApi, startApi } from '@svara/testing';

// The login throttle counts in Redis. With Redis gone, it must keep counting
// (in the process) rather than let every guess through.
describe('login limit while Redis is down', () => {
  let redis: PrivateRedis;
  let api: RunningApi;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await startApi({
      REDIS_URL: redis.url,
      LOGIN_RATE_LIMIT_PER_MINUTE: '3',
      TRUST_PROXY_HOPS: '1',
    });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.down();
  });

  const attempt = (from: string) =>
    request(api.server)
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', from)
      .send({ email: 'gissning@kommun.se', password: 'gissning' });

  it('still answers 429 with Retry-After past the per-address limit', async () => {
    await attempt('203.0.113.7').expect(401);
    await redis.down();
    for (let i = 0; i < 3; i += 1) await attempt('203.0.113.8').expect(401);
    const limited = await attempt('203.0.113.8').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await attempt('198.51.100.4').expect(401);
  });
});
