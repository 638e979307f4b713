import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BlobMissing, blobKeyOf, readBlob, type StoredBlob } from './blob-store';
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

  describe('listing', () => {
    const everything = async () => {
      const pages: StoredBlob[][] = [];
      for await (const page of store.list()) pages.push(page);
      return pages.flat();
    };

    it('lists every blob with the time its bytes were written', async () => {
      const keys = await Promise.all(
        ['ett', 'två', 'tre'].map((text) => store.put(Buffer.from(text))),
      );
      const writtenAt = new Date('2026-01-02T03:04:05.000Z');
      await utimes(path.join(directory, keys[0]!.slice(0, 2), keys[0]!), writtenAt, writtenAt);

      const listed = await everything();
      expect(listed.map((blob) => blob.key).sort()).toEqual([...keys].sort());
      expect(listed.find((blob) => blob.key === keys[0])!.modifiedAt).toEqual(writtenAt);
      const fresh = listed.find((blob) => blob.key === keys[1])!.modifiedAt;
      expect(Math.abs(fresh.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('dates stored bytes anew when they are stored again, so no sweep takes them for old', async () => {
      const bytes = Buffer.from('samma bild igen');
      const key = await store.put(bytes);
      const longAgo = new Date('2026-01-02T03:04:05.000Z');
      await utimes(path.join(directory, key.slice(0, 2), key), longAgo, longAgo);
      await store.put(bytes);
      const [listed] = await everything();
      expect(Math.abs(listed!.modifiedAt.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('lists nothing of an unfinished write, nor files that are not blobs', async () => {
      const key = await store.put(Buffer.from('färdig'));
      const unfinished = blobKeyOf(Buffer.from('halvskriven'));
      await writeFile(
        path.join(directory, 'tmp', `${unfinished}.3f2a9c1e-0000-4000-8000-000000000000`),
        'halv',
      );
      await mkdir(path.join(directory, unfinished.slice(0, 2)), { recursive: true });
      await writeFile(path.join(directory, unfinished.slice(0, 2), `${unfinished}.partial`), 'x');
      await mkdir(path.join(directory, 'zz'));
      await writeFile(path.join(directory, 'zz', 'f'.repeat(64)), 'x');
      await writeFile(path.join(directory, 'README'), 'x');

      expect((await everything()).map((blob) => blob.key)).toEqual([key]);
    });

    it('lists nothing before the first blob is stored', async () => {
      store = new LocalBlobStore(path.join(directory, 'not-made-yet'));
      expect(await everything()).toEqual([]);
    });
  });
});
