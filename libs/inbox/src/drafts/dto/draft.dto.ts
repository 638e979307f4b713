import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export const DRAFT_KINDS = ['reply', 'note'] as const;
export type DraftKindName = (typeof DRAFT_KINDS)[number];

export class DraftTextDto {
  @ApiProperty({ maxLength: 20000, description: 'As typed; empty deletes the draft' })
  @IsString()
  @MaxLength(20000)
  text!: string;
}

export class DraftDto {
  @ApiProperty({ enum: DRAFT_KINDS, enumName: 'DraftKind' }) kind!: DraftKindName;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class DraftListDto {
  @ApiProperty({ type: [DraftDto] }) data!: DraftDto[];
}
