import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type Channel = Schemas['ChannelDto'];
export type ChannelType = Channel['type'];
export type ChannelHealth = Channel['health'];
export type ChannelProblem = Schemas['ChannelProblem'];
export type ConnectionTest = Schemas['ConnectionTestDto'];
export type ChannelInput = Schemas['CreateChannelDto'];
export type ChannelChanges = Schemas['UpdateChannelDto'];

export const CHANNEL_TYPES: readonly ChannelType[] = [
  'EMAIL',
  'WEB_FORM',
  'FACEBOOK_PAGE',
  'INSTAGRAM',
];
