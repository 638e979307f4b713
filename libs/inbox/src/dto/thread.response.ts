import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AttachmentState,
  ChannelType,
  DeliveryStatus,
  EscalationStatus,
  MessageDirection,
  SlaState,
  ThreadStatus,
} from '@svara/database';

import { LEFT_OUT_REASONS, type LeftOutReason } from '@svara/pipeline';

// What the inbox routes answer, for the OpenAPI document (the web app's types).

const DATE = { type: String, format: 'date-time' } as const;
const NULLABLE_DATE = { ...DATE, nullable: true } as const;
const NULLABLE_STRING = { type: String, nullable: true } as const;

export class ContactSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(NULLABLE_STRING) displayName!: string | null;
  @ApiProperty(NULLABLE_STRING) email!: string | null;
}

export class ThreadSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty({ enum: ChannelType, enumName: 'ChannelType' }) channelType!: ChannelType;
  @ApiProperty() channelName!: string;
  @ApiProperty({
    ...NULLABLE_STRING,
    description: 'Identity numbers masked, except in GET /threads/:id (the full subject)',
  })
  subject!: string | null;
  @ApiProperty() containsIdentityNumber!: boolean;
  @ApiProperty({ enum: ThreadStatus, enumName: 'ThreadStatus' }) status!: ThreadStatus;
  @ApiProperty({ type: ContactSummaryDto, nullable: true }) contact!: ContactSummaryDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId!: string | null;
  @ApiProperty(DATE) lastMessageAt!: Date;
  @ApiProperty(NULLABLE_DATE) firstResponseDueAt!: Date | null;
  @ApiProperty(NULLABLE_DATE) nextResponseDueAt!: Date | null;
  @ApiProperty(NULLABLE_DATE) resolutionDueAt!: Date | null;
  @ApiProperty({ enum: SlaState, enumName: 'SlaState' }) slaState!: SlaState;
  @ApiProperty() escalationLevel!: number;
  @ApiProperty() messageCount!: number;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty(NULLABLE_DATE) recordExportedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lastRecordExportId!: string | null;
  @ApiProperty({ description: 'Send back with PATCH; 409 when it changed since' })
  version!: number;
  @ApiProperty(DATE) createdAt!: Date;
  @ApiProperty({
    ...NULLABLE_STRING,
    description:
      'Start of the latest message (notes aside): whitespace collapsed, identity numbers masked, at most 160 characters',
  })
  snippet!: string | null;
  @ApiProperty({
    ...NULLABLE_DATE,
    description:
      "When the citizen's oldest unanswered message arrived; null when nothing waits (answered, pending or closed)",
  })
  waitingSince!: Date | null;
  @ApiProperty({ ...NULLABLE_DATE, description: 'The earliest running SLA deadline' })
  dueAt!: Date | null;
}

export class ThreadPageDto {
  @ApiProperty({ type: [ThreadSummaryDto] }) data!: ThreadSummaryDto[];
  @ApiProperty({ ...NULLABLE_STRING, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}

export class ViewFlagsDto {
  @ApiProperty() mine!: boolean;
  @ApiProperty() unassigned!: boolean;
  @ApiProperty() myTeams!: boolean;
  @ApiProperty() breached!: boolean;
}

export class ThreadCountsDto {
  @ApiProperty({ description: 'Open, assigned to you' }) mine!: number;
  @ApiProperty({ description: 'Open, assigned to nobody' }) unassigned!: number;
  @ApiProperty({ description: 'Open, of your teams' }) myTeams!: number;
  @ApiProperty({ description: 'Open, SLA breached' }) breached!: number;
  @ApiProperty({ type: ViewFlagsDto, description: 'True where the count is "at least" (10000)' })
  capped!: ViewFlagsDto;
}

export class MessageAuthorDto {
  @ApiProperty(NULLABLE_STRING) name!: string | null;
  @ApiProperty(NULLABLE_STRING) address!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
}

export class AttachmentDto {
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiPropertyOptional({ description: 'Content-ID of an inline image (cid: in the HTML)' })
  contentId?: string;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MessageDirection, enumName: 'MessageDirection' })
  direction!: MessageDirection;
  @ApiProperty() externalId!: string;
  @ApiProperty({ type: MessageAuthorDto }) author!: MessageAuthorDto;
  @ApiProperty() text!: string;
  @ApiProperty(NULLABLE_STRING) quotedText!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Sanitized e-mail HTML' }) html!: string | null;
  @ApiProperty({ type: [AttachmentDto] }) attachments!: AttachmentDto[];
  @ApiProperty({ description: 'Auto-replies, bounces, list mail' }) automatic!: boolean;
  @ApiProperty() containsIdentityNumber!: boolean;
  @ApiProperty(DATE) sentAt!: Date;
  @ApiProperty(DATE) receivedAt!: Date;
  @ApiProperty({ enum: DeliveryStatus, enumName: 'DeliveryStatus' })
  deliveryStatus!: DeliveryStatus;
  @ApiProperty(NULLABLE_STRING) deliveryError!: string | null;
  @ApiProperty(NULLABLE_DATE) hiddenAt!: Date | null;
  @ApiProperty({
    ...NULLABLE_DATE,
    description: 'When its author last edited the comment on Facebook or Instagram',
  })
  editedAt!: Date | null;
  @ApiProperty({
    ...NULLABLE_DATE,
    description: 'When the comment was removed on Facebook or Instagram; the message stays',
  })
  removedAt!: Date | null;
}

