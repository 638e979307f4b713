import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser, IdParam, Roles } from '@svara/http';
import { ContactExportPackage } from './contact-export-package.service';
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
    private readonly packages: ContactExportPackage,
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

  @Get(':id/export/package')
  @ApiOperation({
    summary: 'The GDPR export as a zip: contact.json, the files the person sent, and SHA256SUMS',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportPackage(
    @Param('id', IdParam()) id: string,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const zip = await this.packages.build(id, admin.id);
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: `attachment; filename="contact-${id}.zip"`,
    });
  }
}
