import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLog } from '../../access-log.service';
import { Roles, timeRangeOf } from '@svara/http';
import { AccessPageDto } from './dto/access-entry.response';
import { ListAccessLogQuery } from './dto/list-access-log.query';

@ApiTags('compliance')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLog) {}

  @Get()
  @ApiOperation({ summary: 'Who opened which thread, newest first' })
  @ApiOkResponse({ type: AccessPageDto })
  list(@Query() query: ListAccessLogQuery): Promise<AccessPageDto> {
    return this.accessLog.list({
      threadId: query.threadId,
      userId: query.userId,
      openedAt: timeRangeOf(query),
      before: query.cursor === undefined ? undefined : BigInt(query.cursor),
      limit: query.limit,
    });
  }
}
