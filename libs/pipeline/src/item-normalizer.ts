import type { Channel, ChannelType } from '@svara/database';
import type { NormalizedMessage } from './normalized-message';

/** Raised for an item a channel cannot turn into a message; the reason is stored with the batch. */
export class UnusableItem extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnusableItem';
  }
}

/** Turns a channel's raw items (as stored in an InboundBatch) into messages. */
export interface ItemNormalizer {
  readonly channelType: ChannelType;
  /** Throws (or rejects with) UnusableItem for an item that cannot become a message. */
  normalize(item: unknown, channel: Channel): NormalizedMessage | Promise<NormalizedMessage>;
}

export const ITEM_NORMALIZERS = Symbol('ITEM_NORMALIZERS');
