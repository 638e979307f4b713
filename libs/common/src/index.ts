export {
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  UpstreamFailed,
  Unprocessable,
} from './domain-error';
export { TimedOut, withTimeout } from './with-timeout';
