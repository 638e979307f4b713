import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Forbidden, NotFound } from '@svara/common';
import { PrismaService } from '@svara/database';
import { InboundBatches } from '@svara/pipeline';
import type { WebFormSubmissionDto } from './dto/web-form-submission.dto';
import type { WebFormItem } from './web-form-item';
import type { WebFormConfig } from './web-form-settings';

/**
 * A citizen's submission to a web form: checked against the form's channel
 * (enabled, from a site it allows) and stored as the channel's raw item for
 * ingest. Its id is the citizen's receipt.
 */
@Injectable()
export class WebFormIntake {
  constructor(
    private readonly prisma: PrismaService,
    private readonly batches: InboundBatches,
  ) {}

  async submit(
    channelId: string,
    submission: WebFormSubmissionDto,
    origin: string | undefined,
    correlationId: string,
  ): Promise<{ id: string }> {
    const channel = await this.prisma.channel.findUnique({
      where: { id: channelId },
      select: { type: true, enabled: true, config: true },
    });
    if (!channel || channel.type !== 'WEB_FORM' || !channel.enabled) {
      throw new NotFound('Web form');
    }
    const { allowedOrigins } = (channel.config ?? {}) as WebFormConfig;
    if (origin && allowedOrigins?.length && !allowedOrigins.includes(origin)) {
      throw new Forbidden('This form does not accept submissions from this site');
    }

    const id = randomUUID();
    // A bot filled in the trap: answer as if accepted, keep nothing.
    if (submission.website) return { id };

    const item: WebFormItem = {
      id,
      submittedAt: new Date().toISOString(),
      name: submission.name,
      email: submission.email,
      subject: submission.subject,
      message: submission.message,
    };
    await this.batches.accept(channelId, 'FORM', [item], correlationId);
    return { id };
  }
}
