import type { Channel } from '@svara/database';
import type { Mailer } from '@svara/notifications';
import { UnusableItem } from '@svara/pipeline';
import { WebFormAdapter } from './web-form.adapter';

const channel = { id: 'c1', type: 'WEB_FORM' } as Channel;
// Normalizing never sends mail; sending is covered against a real SMTP server.
const normalizer = new WebFormAdapter({} as Mailer);
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
