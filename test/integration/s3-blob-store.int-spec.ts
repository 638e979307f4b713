import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { BlobMissing, blobKeyOf, blobStoreOf, readBlob, S3BlobStore } from '@svara/blobs';
import { loadConfig } from '@svara/config';
import { testEnv } from '@svara/testing';

const BUCKET = 'svara-attachments';

describe('blob store on S3-compatible storage (s3rver)', () => {
  let directory: string;
  let server: S3rver;
  let store: S3BlobStore;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'svara-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    const config = loadConfig(
      testEnv({
        BLOB_STORE: 's3',
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_BUCKET: BUCKET,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      }),
    );
    const configured = blobStoreOf(config.blobStore);
    if (!(configured instanceof S3BlobStore)) throw new Error('BLOB_STORE=s3 gave another store');
    store = configured;
  });
  afterAll(async () => {
    store?.close();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps bytes under their SHA-256 and gives the same bytes back', async () => {
    const bytes = randomBytes(256 * 1024);
    const key = await store.put(bytes);
    expect(key).toBe(blobKeyOf(bytes));
    expect(await store.has(key)).toBe(true);
    expect(Buffer.compare(await readBlob(store, key), bytes)).toBe(0);
  });

  it('stores the same bytes once and removes them when asked', async () => {
    const bytes = Buffer.from('Ansökan om bygglov, bilaga 2');
    const key = await store.put(bytes);
    expect(await store.put(bytes)).toBe(key);
    await store.remove(key);
    expect(await store.has(key)).toBe(false);
    await expect(store.read(key)).rejects.toBeInstanceOf(BlobMissing);
    await expect(store.remove(key)).resolves.toBeUndefined();
  });
});
