import type { Channel } from '@svara/database';
import type { Mailer } from '@svara/notifications';
import { UnusableItem } from '@svara/pipeline';
import type { ChannelContext, OutgoingMessage, SendResult } from '../channel-adapter';
import { ChannelAuthFailed, SendRefused } from '../channel-errors';
import type { EmailAdapter } from '../email/email.adapter';
import type { ChannelHealthRecorder } from '../polling/channel-health';
import type { ReplyMailboxes } from './reply-mailboxes';
import { WebFormAdapter } from './web-form.adapter';

const channel = { id: 'c1', type: 'WEB_FORM' } as Channel;
// Normalizing never sends mail; sending is covered against a real SMTP server.
const normalizer = new WebFormAdapter(
  {} as Mailer,
  {} as EmailAdapter,
  {} as ReplyMailboxes,
  {} as ChannelHealthRecorder,
);
const item = {
  id: 'f2a1',
  submittedAt: '2026-11-20T09:15:00.000Z',
  name: '  Åsa Öberg ',
  email: 'Asa.Oberg@Example.SE',
  subject: ' Bygglov ',
  message: 'Hej!\nNär får jag svar?',
};

describe('WebFormAdapter', () => {
  it('opens a thread per submission, with the submitter known by e-mail address', () => {
    expect(normalizer.normalize(item, channel)).toEqual({
      externalId: 'f2a1',
      threadExternalId: 'f2a1',
      subject: 'Bygglov',
      direction: 'INBOUND',
      contact: {
        type: 'EMAIL',
        scope: 'global',
        value: 'asa.oberg@example.se',
        displayName: 'Åsa Öberg',
        email: 'asa.oberg@example.se',
      },
      authorName: 'Åsa Öberg',
      authorAddress: 'asa.oberg@example.se',
      text: 'Hej!\nNär får jag svar?',
      attachments: [],
      automatic: false,
      sentAt: new Date('2026-11-20T09:15:00.000Z'),
    });
  });

  it('leaves the subject out when the citizen gave none', () => {
    expect(normalizer.normalize({ ...item, subject: '   ' }, channel).subject).toBeUndefined();
  });

  it.each([
    [null, 'submission is not an object'],
    [{ ...item, id: '' }, 'submission has no id'],
    [{ ...item, email: undefined }, 'submission has no email'],
    [{ ...item, message: 7 }, 'submission has no message'],
    [{ ...item, submittedAt: 'yesterday' }, 'submittedAt is not a date'],
  ])('refuses an unusable item: %j', (raw, reason) => {
    expect(() => normalizer.normalize(raw, channel)).toThrow(new UnusableItem(reason));
  });
});

describe('WebFormAdapter: which way a reply goes', () => {
  const MAILBOX_ID = '7d3c3c57-4a8e-4d43-9a49-0e5b3f5d9a01';
  const mailbox: ChannelContext = {
    channel: { id: MAILBOX_ID, type: 'EMAIL', name: 'Kommunens brevlåda' } as Channel,
    config: { address: 'kommun@kommun.se' },
    secrets: {},
  };
  const reply: OutgoingMessage = {
    messageId: 'm1',
    queuedExternalId: 'svara-3f1c',
    text: 'Hej!',
    thread: { id: 't1', externalId: 'f1', subject: 'Sophämtning' },
    recipient: null,
    lastInbound: { externalId: 'f1', sentAt: new Date(), authorAddress: 'anna@example.se' },
    threadExternalIds: ['f1'],
    files: [],
    fileSent: async () => {},
  };
  const formWith = (config: Record<string, unknown>): ChannelContext => ({
    channel,
    config,
    secrets: {},
  });

  /** The adapter with stand-ins that write down what they were asked to do. */
  function adapter(mailboxSend: (context: ChannelContext) => Promise<SendResult>) {
    const calls = {
      mailFrom: 0,
      mailbox: [] as string[],
      opened: [] as string[],
      unhealthy: [] as string[],
    };
    const mailer = {
      from: 'svara@kommun.se',
      send: async () => {
        calls.mailFrom += 1;
        return {
          messageId: '<svara-3f1c@kommun.se>',
          accepted: ['anna@example.se'],
          rejected: [],
          response: '250 OK',
        };
      },
    } as Pick<Mailer, 'from' | 'send'> as Mailer;
    const email = {
      send: async (context: ChannelContext) => {
        calls.mailbox.push(context.channel.id);
        return mailboxSend(context);
      },
    } as Pick<EmailAdapter, 'send'> as EmailAdapter;
    const mailboxes = {
      contextOf: async (id: string) => {
        calls.opened.push(id);
        return mailbox;
      },
    } as Pick<ReplyMailboxes, 'contextOf'> as ReplyMailboxes;
    const health = {
      authFailed: async (id: string) => {
        calls.unhealthy.push(id);
      },
    } as Pick<ChannelHealthRecorder, 'authFailed'> as ChannelHealthRecorder;
    return { calls, adapter: new WebFormAdapter(mailer, email, mailboxes, health) };
  }

  it('without a reply mailbox, e-mails the reply from MAIL_FROM as before', async () => {
    const { calls, adapter: form } = adapter(async () => ({ externalId: 'unused' }));
    const sent = await form.send(formWith({ allowedOrigins: ['https://kommun.se'] }), reply);
    expect(sent.externalId).toBe('<svara-3f1c@kommun.se>');
    expect(calls).toMatchObject({ mailFrom: 1, mailbox: [], opened: [] });
  });

  it('with one, sends it as that mailbox answers its own mail, and never from MAIL_FROM', async () => {
    const { calls, adapter: form } = adapter(async () => ({
      externalId: 'svara.k3x9q2m7w4ab@kommun.se',
    }));
    const sent = await form.send(formWith({ replyChannelId: MAILBOX_ID }), reply);
    expect(sent.externalId).toBe('svara.k3x9q2m7w4ab@kommun.se');
    expect(calls).toMatchObject({ mailFrom: 0, mailbox: [MAILBOX_ID], opened: [MAILBOX_ID] });
  });

  it("a refused SMTP login marks the mailbox, not the form, and fails the reply with the mailbox's name", async () => {
    const { calls, adapter: form } = adapter(async () => {
      throw new ChannelAuthFailed('The SMTP server refused the user name or password');
    });
    await expect(form.send(formWith({ replyChannelId: MAILBOX_ID }), reply)).rejects.toEqual(
      new SendRefused(
        'The mailbox "Kommunens brevlåda": The SMTP server refused the user name or password',
      ),
    );
    expect(calls.unhealthy).toEqual([MAILBOX_ID]);
  });

  it('other errors of the mailbox stay as they are, to be retried', async () => {
    const timeout = new Error('connect ETIMEDOUT');
    const { calls, adapter: form } = adapter(async () => {
      throw timeout;
    });
    await expect(form.send(formWith({ replyChannelId: MAILBOX_ID }), reply)).rejects.toBe(timeout);
    expect(calls.unhealthy).toEqual([]);
  });
});
