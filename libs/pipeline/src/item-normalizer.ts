import type { Channel, ChannelType } from '@svara/database';
import type { MessageChange, NormalizedMessage } from './normalized-message';

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
  /**
   * A message, or what happened to messages told of before. Throws (or
   * rejects with) UnusableItem for an item that is neither.
   */
  normalize(
    item: unknown,
    channel: Channel,
  ): NormalizedMessage | MessageChange | Promise<NormalizedMessage | MessageChange>;
}

export const ITEM_NORMALIZERS = Symbol('ITEM_NORMALIZERS');
