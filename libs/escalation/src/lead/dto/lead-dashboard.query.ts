import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class LeadDashboardQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "One of the caller's teams; without it, the first of them by name",
  })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id (UUID)' })
  teamId?: string;
}
