import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '@svara/audit';
import { Roles } from '../roles';

import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditTrail) {}

  @Get()
  @ApiOperation({ summary: 'Who changed what, newest first' })
  list(@Query() query: ListAuditQuery) {
    return this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      before: query.cursor === undefined ? undefined : BigInt(query.cursor),
      limit: query.limit,
    });
  }
}
