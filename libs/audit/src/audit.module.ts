import { Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.service';

/** The audit trail, for every module that changes something an admin must be able to trace. */
@Module({ providers: [AuditTrail], exports: [AuditTrail] })
export class AuditModule {}
