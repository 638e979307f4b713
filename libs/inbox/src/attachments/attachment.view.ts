import type { MessageAttachment } from '@svara/database';
import { INLINE_IMAGE_TYPES, LEFT_OUT_REASONS, type LeftOutReason } from '@svara/pipeline';

const isReason = (value: string | null): value is LeftOutReason =>
  (LEFT_OUT_REASONS as readonly string[]).includes(value ?? '');

/** A stored attachment as the thread view lists it. */
export function attachmentView(attachment: MessageAttachment) {
  const contentType = attachment.sniffedType ?? attachment.claimedType;
  return {
    n: attachment.n,
    filename: attachment.filename,
    contentType,
    size: attachment.size,
    state: attachment.state,
    leftOutReason: isReason(attachment.leftOutReason) ? attachment.leftOutReason : null,
    thumbnail: attachment.state === 'STORED' && INLINE_IMAGE_TYPES.has(contentType),
  };
}
