import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { wellFormedText } from '@svara/common';

// Text is made storable (no NUL, no unpaired surrogates) before it is validated,
// so a message of nothing but NUL is as empty as it looks.
const wellFormed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? wellFormedText(value) : value;
const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? wellFormedText(value).trim() : value;

export class WebFormSubmissionDto {
  @ApiProperty({ example: 'Anna Andersson', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'anna@example.se', maxLength: 320 })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ example: 'Sophämtning', maxLength: 300 })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string;

  @ApiProperty({ example: 'Soporna hämtades inte i tisdags.', maxLength: 20000 })
  @Transform(wellFormed)
  @IsString()
  @Matches(/\S/, { message: 'message must not be empty or only white space' })
  @MaxLength(20000)
  message!: string;

  /** Honeypot: hidden from people by the form, filled in by bots. */
  @ApiPropertyOptional({ description: 'Leave empty (spam trap)' })
  @Transform(wellFormed)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  website?: string;
}

export class SubmissionAcceptedDto {
  @ApiProperty({ description: 'Id of the accepted submission' })
  id!: string;
}
