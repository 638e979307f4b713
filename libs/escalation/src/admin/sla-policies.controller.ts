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
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam, Roles } from '@svara/http';
import {
  CreateSlaPolicyDto,
  DuePreviewDto,
  DuePreviewResultDto,
  RecomputationDto,
  SlaPolicyDto,
  UpdatedSlaPolicyDto,
  UpdateSlaPolicyDto,
} from './dto/sla-policy.dto';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaRecomputations } from '@svara/pipeline';

@ApiTags('sla-policies')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Post()
  @ApiOperation({
    summary: 'Define what the municipality promises, and whom to tell when it slips',
  })
  @ApiCreatedResponse({ type: SlaPolicyDto })
  create(@Body() body: CreateSlaPolicyDto) {
    return this.policies.create(body);
  }

  @Post('due-preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'When is this due? A message arriving at a time, under a target, on a calendar',
  })
  @ApiOkResponse({ type: DuePreviewResultDto })
  preview(@Body() body: DuePreviewDto) {
    return this.policies.preview(body);
  }

  @Get()
  @ApiOkResponse({ type: [SlaPolicyDto] })
  list() {
    return this.policies.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: SlaPolicyDto })
  get(@Param('id', IdParam()) id: string) {
    return this.policies.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a policy; due times of its open threads are recomputed' })
  @ApiOkResponse({ type: UpdatedSlaPolicyDto })
  update(@Param('id', IdParam()) id: string, @Body() body: UpdateSlaPolicyDto) {
    return this.policies.update(id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Param('id', IdParam()) id: string) {
    return this.policies.remove(id);
  }
}

@ApiTags('sla-policies')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('sla-recomputations')
export class SlaRecomputationsController {
  constructor(private readonly recomputations: SlaRecomputations) {}

  @Get(':id')
  @ApiOperation({ summary: 'Progress of recomputing due times after a policy or calendar change' })
  @ApiOkResponse({ type: RecomputationDto })
  get(@Param('id') id: string) {
    return this.recomputations.status(id);
  }
}
