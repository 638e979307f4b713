import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam, Roles } from '@svara/http';
import { CalendarsService } from './calendars.service';
import {
  CalendarDto,
  CalendarYearDto,
  CalendarYearQuery,
  CreateCalendarDto,
  UpdateCalendarDto,
  UpdatedCalendarDto,
} from './dto/calendar.dto';

@ApiTags('calendars')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Post()
  @ApiOperation({ summary: 'Define when the municipality is open' })
  @ApiCreatedResponse({ type: CalendarDto })
  create(@Body() body: CreateCalendarDto) {
    return this.calendars.create(body);
  }

  @Get()
  @ApiOkResponse({ type: [CalendarDto] })
  list() {
    return this.calendars.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: CalendarDto })
  get(@Param('id', IdParam()) id: string) {
    return this.calendars.get(id);
  }

  @Get(':id/year')
  @ApiOperation({
    summary: "A year's holidays, eves and own days of a calendar, with the hours kept on each",
  })
  @ApiOkResponse({ type: CalendarYearDto })
  year(@Param('id', IdParam()) id: string, @Query() query: CalendarYearQuery) {
    return this.calendars.year(id, query.year, query.language);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a calendar; due times of open threads are recomputed' })
  @ApiOkResponse({ type: UpdatedCalendarDto })
  update(@Param('id', IdParam()) id: string, @Body() body: UpdateCalendarDto) {
    return this.calendars.update(id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Param('id', IdParam()) id: string) {
    return this.calendars.remove(id);
  }
}
