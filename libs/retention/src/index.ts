export { RetentionModule } from './retention.module';
export { RetentionCron } from './schedule/retention.cron';
export { RetentionApplier } from './runs/retention-applier.service';
export { ExpiredRecords } from './prune/expired-records.service';
