import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsISO8601,
  IsOptional,
  IsUUID,
  Validate,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ThreadFilter } from '@svara/inbox';
import { MAX_THREADS_PER_PACKAGE } from '../../limits';

/** The inbox's filters, and when the threads were closed. */
export class RecordExportFilter extends ThreadFilter {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Threads closed at or after this instant (a date means its start, UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'closedFrom must be an ISO 8601 date or date-time' })
  closedFrom?: string;

  @ApiPropertyOptional({
    example: '2026-02-01',
    description: 'Threads closed before this instant (a date means its start, UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'closedTo must be an ISO 8601 date or date-time' })
  closedTo?: string;
}

@ValidatorConstraint({ name: 'oneSelection' })
class NotBothSelections implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments): boolean {
    return (args.object as CreateRecordExportDto).threadIds === undefined;
  }

  defaultMessage(): string {
    return 'give either threadIds or filter, not both';
  }
}

export class CreateRecordExportDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: `The threads to export (at most ${MAX_THREADS_PER_PACKAGE}); or give a filter`,
  })
  @ValidateIf((body: CreateRecordExportDto) => body.threadIds !== undefined)
  @IsArray()
  @ArrayNotEmpty()
  @IsUUID('all', { each: true, message: 'each of threadIds must be a thread id (UUID)' })
  threadIds?: string[];

  @ApiPropertyOptional({
    type: RecordExportFilter,
    description: `Every thread you may see that matches (at most ${MAX_THREADS_PER_PACKAGE}); or give threadIds`,
  })
  @ValidateIf(
    (body: CreateRecordExportDto) => body.filter !== undefined || body.threadIds === undefined,
  )
  @IsDefined({ message: 'give either threadIds (thread ids) or filter (inbox filters)' })
  @Validate(NotBothSelections)
  @ValidateNested()
  @Type(() => RecordExportFilter)
  filter?: RecordExportFilter;
}
