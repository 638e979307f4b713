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
    type: String,
    format: 'uuid',
    nullable: true,
    description: "Policy for this team's threads instead of their channel's; null removes it",
  })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  slaPolicyId!: string | null;
}

export class TeamMemberUserDto {
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ description: 'Leads receive escalations and see the team’s reports' })
  isLead!: boolean;
  @ApiProperty({ type: TeamMemberUserDto }) user!: TeamMemberUserDto;
}

export class TeamViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) slaPolicyId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: [TeamMemberDto] }) members!: TeamMemberDto[];
}

export class TeamPolicyChangedDto extends TeamViewDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Follow it at GET /sla-recomputations/{id}',
  })
  recomputation!: string | null;
}
