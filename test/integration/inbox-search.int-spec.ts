import request from 'supertest';
import {
  type RunningApi,
  createThread,
  createUser,
  createWebFormChannel,
  login,
  startApi,
} from '@svara/testing';
import { LexemeShares } from '../../libs/inbox/src/lexeme-shares.service';

// A case number search ("ärende 1005") where one word is in nearly every
// message: the indexes are asked for the rarer word, by Postgres's word
// statistics, and the whole query is checked on what it finds.
describe('inbox search with word statistics', () => {
  let api: RunningApi;
  let admin: string;
  let channelId: string;
  const cases = new Map<number, string>();

  beforeAll(async () => {
    // Stored and analyzed before the API starts, so its first search has statistics.
    const setup = await startApi();
    try {
      channelId = (await createWebFormChannel(setup.prisma)).id;
      for (let n = 1000; n < 1040; n += 1) {
        const thread = await createThread(setup.prisma, {
          channelId,
          subject: 'Sophämtning',
          text: `Ärende ${n}: sophämtningen har inte kommit på två veckor.`,
        });
        cases.set(n, thread.id);
      }
      await setup.prisma.$executeRawUnsafe('ANALYZE messages');
    } finally {
      await setup.close();
    }
    api = await startApi();
    admin = await login(api, (await createUser(api.prisma, { role: 'ADMIN' })).email);
  });
  afterAll(() => api?.close());

  const search = async (q: string) =>
    (
      await request(api.server)
        .get(`/api/v1/threads?channelId=${channelId}&limit=100&q=${encodeURIComponent(q)}`)
        .set('authorization', admin)
        .expect(200)
    ).body.data.map((thread: { id: string }) => thread.id) as string[];

  it('reads the word statistics Postgres keeps for message texts', async () => {
    const shareOf = await new LexemeShares(api.prisma).shareOf();
    expect(shareOf).not.toBeNull();
    expect(shareOf!('sophämtningen')).toBeGreaterThan(0);
    expect(shareOf!('xyzzy')).toBe(0);
  });

  it('finds exactly what every word matches, whichever word the indexes are asked for', async () => {
    expect(await search('ärende 1005')).toEqual([cases.get(1005)]);
    expect(await search('1005 ärende')).toEqual([cases.get(1005)]);
    expect(await search('sophämtningen 1031 veckor')).toEqual([cases.get(1031)]);
    expect((await search('ärende 103')).sort()).toEqual(
      [...cases]
        .filter(([n]) => n >= 1030)
        .map(([, id]) => id)
        .sort(),
    );
    expect(await search('ärende 9999')).toEqual([]);
    expect(await search('1005 bygglov')).toEqual([]);
  });
});
