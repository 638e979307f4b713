export {
  AUDIT_ENTITY_TYPES,
  type AuditEntityType,
  type AuditEntry,
  AuditTrail,
} from './audit-trail.service';
export { AccessLog } from './access-log.service';
export { AuditModule } from './audit.module';
export { AuditApiModule } from './api/audit-api.module';
