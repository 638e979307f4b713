import { describe, expect, it } from 'vitest';
import { configOf, fieldOfError, valuesOf } from './fields';

describe('channel form fields', () => {
  it('starts a new mailbox on the usual ports with TLS required', () => {
    expect(valuesOf('EMAIL')).toMatchObject({
      imapPort: '993',
      imapSecure: true,
      imapRequireTls: true,
      smtpPort: '587',
      smtpSecure: false,
      smtpRequireTls: true,
    });
  });

  it('sends ports as numbers, origins as a list, and leaves out empty optional fields', () => {
    const values = {
      ...valuesOf('EMAIL'),
      address: ' kommun@kommun.se ',
      imapHost: 'imap.kommun.se',
      smtpHost: 'smtp.kommun.se',
      mailbox: '',
    };
    const config = configOf('EMAIL', values);
    expect(config).toMatchObject({ address: 'kommun@kommun.se', imapPort: 993, smtpPort: 587 });
    expect(config).not.toHaveProperty('mailbox');
    expect(config).not.toHaveProperty('imapPassword');
    expect(
      configOf('WEB_FORM', { allowedOrigins: 'https://www.kommun.se\n\n https://e.kommun.se ' }),
    ).toEqual({ allowedOrigins: ['https://www.kommun.se', 'https://e.kommun.se'] });
    expect(configOf('WEB_FORM', { allowedOrigins: '' })).toEqual({});
  });

  it('reads a stored channel back into the form', () => {
    expect(valuesOf('FACEBOOK_PAGE', { pageId: '1234', tokenExpiresAt: '2027-01-31' })).toEqual({
      pageId: '1234',
      tokenExpiresAt: '2027-01-31',
    });
  });

  it("keeps a web form's reply mailbox, and sends none when the form's own address is chosen", () => {
    const mailboxId = '7d3c3c57-4a8e-4d43-9a49-0e5b3f5d9a01';
    expect(valuesOf('WEB_FORM', { replyChannelId: mailboxId })).toEqual({
      allowedOrigins: '',
      replyChannelId: mailboxId,
    });
    expect(valuesOf('WEB_FORM')).toEqual({ allowedOrigins: '', replyChannelId: '' });
    expect(configOf('WEB_FORM', { allowedOrigins: '', replyChannelId: mailboxId })).toEqual({
      replyChannelId: mailboxId,
    });
    expect(configOf('WEB_FORM', { allowedOrigins: '', replyChannelId: '' })).toEqual({});
    expect(
      fieldOfError('config.replyChannelId: there is no such channel', ['replyChannelId']),
    ).toBe('replyChannelId');
  });

  it('finds the field an API error names', () => {
    const known = ['name', 'imapPort', 'smtpPassword'];
    expect(fieldOfError('config.imapPort must be a port number (1-65535)', known)).toBe('imapPort');
    expect(fieldOfError('secrets.smtpPassword and secrets.smtpUser go together', known)).toBe(
      'smtpPassword',
    );
    expect(fieldOfError('name should not be empty', known)).toBe('name');
    expect(fieldOfError('teamId: no such team', known)).toBeNull();
  });
});
