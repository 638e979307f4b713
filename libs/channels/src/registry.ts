import type { Type } from '@nestjs/common';
import type { ChannelAdapter } from './channel-adapter';
import { EmailAdapter } from './email/email.adapter';
import { FacebookPageAdapter } from './facebook-page/facebook-page.adapter';
import { InstagramAdapter } from './instagram/instagram.adapter';
import { WebFormAdapter } from './web-form/web-form.adapter';

/** Every channel Svara speaks: one line each. */
export const CHANNEL_ADAPTERS: Type<ChannelAdapter>[] = [
  WebFormAdapter,
  FacebookPageAdapter,
  InstagramAdapter,
  EmailAdapter,
];
