import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IdentityType } from '@svara/database';

export class ContactIdentityDto {
  @ApiProperty({ enum: IdentityType, enumName: 'IdentityType' }) type!: IdentityType;
  @ApiProperty({ description: '"global" for e-mail, else the channel id' }) scope!: string;
  @ApiProperty() value!: string;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
  @ApiProperty({ type: [ContactIdentityDto] }) identities!: ContactIdentityDto[];
  @ApiProperty() threadCount!: number;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactDto] }) data!: ContactDto[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next page' })
  nextCursor!: string | null;
}

export class ErasureCountsDto {
  @ApiProperty() threads!: number;
  @ApiProperty({ description: 'Messages of their threads (theirs, the replies to them, notes)' })
  messages!: number;
  @ApiProperty({ description: "What they wrote in other people's threads" })
  messagesInOtherThreads!: number;
  @ApiProperty() identities!: number;
  @ApiProperty({ description: 'Raw inbound batches (already stored as messages) naming them' })
  inboundBatches!: number;
  @ApiProperty({ description: 'Their items in batches that failed to ingest' })
  inboundItems!: number;
}

export class KeptRecordsDto {
  @ApiProperty({ description: 'Record packages holding their threads, kept as public records' })
  recordPackages!: number;
  @ApiProperty() reason!: string;
}

export class ErasureRequestDto {
  @ApiProperty({ description: 'Give it to POST /contacts/:id/erasure/confirm' })
  confirmationToken!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ type: ErasureCountsDto, description: 'What the erasure removes' })
  summary!: ErasureCountsDto;
  @ApiProperty({ type: KeptRecordsDto, description: 'What it keeps, and why' })
  kept!: KeptRecordsDto;
  @ApiPropertyOptional() inboundBatchesBeingIngested?: number;
  @ApiPropertyOptional() note?: string;
}

export class ErasureResultDto {
  @ApiProperty({ format: 'uuid', description: "The audit log's id for the erasure" })
  erasureId!: string;
  @ApiProperty({ type: ErasureCountsDto }) erased!: ErasureCountsDto;
  @ApiProperty({ type: KeptRecordsDto }) kept!: KeptRecordsDto;
}
