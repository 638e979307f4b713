import { spawn } from 'node:child_process';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { BLOB_STORE, type BlobStore, S3BlobStore } from '@svara/blobs';
import { loadConfig } from '@svara/config';
import { PrismaService } from '@svara/database';
import { BlobSweep, BlobSweepCron, UnreferencedBlobs } from '@svara/pipeline';
import {
  createThread,
  createWebFormChannel,
  eventually,
  exited,
  startScheduler,
  startWorker,
  testEnv,
} from '@svara/testing';

const DAY_MS = 24 * 3600 * 1000;
const BUCKET = 'svara-sweep';

/**
 * s3rver encrypts its continuation tokens with DES, which Node's OpenSSL 3
 * has only in its legacy provider: a listing of more than one page needs
 * s3rver in a process of its own.
 */
async function startS3rver(directory: string) {
  const options = {
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  };
  const script = `new (require('s3rver'))(${JSON.stringify(options)}).run().then(({ port }) => console.log(port))`;
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', script], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill();
      await exited(child);
    },
  };
}

/** A stored attachment of a new message, naming its blob and (for an image) its thumbnail's. */
async function attachment(prisma: PrismaService, sha256: string, thumbnailSha256?: string) {
  const channel = await createWebFormChannel(prisma);
  const thread = await createThread(prisma, { channelId: channel.id });
  const message = await prisma.message.findFirstOrThrow({ where: { threadId: thread.id } });
  await prisma.messageAttachment.create({
    data: {
      messageId: message.id,
      n: 0,
      filename: 'bilaga.png',
      claimedType: 'image/png',
      sniffedType: 'image/png',
      size: 12,
      sha256,
      thumbnailSha256,
      state: 'STORED',
    },
  });
}

describe('the sweep of blobs no attachment references', () => {
  let blobDir: string;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    blobDir = await mkdtemp(path.join(os.tmpdir(), 'svara-sweep-blobs-'));
    worker = await startWorker({ BLOB_DIR: blobDir });
    prisma = worker.get(PrismaService);
  });
  afterAll(async () => {
    await worker?.close();
    await rm(blobDir, { recursive: true, force: true });
  });

  describe('in a local directory', () => {
    let store: BlobStore;
    const put = (text: string) => store.put(Buffer.from(text));
    /** As if the bytes had been written `days` ago. */
    const age = async (key: string, days: number) => {
      const then = new Date(Date.now() - days * DAY_MS);
      await utimes(path.join(blobDir, key.slice(0, 2), key), then, then);
    };

    beforeAll(() => {
      store = worker.get<BlobStore>(BLOB_STORE);
    });

    it('removes an old orphan and keeps referenced blobs and young orphans', async () => {
      const [orphan, file, thumbnail, young] = await Promise.all([
        put('raderad persons bilaga'),
        put('bilaga som finns kvar'),
        put('miniatyr som finns kvar'),
        put('bilaga som lagras just nu'),
      ]);
      await attachment(prisma, file, thumbnail);
      await Promise.all([orphan, file, thumbnail].map((key) => age(key, 2)));
      // Just inside the grace period: ingest may be about to record it.
      const then = new Date(Date.now() - DAY_MS + 60_000);
      await utimes(path.join(blobDir, young.slice(0, 2), young), then, then);

      expect(await worker.get(BlobSweep).sweep()).toEqual({ seen: 4, removed: 1 });
      expect(await store.has(orphan)).toBe(false);
      expect(await store.has(file)).toBe(true);
      expect(await store.has(thumbnail)).toBe(true);
      expect(await store.has(young)).toBe(true);
    });

    it('runs daily: the scheduler queues the sweep once, and a worker removes the orphan', async () => {
      const orphan = await put('kvarlämnad efter ett avbrott');
      await age(orphan, 3);
      const scheduler = await startScheduler({ BLOB_DIR: blobDir });
      try {
        expect(await scheduler.get(BlobSweepCron).daily()).toEqual({ day: expect.any(String) });
        expect(await scheduler.get(BlobSweepCron).daily()).toBeNull();
      } finally {
        await scheduler.close();
      }
      await eventually(async () => ((await store.has(orphan)) ? undefined : true), {
        what: 'the queued sweep to remove the orphan',
      });
    });
  });

  describe('on S3-compatible storage, over more than one page', () => {
    let directory: string;
    let server: Awaited<ReturnType<typeof startS3rver>>;
    let store: S3BlobStore;

    beforeAll(async () => {
      directory = await mkdtemp(path.join(os.tmpdir(), 'svara-sweep-s3rver-'));
      server = await startS3rver(directory);
      const { blobStore } = loadConfig(
        testEnv({
          BLOB_STORE: 's3',
          S3_ENDPOINT: server.endpoint,
          S3_BUCKET: BUCKET,
          S3_ACCESS_KEY_ID: 'S3RVER',
          S3_SECRET_ACCESS_KEY: 'S3RVER',
        }),
      );
      if (blobStore.kind !== 's3') throw new Error('BLOB_STORE=s3 gave another store');
      store = new S3BlobStore(blobStore, { listPageSize: 2 });
    });
    afterAll(async () => {
      store?.close();
      await server?.stop();
      await rm(directory, { recursive: true, force: true });
    });

    it('lists every blob page by page and removes only the old unreferenced ones', async () => {
      const keys = await Promise.all(
        ['första', 'andra', 'tredje', 'fjärde', 'femte'].map((text) =>
          store.put(Buffer.from(`bilaga ${text}`)),
        ),
      );
      const [file, thumbnail, ...orphans] = keys;
      await attachment(prisma, file!, thumbnail);

      const pages: string[][] = [];
      for await (const page of store.list()) pages.push(page.map((blob) => blob.key));
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat().sort()).toEqual([...keys].sort());

      const sweep = new BlobSweep(store, new UnreferencedBlobs(prisma, store));
      // All were written just now: nothing is old enough yet.
      expect(await sweep.sweep()).toEqual({ seen: 5, removed: 0 });
      // Two days on, the orphans are.
      expect(await sweep.sweep(new Date(Date.now() + 2 * DAY_MS))).toEqual({
        seen: 5,
        removed: 3,
      });
      for (const key of orphans) expect(await store.has(key)).toBe(false);
      expect(await store.has(file!)).toBe(true);
      expect(await store.has(thumbnail!)).toBe(true);
    });
  });
});
