import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { ContactExport } from './contact-export.service';
import { ContactSearch } from './contact-search.service';
import { ContactPageDto } from './dto/contact.response';
import { SearchContactsQuery } from './dto/search-contacts.query';

@ApiTags('compliance')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly search: ContactSearch,
    private readonly exporter: ContactExport,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Find the contacts a person may be, by e-mail, part of a name or a channel identity',
  })
  @ApiOkResponse({ type: ContactPageDto })
  find(@Query() query: SearchContactsQuery) {
    return this.search.search(query);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Everything Svara holds on the contact, as JSON (GDPR access)' })
  async export(
    @Param('id', IdParam()) id: string,
    @CurrentUser() admin: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    const exported = await this.exporter.export(id, admin.id);
    response.setHeader('Content-Disposition', `attachment; filename="contact-${id}.json"`);
    return exported;
  }
}
