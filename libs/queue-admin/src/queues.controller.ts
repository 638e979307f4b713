import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@svara/http';
import type { QueueName } from '@svara/pipeline';
import { JobActionDto, QUEUE_NAMES, QueueJobPageDto, QueueListDto } from './dto/queue.dto';
import { QueueJobsQuery } from './dto/queue-jobs.query';
import { JobIdPipe, QueueNamePipe } from './queue-params';
import { QueueJobs } from './queue-jobs.service';

const QueueParam = () => ApiParam({ name: 'name', enum: QUEUE_NAMES, enumName: 'QueueName' });

/**
 * The work queues, for admins: how much waits, runs and failed in each, the
 * jobs with their reasons, and retry or removal of failed ones (audited).
 */
@ApiTags('queues')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('ADMIN')
@Controller('queues')
export class QueuesController {
  constructor(private readonly jobs: QueueJobs) {}

  @Get()
  @ApiOperation({ summary: 'Every queue of the job catalogue with its jobs counted by state' })
  @ApiOkResponse({ type: QueueListDto })
  async list(): Promise<QueueListDto> {
    return { data: await this.jobs.list() };
  }

  @Get(':name/jobs')
  @ApiOperation({ summary: 'A page of one queue’s jobs in one state (default failed)' })
  @ApiOkResponse({ type: QueueJobPageDto })
  @QueueParam()
  jobsOf(
    @Param('name', QueueNamePipe) name: QueueName,
    @Query() query: QueueJobsQuery,
  ): Promise<QueueJobPageDto> {
    return this.jobs.jobs(name, query.state, query);
  }

  @Post(':name/jobs/:id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Run a failed job again with all its attempts' })
  @ApiAcceptedResponse({ type: JobActionDto, description: '409 unless the job is failed' })
  @QueueParam()
  retry(
    @Param('name', QueueNamePipe) name: QueueName,
    @Param('id', JobIdPipe) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<JobActionDto> {
    return this.jobs.retry(name, id, actor.id);
  }

  @Delete(':name/jobs/:id')
  @ApiOperation({ summary: 'Remove a failed job for good' })
  @ApiOkResponse({ type: JobActionDto, description: '409 unless the job is failed' })
  @QueueParam()
  remove(
    @Param('name', QueueNamePipe) name: QueueName,
    @Param('id', JobIdPipe) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<JobActionDto> {
    return this.jobs.remove(name, id, actor.id);
  }
}
