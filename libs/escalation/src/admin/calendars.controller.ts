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
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@svara/auth';
import { CalendarsService } from './calendars.service';
import { CreateCalendarDto, UpdateCalendarDto } from './dto/calendar.dto';
import { IdParam } from '@svara/http';

@ApiTags('calendars')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Post()
  @ApiOperation({ summary: 'Define when the municipality is open' })
  create(@Body() body: CreateCalendarDto) {
    return this.calendars.create(body);
  }

  @Get()
  list() {
    return this.calendars.list();
  }

  @Get(':id')
  get(@Param('id', IdParam()) id: string) {
    return this.calendars.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a calendar; due times of open threads are recomputed' })
  update(@Param('id', IdParam()) id: string, @Body() body: UpdateCalendarDto) {
    return this.calendars.update(id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id', IdParam()) id: string) {
    return this.calendars.remove(id);
  }
}
