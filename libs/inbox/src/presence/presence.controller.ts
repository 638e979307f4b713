import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam } from '@svara/http';
import { PresenceDto, PresenceHeartbeatDto } from './dto/presence.dto';
import { ThreadPresence } from './thread-presence.service';

@ApiTags('inbox')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiNotFoundResponse({ description: 'No such thread, or not one you may see' })
@Controller('threads/:id/presence')
export class PresenceController {
  constructor(private readonly presence: ThreadPresence) {}

  @Put()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'I have this thread open (and am typing): lapses 30 s after the last call, typing after 8 s',
  })
  @ApiNoContentResponse()
  heartbeat(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Body() body: PresenceHeartbeatDto,
  ): Promise<void> {
    return this.presence.heartbeat(user, id, body.typing);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'I left this thread' })
  @ApiNoContentResponse()
  leave(@CurrentUser() user: AuthenticatedUser, @Param('id', IdParam()) id: string) {
    return this.presence.leave(user, id);
  }

  @Get()
  @ApiOperation({ summary: 'Who else has this thread open, and who is typing' })
  @ApiOkResponse({ type: PresenceDto })
  async viewers(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
  ): Promise<PresenceDto> {
    return { viewers: await this.presence.viewers(user, id) };
  }
}
