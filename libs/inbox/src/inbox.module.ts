import { Module } from '@nestjs/common';
import { AuditModule } from '@svara/audit';
import { ChannelsModule } from '@svara/channels';
import { PipelineModule } from '@svara/pipeline';
import { ThreadSlaModule } from '@svara/thread-sla';
import { AttachmentFiles } from './attachments/attachment-files.service';
import { AttachmentsController } from './attachments/attachments.controller';
import { CannedRepliesController } from './canned-replies/canned-replies.controller';
import { CannedReplies } from './canned-replies/canned-replies.service';
import { EventsController } from './events/events.controller';
import { InboxStream } from './events/inbox-stream.service';
import { CommentModeration } from './comment-moderation.service';
import { LexemeShares } from './lexeme-shares.service';
import { DraftsController } from './drafts/drafts.controller';
import { Drafts } from './drafts/drafts.service';
import { PresenceController } from './presence/presence.controller';
import { ThreadPresence } from './presence/thread-presence.service';
import { ThreadBulk } from './thread-bulk.service';
import { ThreadCounts } from './thread-counts.service';
import { ThreadMessages } from './thread-messages.service';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';
import { TagsController } from './tags/tags.controller';
import { Tags } from './tags/tags.service';

@Module({
  imports: [AuditModule, PipelineModule, ThreadSlaModule, ChannelsModule],
  controllers: [
    ThreadsController,
    DraftsController,
    PresenceController,
    CannedRepliesController,
    EventsController,
    TagsController,
    AttachmentsController,
  ],
  providers: [
    ThreadsService,
    ThreadCounts,
    ThreadBulk,
    Drafts,
    ThreadPresence,
    ThreadMessages,
    CommentModeration,
    CannedReplies,
    InboxStream,
    LexemeShares,
    Tags,
    AttachmentFiles,
  ],
})
export class InboxModule {}
