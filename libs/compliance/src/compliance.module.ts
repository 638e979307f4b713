import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log/access-log.controller';
import { AccessLog } from './access-log/access-log.service';

/** Duties toward the people in the messages: the thread access log. */
@Module({ controllers: [AccessLogController], providers: [AccessLog], exports: [AccessLog] })
export class ComplianceModule {}
