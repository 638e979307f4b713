export { ThreadSlaModule } from './thread-sla.module';
export { ThreadSla } from './thread-sla.service';
export {
  advanceSla,
  eventsOfMessages,
  type LandedMessage,
  SLA_COLUMN_TYPES,
  type SlaThread,
  type ThreadSlaFields,
} from './thread-sla-fields';
export {
  calendarOf,
  type EscalationLevelSetting,
  type EscalationRecipients,
  escalationLevelsOf,
  type PolicyWithCalendar,
  policyOf,
  type SlaSettings,
  settingsOf,
} from './sla-settings';
export { decodeDeadlines, decodeTarget } from './stored-sla-json';
