import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@svara/auth';
import { AccessLog } from '@svara/audit';
import { ListThreadsQuery } from './dto/list-threads.query';
import { MessageTextDto, UpdateThreadDto } from './dto/update-thread.dto';
import { CommentModeration } from './comment-moderation.service';
import { ThreadMessages } from './thread-messages.service';
import { ThreadsService } from './threads.service';
import { IdParam } from '@svara/http';

@ApiTags('inbox')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such thread, or not one you may see' })
@Controller('threads')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly messages: ThreadMessages,
    private readonly moderation: CommentModeration,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The unified inbox: soonest due first, cursor-paginated' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListThreadsQuery) {
    return this.threads.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One thread with its messages in order' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', IdParam()) id: string) {
    const thread = await this.threads.get(user, id);
    // Logged once the thread is shown: a 404 shows nothing.
    await this.accessLog.threadOpened(user.id, thread.id);
    return thread;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change status, assignee, team or tags' })
  @ApiConflictResponse({ description: 'The thread changed since `version`' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Body() body: UpdateThreadDto,
  ) {
    return this.threads.changeState(user, id, body);
  }

  @Post(':id/replies')
  @ApiOperation({ summary: "Reply to the citizen on the thread's channel (queued, then sent)" })
  reply(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Body() body: MessageTextDto,
    @Req() request: { id?: unknown },
  ) {
    return this.messages.reply(user, id, body.text, String(request.id));
  }

  @Post(':id/messages/:messageId/hide')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Hide a citizen’s public comment on Facebook or Instagram (e.g. one showing a personal identity number)',
  })
  hideComment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Param('messageId', IdParam()) messageId: string,
  ) {
    return this.moderation.hide(user, id, messageId);
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'An internal note, never sent to the citizen' })
  note(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Body() body: MessageTextDto,
  ) {
    return this.messages.note(user, id, body.text);
  }
}
