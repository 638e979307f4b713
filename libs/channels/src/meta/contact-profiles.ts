import type { IdentityType } from '@svara/database';

/** A failed profile read is tried again after this long (at the channel's next poll after it). */
export const PROFILE_RETRY_MS = 15 * 60_000;

/** At most this many profiles are read per poll of a channel, so a backlog never holds a poll up. */
export const PROFILES_PER_POLL = 25;

/** Which profile API names the people a channel hears from directly. */
export interface ProfileSource {
  identityType: IdentityType;
  /** The fields asked for: Messenger's User Profile API or Instagram's. */
  fields: string;
}

export const PROFILE_SOURCES = {
  messenger: { identityType: 'FACEBOOK_PSID', fields: 'first_name,last_name' },
  instagram: { identityType: 'INSTAGRAM_USER', fields: 'name,username' },
} as const satisfies Record<string, ProfileSource>;

export interface ProfileState {
  displayName: string | null;
  profileReadAt: Date | null;
  profileFailedAt: Date | null;
}

/**
 * Whether a person's profile is to be read: a person known by id alone, or a
 * name read from the profile longer ago than `maxAgeMs`, unless a read failed
 * within the retry interval. A name the source gave with a message or comment
 * is not read again.
 */
export function profileDue(
  identity: ProfileState,
  now: Date,
  maxAgeMs: number,
  retryMs = PROFILE_RETRY_MS,
): boolean {
  const { displayName, profileReadAt, profileFailedAt } = identity;
  const stale = profileReadAt
    ? now.getTime() - profileReadAt.getTime() >= maxAgeMs
    : displayName === null;
  if (!stale) return false;
  const failedSinceRead =
    profileFailedAt && (!profileReadAt || profileFailedAt.getTime() > profileReadAt.getTime());
  return !failedSinceRead || now.getTime() - profileFailedAt.getTime() >= retryMs;
}

export interface Profile {
  name?: string;
  username?: string;
}

const nonBlank = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * A profile as Graph answers it: Messenger's first and last name, Instagram's
 * name or else its username. Undefined when it names no one.
 */
export function profileOf(body: unknown): Profile | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const fullName = [nonBlank(fields.first_name), nonBlank(fields.last_name)]
    .filter(Boolean)
    .join(' ');
  const username = nonBlank(fields.username);
  const name = nonBlank(fields.name) ?? (fullName || undefined) ?? username;
  if (!name) return undefined;
  return { name, ...(username && { username }) };
}
