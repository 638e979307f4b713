import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InvalidInput } from '@svara/common';
import { AppConfig } from '@svara/config';
import { RedisClient } from '@svara/database';

export interface IssuedConfirmation {
  token: string;
  expiresAt: Date;
}

/** A consumed confirmation; `restore` gives it back when the erasure could not go ahead. */
export interface ConsumedConfirmation {
  restore(): Promise<void>;
}

/**
 * One-time confirmation tokens for erasures. A token is random, valid for one
 * admin and one contact, short-lived, and consumed by its first use. Redis
 * keeps only its hash, under a key that names the admin and the contact, so a
 * token presented by anyone else or for another contact finds nothing.
 */
@Injectable()
export class ErasureConfirmations {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  async issue(contactId: string, adminId: string): Promise<IssuedConfirmation> {
    const token = randomBytes(32).toString('base64url');
    const seconds = this.config.erasureConfirmationSeconds;
    const expiresAt = new Date(Date.now() + seconds * 1000);
    await this.redis.set(
      this.key(contactId, adminId, token),
      String(expiresAt.getTime()),
      'EX',
      seconds,
    );
    return { token, expiresAt };
  }

  /** Takes the token, atomically, so that two requests cannot both use it. */
  async consume(contactId: string, adminId: string, token: string): Promise<ConsumedConfirmation> {
    const key = this.key(contactId, adminId, token);
    const expiresAtMs = await this.redis.getdel(key);
    if (expiresAtMs === null) {
      throw new InvalidInput(
        'confirmationToken is not valid for this contact: it is wrong, expired or already used. ' +
          'Request the erasure again for a new token.',
      );
    }
    return {
      restore: async () => {
        if (Number(expiresAtMs) <= Date.now()) return;
        await this.redis.set(key, expiresAtMs, 'PXAT', Number(expiresAtMs), 'NX');
      },
    };
  }

  private key(contactId: string, adminId: string, token: string): string {
    const hash = createHash('sha256').update(token).digest('base64url');
    return this.redis.key('erasure-confirmation', contactId, adminId, hash);
  }
}
