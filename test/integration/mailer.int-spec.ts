import { loadConfig } from '@svara/config';
import { MailNotConfigured, Mailer } from '@svara/notifications';
import { SmtpReceiver, testEnv } from '@svara/testing';

describe('Mailer', () => {
  let receiver: SmtpReceiver;

  beforeAll(async () => {
    receiver = await SmtpReceiver.start();
  });
  afterAll(() => receiver?.stop());

  it('delivers over SMTP with the configured sender', async () => {
    const mailer = new Mailer(
      loadConfig(testEnv({ SMTP_URL: receiver.url, MAIL_FROM: 'svara@kommun.se' })),
    );
    const sent = await mailer.send({
      to: 'lead@kommun.se',
      subject: 'Ärende försenat',
      text: 'Svar saknas på ärendet från Åsa.',
    });
    mailer.onApplicationShutdown();
    const [mail] = await receiver.waitFor((m) => m.parsed.messageId === sent.messageId);
    expect(mail!.to).toEqual(['lead@kommun.se']);
    expect(mail!.parsed.from?.address).toBe('svara@kommun.se');
    expect(mail!.parsed.subject).toBe('Ärende försenat');
    expect(mail!.parsed.text?.trim()).toBe('Svar saknas på ärendet från Åsa.');
  });

  it('mails a burst over a few reused connections, and reconnects after a server restart', async () => {
    const mailer = new Mailer(loadConfig(testEnv({ SMTP_URL: receiver.url })));
    try {
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          mailer.send({ to: 'lead@kommun.se', subject: `Försenat ${i}`, text: 'Svar saknas.' }),
        ),
      );
      const ids = new Set(burst.map((sent) => sent.messageId));
      const received = await receiver.waitFor((m) => ids.has(m.parsed.messageId!), { count: 30 });
      expect(new Set(received.map((m) => m.sessionId)).size).toBeLessThanOrEqual(5);

      await receiver.stop();
      await receiver.listen();
      const after = await mailer.send({
        to: 'lead@kommun.se',
        subject: 'Efter omstart',
        text: '.',
      });
      await receiver.waitFor((m) => m.parsed.messageId === after.messageId);
    } finally {
      mailer.onApplicationShutdown();
    }
  });

  it('says so when no SMTP server is configured', async () => {
    const mailer = new Mailer(loadConfig(testEnv()));
    await expect(mailer.send({ to: 'a@b.se', subject: 's', text: 't' })).rejects.toThrow(
      MailNotConfigured,
    );
  });
});
