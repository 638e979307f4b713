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
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { RetentionRuns } from '../runs/retention-runs.service';
import { RetentionPolicies } from './retention-policies.service';
import {
  CreateRetentionPolicyDto,
  RetentionRuleDto,
  UpdateRetentionPolicyDto,
} from './retention-policy.dto';
import {
  RetentionDryRunDto,
  RetentionPolicyDto,
  RetentionRunDto,
} from './retention-policy.response';

@ApiTags('retention')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('retention-policies')
export class RetentionPoliciesController {
  constructor(
    private readonly policies: RetentionPolicies,
    private readonly runs: RetentionRuns,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Delete, anonymize or archive closed threads N days after closing' })
  @ApiCreatedResponse({ type: RetentionPolicyDto })
  create(@Body() body: CreateRetentionPolicyDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.policies.create(body, actor.id);
  }

  @Get()
  @ApiOkResponse({ type: [RetentionPolicyDto] })
  list() {
    return this.policies.list();
  }

  @Post('dry-run')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'What a rule would take today, before saving it; changes nothing' })
  @ApiOkResponse({ type: RetentionDryRunDto })
  preview(@Body() body: RetentionRuleDto) {
    return this.policies.preview(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: RetentionPolicyDto })
  get(@Param('id', IdParam()) id: string) {
    return this.policies.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: RetentionPolicyDto })
  update(
    @Param('id', IdParam()) id: string,
    @Body() body: UpdateRetentionPolicyDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.policies.update(id, body, actor.id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.policies.remove(id, actor.id);
  }

  @Get(':id/dry-run')
  @ApiOperation({ summary: 'What the policy would take if it ran now; changes nothing' })
  @ApiOkResponse({ type: RetentionDryRunDto })
  dryRun(@Param('id', IdParam()) id: string) {
    return this.policies.dryRun(id);
  }

  @Post(':id/runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Apply the policy now (it also runs daily when enabled)' })
  @ApiAcceptedResponse({
    type: RetentionRunDto,
    description: 'Started; follow it with GET /retention-runs/:id',
  })
  async run(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.runs.start(await this.policies.find(id), actor.id);
  }

  @Get(':id/runs')
  @ApiOperation({ summary: 'The policy’s latest runs, newest first' })
  @ApiOkResponse({ type: [RetentionRunDto] })
  async recentRuns(@Param('id', IdParam()) id: string) {
    await this.policies.find(id);
    return this.runs.recent(id);
  }
}
