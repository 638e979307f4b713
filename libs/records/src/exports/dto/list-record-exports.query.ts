import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { RecordExportPurpose } from '@svara/database';
import { LogPageQuery } from '@svara/http';

/** Newest first, like the audit log; the cursor is the last export's id. */
export class ListRecordExportsQuery extends PickType(LogPageQuery, ['limit'] as const) {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID('all', { message: 'cursor is not one this API returned' })
  cursor?: string;

  @ApiPropertyOptional({ enum: RecordExportPurpose })
  @IsOptional()
  @IsEnum(RecordExportPurpose)
  purpose?: RecordExportPurpose;
}
