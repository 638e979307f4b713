import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  type ValidatorConstraintInterface,
  ValidatorConstraint,
} from 'class-validator';
import { EveRule } from '@svara/database';
import { HOLIDAY_COUNTRIES, type HolidayCountry, isValidTimeZone } from '@svara/sla';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@ValidatorConstraint({ name: 'timeZone' })
class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isValidTimeZone(value);
  }
  defaultMessage() {
    return 'timeZone must be an IANA time zone such as Europe/Stockholm';
  }
}

export class OpeningRangeDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiProperty({ example: '08:00' })
  @Matches(TIME, { message: 'open must be a time HH:MM' })
  open!: string;

  @ApiProperty({ example: '16:00' })
  @Matches(TIME, { message: 'close must be a time HH:MM (24:00 for midnight)' })
  close!: string;
}

export class HalfDayDto {
  @ApiProperty({ example: '2026-04-30' })
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: '13:00' })
  @Matches(TIME, { message: 'close must be a time HH:MM' })
  close!: string;
}

export class CreateCalendarDto {
  @ApiProperty({ example: 'Kontaktcenter' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ default: 'Europe/Stockholm' })
  @IsOptional()
  @Validate(IsIanaTimeZone)
  timeZone?: string;

  @ApiProperty({ type: [OpeningRangeDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'weeklyHours must have at least one opening range' })
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => OpeningRangeDto)
  weeklyHours!: OpeningRangeDto[];

  @ApiPropertyOptional({ enum: HOLIDAY_COUNTRIES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(HOLIDAY_COUNTRIES, { each: true, message: 'holidayCountries must be among SE, NO, FI' })
  holidayCountries?: HolidayCountry[];

  @ApiPropertyOptional({
    enum: EveRule,
    description: 'Midsummer Eve, Christmas Eve, New Year’s Eve',
  })
  @IsOptional()
  @IsEnum(EveRule)
  eveDays?: EveRule;

  @ApiPropertyOptional({ example: '12:00' })
  @IsOptional()
  @Matches(TIME, { message: 'halfDayClose must be a time HH:MM' })
  halfDayClose?: string;

  @ApiPropertyOptional({ example: ['2026-12-23'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(DATE, { each: true, message: 'closedDates must hold dates YYYY-MM-DD' })
  closedDates?: string[];

  @ApiPropertyOptional({ type: [HalfDayDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => HalfDayDto)
  halfDays?: HalfDayDto[];

  @ApiPropertyOptional({ example: ['2026-01-06'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(DATE, { each: true, message: 'openDates must hold dates YYYY-MM-DD' })
  openDates?: string[];
}

export class UpdateCalendarDto extends PartialType(CreateCalendarDto) {}

export class CalendarDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [OpeningRangeDto] }) weeklyHours!: OpeningRangeDto[];
  @ApiProperty({ enum: HOLIDAY_COUNTRIES, isArray: true }) holidayCountries!: HolidayCountry[];
  @ApiProperty({ enum: EveRule }) eveDays!: EveRule;
  @ApiProperty() halfDayClose!: string;
  @ApiProperty({ type: [String] }) closedDates!: string[];
  @ApiProperty({ type: [HalfDayDto] }) halfDays!: HalfDayDto[];
  @ApiProperty({ type: [String] }) openDates!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class UpdatedCalendarDto extends CalendarDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Follow it at GET /sla-recomputations/{id}; null when no policy uses the calendar',
  })
  recomputationId!: string | null;
}

export class CalendarYearQuery {
  @ApiProperty({ example: 2027, minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year such as 2027' })
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: ['sv', 'en'], default: 'sv', description: 'Language of the names' })
  @IsOptional()
  @IsIn(['sv', 'en'])
  language?: 'sv' | 'en';
}

export const SPECIAL_DAY_KINDS = ['HOLIDAY', 'EVE', 'CLOSED', 'HALF_DAY', 'OPEN'] as const;

export class HolidayNameDto {
  @ApiProperty({ enum: HOLIDAY_COUNTRIES }) country!: HolidayCountry;
  @ApiProperty({ enum: ['public', 'eve'] }) kind!: 'public' | 'eve';
  @ApiProperty({ example: 'midsommarafton' }) name!: string;
}

export class HoursDto {
  @ApiProperty({ example: '08:00' }) open!: string;
  @ApiProperty({ example: '12:00' }) close!: string;
}

export class SpecialDayDto {
  @ApiProperty({ example: '2027-06-25' }) date!: string;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' })
  weekday!: number;
  @ApiProperty({
    enum: SPECIAL_DAY_KINDS,
    description:
      "Why the day differs: a public holiday, an eve, or the calendar's own closed, half or open day",
  })
  kind!: (typeof SPECIAL_DAY_KINDS)[number];
  @ApiProperty({ type: [HolidayNameDto] }) holidays!: HolidayNameDto[];
  @ApiProperty({
    type: [HoursDto],
    description: 'The hours the calendar keeps that day; none is closed',
  })
  hours!: HoursDto[];
}

export class CalendarYearDto {
  @ApiProperty() year!: number;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [SpecialDayDto] }) days!: SpecialDayDto[];
}
