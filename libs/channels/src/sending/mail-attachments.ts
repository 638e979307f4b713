import type { OutgoingFile } from '../channel-adapter';

/** A reply's files as a mail's attachments (nodemailer's shape), under the types their bytes show. */
export async function mailAttachmentsOf(
  files: OutgoingFile[],
): Promise<{ filename: string; content: Buffer; contentType: string }[]> {
  const attachments = [];
  for (const file of files) {
    attachments.push({
      filename: file.filename,
      content: await file.bytes(),
      contentType: file.contentType,
    });
  }
  return attachments;
}
