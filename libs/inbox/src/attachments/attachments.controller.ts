import {
  Controller,
  Get,
  HttpStatus,
  Param,
  ParseIntPipe,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser, IdParam } from '@svara/http';
import { AttachmentFiles } from './attachment-files.service';
import { AttachmentQuery } from './attachment-query';
import { contentDisposition } from './content-disposition';

/** Nothing in an attachment runs in Svara's origin, even if a browser is talked into rendering it. */
const SANDBOX_CSP = "sandbox; default-src 'none'";

const IndexParam = () => new ParseIntPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });

@ApiTags('inbox')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('threads')
export class AttachmentsController {
  constructor(private readonly files: AttachmentFiles) {}

  @Get(':threadId/messages/:messageId/attachments/:n')
  @ApiOperation({
    summary:
      "An attachment's bytes, as the type they show (png, jpeg, gif and webp inline, anything else as a download)",
  })
  @ApiOkResponse({ description: 'The file', content: { 'application/octet-stream': {} } })
  @ApiNotFoundResponse({
    description: 'No such attachment, one not stored, or a thread you may not see',
  })
  @ApiConflictResponse({ description: 'Still being downloaded from its source' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('threadId', IdParam()) threadId: string,
    @Param('messageId', IdParam()) messageId: string,
    @Param('n', IndexParam()) n: number,
    @Query() query: AttachmentQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.files.open(
      user,
      { threadId, messageId, n },
      query.size === 'thumb' ? 'thumb' : 'original',
    );
    response.setHeader('Content-Security-Policy', SANDBOX_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: contentDisposition(file.inline ? 'inline' : 'attachment', file.filename),
      length: file.size,
    });
  }
}
