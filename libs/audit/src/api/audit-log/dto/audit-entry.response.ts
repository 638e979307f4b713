import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ENTITY_TYPES } from '../../../audit-trail.service';

export class LogActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: LogActorDto, nullable: true, description: 'Null for Svara itself' })
  actor!: LogActorDto | null;
  @ApiProperty({ example: 'contact.erased' }) action!: string;
  @ApiProperty({ enum: AUDIT_ENTITY_TYPES }) entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed' })
  data!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) data!: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next page' })
  nextCursor!: string | null;
}
