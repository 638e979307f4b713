import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditTrail } from '@svara/audit';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { InboundBatches } from '@svara/pipeline';
import { BatchRetriedDto, InboundBatchPageDto } from './dto/inbound-batch.dto';
import { InboundBatchesQuery } from './dto/inbound-batches.query';

/**
 * Raw inbound batches as ingest left them: FAILED ones (a whole batch ingest
 * gave up on, or one item parked from a batch whose other items were stored)
 * carry their reason in lastError and can be given to ingest again. Items are
 * not shown: they are raw personal data (GDPR export has them).
 */
@ApiTags('inbound batches')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('ADMIN')
@Controller('inbound-batches')
export class InboundBatchesController {
  constructor(
    private readonly batches: InboundBatches,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Inbound batches by status (default FAILED), oldest first' })
  @ApiOkResponse({ type: InboundBatchPageDto })
  list(@Query() query: InboundBatchesQuery): Promise<InboundBatchPageDto> {
    return this.batches.list(query.status, query);
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Give a FAILED batch (or parked item) to ingest again' })
  @ApiAcceptedResponse({
    type: BatchRetriedDto,
    description: 'Queued for ingest; 409 unless the batch is FAILED',
  })
  async retry(
    @Param('id', IdParam()) id: string,
    @CurrentUser() actor: AuthenticatedUser,
    @Req() request: { id?: unknown },
  ): Promise<BatchRetriedDto> {
    const before = await this.batches.retry(id, String(request.id));
    await this.audit.record({
      actorId: actor.id,
      action: 'inbound_batch.retried',
      entityType: 'inbound_batch',
      entityId: id,
      data: {
        channelId: before.channelId,
        itemCount: before.itemCount,
        attempts: before.attempts,
        lastError: before.lastError,
      },
    });
    return { id, status: 'PENDING' as const };
  }
}
