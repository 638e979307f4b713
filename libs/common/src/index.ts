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
export {
  MIN_PASSWORD_LENGTH,
  MIN_PASSWORD_SCORE,
  type PasswordOwner,
  passwordWeakness,
} from './password-strength';
export { wellFormedDeep, wellFormedJson, wellFormedText } from './well-formed-text';
export { importEsm } from './esm-import';
export { jsonDecoder, StoredJsonInvalid } from './json-decoder';
