import { ApiProperty } from '@nestjs/swagger';
import { LogActorDto } from '../../audit-log/dto/audit-entry.response';

export class AccessEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: LogActorDto }) user!: LogActorDto;
  @ApiProperty({ format: 'uuid' }) threadId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt!: Date;
}

export class AccessPageDto {
  @ApiProperty({ type: [AccessEntryDto] }) data!: AccessEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next page' })
  nextCursor!: string | null;
}
