import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class TeamDto {
  @ApiProperty({ example: 'Kundtjänst' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class MembershipDto {
  @ApiPropertyOptional({ default: false, description: 'Leads receive escalations' })
  @IsOptional()
  @IsBoolean()
  isLead?: boolean;
}

export class TeamSlaPolicyDto {
  @ApiProperty({
    nullable: true,
    description: "Policy for this team's threads instead of their channel's; null removes it",
  })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  slaPolicyId!: string | null;
}
