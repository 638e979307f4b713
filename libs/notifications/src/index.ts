export {
  MailNotConfigured,
  Mailer,
  type OutgoingMail,
  type SentMail,
  smtpOptions,
} from './mailer.service';
export { NotificationsModule } from './notifications.module';
