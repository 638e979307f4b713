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
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { CannedReplies } from './canned-replies.service';
import { CannedReplyDto, CreateCannedReplyDto, UpdateCannedReplyDto } from './dto/canned-reply.dto';

@ApiTags('canned replies')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('canned-replies')
export class CannedRepliesController {
  constructor(private readonly replies: CannedReplies) {}

  @Get()
  @ApiOperation({ summary: 'Canned replies offered to you, to insert into a reply' })
  @ApiOkResponse({ type: [CannedReplyDto] })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.replies.list(user);
  }

  @Roles('ADMIN')
  @Post()
  @ApiCreatedResponse({ type: CannedReplyDto })
  create(@Body() body: CreateCannedReplyDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.replies.create(body, actor.id);
  }

  @Roles('ADMIN')
  @Patch(':id')
  @ApiOkResponse({ type: CannedReplyDto })
  update(
    @Param('id', IdParam()) id: string,
    @Body() body: UpdateCannedReplyDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.replies.update(id, body, actor.id);
  }

  @Roles('ADMIN')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.replies.remove(id, actor.id);
  }
}
