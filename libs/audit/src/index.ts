export { type AuditEntry, AuditTrail } from './audit-trail.service';
export { AuditModule } from './audit.module';
