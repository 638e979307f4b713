import { profileOf } from './profile-claims';

describe('profileOf', () => {
  it('reads subject, e-mail, name and the groups claim', () => {
    expect(
      profileOf(
        { sub: 'abc', email: 'Anna.Lind@Kommun.se', name: 'Anna Lind', groups: ['a', 'b'] },
        'groups',
      ),
    ).toEqual({
      subject: 'abc',
      email: 'anna.lind@kommun.se',
      name: 'Anna Lind',
      groups: ['a', 'b'],
    });
  });

  it('takes the address from preferred_username when there is no email claim (Entra ID)', () => {
    const profile = profileOf(
      { sub: 's', preferred_username: 'Olle@kommun.se', given_name: 'Olle', family_name: 'Berg' },
      'groups',
    );
    expect(profile).toMatchObject({ email: 'olle@kommun.se', name: 'Olle Berg', groups: [] });
  });

  it('ignores a preferred_username that is not an address', () => {
    expect(profileOf({ sub: 's', preferred_username: 'olle' }, 'groups').email).toBeUndefined();
  });

  it('follows a dotted path into the claims (Keycloak realm roles)', () => {
    const claims = { sub: 's', realm_access: { roles: ['svara-agent', 'offline_access'] } };
    expect(profileOf(claims, 'realm_access.roles').groups).toEqual([
      'svara-agent',
      'offline_access',
    ]);
  });

  it('accepts a single group and leaves out values that are not names', () => {
    expect(profileOf({ sub: 's', roles: 'svara-lead' }, 'roles').groups).toEqual(['svara-lead']);
    expect(profileOf({ sub: 's', groups: ['a', { b: 1 }, null, 7] }, 'groups').groups).toEqual([
      'a',
      '7',
    ]);
  });
});
