import { loadConfig } from '@svara/config';
import { SecretBox, SecretsUnreadable } from './secret-box';

const box = (key: string) => new SecretBox(loadConfig({ SECRETS_KEY: key }));

describe('SecretBox', () => {
  const secrets = { pageAccessToken: 'EAAB-very-secret', imapPassword: 'lösenord åäö' };

  it('opens what it sealed', () => {
    const sealed = box('1'.repeat(64)).seal(secrets);
    expect(box('1'.repeat(64)).open(sealed)).toEqual(secrets);
  });

  it('never stores the secret in clear, and seals the same value differently each time', () => {
    const one = box('1'.repeat(64)).seal(secrets);
    const two = box('1'.repeat(64)).seal(secrets);
    expect(one).not.toContain('EAAB');
    expect(one).not.toEqual(two);
    expect(one.startsWith('v1.')).toBe(true);
  });

  it('refuses to open under another key or after tampering', () => {
    const sealed = box('1'.repeat(64)).seal(secrets);
    expect(() => box('2'.repeat(64)).open(sealed)).toThrow(SecretsUnreadable);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('{"pageAccessToken":"x"}').toString('base64url');
    expect(() => box('1'.repeat(64)).open(parts.join('.'))).toThrow(SecretsUnreadable);
    expect(() => box('1'.repeat(64)).open('not an envelope')).toThrow(SecretsUnreadable);
  });
});

describe('SecretBox and what is already stored', () => {
  it('still opens an envelope sealed before under the same SECRETS_KEY', () => {
    // Sealed earlier by this scheme (v1: AES-256-GCM under the key derived from SECRETS_KEY
    // as "svara:channel-secrets"): what installations have stored must keep opening.
    const stored =
      'v1.6vRbg35SCY_lgSwy.669Ys27iK0wYKd9S13sDiw.VPgiFsxQg05RT21ppSKXx4d9FD6RuFzI3j8aynQLCIipLUQ';
    expect(box('1'.repeat(64)).open(stored)).toEqual({ imapPassword: 'lösenord åäö' });
  });
});
