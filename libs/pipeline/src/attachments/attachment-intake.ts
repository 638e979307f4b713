import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@svara/blobs';
import { AppConfig } from '@svara/config';
import type { AttachmentRow, NormalizedMessage } from '../normalized-message';
import { admit } from './attachment-limits';
import { sniffType } from './sniff-type';

/**
 * A message's attachments at ingest: bytes at hand are sniffed, judged by
 * the limits and put in the blob store (before the message's transaction,
 * so a stored row never names missing bytes); URLs become PENDING rows for
 * the fetch-attachment job; whatever is left out keeps its reason.
 */
@Injectable()
export class AttachmentIntake {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly config: AppConfig,
  ) {}

  async rowsOf(message: NormalizedMessage): Promise<AttachmentRow[]> {
    const sources = message.attachmentSources ?? [];
    const rows: AttachmentRow[] = [];
    let stored = 0;
    for (const [n, meta] of message.attachments.entries()) {
      const source = sources[n];
      const row: AttachmentRow = {
        n,
        filename: meta.filename,
        claimedType: meta.contentType,
        size: meta.size,
        state: 'LEFT_OUT',
      };
      rows.push(row);
      if (!source) continue;
      if ('cut' in source) {
        row.leftOutReason =
          meta.size > this.config.attachmentLimits.maxFileBytes ? 'file-too-large' : 'mail-cut';
        continue;
      }
      if ('url' in source) {
        Object.assign(row, { state: 'PENDING', sourceUrl: source.url });
        continue;
      }
      const { bytes } = source;
      row.size = bytes.byteLength;
      row.sniffedType = sniffType(bytes, meta.contentType);
      const admission = admit(
        { size: row.size, sniffedType: row.sniffedType },
        stored,
        this.config.attachmentLimits,
      );
      if (!admission.admit) {
        row.leftOutReason = admission.reason;
        continue;
      }
      row.sha256 = await this.blobs.put(bytes);
      row.state = 'STORED';
      stored += row.size;
    }
    return rows;
  }
}
