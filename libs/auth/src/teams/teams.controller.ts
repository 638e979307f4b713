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
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../access-token';
import { CurrentUser } from '../current-user.decorator';
import { Roles } from '../roles';
import { MembershipDto, TeamDto, TeamSlaPolicyDto } from './dto/team.dto';
import { TeamsService } from './teams.service';
import { IdParam } from '@svara/http';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOperation({ summary: 'Every team, for choosing where a thread goes' })
  list() {
    return this.teams.list();
  }

  @Get(':id')
  get(@Param('id', IdParam()) id: string) {
    return this.teams.get(id);
  }

  @Roles('ADMIN')
  @Post()
  create(@Body() body: TeamDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.teams.create(body.name, actor.id);
  }

  @Roles('ADMIN')
  @Patch(':id')
  rename(
    @Param('id', IdParam()) id: string,
    @Body() body: TeamDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.teams.rename(id, body.name, actor.id);
  }

  @Roles('ADMIN')
  @Put(':id/sla-policy')
  @ApiOperation({ summary: "Override the channels' SLA policy for this team's threads" })
  setSlaPolicy(
    @Param('id', IdParam()) id: string,
    @Body() body: TeamSlaPolicyDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.teams.setSlaPolicy(id, body.slaPolicyId, actor.id);
  }

  @Roles('ADMIN')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.teams.remove(id, actor.id);
  }

  @Roles('ADMIN')
  @Put(':id/members/:userId')
  @ApiOperation({ summary: 'Add a user to the team, or change whether they lead it' })
  addMember(
    @Param('id', IdParam()) id: string,
    @Param('userId', IdParam()) userId: string,
    @Body() body: MembershipDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.teams.addMember(id, userId, body.isLead ?? false, actor.id);
  }

  @Roles('ADMIN')
  @Delete(':id/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  removeMember(
    @Param('id', IdParam()) id: string,
    @Param('userId', IdParam()) userId: string,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.teams.removeMember(id, userId, actor.id);
  }
}
