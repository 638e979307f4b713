import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@svara/http';
import { LeadDashboardQuery } from './dto/lead-dashboard.query';
import { LeadDashboardDto } from './dto/lead-dashboard.response';
import { LeadDashboardService } from './lead-dashboard.service';

@ApiTags('lead-dashboard')
@ApiBearerAuth()
@Roles('ADMIN', 'LEAD')
@Controller('lead-dashboard')
export class LeadDashboardController {
  constructor(private readonly dashboards: LeadDashboardService) {}

  @Get()
  @ApiOperation({
    summary: "A team's open threads now: breached, at risk, oldest waiting, unassigned, per agent",
    description: 'A lead sees the teams they belong to (404 for another team); an admin every team',
  })
  @ApiOkResponse({ type: LeadDashboardDto })
  get(
    @Query() query: LeadDashboardQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LeadDashboardDto> {
    return this.dashboards.dashboard(query, user);
  }
}
