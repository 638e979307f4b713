import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '@svara/auth';
import { EventStreamWriter } from './event-stream-writer';
import { InboxStream } from './inbox-stream.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly stream: InboxStream) {}

  @Get()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-sent events: message.created, message.updated, thread.updated for threads you may see',
  })
  events(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    const writer = new EventStreamWriter(request, response);
    const subscription = this.stream.streamFor(user).subscribe({
      next: (events) => {
        if (!writer.write(events)) subscription.unsubscribe();
      },
      complete: () => writer.end(),
    });
    response.on('close', () => subscription.unsubscribe());
  }
}
