export {
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  UpstreamFailed,
} from './domain-error';
export { TimedOut, withTimeout } from './with-timeout';
