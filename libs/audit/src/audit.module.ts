import { Module } from '@nestjs/common';
import { AccessLog } from './access-log.service';
import { AuditTrail } from './audit-trail.service';

/** What admins must be able to trace: every change (audit trail) and who opened which thread. */
@Module({ providers: [AuditTrail, AccessLog], exports: [AuditTrail, AccessLog] })
export class AuditModule {}
