import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { PrismaService } from '@svara/database';
import { IdParam, Public, RateLimitGuard } from '@svara/http';
import { InboundBatches } from '@svara/pipeline';
import { SubmissionAcceptedDto, WebFormSubmissionDto } from './dto/web-form-submission.dto';
import type { WebFormItem } from './web-form-item';
import type { WebFormConfig } from './web-form-settings';

@ApiTags('web forms')
@Controller('forms')
export class WebFormController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly batches: InboundBatches,
  ) {}

  @Public()
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ login: true })
  @Post(':channelId/submissions')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOperation({ summary: "A citizen's message from a municipality's web form" })
  @ApiAcceptedResponse({ type: SubmissionAcceptedDto })
  @ApiTooManyRequestsResponse({ description: 'Too many submissions from this address' })
  async submit(
    @Param('channelId', IdParam())
    channelId: string,
    @Body() body: WebFormSubmissionDto,
    @Req() request: { id?: unknown },
    @Headers('origin') origin?: string,
  ): Promise<SubmissionAcceptedDto> {
    const channel = await this.prisma.channel.findUnique({
      where: { id: channelId },
      select: { type: true, enabled: true, config: true },
    });
    if (!channel || channel.type !== 'WEB_FORM' || !channel.enabled) {
      throw new NotFoundException('No web form with this id');
    }
    const { allowedOrigins } = (channel.config ?? {}) as WebFormConfig;
    if (origin && allowedOrigins?.length && !allowedOrigins.includes(origin)) {
      throw new ForbiddenException('This form does not accept submissions from this site');
    }

    const id = randomUUID();
    // A bot filled in the trap: answer as if accepted, keep nothing.
    if (body.website) return { id };

    const item: WebFormItem = {
      id,
      submittedAt: new Date().toISOString(),
      name: body.name,
      email: body.email,
      subject: body.subject,
      message: body.message,
    };
    await this.batches.accept(channelId, 'FORM', [item], String(request.id));
    return { id };
  }
}
