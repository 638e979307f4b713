import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam, Roles } from '@svara/http';
import { RetentionRunDto } from '../policies/retention-policy.response';
import { RetentionRuns } from './retention-runs.service';

@ApiTags('retention')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('retention-runs')
export class RetentionRunsController {
  constructor(private readonly runs: RetentionRuns) {}

  @Get(':id')
  @ApiOperation({ summary: 'A run’s status and progress' })
  @ApiOkResponse({ type: RetentionRunDto })
  get(@Param('id', IdParam()) id: string) {
    return this.runs.get(id);
  }
}
