import { Injectable } from '@nestjs/common';
import { InvalidInput, NotFound } from '@svara/common';
import { type Channel, Prisma, PrismaService } from '@svara/database';
import type { CreateChannelDto } from './dto/create-channel.dto';
import { SecretBox } from '@svara/secrets';
import { ChannelAdapters } from '../channel-adapters.service';

const DEFAULT_BACKFILL_MS = 14 * 24 * 3600 * 1000;

/** What an admin sees of a channel: never its secrets. */
export function channelView(channel: Channel) {
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    teamId: channel.teamId,
    slaPolicyId: channel.slaPolicyId,
    config: channel.config,
    hasSecrets: channel.secretsEncrypted !== null,
    pollIntervalSeconds: channel.pollIntervalSeconds,
    enabled: channel.enabled,
    backfillSince: channel.backfillSince,
    health: channel.health,
    lastPollAt: channel.lastPollAt,
    lastSuccessAt: channel.lastSuccessAt,
    lastError: channel.lastError,
    backoffUntil: channel.backoffUntil,
    createdAt: channel.createdAt,
  };
}

@Injectable()
export class ChannelsAdminService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly adapters: ChannelAdapters,
    private readonly secretBox: SecretBox,
  ) {}

  async create(body: CreateChannelDto) {
    if (!this.adapters.has(body.type)) {
      throw new InvalidInput(`type ${body.type} cannot be configured in this version yet`);
    }
    const settings = this.adapters
      .get(body.type)
      .validateSettings({ config: body.config ?? {}, secrets: body.secrets ?? {} });
    const channel = await this.prisma.channel.create({
      data: {
        type: body.type,
        name: body.name,
        teamId: body.teamId,
        slaPolicyId: body.slaPolicyId,
        pollIntervalSeconds: body.pollIntervalSeconds,
        enabled: body.enabled,
        backfillSince: body.backfillSince ?? new Date(Date.now() - DEFAULT_BACKFILL_MS),
        config: settings.config as Prisma.InputJsonObject,
        secretsEncrypted: Object.keys(settings.secrets).length
          ? this.secretBox.seal(settings.secrets)
          : null,
      },
    });
    return channelView(channel);
  }

  async list() {
    const channels = await this.prisma.channel.findMany({ orderBy: { createdAt: 'asc' } });
    return channels.map(channelView);
  }

  async get(id: string) {
    const channel = await this.prisma.channel.findUnique({ where: { id } });
    if (!channel) throw new NotFound('Channel');
    return channelView(channel);
  }
}
