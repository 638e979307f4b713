import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { type AuthenticatedUser, CurrentUser } from '@svara/auth';
import { InboxStream } from './inbox-stream.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly stream: InboxStream) {}

  @Sse()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-sent events: message.created, message.updated, thread.updated for threads you may see',
  })
  events(@CurrentUser() user: AuthenticatedUser): Observable<MessageEvent> {
    return this.stream.streamFor(user);
  }
}
