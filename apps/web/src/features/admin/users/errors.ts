import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';

/** The API's reason in the app's words where there is one; else the API's own text. */
export function userErrorText(error: Error | null, t: TFunction): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && /at least one active admin/.test(error.message))
    return t('users.errors.lastAdmin');
  if (error instanceof ApiError && error.status === 409 && /already exists/.test(error.message))
    return t('users.errors.emailTaken');
  if (error instanceof ApiError && /^password /.test(error.message))
    return t('users.errors.weakPassword', { reason: error.message.replace(/^password /, '') });
  return error.message;
}
