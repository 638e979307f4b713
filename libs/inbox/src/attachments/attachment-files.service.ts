import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@svara/http';
import { BLOB_STORE, type BlobStore, readBlob } from '@svara/blobs';
import { Conflict, NotFound } from '@svara/common';
import { PrismaService } from '@svara/database';
import { INLINE_IMAGE_TYPES } from '@svara/pipeline';
import { ThreadsService } from '../threads.service';
import { thumbnailOf } from './thumbnail';

export interface AttachmentFile {
  body: Readable;
  contentType: string;
  filename: string;
  size: number;
  /** A raster image a browser may show in the page; anything else is downloaded. */
  inline: boolean;
}

/**
 * An attachment's bytes for someone who may see its thread: others get
 * NotFound, as for every thread route. Thumbnails are made once per image
 * content and kept in the blob store.
 */
@Injectable()
export class AttachmentFiles {
  constructor(
    private readonly prisma: PrismaService,
    private readonly threads: ThreadsService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async open(
    user: AuthenticatedUser,
    where: { threadId: string; messageId: string; n: number },
    size: 'original' | 'thumb',
  ): Promise<AttachmentFile> {
    await this.threads.findVisible(user, where.threadId);
    const attachment = await this.prisma.messageAttachment.findFirst({
      where: { messageId: where.messageId, n: where.n, message: { threadId: where.threadId } },
    });
    if (!attachment) throw new NotFound('Attachment');
    if (attachment.state === 'PENDING')
      throw new Conflict('The attachment is still being downloaded from its source');
    if (attachment.state !== 'STORED' || !attachment.sha256)
      throw new NotFound('Attachment (it was not stored)');
    const contentType = attachment.sniffedType ?? 'application/octet-stream';
    const inline = INLINE_IMAGE_TYPES.has(contentType);
    if (size === 'original') {
      return {
        body: await this.blobs.read(attachment.sha256),
        contentType,
        filename: attachment.filename,
        size: attachment.size,
        inline,
      };
    }
    if (!inline) throw new NotFound('Thumbnail (the attachment is not an image)');
    const thumbnail = await this.thumbnail(attachment.sha256, attachment.thumbnailSha256);
    return {
      body: Readable.from(thumbnail),
      contentType: 'image/webp',
      filename: `${attachment.filename.replace(/\.[^.]*$/, '')}-thumbnail.webp`,
      size: thumbnail.length,
      inline: true,
    };
  }

  private async thumbnail(sha256: string, cached: string | null): Promise<Buffer> {
    if (cached && (await this.blobs.has(cached))) return readBlob(this.blobs, cached);
    const thumbnail = await thumbnailOf(await readBlob(this.blobs, sha256));
    const key = await this.blobs.put(thumbnail);
    // Every attachment with these bytes shares the thumbnail.
    await this.prisma.messageAttachment.updateMany({
      where: { sha256 },
      data: { thumbnailSha256: key },
    });
    return thumbnail;
  }
}
