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
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@svara/auth';
import { ChannelsAdminService } from './channels-admin.service';
import { CreateChannelDto } from './dto/create-channel.dto';
import { UpdateChannelDto } from './dto/update-channel.dto';
import { IdParam } from '@svara/http';

@ApiTags('channels')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('channels')
export class ChannelsAdminController {
  constructor(private readonly channels: ChannelsAdminService) {}

  @Post()
  @ApiOperation({ summary: 'Connect a channel' })
  create(@Body() body: CreateChannelDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.channels.create(body, actor.id);
  }

  @Get()
  list() {
    return this.channels.list();
  }

  @Get(':id')
  get(@Param('id', IdParam()) id: string) {
    return this.channels.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change settings or secrets, enable or disable' })
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
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.channels.remove(id, actor.id);
  }

  @Post(':id/poll')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Poll the channel now' })
  @ApiAcceptedResponse({ description: 'The poll is queued; its outcome shows in health' })
  poll(@Param('id', IdParam()) id: string, @Req() request: { id?: unknown }) {
    return this.channels.pollNow(id, String(request.id));
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Check that the stored credentials work; says why when not' })
  test(@Param('id', IdParam()) id: string) {
    return this.channels.testConnection(id);
  }
}
