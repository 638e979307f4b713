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
import { CreateSlaPolicyDto, UpdateSlaPolicyDto } from './dto/sla-policy.dto';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaRecomputations } from '@svara/pipeline';
import { IdParam } from '@svara/http';

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
  create(@Body() body: CreateSlaPolicyDto) {
    return this.policies.create(body);
  }

  @Get()
  list() {
    return this.policies.list();
  }

  @Get(':id')
  get(@Param('id', IdParam()) id: string) {
    return this.policies.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a policy; due times of its open threads are recomputed' })
  update(@Param('id', IdParam()) id: string, @Body() body: UpdateSlaPolicyDto) {
    return this.policies.update(id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
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
  get(@Param('id') id: string) {
    return this.recomputations.status(id);
  }
}
