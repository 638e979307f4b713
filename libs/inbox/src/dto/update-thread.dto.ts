import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  type ValidationArguments,
  ValidateBy,
} from 'class-validator';
import { ThreadStatus } from '@svara/database';
import { IsTagList } from '@svara/http';
import { MAX_REPLY_FILES } from '@svara/pipeline';

const VERSION_HELP = "the thread's version from GET /threads/:id, to detect concurrent changes";

/** One message for the version, saying what it is whether it is missing or wrong. */
const IsThreadVersion = () =>
  ValidateBy({
    name: 'isThreadVersion',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 0,
      defaultMessage: (args?: ValidationArguments) =>
        args?.value === undefined || args.value === null
          ? `version is required: ${VERSION_HELP}`
          : `version must be a whole number of 0 or more: ${VERSION_HELP}`,
    },
  });

export class UpdateThreadDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: `Required: ${VERSION_HELP}; 409 if the thread changed since`,
  })
  @IsThreadVersion()
  version!: number;

  @ApiPropertyOptional({ enum: ThreadStatus })
  @IsOptional()
  @IsEnum(ThreadStatus)
  status?: ThreadStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null unassigns',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the thread’s tags' })
  @IsOptional()
  @IsTagList(20)
  tags?: string[];
}

export class MessageTextDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(20000)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  text!: string;
}

/** A reply as the API documents it: JSON with the text, or multipart/form-data with files too. */
export class ReplyDto extends MessageTextDto {
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'binary' },
    maxItems: MAX_REPLY_FILES,
    description: 'Files sent with the reply (multipart/form-data only)',
  })
  files?: unknown[];
}
