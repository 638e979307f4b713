import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordExportPurpose, RecordExportStatus } from '@svara/database';

export class RecordExportRequesterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class RecordExportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: RecordExportPurpose, enumName: 'RecordExportPurpose' })
  purpose!: RecordExportPurpose;
  @ApiProperty({ enum: RecordExportStatus, enumName: 'RecordExportStatus' })
  status!: RecordExportStatus;
  @ApiProperty() threadCount!: number;
  @ApiProperty() threadsDone!: number;
  @ApiProperty({ type: String, nullable: true, description: "The package's SHA-256, in hex" })
  sha256!: string | null;
  @ApiProperty({ type: Number, nullable: true }) byteSize!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: RecordExportRequesterDto, nullable: true })
  requestedBy!: RecordExportRequesterDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) retentionRunId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: Date | null;
}

export class RecordExportPageDto {
  @ApiProperty({ type: [RecordExportDto] }) data!: RecordExportDto[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next page' })
  nextCursor!: string | null;
}

export class RecordExportSelectionDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The inbox filter, when chosen by one',
  })
  filter?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String], description: 'The threads, when chosen one by one' })
  threadIds?: string[];
}

export class RecordExportDetailDto extends RecordExportDto {
  @ApiProperty({ type: RecordExportSelectionDto }) selection!: RecordExportSelectionDto;
}

export class RecordExportQueuedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
