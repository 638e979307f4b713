import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListThreadsQuery } from './dto/list-threads.query';
import { ThreadsService } from './threads.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('threads')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get()
  @ApiOperation({ summary: 'The unified inbox: soonest due first, cursor-paginated' })
  list(@Query() query: ListThreadsQuery) {
    return this.threads.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One thread with its messages in order' })
  get(@Param('id', new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND })) id: string) {
    return this.threads.get(id);
  }
}
