export { CORRELATION_HEADER, LoggingModule, REDACTED_PATHS } from './logging.module';
