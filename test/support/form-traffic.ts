import request from 'supertest';
import type { PrismaService } from '@svara/database';
import type { RunningApi } from './apps';
import { eventually } from './eventually';

/**
 * Citizens submitting a web form one after another, as fault tests need them:
 * which submissions were accepted (202, with their ids) and which refused.
 */
export function formTraffic(api: RunningApi, channelId: string) {
  const accepted: string[] = [];
  const refused: number[] = [];
  let n = 0;
  const submit = async () => {
    const i = n++;
    const response = await request(api.server)
      .post(`/api/v1/forms/${channelId}/submissions`)
      .timeout(15_000)
      .send({ name: `Medborgare ${i}`, email: `person${i}@example.se`, message: `Fråga ${i}` });
    if (response.status === 202) accepted.push(response.body.id);
    else refused.push(response.status);
  };
  /** Keeps submitting for `ms` milliseconds. */
  const submitFor = async (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) await submit();
  };
  return { accepted, refused, submit, submitFor };
}

/** Waits until the channel holds at least `count` messages; returns their external ids, sorted. */
export async function storedExternalIds(
  prisma: PrismaService,
  channelId: string,
  count: number,
  timeoutMs = 45_000,
): Promise<string[]> {
  const rows = await eventually(
    async () => {
      const found = await prisma.message.findMany({
        where: { channelId },
        select: { externalId: true },
      });
      return found.length >= count ? found : undefined;
    },
    { timeoutMs, intervalMs: 500, what: `${count} messages` },
  );
  return rows.map((row) => row.externalId).sort();
}
