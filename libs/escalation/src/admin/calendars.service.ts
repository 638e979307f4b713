import { Injectable } from '@nestjs/common';
import { Conflict, InvalidInput, NotFound } from '@svara/common';
import { type BusinessCalendar, Prisma, PrismaService, withUniqueName } from '@svara/database';
import { holidaysInYear, minutesOfDay, openingHoursOn } from '@svara/sla';
import { calendarOf } from '@svara/thread-sla';
import { DateTime } from 'luxon';
import { SlaRecomputations } from '@svara/pipeline';
import type {
  CalendarYearDto,
  CreateCalendarDto,
  SpecialDayDto,
  UpdateCalendarDto,
} from './dto/calendar.dto';

export function calendarView(calendar: BusinessCalendar) {
  return {
    id: calendar.id,
    name: calendar.name,
    timeZone: calendar.timeZone,
    weeklyHours: calendar.weeklyHours,
    holidayCountries: calendar.holidayCountries,
    eveDays: calendar.eveDays,
    halfDayClose: calendar.halfDayClose,
    closedDates: calendar.closedDates,
    halfDays: calendar.halfDays,
    openDates: calendar.openDates,
    createdAt: calendar.createdAt,
    updatedAt: calendar.updatedAt,
  };
}

function checkRanges(body: UpdateCalendarDto): void {
  body.weeklyHours?.forEach((range, index) => {
    if (minutesOfDay(range.close) <= minutesOfDay(range.open))
      throw new InvalidInput(`weeklyHours.${index}.close must be later than its open`);
  });
}

function dataOf(body: UpdateCalendarDto) {
  return {
    name: body.name,
    timeZone: body.timeZone,
    weeklyHours: body.weeklyHours?.map(({ weekday, open, close }) => ({ weekday, open, close })),
    holidayCountries: body.holidayCountries,
    eveDays: body.eveDays,
    halfDayClose: body.halfDayClose,
    closedDates: body.closedDates,
    halfDays: body.halfDays?.map(({ date, close }) => ({ date, close })),
    openDates: body.openDates,
  };
}

@Injectable()
export class CalendarsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly recomputations: SlaRecomputations,
  ) {}

  async create(body: CreateCalendarDto) {
    checkRanges(body);
    const calendar = await withUniqueName('calendar', body.name, () =>
      this.prisma.businessCalendar.create({
        data: { ...dataOf(body), name: body.name, weeklyHours: dataOf(body).weeklyHours! },
      }),
    );
    return calendarView(calendar);
  }

  async list() {
    const calendars = await this.prisma.businessCalendar.findMany({ orderBy: { name: 'asc' } });
    return calendars.map(calendarView);
  }

  async get(id: string) {
    return calendarView(await this.find(id));
  }

  /**
   * The days of a year that differ from the weekly hours: the countries'
   * public holidays and eves, and the calendar's own closed, half and open
   * days, each with the hours the calendar keeps on it.
   */
  async year(id: string, year: number, language: 'sv' | 'en' = 'sv'): Promise<CalendarYearDto> {
    const calendar = await this.find(id);
    const spec = calendarOf(calendar);
    const inYear = (date: string) => date.startsWith(`${year}-`);
    const holidays = holidaysInYear(spec.holidayCountries, year, language);
    const closed = new Set(spec.closedDates.filter(inYear));
    const half = new Set(spec.halfDays.map((day) => day.date).filter(inYear));
    const open = new Set(spec.openDates.filter(inYear));
    const dates = new Set([...holidays.map((h) => h.date), ...closed, ...half, ...open]);
    const days = [...dates].sort().map((date): SpecialDayDto => {
      const named = holidays
        .filter((holiday) => holiday.date === date)
        .map(({ country, kind, name }) => ({ country, kind, name }));
      const kind = open.has(date)
        ? 'OPEN'
        : closed.has(date)
          ? 'CLOSED'
          : half.has(date)
            ? 'HALF_DAY'
            : named.some((holiday) => holiday.kind === 'public')
              ? 'HOLIDAY'
              : 'EVE';
      return {
        date,
        weekday: DateTime.fromISO(date).weekday,
        kind,
        holidays: named,
        hours: openingHoursOn(spec, date),
      };
    });
    return { year, timeZone: spec.timeZone, days };
  }

  /** Changes the calendar, then recomputes due times of open threads under the policies that use it. */
  async update(id: string, body: UpdateCalendarDto) {
    await this.find(id);
    checkRanges(body);
    const calendar = await withUniqueName('calendar', body.name, () =>
      this.prisma.businessCalendar.update({
        where: { id },
        data: dataOf(body) as Prisma.BusinessCalendarUpdateInput,
      }),
    );
    const policies = await this.prisma.slaPolicy.findMany({
      where: { calendarId: id },
      select: { id: true },
    });
    const recomputationId = await this.recomputations.request(
      id,
      calendar.updatedAt,
      policies.map((policy) => policy.id),
    );
    return { ...calendarView(calendar), recomputationId };
  }

  async remove(id: string): Promise<void> {
    await this.find(id);
    const inUse = await this.prisma.slaPolicy.count({ where: { calendarId: id } });
    if (inUse > 0) throw new Conflict(`The calendar is used by ${inUse} SLA policies`);
    await this.prisma.businessCalendar.delete({ where: { id } });
  }

  private async find(id: string) {
    const calendar = await this.prisma.businessCalendar.findUnique({ where: { id } });
    if (!calendar) throw new NotFound('Calendar');
    return calendar;
  }
}
