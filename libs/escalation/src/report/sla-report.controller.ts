import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@svara/http';
import { SlaReportQuery } from './dto/sla-report.query';
import { SlaSeriesQuery } from './dto/sla-series.query';
import { SlaSeriesDto } from './dto/sla-series.response';
import { SlaReportService } from './sla-report.service';
import { SlaSeriesService } from './sla-series.service';

@ApiTags('sla-report')
@ApiBearerAuth()
@Roles('ADMIN', 'LEAD')
@Controller('sla-report')
export class SlaReportController {
  constructor(
    private readonly reports: SlaReportService,
    private readonly series: SlaSeriesService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'First-response compliance per channel or team for a date range',
    description: 'Counts the threads the caller may see in the inbox (a lead: their teams)',
  })
  get(@Query() query: SlaReportQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.report(query, user);
  }

  @Get('series')
  @ApiOperation({
    summary: 'The SLA report by day or week: per channel type and team, volumes, escalations',
    description:
      "Days in the calendar's time zone (Europe/Stockholm unless given); a lead sees their teams' threads only",
  })
  @ApiOkResponse({ type: SlaSeriesDto })
  getSeries(
    @Query() query: SlaSeriesQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SlaSeriesDto> {
    return this.series.series(query, user);
  }
}
