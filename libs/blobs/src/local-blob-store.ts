import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobMissing, type BlobStore, blobKeyOf, checkedKey } from './blob-store';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Blobs as files under one directory, `ab/abcdef…` (a level of 256 folders
 * keeps directories small). A blob is written to `tmp/` and renamed into
 * place, which is atomic on one file system: a crash leaves at most a stray
 * temporary file, never a short blob under a real key.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly directory: string) {}

  private pathOf(key: string): string {
    checkedKey(key);
    return path.join(this.directory, key.slice(0, 2), key);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = blobKeyOf(bytes);
    const target = this.pathOf(key);
    if (await this.has(key)) return key;
    const temporary = path.join(this.directory, 'tmp', `${key}.${randomUUID()}`);
    await mkdir(path.dirname(temporary), { recursive: true });
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await writeFile(temporary, bytes, { flush: true });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return key;
  }

  async read(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    try {
      await stat(file);
    } catch (error) {
      if (isMissing(error)) throw new BlobMissing(key);
      throw error;
    }
    return createReadStream(file);
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
