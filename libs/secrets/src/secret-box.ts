import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { deriveKey } from './derive-key';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretsUnreadable extends Error {
  constructor() {
    super(
      'Stored secrets cannot be decrypted: SECRETS_KEY differs from the one they were stored with',
    );
    this.name = 'SecretsUnreadable';
  }
}

/**
 * Encrypts secrets at rest (channel tokens and passwords) with AES-256-GCM,
 * under a key derived from SECRETS_KEY. The envelope names its version so the
 * scheme can change without losing what is stored.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = deriveKey(config.secretsKey, 'channel-secrets');
  }

  seal(secrets: Record<string, string>): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(envelope: string): Record<string, string> {
    const [version, iv, tag, body] = envelope.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretsUnreadable();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as Record<string, string>;
    } catch {
      throw new SecretsUnreadable();
    }
  }
}
