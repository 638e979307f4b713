import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@svara/audit';
import { Conflict, InvalidInput, NotFound } from '@svara/common';
import {
  type Channel,
  isMissingReference,
  isRecordNotFound,
  missingReferenceField,
  Prisma,
  PrismaService,
} from '@svara/database';
import { SecretBox } from '@svara/secrets';
import { SlaRecomputations } from '@svara/pipeline';
import type { ChannelContext } from '../channel-adapter';
import { ChannelAdapters } from '../channel-adapters.service';
import { ChannelError } from '../channel-errors';
import { ChannelPolls } from '../polling/channel-polls.service';
import { ReplyMailboxes } from '../web-form/reply-mailboxes';
import { channelProblemOf } from './channel-problem';
import type { ChannelDto, ConnectionTestDto } from './dto/channel.dto';
import type { CreateChannelDto } from './dto/create-channel.dto';
import type { TestChangesDto } from './dto/test-changes.dto';
import type { UpdateChannelDto } from './dto/update-channel.dto';

const DEFAULT_BACKFILL_MS = 14 * 24 * 3600 * 1000;

const tokenExpiryOf = (config: unknown): string | null => {
  const value = (config as { tokenExpiresAt?: unknown } | null)?.tokenExpiresAt;
  return typeof value === 'string' ? value : null;
};

/** What an admin sees of a channel: which secrets are set, never their values. */
export function channelView(channel: Channel, secretsSet: string[]): ChannelDto {
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    teamId: channel.teamId,
    slaPolicyId: channel.slaPolicyId,
    config: (channel.config ?? {}) as Record<string, unknown>,
    hasSecrets: channel.secretsEncrypted !== null,
    secretsSet,
    pollIntervalSeconds: channel.pollIntervalSeconds,
    enabled: channel.enabled,
    backfillSince: channel.backfillSince,
    health: channel.health,
    lastPollAt: channel.lastPollAt,
    lastSuccessAt: channel.lastSuccessAt,
    lastError: channel.lastError,
    lastProblem: channelProblemOf(channel.lastError),
    backoffUntil: channel.backoffUntil,
    tokenExpiresAt: tokenExpiryOf(channel.config),
    createdAt: channel.createdAt,
  };
}

/** After an admin fixes settings or re-enables a channel, polling starts afresh. */
const HEALTHY = { health: 'OK', lastError: null, backoffUntil: null } as const;

function domainError(error: unknown): unknown {
  if (isMissingReference(error)) {
    return new InvalidInput(
      missingReferenceField(error).includes('slaPolicy')
        ? 'slaPolicyId: no such SLA policy'
        : 'teamId: no such team',
    );
  }
  if (isRecordNotFound(error)) return new NotFound('Channel');
  return error;
}

/** Replaces every secret value in a message from a source, in case the source echoed one. */
function withoutSecrets(message: string, secrets: Record<string, string>): string {
  return Object.values(secrets)
    .filter((value) => typeof value === 'string' && value.length >= 4)
    .reduce((text, value) => text.split(value).join('[redacted]'), message);
}

