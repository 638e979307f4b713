import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLog } from '@svara/audit';
import { Roles } from '../roles';
import { ListAccessLogQuery } from './dto/list-access-log.query';

@ApiTags('compliance')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLog) {}

  @Get()
  @ApiOperation({ summary: 'Who opened which thread, newest first' })
  list(@Query() query: ListAccessLogQuery) {
    return this.accessLog.list({
      threadId: query.threadId,
      userId: query.userId,
      before: query.cursor === undefined ? undefined : BigInt(query.cursor),
      limit: query.limit,
    });
  }
}
