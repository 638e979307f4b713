import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@svara/blobs';
import { PrismaService } from '@svara/database';

/**
 * For erasure and retention: once attachment rows are deleted, the bytes
 * (and thumbnails) that no remaining attachment names are removed from the
 * blob store. Call it after the deleting transaction committed.
 */
@Injectable()
export class UnreferencedBlobs {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /** Removes those of `keys` no attachment references; returns the removed ones. */
  async remove(keys: string[]): Promise<string[]> {
    const candidates = [...new Set(keys)];
    if (candidates.length === 0) return [];
    const rows = await this.prisma.messageAttachment.findMany({
      where: { OR: [{ sha256: { in: candidates } }, { thumbnailSha256: { in: candidates } }] },
      select: { sha256: true, thumbnailSha256: true },
    });
    const referenced = new Set(rows.flatMap((row) => [row.sha256, row.thumbnailSha256]));
    const unreferenced = candidates.filter((key) => !referenced.has(key));
    for (const key of unreferenced) await this.blobs.remove(key);
    return unreferenced;
  }
}
