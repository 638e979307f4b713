import { Module } from '@nestjs/common';
import { AuditModule } from '../audit.module';
import { AccessLogController } from './access-log/access-log.controller';
import { AuditLogController } from './audit-log/audit-log.controller';

/** API: admins read the audit trail and the access log. */
@Module({
  imports: [AuditModule],
  controllers: [AuditLogController, AccessLogController],
})
export class AuditApiModule {}
