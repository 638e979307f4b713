import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, opendir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  BlobMissing,
  type BlobStore,
  blobKeyOf,
  checkedKey,
  isBlobKey,
  type StoredBlob,
} from './blob-store';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

const SHARD = /^[0-9a-f]{2}$/;
const LIST_PAGE_SIZE = 1000;

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
    // Stored already: touched, so the sweep of unreferenced blobs sees it as new
    // and leaves it to the row about to name it.
    if (await this.touch(target)) return key;
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

  private async touch(file: string): Promise<boolean> {
    try {
      const now = new Date();
      await utimes(file, now, now);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
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

  /** Blobs shard by shard; unfinished writes wait in tmp/ and are never listed. */
  async *list(): AsyncIterable<StoredBlob[]> {
    for (const shard of await this.shards()) {
      let page: StoredBlob[] = [];
      for await (const entry of await opendir(path.join(this.directory, shard))) {
        if (!entry.isFile() || !isBlobKey(entry.name) || !entry.name.startsWith(shard)) continue;
        const modifiedAt = await this.modifiedAt(entry.name);
        if (modifiedAt) page.push({ key: entry.name, modifiedAt });
        if (page.length === LIST_PAGE_SIZE) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    }
  }

  private async shards(): Promise<string[]> {
    try {
      const entries = await readdir(this.directory, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isDirectory() && SHARD.test(entry.name))
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  /** Null when the blob was removed since its directory was read. */
  private async modifiedAt(key: string): Promise<Date | null> {
    try {
      return (await stat(this.pathOf(key))).mtime;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }
}
