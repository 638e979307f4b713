import { PROFILE_RETRY_MS, profileDue, profileOf } from './contact-profiles';

const now = new Date('2026-12-06T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const WEEK = 7 * 24 * 3600_000;

describe('profileDue', () => {
  it('reads a person known by id alone, and a profile name once it is older than the age', () => {
    expect(
      profileDue({ displayName: null, profileReadAt: null, profileFailedAt: null }, now, WEEK),
    ).toBe(true);
    expect(
      profileDue(
        { displayName: 'A', profileReadAt: ago(WEEK - 1), profileFailedAt: null },
        now,
        WEEK,
      ),
    ).toBe(false);
    expect(
      profileDue({ displayName: 'A', profileReadAt: ago(WEEK), profileFailedAt: null }, now, WEEK),
    ).toBe(true);
  });

  it('leaves a name the source gave with a message alone', () => {
    expect(
      profileDue({ displayName: 'A', profileReadAt: null, profileFailedAt: null }, now, WEEK),
    ).toBe(false);
  });

  it('retries a failed read only after the retry interval', () => {
    const failed = (ms: number) => ({
      displayName: null,
      profileReadAt: null,
      profileFailedAt: ago(ms),
    });
    expect(profileDue(failed(PROFILE_RETRY_MS - 1), now, WEEK)).toBe(false);
    expect(profileDue(failed(PROFILE_RETRY_MS), now, WEEK)).toBe(true);
  });
});

describe('profileOf', () => {
  it('reads Messenger’s first and last name, Instagram’s name or username', () => {
    expect(profileOf({ first_name: 'Anna', last_name: 'Lind', id: '1' })).toEqual({
      name: 'Anna Lind',
    });
    expect(profileOf({ name: 'Sara Ek', username: 'sara.ek' })).toEqual({
      name: 'Sara Ek',
      username: 'sara.ek',
    });
    expect(profileOf({ username: 'olle' })).toEqual({ name: 'olle', username: 'olle' });
    expect(profileOf({ id: '1' })).toBeUndefined();
    expect(profileOf('nope')).toBeUndefined();
  });
});
