import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BlobMissing, blobKeyOf, readBlob } from './blob-store';
import { LocalBlobStore } from './local-blob-store';

describe('LocalBlobStore', () => {
  let directory: string;
  let store: LocalBlobStore;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'svara-blobs-'));
    store = new LocalBlobStore(directory);
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('keeps bytes under their SHA-256 and gives them back', async () => {
    const bytes = Buffer.from('Ansökan om bygglov');
    const key = await store.put(bytes);
    expect(key).toBe(blobKeyOf(bytes));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.has(key)).toBe(true);
    expect(await readBlob(store, key)).toEqual(bytes);
    expect(await readdir(path.join(directory, key.slice(0, 2)))).toEqual([key]);
  });

  it('stores the same bytes once, and leaves no temporary file behind', async () => {
    const bytes = Buffer.from('samma fil två gånger');
    const [first, second] = await Promise.all([store.put(bytes), store.put(bytes)]);
    expect(second).toBe(first);
    expect(await readdir(path.join(directory, first.slice(0, 2)))).toEqual([first]);
    expect(await readdir(path.join(directory, 'tmp'))).toEqual([]);
  });

  it('does not take an existing file for a blob it is not: bytes are written when missing', async () => {
    const bytes = Buffer.from('original');
    const key = await store.put(bytes);
    await store.remove(key);
    expect(await store.has(key)).toBe(false);
    await store.put(bytes);
    expect(await readBlob(store, key)).toEqual(bytes);
  });

  it('says BlobMissing for bytes it does not hold, and removes quietly', async () => {
    const key = blobKeyOf(Buffer.from('aldrig sparad'));
    await expect(store.read(key)).rejects.toBeInstanceOf(BlobMissing);
    await expect(store.remove(key)).resolves.toBeUndefined();
  });

  it('refuses keys that are not SHA-256 hex, so no path leaves its directory', async () => {
    await writeFile(path.join(directory, 'secret'), 'x');
    await expect(store.read('../secret')).rejects.toThrow('Not a blob key');
    await expect(store.has('A'.repeat(64))).rejects.toThrow('Not a blob key');
  });
});
