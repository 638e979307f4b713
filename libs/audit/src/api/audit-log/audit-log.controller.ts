import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '../../audit-trail.service';
import { Roles, timeRangeOf } from '@svara/http';
import { AuditPageDto } from './dto/audit-entry.response';

import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditTrail) {}

  @Get()
  @ApiOperation({ summary: 'Who changed what, newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: ListAuditQuery): Promise<AuditPageDto> {
    return this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId,
      actionPrefix: query.action,
      createdAt: timeRangeOf(query),
      before: query.cursor === undefined ? undefined : BigInt(query.cursor),
      limit: query.limit,
    });
  }
}
