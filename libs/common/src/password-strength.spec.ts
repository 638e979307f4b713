import { passwordWeakness } from './password-strength';

describe('passwordWeakness', () => {
  it('refuses a blank password of any length, naming the field', () => {
    expect(passwordWeakness('password', ' '.repeat(12))).toBe('password must not be blank');
    expect(passwordWeakness('newPassword', '\t \n'.repeat(10))).toBe(
      'newPassword must not be blank',
    );
  });

  it('refuses one shorter than 12 characters', () => {
    expect(passwordWeakness('password', 'kort')).toBe('password must be at least 12 characters');
  });

  it('refuses common and patterned passwords of 12 characters or more', () => {
    for (const weak of ['password1234', 'qwertyuiopasdf', 'abcabcabcabc', '123456789012']) {
      expect(passwordWeakness('password', weak)).toMatch(/^password is too easy to guess/);
    }
  });

  it("refuses one built from the owner's e-mail or name, and says so", () => {
    expect(
      passwordWeakness('ADMIN_PASSWORD', 'anna.andersson2024', {
        email: 'anna.andersson@kommun.se',
        name: 'Anna Andersson',
      }),
    ).toBe(
      'ADMIN_PASSWORD is too easy to guess (it is close to the e-mail address or name): ' +
        'use a longer passphrase of several unrelated words',
    );
  });

  it('accepts a passphrase', () => {
    expect(passwordWeakness('password', 'ett långt lösenord')).toBeUndefined();
    expect(passwordWeakness('password', 'kanelbulle med kardemumma')).toBeUndefined();
  });
});
