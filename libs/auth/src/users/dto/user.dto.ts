import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { UserRole } from '@svara/database';
import { MIN_PASSWORD_LENGTH } from '@svara/common';

const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class CreateUserDto {
  @ApiProperty({ example: 'anna.agent@kommun.se' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Anna Andersson' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: UserRole })
  @IsEnum(UserRole)
  role!: UserRole;

  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    description: 'Write-only; not blank, and not easy to guess (zxcvbn score 3 or more)',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ type: [String], description: 'Teams the user joins' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teamIds?: string[];
}

export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, ['name', 'role', 'password'] as const),
) {
  @ApiPropertyOptional({ description: 'False signs the user out and keeps them out' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserMembershipDto {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() isLead!: boolean;
}

export class UserViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UserRole }) role!: UserRole;
  @ApiProperty({ description: 'False: signed out and kept out' }) active!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Locked after failed log-ins until then',
  })
  lockedUntil!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
  @ApiProperty({ type: [UserMembershipDto] }) memberships!: UserMembershipDto[];
}
