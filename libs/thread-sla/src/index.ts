export { ThreadSlaModule } from './thread-sla.module';
export { type LandedMessage, ThreadSla } from './thread-sla.service';
export {
  calendarOf,
  type EscalationLevelSetting,
  type EscalationRecipients,
  escalationLevelsOf,
  policyOf,
} from './sla-settings';
