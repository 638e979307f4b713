import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@svara/config';
import { PrismaService } from '@svara/database';
import { SvaraMetrics } from '@svara/metrics';
import { Mailer } from '@svara/notifications';
import { DurableJobs, InboxEvents, type JobOf, JobWorkers } from '@svara/pipeline';
import { decodeDeadlines, escalationLevelsOf } from '@svara/thread-sla';
import { moveThreadsOn } from '../scan/thread-moves';
import { escalationMail, type MailLocale } from './escalation-mail';
import { EscalationRecipientsResolver } from './escalation-recipients.service';

export type EscalationOutcome = { sent: string[] } | { skipped: string };

/**
 * The escalation queue's worker. It turns what an SLA scan handed over into
 * one notify-escalation job per level, and mails one escalation level of one
 * deadline per such job. The escalation row (unique per
 * thread, target, level and deadline) records who was mailed, when and what
 * the SMTP server answered; a level already SENT is never mailed again, and a
 * failed send throws so the job is retried with backoff.
 */
@Injectable()
export class EscalationProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(EscalationProcessor.name);

  constructor(
    private readonly workers: JobWorkers,
    private readonly jobs: DurableJobs,
    private readonly prisma: PrismaService,
    private readonly mailer: Mailer,
    private readonly recipients: EscalationRecipientsResolver,
    private readonly config: AppConfig,
    private readonly metrics: SvaraMetrics,
    private readonly events: InboxEvents,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(
      'escalation',
      {
        'queue-escalations': (job) => this.queueLevels(job.data),
        'notify-escalation': (job) => this.notify(job.data),
      },
      { concurrency: 8 },
    );
  }

  /**
   * One notify-escalation job per level the SLA scan handed over, then the
   * threads moved on: only once their levels are in Redis, so a crash in
   * between leaves them to be found again. Ids make a repeat a no-op.
   */
  async queueLevels({ escalations, moves = [] }: JobOf<'queue-escalations'>): Promise<void> {
    await this.jobs.addAll('notify-escalation', escalations);
    // Open inboxes show the new SLA state (an ok badge turning breached) at once.
    await this.events.threadsChanged('thread.updated', await moveThreadsOn(this.prisma, moves));
  }

  async notify(data: JobOf<'notify-escalation'>, now = new Date()): Promise<EscalationOutcome> {
    const { threadId, target, level } = data;
    const dueAt = new Date(data.dueAt);
    const thread = await this.prisma.thread.findUnique({
      where: { id: threadId },
      include: {
        channel: { select: { name: true } },
        contact: { select: { displayName: true, email: true } },
        slaPolicy: { include: { calendar: { select: { timeZone: true } } } },
      },
    });
    if (!thread?.slaPolicy) return { skipped: 'thread or policy gone' };
    // Answered, paused or closed since the scan found it: the deadline no longer runs.
    const running = decodeDeadlines(thread.slaDeadlines).some(
      (deadline) => deadline.target === target && Date.parse(deadline.dueAt) === dueAt.getTime(),
    );
    if (!running) {
      // A level that failed before the deadline stopped is not tried again.
      await this.prisma.escalation.updateMany({
        where: { threadId, target, level, dueAt, status: 'FAILED' },
        data: { status: 'SKIPPED', lastError: 'deadline no longer running' },
      });
      return { skipped: 'deadline no longer running' };
    }
    const setting = escalationLevelsOf(thread.slaPolicy).find((l) => l.level === level);
    if (!setting) return { skipped: 'level no longer in the policy' };

    const key = { threadId, target, level, dueAt };
    await this.prisma.escalation.createMany({
      data: [{ ...key, stepAt: new Date(data.stepAt) }],
      skipDuplicates: true,
    });
    const row = await this.prisma.escalation.findUniqueOrThrow({
      where: { threadId_target_level_dueAt: key },
    });
    if (row.status === 'SENT' || row.status === 'SKIPPED')
      return { skipped: `already ${row.status}` };

    const to = await this.recipients.resolve(setting.recipients, thread.teamId);
    if (to.length === 0) {
      await this.prisma.escalation.update({
        where: { id: row.id },
        data: { status: 'SKIPPED', lastError: 'no recipients', attempts: { increment: 1 } },
      });
      this.logger.warn({ threadId, target, level }, 'escalation level has no recipients');
      return { skipped: 'no recipients' };
    }

    const mail = escalationMail({
      locale: (thread.slaPolicy.locale === 'en' ? 'en' : 'sv') as MailLocale,
      threadId,
      threadSubject: thread.subject,
      contactName: thread.contact?.displayName ?? thread.contact?.email ?? null,
      channelName: thread.channel.name,
      target,
      level,
      on: setting.on,
      dueAt,
      now,
      timeZone: thread.slaPolicy.calendar.timeZone,
      publicUrl: this.config.publicUrl,
    });
    let mailed = false;
    try {
      const sent = await this.mailer.send({
        to,
        ...mail,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Svara-Thread': threadId },
      });
      mailed = true;
      this.metrics.escalationMails.inc({ outcome: 'sent' });
      await this.prisma.escalation.update({
        where: { id: row.id },
        data: {
          status: 'SENT',
          recipients: to,
          sentAt: new Date(),
          smtpMessageId: sent.messageId,
          smtpResponse: sent.response.slice(0, 1000),
          lastError: null,
          attempts: { increment: 1 },
        },
      });
      return { sent: to };
    } catch (error) {
      if (!mailed) this.metrics.escalationMails.inc({ outcome: 'failed' });
      const reason = error instanceof Error ? error.message : String(error);
      await this.prisma.escalation.update({
        where: { id: row.id },
        data: {
          status: 'FAILED',
          recipients: to,
          lastError: reason.slice(0, 1000),
          attempts: { increment: 1 },
        },
      });
      this.logger.warn({ threadId, target, level, err: reason }, 'escalation mail failed');
      throw error;
    }
  }
}
