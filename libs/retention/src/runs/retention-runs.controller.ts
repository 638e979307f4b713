import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@svara/auth';
import { IdParam } from '@svara/http';
import { RetentionRuns } from './retention-runs.service';

@ApiTags('retention')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('retention-runs')
export class RetentionRunsController {
  constructor(private readonly runs: RetentionRuns) {}

  @Get(':id')
  @ApiOperation({ summary: 'A run’s status and progress' })
  get(@Param('id', IdParam()) id: string) {
    return this.runs.get(id);
  }
}
