export { Conflict, DomainError, Forbidden, InvalidInput, NotFound } from './domain-error';
