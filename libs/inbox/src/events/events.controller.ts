import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '@svara/http';
import { SvaraMetrics } from '@svara/metrics';
import { EventStreamWriter } from './event-stream-writer';
import { InboxStream } from './inbox-stream.service';

@ApiTags('inbox')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly stream: InboxStream,
    private readonly metrics: SvaraMetrics,
  ) {}

  @Get()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-sent events: ready, ping, message.created, message.updated, thread.updated, presence.updated for threads you may see',
  })
  events(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    const writer = new EventStreamWriter(request, response);
    this.metrics.eventStreamClients.inc();
    const subscription = this.stream.streamFor(user).subscribe({
      next: (encoded) => {
        if (!writer.write(encoded)) subscription.unsubscribe();
      },
      complete: () => writer.end(),
    });
    response.on('close', () => {
      subscription.unsubscribe();
      this.metrics.eventStreamClients.dec();
    });
  }
}