@Injectable()
export class ChannelsAdminService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly adapters: ChannelAdapters,
    private readonly secretBox: SecretBox,
    private readonly polls: ChannelPolls,
    private readonly audit: AuditTrail,
    private readonly recomputations: SlaRecomputations,
    private readonly replyMailboxes: ReplyMailboxes,
  ) {}

  async create(body: CreateChannelDto, actorId: string) {
    const settings = this.validate(body.type, body.config ?? {}, body.secrets ?? {});
    await this.replyMailboxes.check(body.type, settings.config);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const channel = await tx.channel.create({
          data: {
            type: body.type,
            name: body.name,
            teamId: body.teamId,
            slaPolicyId: body.slaPolicyId,
            pollIntervalSeconds: body.pollIntervalSeconds,
            enabled: body.enabled,
            backfillSince: body.backfillSince ?? new Date(Date.now() - DEFAULT_BACKFILL_MS),
            config: settings.config as Prisma.InputJsonObject,
            secretsEncrypted: this.seal(settings.secrets),
          },
        });
        await this.audit.record(
          {
            actorId,
            action: 'channel.created',
            entityType: 'channel',
            entityId: channel.id,
            data: {
              type: channel.type,
              name: channel.name,
              teamId: channel.teamId,
              config: settings.config,
              secretsSet: Object.keys(settings.secrets),
            },
          },
          tx,
        );
        return this.view(channel);
      });
    } catch (error) {
      throw domainError(error);
    }
  }

  async list(): Promise<ChannelDto[]> {
    const channels = await this.prisma.channel.findMany({ orderBy: { createdAt: 'asc' } });
    return channels.map((channel) => this.view(channel));
  }

  async get(id: string): Promise<ChannelDto> {
    return this.view(await this.find(id));
  }

  async update(id: string, body: UpdateChannelDto, actorId: string) {
    let policyChange: string[] = [];
    const updated = await this.updateInTransaction(id, body, actorId, (before) => {
      if (body.slaPolicyId !== undefined && body.slaPolicyId !== before.slaPolicyId) {
        policyChange = [before.slaPolicyId, body.slaPolicyId].filter((p): p is string => !!p);
      }
    });
    // Open threads of the channel follow its new policy (unless their team has its own).
    await this.recomputations.request(id, new Date(), policyChange);
    return updated;
  }

  private async updateInTransaction(
    id: string,
    body: UpdateChannelDto,
    actorId: string,
    seen: (before: Channel) => void,
  ) {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const before = await tx.channel.findUnique({ where: { id } });
        if (!before) throw new NotFound('Channel');
        seen(before);
        const { config, secrets, ...plain } = body;
        const data: Prisma.ChannelUncheckedUpdateInput = { ...plain };
        const changedSecrets = Object.keys(secrets ?? {});
        if (config !== undefined || secrets !== undefined) {
          const merged = { ...this.adapters.contextOf(before).secrets, ...secrets };
          for (const [name, value] of Object.entries(merged)) {
            if (value === null) delete merged[name];
          }
          const settings = this.validate(before.type, config ?? before.config, merged);
          await this.replyMailboxes.check(before.type, settings.config);
          data.config = settings.config as Prisma.InputJsonObject;
          data.secretsEncrypted = this.seal(settings.secrets);
          Object.assign(data, HEALTHY);
        }
        if (body.enabled === true && !before.enabled) Object.assign(data, HEALTHY);
        const channel = await tx.channel.update({ where: { id }, data });
        await this.audit.record(
          {
            actorId,
            action: 'channel.updated',
            entityType: 'channel',
            entityId: id,
            data: {
              ...plain,
              ...(config !== undefined ? { config: channel.config } : {}),
              ...(changedSecrets.length ? { secretsSet: changedSecrets } : {}),
            },
          },
          tx,
        );
        return this.view(channel);
      });
    } catch (error) {
      throw domainError(error);
    }
  }

  /** Only a channel with no threads can be deleted; one with history is disabled instead. */
  async remove(id: string, actorId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const channel = await tx.channel.findUnique({ where: { id } });
      if (!channel) throw new NotFound('Channel');
      if (await tx.thread.findFirst({ where: { channelId: id }, select: { id: true } })) {
        throw new Conflict('Channel has threads: disable it instead, so its history stays');
      }
      await this.replyMailboxes.refuseRemoval(channel, tx);
      await tx.channel.delete({ where: { id } });
      await this.audit.record(
        {
          actorId,
          action: 'channel.deleted',
          entityType: 'channel',
          entityId: id,
          data: { type: channel.type, name: channel.name },
        },
        tx,
      );
    });
  }

  async pollNow(id: string, correlationId?: string): Promise<{ queued: true }> {
    const channel = await this.find(id);
    if (!this.adapters.has(channel.type) || !this.adapters.get(channel.type).poll) {
      throw new InvalidInput(
        `${channel.type} channels are not polled: their messages arrive by themselves`,
      );
    }
    if (!channel.enabled) throw new Conflict('Channel is disabled: enable it first');
    await this.polls.request(id, correlationId);
    return { queued: true };
  }

  /**
   * Proves the stored credentials work, or says why not; with `changes`, tries
   * those settings over the stored ones without storing them. Never echoes a secret.
   */
  async testConnection(id: string, changes: TestChangesDto = {}): Promise<ConnectionTestDto> {
    const channel = await this.find(id);
    if (!this.adapters.has(channel.type)) return this.unsupported(channel.type);
    if (changes.config === undefined && changes.secrets === undefined) {
      return this.tryConnection(() => this.adapters.contextOf(channel));
    }
    const merged: Record<string, unknown> = {
      ...this.adapters.contextOf(channel).secrets,
      ...changes.secrets,
    };
    for (const [name, value] of Object.entries(merged)) {
      if (value === null) delete merged[name];
    }
    const settings = this.validate(channel.type, changes.config ?? channel.config, merged);
    await this.replyMailboxes.check(channel.type, settings.config);
    return this.tryConnection(() => ({
      channel: { ...channel, config: settings.config as Prisma.JsonObject },
      ...settings,
    }));
  }

  /** Tries settings an admin has not saved yet (the body of a create): nothing is stored. */
  async testUnsaved(body: CreateChannelDto): Promise<ConnectionTestDto> {
    if (!this.adapters.has(body.type)) return this.unsupported(body.type);
    const settings = this.validate(body.type, body.config ?? {}, body.secrets ?? {});
    await this.replyMailboxes.check(body.type, settings.config);
    const now = new Date();
    const channel: Channel = {
      id: randomUUID(),
      type: body.type,
      name: body.name,
      teamId: body.teamId ?? null,
      slaPolicyId: body.slaPolicyId ?? null,
      config: settings.config as Prisma.JsonObject,
      secretsEncrypted: null,
      pollIntervalSeconds: body.pollIntervalSeconds ?? 60,
      enabled: body.enabled ?? true,
      backfillSince: body.backfillSince ?? now,
      cursor: null,
      health: 'OK',
      lastPollAt: null,
      lastSuccessAt: null,
      lastError: null,
      backoffUntil: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.tryConnection(() => ({ channel, ...settings }));
  }

  private unsupported(type: Channel['type']): ConnectionTestDto {
    return { ok: false, reason: `${type} channels are not supported by this version` };
  }

  private async tryConnection(contextOf: () => ChannelContext): Promise<ConnectionTestDto> {
    let secrets: Record<string, string> = {};
    try {
      const context = contextOf();
      secrets = context.secrets;
      const adapter = this.adapters.get(context.channel.type);
      if (adapter.testConnection) await adapter.testConnection(context);
      return { ok: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const reason = withoutSecrets(
        error instanceof ChannelError ? message : `The source could not be reached: ${message}`,
        secrets,
      ).slice(0, 1000);
      return { ok: false, reason, problem: channelProblemOf(reason) ?? 'UNKNOWN' };
    }
  }

  /** The admin's view of a channel, with the names (only) of the secrets it holds. */
  private view(channel: Channel): ChannelDto {
    let secretsSet: string[] = [];
    try {
      secretsSet = Object.keys(this.adapters.contextOf(channel).secrets).sort();
    } catch {
      // Secrets sealed under another key: the channel shows them as not set, and polling says why.
    }
    return channelView(channel, secretsSet);
  }

  private async find(id: string): Promise<Channel> {
    const channel = await this.prisma.channel.findUnique({ where: { id } });
    if (!channel) throw new NotFound('Channel');
    return channel;
  }

  private validate(type: Channel['type'], config: unknown, secrets: unknown) {
    if (!this.adapters.has(type)) {
      throw new InvalidInput(`type ${type} cannot be configured in this version yet`);
    }
    return this.adapters.get(type).validateSettings({ config, secrets });
  }

  private seal(secrets: Record<string, string>): string | null {
    return Object.keys(secrets).length ? this.secretBox.seal(secrets) : null;
  }
}
