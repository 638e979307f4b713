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
