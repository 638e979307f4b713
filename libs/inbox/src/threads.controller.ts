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
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam } from '@svara/http';
import { AccessLog } from '@svara/audit';
import { ListThreadsQuery } from './dto/list-threads.query';
import {
  MessageDto,
  ThreadCountsDto,
  ThreadDetailDto,
  ThreadPageDto,
  ThreadSummaryDto,
} from './dto/thread.response';
import { BulkResultDto, BulkUpdateThreadsDto } from './dto/bulk-update.dto';
import { ThreadBulk } from './thread-bulk.service';
import { ThreadCounts } from './thread-counts.service';
import { MessageTextDto, ReplyDto, UpdateThreadDto } from './dto/update-thread.dto';
import { ReplyUploadsInterceptor } from './reply-uploads.interceptor';
import { CommentModeration } from './comment-moderation.service';
import { ThreadMessages } from './thread-messages.service';
import { ThreadsService } from './threads.service';

@ApiTags('inbox')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiNotFoundResponse({ description: 'No such thread, or not one you may see' })
@Controller('threads')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly messages: ThreadMessages,
    private readonly moderation: CommentModeration,
    private readonly accessLog: AccessLog,
    private readonly counts: ThreadCounts,
    private readonly bulk: ThreadBulk,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The unified inbox: soonest due first, cursor-paginated' })
  @ApiOkResponse({ type: ThreadPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListThreadsQuery) {
    return this.threads.list(user, query);
  }

  @Get('counts')
  @ApiOperation({
    summary: 'Threads not closed that you may see, per inbox view, each counted up to 10000',
  })
  @ApiOkResponse({ type: ThreadCountsDto })
  threadCounts(@CurrentUser() user: AuthenticatedUser) {
    return this.counts.counts(user);
  }

  @Post('bulk')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Change status, assignee, team or add tags on up to 500 threads, each as PATCH would (audited)',
  })
  @ApiOkResponse({ type: BulkResultDto })
  bulkUpdate(@CurrentUser() user: AuthenticatedUser, @Body() body: BulkUpdateThreadsDto) {
    return this.bulk.apply(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One thread with its messages in order' })
  @ApiOkResponse({ type: ThreadDetailDto })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', IdParam()) id: string) {
    const thread = await this.threads.get(user, id);
    // Logged once the thread is shown: a 404 shows nothing.
    await this.accessLog.threadOpened(user.id, thread.id);
    return thread;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change status, assignee, team or tags' })
  @ApiOkResponse({ type: ThreadSummaryDto })
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
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: ReplyDto })
  @ApiCreatedResponse({ type: MessageDto })
  @ApiPayloadTooLargeResponse({ description: 'A file is larger than ATTACHMENT_MAX_FILE_BYTES' })
  @ApiUnprocessableEntityResponse({
    description:
      'Too many or too large files, a type the channel cannot send, or files on a public comment',
  })
  @UseInterceptors(ReplyUploadsInterceptor)
  reply(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Body() body: MessageTextDto,
    @Req() request: { id?: unknown },
    @UploadedFiles() files: Express.Multer.File[] = [],
  ) {
    const uploads = files.map((file) => ({
      filename: file.originalname,
      claimedType: file.mimetype,
      bytes: file.buffer,
    }));
    return this.messages.reply(user, id, body.text, uploads, String(request.id));
  }

  @Post(':id/messages/:messageId/hide')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Hide a citizen’s public comment on Facebook or Instagram (e.g. one showing a personal identity number)',
  })
  @ApiOkResponse({ type: MessageDto })
  hideComment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Param('messageId', IdParam()) messageId: string,
  ) {
    return this.moderation.hide(user, id, messageId);
  }

  @Post(':id/messages/:messageId/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a FAILED reply again: QUEUED, then SENT or FAILED anew' })
  @ApiAcceptedResponse({ type: MessageDto })
  @ApiConflictResponse({ description: 'The message is not a failed reply' })
  retry(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Param('messageId', IdParam()) messageId: string,
    @Req() request: { id?: unknown },
  ) {
    return this.messages.retry(user, id, messageId, String(request.id));
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'An internal note, never sent to the citizen' })
  @ApiCreatedResponse({ type: MessageDto })
  note(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Body() body: MessageTextDto,
  ) {
    return this.messages.note(user, id, body.text);
  }
}
