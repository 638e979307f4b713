export type { ChannelAdapter } from './channel-adapter';
export { ChannelEndpointsModule, ChannelsModule } from './channels.module';
export { CHANNEL_ADAPTERS } from './registry';
export type { WebFormItem } from './web-form/web-form-item';
