import type { Type } from '@nestjs/common';
import type { ChannelAdapter } from './channel-adapter';
import { WebFormNormalizer } from './web-form/web-form.normalizer';

/** Every channel Svara speaks: one line each. */
export const CHANNEL_ADAPTERS: Type<ChannelAdapter>[] = [WebFormNormalizer];
