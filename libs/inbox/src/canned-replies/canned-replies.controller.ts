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
import { type AuthenticatedUser, CurrentUser, Roles } from '@svara/auth';
import { CannedReplies } from './canned-replies.service';
import { CreateCannedReplyDto, UpdateCannedReplyDto } from './dto/canned-reply.dto';
import { IdParam } from '@svara/http';

@ApiTags('canned replies')
@ApiBearerAuth()
@Controller('canned-replies')
export class CannedRepliesController {
  constructor(private readonly replies: CannedReplies) {}

  @Get()
  @ApiOperation({ summary: 'Canned replies offered to you, to insert into a reply' })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.replies.list(user);
  }

  @Roles('ADMIN')
  @Post()
  create(@Body() body: CreateCannedReplyDto, @CurrentUser() actor: AuthenticatedUser) {
    return this.replies.create(body, actor.id);
  }

  @Roles('ADMIN')
  @Patch(':id')
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
  remove(@Param('id', IdParam()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.replies.remove(id, actor.id);
  }
}
