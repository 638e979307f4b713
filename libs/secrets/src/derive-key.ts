import { hkdfSync } from 'node:crypto';

/** Separate keys for separate purposes, all derived from SECRETS_KEY. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `svara:${purpose}`, 32));
}
