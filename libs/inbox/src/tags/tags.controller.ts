import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@svara/http';
import { RenameTagDto, TagChangeDto, TagUsageDto } from './dto/tag.dto';
import { Tags } from './tags.service';

@ApiTags('tags')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('ADMIN')
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: Tags) {}

  @Get()
  @ApiOperation({ summary: 'Tags in use on threads, with how many threads carry each' })
  @ApiOkResponse({ type: [TagUsageDto] })
  list() {
    return this.tags.list();
  }

  @Put(':tag')
  @ApiOperation({ summary: 'Rename a tag on every thread (audited)' })
  @ApiOkResponse({ type: TagChangeDto })
  rename(
    @Param('tag') tag: string,
    @Body() body: RenameTagDto,
    @CurrentUser() actor: AuthenticatedUser,
  ) {
    return this.tags.rename(tag, body.name, actor.id);
  }

  @Delete(':tag')
  @ApiOperation({ summary: 'Remove a tag from every thread (audited)' })
  @ApiOkResponse({ type: TagChangeDto })
  remove(@Param('tag') tag: string, @CurrentUser() actor: AuthenticatedUser) {
    return this.tags.remove(tag, actor.id);
  }
}
