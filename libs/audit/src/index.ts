export { type AuditEntry, AuditTrail } from './audit-trail.service';
export { AccessLog } from './access-log.service';
export { AuditModule } from './audit.module';
