import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

/** Unsaved changes to try on a stored channel: the same fields as its PATCH, none stored. */
export class TestChangesDto {
  @ApiPropertyOptional({
    description: 'Per-type settings to try instead of the stored ones',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Secrets to try instead of the stored ones of the same name',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  secrets?: Record<string, unknown>;
}
