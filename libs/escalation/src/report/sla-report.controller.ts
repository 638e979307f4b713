import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@svara/auth';
import { SlaReportQuery } from './dto/sla-report.query';
import { SlaReportService } from './sla-report.service';

@ApiTags('sla-report')
@ApiBearerAuth()
@Roles('ADMIN', 'LEAD')
@Controller('sla-report')
export class SlaReportController {
  constructor(private readonly reports: SlaReportService) {}

  @Get()
  @ApiOperation({ summary: 'First-response compliance per channel or team for a date range' })
  get(@Query() query: SlaReportQuery) {
    return this.reports.report(query);
  }
}
