import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { CreateChannelDto } from './create-channel.dto';

export class UpdateChannelDto extends PartialType(
  OmitType(CreateChannelDto, ['type', 'config', 'secrets'] as const),
) {
  @ApiPropertyOptional({
    description: 'Per-type settings; replaces the stored ones',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'Per-type credentials, write-only: the given ones replace the stored ones of the same name, null removes one',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  secrets?: Record<string, unknown>;
}
