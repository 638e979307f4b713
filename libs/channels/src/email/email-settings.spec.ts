import { StoredJsonInvalid } from '@svara/common';
import { emailSettings, storedEmailSettings } from './email-settings';

const GIVEN = {
  config: {
    address: 'Kontakt@Sundsvik.se',
    imapHost: 'imap.sundsvik.se',
    imapPort: 993,
    imapSecure: true,
    smtpHost: 'smtp.sundsvik.se',
    smtpPort: 587,
    smtpSecure: false,
  },
  secrets: { imapUser: 'kontakt', imapPassword: 'hemligt-lösen-4711' },
};

describe('an e-mail channel’s stored settings', () => {
  it('reads back what the admin API stored, with the defaults filled in', () => {
    const stored = emailSettings(GIVEN);
    expect(
      storedEmailSettings({
        config: stored.config,
        secrets: stored.secrets as Record<string, string>,
      }),
    ).toEqual({
      config: {
        ...GIVEN.config,
        address: 'kontakt@sundsvik.se',
        mailbox: 'INBOX',
        imapRequireTls: true,
        smtpRequireTls: true,
      },
      secrets: GIVEN.secrets,
    });
  });

  it('fills in what a row stored before those settings existed lacks', () => {
    const { config } = storedEmailSettings({ config: GIVEN.config, secrets: GIVEN.secrets });
    expect([config.mailbox, config.imapRequireTls, config.smtpRequireTls]).toEqual([
      'INBOX',
      true,
      true,
    ]);
  });

  it('refuses a row written wrong instead of connecting with it', () => {
    expect(() =>
      storedEmailSettings({ config: { ...GIVEN.config, imapPort: '993' }, secrets: GIVEN.secrets }),
    ).toThrow(
      /e-mail channel's settings is not as stored data must be: \/imapPort must be integer/,
    );
    expect(() =>
      storedEmailSettings({ config: GIVEN.config, secrets: { imapUser: 'kontakt' } }),
    ).toThrow(StoredJsonInvalid);
  });
});
