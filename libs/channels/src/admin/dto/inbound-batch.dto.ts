import { ApiProperty } from '@nestjs/swagger';
import { ChannelType, InboundBatchStatus, InboundSource } from '@svara/database';

export class BatchRejectionDto {
  @ApiProperty({ description: 'Position of the item in its batch' }) index!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'The FAILED batch the item was parked in, when it was parked',
  })
  parkedBatchId?: string;
}

/** A batch as ingest left it; its items are raw personal data and are never shown. */
export class InboundBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty() channelName!: string;
  @ApiProperty({ enum: ChannelType, enumName: 'ChannelType' }) channelType!: ChannelType;
  @ApiProperty({ enum: InboundSource, enumName: 'InboundSource' }) source!: InboundSource;
  @ApiProperty({ enum: InboundBatchStatus, enumName: 'InboundBatchStatus' })
  status!: InboundBatchStatus;
  @ApiProperty() itemCount!: number;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why ingest gave up on it' })
  lastError!: string | null;
  @ApiProperty({
    type: [BatchRejectionDto],
    nullable: true,
    description: 'Items ingest rejected or parked while storing the rest',
  })
  rejected!: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) processedAt!: Date | null;
}

export class InboundBatchPageDto {
  @ApiProperty({ type: [InboundBatchDto] }) data!: InboundBatchDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) nextCursor!: string | null;
}

export class BatchRetriedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['PENDING'] }) status!: 'PENDING';
}
