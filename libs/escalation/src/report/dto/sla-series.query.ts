import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@svara/sla';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const SERIES_BUCKETS = ['day', 'week'] as const;
export type SeriesBucket = (typeof SERIES_BUCKETS)[number];

/** The longest range a series covers. */
export const MAX_SERIES_DAYS = 366;

@ValidatorConstraint({ name: 'timeZone' })
class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isValidTimeZone(value);
  }
  defaultMessage() {
    return 'timeZone must be an IANA time zone such as Europe/Stockholm';
  }
}

export class SlaSeriesQuery {
  @ApiProperty({ example: '2026-11-01', description: 'First day (inclusive), in timeZone' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({
    example: '2026-12-01',
    description: `Last day (exclusive), in timeZone; at most ${MAX_SERIES_DAYS} days after from`,
  })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({
    enum: SERIES_BUCKETS,
    default: 'day',
    description: 'Days, or ISO weeks from Monday',
  })
  @IsOptional()
  @IsIn(SERIES_BUCKETS, { message: 'bucket must be day or week' })
  bucket: SeriesBucket = 'day';

  @ApiPropertyOptional({ format: 'uuid', description: "One of the caller's teams" })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a team id (UUID)' })
  teamId?: string;

  @ApiPropertyOptional({
    default: DEFAULT_TIME_ZONE,
    description: 'Where days begin: the calendar’s IANA time zone',
  })
  @IsOptional()
  @Validate(IsIanaTimeZone)
  timeZone: string = DEFAULT_TIME_ZONE;
}
