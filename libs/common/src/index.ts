export { Conflict, DomainError, Forbidden, InvalidInput, NotFound } from './domain-error';
export { TimedOut, withTimeout } from './with-timeout';
