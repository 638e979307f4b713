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
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import {
  MembershipDto,
  TeamDto,
  TeamPolicyChangedDto,
  TeamSlaPolicyDto,
  TeamViewDto,
} from './dto/team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @ApiOperation({ summary: 'Every team, for choosing where a thread goes' })
  @ApiOkResponse({ type: [TeamViewDto] })
  list() {
    return this.teams.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: TeamViewDto })
  get(@Param('id', IdParam()) id: string) {
    return this.teams.get(id);
  }

  @Roles('ADMIN')
  @Post()
  @ApiCreatedResponse({ type: TeamViewDto })
  create(@Body() body: TeamDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.teams.create(body.name, actor.id);
  }

  @Roles('ADMIN')
  @Patch(':id')
  @ApiOkResponse({ type: TeamViewDto })
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
  @ApiOkResponse({ type: TeamPolicyChangedDto })
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
  @ApiNoContentResponse()
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.teams.remove(id, actor.id);
  }

  @Roles('ADMIN')
  @Put(':id/members/:userId')
  @ApiOperation({ summary: 'Add a user to the team, or change whether they lead it' })
  @ApiOkResponse({ type: TeamViewDto })
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
  @ApiNoContentResponse()
  removeMember(
    @Param('id', IdParam()) id: string,
    @Param('userId', IdParam()) userId: string,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.teams.removeMember(id, userId, actor.id);
  }
}
