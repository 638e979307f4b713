// Svara's duties toward the people in its messages: recognising personal
// identity numbers (pure functions, no I/O) so threads can be flagged and the
// numbers kept out of lists and notifications, and the log of who opened
// which thread.
export * from './identity-numbers';
export * from './access-log/access-log.service';
export * from './compliance.module';
