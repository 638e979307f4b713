import type { AttachmentLimits } from '@svara/config';

/** Why an attachment's bytes were not stored; the web app says each in words. */
export const LEFT_OUT_REASONS = [
  'file-too-large',
  'message-too-large',
  'type-refused',
  'mail-cut',
  'download-failed',
] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

export type Admission = { admit: true } | { admit: false; reason: LeftOutReason };

/**
 * Whether one more file of a message is stored, given the bytes already
 * stored for that message. Files are judged in the message's order, so the
 * first ones fill the message's allowance and later ones are left out.
 */
export function admit(
  file: { size: number; sniffedType: string },
  storedForMessage: number,
  limits: AttachmentLimits,
): Admission {
  if (file.size > limits.maxFileBytes) return { admit: false, reason: 'file-too-large' };
  if (limits.refusedTypes.includes(file.sniffedType.toLowerCase()))
    return { admit: false, reason: 'type-refused' };
  if (storedForMessage + file.size > limits.maxMessageBytes)
    return { admit: false, reason: 'message-too-large' };
  return { admit: true };
}
