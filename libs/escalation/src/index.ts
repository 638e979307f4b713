export { EscalationModule } from './escalation.module';
export {
  escalationMail,
  type EscalationMailFacts,
  type MailLocale,
} from './notify/escalation-mail';
export { EscalationProcessor } from './notify/escalation.processor';
export { SlaRecomputeProcessor } from './recompute/sla-recompute.processor';
export { SlaScan, type ScanResult } from './scan/sla-scan.service';
export { moveThreadsOn } from './scan/thread-moves';
export { FailedEscalationsCron } from './retry/failed-escalations.cron';
