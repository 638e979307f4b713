import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseEnumPipe,
  Put,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, IdParam } from '@svara/http';
import { Drafts } from './drafts.service';
import {
  DRAFT_KINDS,
  DraftDto,
  type DraftKindName,
  DraftListDto,
  DraftTextDto,
} from './dto/draft.dto';

const KindParam = () =>
  new ParseEnumPipe(Object.fromEntries(DRAFT_KINDS.map((kind) => [kind, kind])), {
    exceptionFactory: () => new NotFoundException('No such draft kind: reply or note'),
  });

@ApiTags('inbox')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiNotFoundResponse({ description: 'No such thread (or not one you may see), or draft kind' })
@Controller('threads/:id/drafts')
export class DraftsController {
  constructor(private readonly drafts: Drafts) {}

  @Get()
  @ApiOperation({ summary: 'Your drafts in this thread (reply, note)' })
  @ApiOkResponse({ type: DraftListDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
  ): Promise<DraftListDto> {
    return { data: await this.drafts.list(user, id) };
  }

  @Put(':kind')
  @ApiParam({ name: 'kind', enum: DRAFT_KINDS })
  @ApiOperation({ summary: 'Keep your draft of a reply or note; an empty text deletes it' })
  @ApiOkResponse({ type: DraftDto })
  save(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Param('kind', KindParam()) kind: DraftKindName,
    @Body() body: DraftTextDto,
  ): Promise<DraftDto> {
    return this.drafts.save(user, id, kind, body.text);
  }

  @Delete(':kind')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'kind', enum: DRAFT_KINDS })
  @ApiOperation({ summary: 'Throw your draft away' })
  @ApiNoContentResponse()
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Param('kind', KindParam()) kind: DraftKindName,
  ): Promise<void> {
    return this.drafts.remove(user, id, kind);
  }
}
