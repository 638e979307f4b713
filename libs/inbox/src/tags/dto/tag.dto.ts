import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';

export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,49}$/u;

export class TagUsageDto {
  @ApiProperty({ example: 'bygglov' }) tag!: string;
  @ApiProperty({ description: 'Threads carrying the tag, closed ones included' }) threads!: number;
}

export class RenameTagDto {
  @ApiProperty({ example: 'bygglov', description: 'Trimmed and lower-cased, as thread tags are' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsString()
  @Matches(TAG_PATTERN, {
    message: 'name must be a word of at most 50 letters, digits, spaces, - or _',
  })
  name!: string;
}

export class TagChangeDto {
  @ApiProperty({ description: 'Threads that were changed' }) threads!: number;
}
