export { QueueAdminModule } from './queue-admin.module';
export { JobRetryRules, type Reopened } from './job-retry-rules';
export { summarizeJob, type JobDetail } from './job-summary';
