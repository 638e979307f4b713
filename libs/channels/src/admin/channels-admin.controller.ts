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
  Req,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { ChannelsAdminService } from './channels-admin.service';
import { ChannelDto, ConnectionTestDto, PollQueuedDto } from './dto/channel.dto';
import { CreateChannelDto } from './dto/create-channel.dto';
import { TestChangesDto } from './dto/test-changes.dto';
import { UpdateChannelDto } from './dto/update-channel.dto';

@ApiTags('channels')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('channels')
export class ChannelsAdminController {
  constructor(private readonly channels: ChannelsAdminService) {}

  @Post()
  @ApiOperation({ summary: 'Connect a channel' })
  @ApiCreatedResponse({ type: ChannelDto })
  create(@Body() body: CreateChannelDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.channels.create(body, actor.id);
  }

  @Post('test')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Check that settings not saved yet work (the body of a create); stores nothing',
  })
  @ApiOkResponse({ type: ConnectionTestDto })
  testUnsaved(@Body() body: CreateChannelDto) {
    return this.channels.testUnsaved(body);
  }

  @Get()
  @ApiOkResponse({ type: [ChannelDto] })
  list() {
    return this.channels.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: ChannelDto })
  get(@Param('id', IdParam()) id: string) {
    return this.channels.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change settings or secrets, enable or disable' })
  @ApiOkResponse({ type: ChannelDto })
  update(
    @Param('id', IdParam()) id: string,
    @Body() body: UpdateChannelDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.channels.update(id, body, actor.id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a channel that has no threads (disable one that has)' })
  @ApiNoContentResponse()
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.channels.remove(id, actor.id);
  }

  @Post(':id/poll')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Poll the channel now' })
  @ApiAcceptedResponse({
    type: PollQueuedDto,
    description: 'The poll is queued; its outcome shows in health',
  })
  poll(@Param('id', IdParam()) id: string, @Req() request: { id?: unknown }) {
    return this.channels.pollNow(id, String(request.id));
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Check that the stored credentials work, or the given changes over them (not stored); says why when not',
  })
  @ApiOkResponse({ type: ConnectionTestDto })
  test(@Param('id', IdParam()) id: string, @Body() changes: TestChangesDto) {
    return this.channels.testConnection(id, changes);
  }
}
