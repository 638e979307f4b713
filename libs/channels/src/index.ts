export type {
  ChannelAdapter,
  ChannelContext,
  ChannelSettings,
  OutgoingFile,
  OutgoingMessage,
  PollResult,
  PublicComment,
  SendResult,
} from './channel-adapter';
export { ChannelAdapters } from './channel-adapters.service';
export {
  ChannelAuthFailed,
  ChannelError,
  ChannelRateLimited,
  SendRefused,
  SourceItemGone,
} from './channel-errors';
export { ChannelsModule } from './channels.module';
export { ChannelPolls } from './polling/channel-polls.service';
export { CHANNEL_ADAPTERS } from './registry';
export type { WebFormItem } from './web-form/web-form-item';
export type { EmailItem } from './email/email-item';
