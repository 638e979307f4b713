export {
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  Unprocessable,
} from './domain-error';
export { TimedOut, withTimeout } from './with-timeout';
