import { Module } from '@nestjs/common';
import { AuditModule } from '@svara/audit';
import { ErasureModule } from '@svara/erasure';
import { PipelineModule } from '@svara/pipeline';
import { ContactErasureController } from './contact-erasure.controller';
import { ContactErasure } from './contact-erasure.service';
import { ContactExportPackage } from './contact-export-package.service';
import { ContactExport } from './contact-export.service';
import { ContactFootprints } from './contact-footprints.service';
import { ContactSearch } from './contact-search.service';
import { ContactsController } from './contacts.controller';
import { ErasureConfirmations } from './erasure-confirmations.service';

/** GDPR for one person (admins): find their contacts, export their data, erase it. */
@Module({
  imports: [AuditModule, ErasureModule, PipelineModule],
  controllers: [ContactsController, ContactErasureController],
  providers: [
    ContactSearch,
    ContactFootprints,
    ContactExport,
    ContactExportPackage,
    ErasureConfirmations,
    ContactErasure,
  ],
})
export class GdprModule {}
