import { Inject, Injectable } from '@nestjs/common';
import type { Channel, ChannelType } from '@svara/database';
import { ITEM_NORMALIZERS } from '@svara/pipeline';
import { SecretBox } from '@svara/secrets';
import type { ChannelAdapter, ChannelContext } from './channel-adapter';

/** A channel with its secrets opened, as adapters receive it. */
export function channelContext(channel: Channel, secrets: SecretBox): ChannelContext {
  return {
    channel,
    config: (channel.config ?? {}) as Record<string, unknown>,
    secrets: channel.secretsEncrypted ? secrets.open(channel.secretsEncrypted) : {},
  };
}

/** The adapters by channel type, and the context (decrypted secrets) they run with. */
@Injectable()
export class ChannelAdapters {
  private readonly byType = new Map<ChannelType, ChannelAdapter>();

  constructor(
    @Inject(ITEM_NORMALIZERS) adapters: ChannelAdapter[],
    private readonly secrets: SecretBox,
  ) {
    for (const adapter of adapters) {
      if (this.byType.has(adapter.channelType)) {
        throw new Error(`Two adapters for ${adapter.channelType}`);
      }
      this.byType.set(adapter.channelType, adapter);
    }
  }

  has(type: ChannelType): boolean {
    return this.byType.has(type);
  }

  get(type: ChannelType): ChannelAdapter {
    const adapter = this.byType.get(type);
    if (!adapter) throw new Error(`No adapter for channel type ${type}`);
    return adapter;
  }

  /** The types whose adapters poll a source. */
  pollableTypes(): ChannelType[] {
    return [...this.byType.values()].filter((a) => a.poll).map((a) => a.channelType);
  }

  contextOf(channel: Channel): ChannelContext {
    return channelContext(channel, this.secrets);
  }
}
