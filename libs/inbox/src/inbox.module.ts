import { Module } from '@nestjs/common';
import { AuditModule } from '@svara/audit';
import { ChannelsModule } from '@svara/channels';
import { PipelineModule } from '@svara/pipeline';
import { ThreadSlaModule } from '@svara/thread-sla';
import { CannedRepliesController } from './canned-replies/canned-replies.controller';
import { CannedReplies } from './canned-replies/canned-replies.service';
import { EventsController } from './events/events.controller';
import { InboxStream } from './events/inbox-stream.service';
import { CommentModeration } from './comment-moderation.service';
import { LexemeShares } from './lexeme-shares.service';
import { ThreadMessages } from './thread-messages.service';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

@Module({
  imports: [AuditModule, PipelineModule, ThreadSlaModule, ChannelsModule],
  controllers: [ThreadsController, CannedRepliesController, EventsController],
  providers: [
    ThreadsService,
    ThreadMessages,
    CommentModeration,
    CannedReplies,
    InboxStream,
    LexemeShares,
  ],
})
export class InboxModule {}
