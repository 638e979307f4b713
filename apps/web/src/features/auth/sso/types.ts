import type { components } from '../../../api/schema';

export type AuthMethods = components['schemas']['AuthMethodsDto'];
export type SingleSignOn = NonNullable<AuthMethods['singleSignOn']>;

/** Why single sign-on sent the browser back to /login (`?sso=<reason>`). */
export const SSO_FAILURES = [
  'no_access',
  'inactive',
  'missing_email',
  'conflict',
  'cancelled',
  'failed',
  'unavailable',
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

export function ssoFailureOf(value: unknown): SsoFailure | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return (SSO_FAILURES as readonly string[]).includes(value) ? (value as SsoFailure) : 'failed';
}