export class MessageVersionDto {
  @ApiProperty() text!: string;
  @ApiProperty({ ...DATE, description: 'When this text was written' }) since!: Date;
  @ApiProperty({ ...DATE, description: 'When its author replaced it' }) replacedAt!: Date;
}

export class MessageAttachmentDto {
  @ApiProperty({
    description:
      'Its place in the message, from 0: GET /threads/:id/messages/:messageId/attachments/:n',
  })
  n!: number;
  @ApiProperty() filename!: string;
  @ApiProperty({ description: 'What its bytes show it is (what it is served as)' })
  contentType!: string;
  @ApiProperty({ description: 'Bytes (as far as known for one left out)' }) size!: number;
  @ApiProperty({ enum: AttachmentState, enumName: 'AttachmentState' }) state!: AttachmentState;
  @ApiProperty({
    ...NULLABLE_STRING,
    enum: LEFT_OUT_REASONS,
    description: 'Why a LEFT_OUT attachment was not stored',
  })
  leftOutReason!: LeftOutReason | null;
  @ApiProperty({ description: 'An image with a thumbnail at ?size=thumb' }) thumbnail!: boolean;
}

export class ThreadMessageDto extends MessageDto {
  @ApiPropertyOptional({
    type: [MessageAttachmentDto],
    description: 'The attachments as stored (every message of GET /threads/:id has it)',
  })
  storedAttachments?: MessageAttachmentDto[];
  @ApiPropertyOptional({
    description: 'A citizen’s public comment on Facebook or Instagram (one that can be hidden)',
  })
  publicComment?: boolean;
  @ApiPropertyOptional({
    type: [MessageVersionDto],
    description: 'The texts an edited comment had before, oldest first',
  })
  earlierVersions?: MessageVersionDto[];
}

export class EscalationDto {
  @ApiProperty() level!: number;
  @ApiProperty({ description: 'firstResponse, nextResponse or resolution' }) target!: string;
  @ApiProperty(DATE) dueAt!: Date;
  @ApiProperty(NULLABLE_DATE) sentAt!: Date | null;
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({ enum: EscalationStatus, enumName: 'EscalationStatus' })
  status!: EscalationStatus;
}

export class PostContextDto {
  @ApiProperty({
    description: 'The post’s text or the media’s caption; empty while only its link is known',
  })
  text!: string;
  @ApiProperty(NULLABLE_STRING) permalink!: string | null;
}

export class ThreadDetailDto extends ThreadSummaryDto {
  @ApiProperty({ type: [ThreadMessageDto] }) messages!: ThreadMessageDto[];
  @ApiProperty({ type: [EscalationDto] }) escalations!: EscalationDto[];
  @ApiProperty({ description: 'True while PENDING pauses the SLA clocks' }) slaPaused!: boolean;
  @ApiProperty({
    type: PostContextDto,
    nullable: true,
    description: 'The post a comment thread is about; null where Svara does not hold it',
  })
  post!: PostContextDto | null;
}
