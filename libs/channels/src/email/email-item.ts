/** One mail as the IMAP poller stores it in an InboundBatch (the channel's raw item). */
export interface EmailItem {
  mailbox: string;
  /** IMAP UIDVALIDITY and UID: where the mail was read, for tracing. */
  uidValidity: string;
  uid: number;
  /** When the server received it (ISO 8601). */
  internalDate: string;
  /** The mail's full size on the server, in bytes. */
  size: number;
  /** The RFC 5322 source, base64; cut at MAX_STORED_MAIL_BYTES when `truncated`. */
  raw: string;
  truncated?: boolean;
}

/** Mail above this is kept with its first part only: headers, text and what attachments fit. */
export const MAX_STORED_MAIL_BYTES = 10 * 1024 * 1024;
