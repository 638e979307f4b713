import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@svara/auth';
import { ChannelsAdminService } from './channels-admin.service';
import { CreateChannelDto } from './dto/create-channel.dto';

@ApiTags('channels')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('channels')
export class ChannelsAdminController {
  constructor(private readonly channels: ChannelsAdminService) {}

  @Post()
  @ApiOperation({ summary: 'Connect a channel' })
  create(@Body() body: CreateChannelDto) {
    return this.channels.create(body);
  }

  @Get()
  list() {
    return this.channels.list();
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND })) id: string) {
    return this.channels.get(id);
  }
}
