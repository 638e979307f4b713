import { InvalidInput } from '@svara/common';
import { webhookItems } from './webhook-events';
import { hasValidSignature, signatureOf } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'app-secret-123';
  // Meta signs the escaped bytes it sends, not a re-serialized body.
  const raw = Buffer.from('{"object":"page","entry":[{"text":"H\\u00e4r"}]}');

  it('accepts the signature of the raw body and nothing else', () => {
    expect(hasValidSignature(raw, signatureOf(raw, secret), secret)).toBe(true);
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(hasValidSignature(reserialized, signatureOf(raw, secret), secret)).toBe(false);
    expect(hasValidSignature(raw, signatureOf(raw, 'other-secret'), secret)).toBe(false);
    expect(hasValidSignature(raw, undefined, secret)).toBe(false);
    expect(hasValidSignature(raw, 'sha256=abc', secret)).toBe(false);
    expect(hasValidSignature(undefined, signatureOf(raw, secret), secret)).toBe(false);
  });
});

describe('webhookItems', () => {
  it('keeps messages and new comments, per account, and drops deliveries and reads', () => {
    const groups = webhookItems({
      object: 'page',
      entry: [
        {
          id: '101',
          time: 1763630100000,
          messaging: [
            {
              sender: { id: '7' },
              recipient: { id: '101' },
              timestamp: 1,
              message: { mid: 'm_1', text: 'Hej' },
            },
            {
              sender: { id: '7' },
              recipient: { id: '101' },
              timestamp: 2,
              delivery: { mids: ['m_0'] },
            },
            { sender: { id: '7' }, recipient: { id: '101' }, timestamp: 3, read: { watermark: 3 } },
          ],
          standby: [
            {
              sender: { id: '8' },
              recipient: { id: '101' },
              timestamp: 4,
              message: { mid: 'm_2' },
            },
          ],
          changes: [
            { field: 'feed', value: { item: 'comment', verb: 'add', comment_id: '5_1' } },
            { field: 'feed', value: { item: 'comment', verb: 'remove', comment_id: '5_0' } },
            { field: 'feed', value: { item: 'comment', verb: 'edited', comment_id: '5_2' } },
            { field: 'feed', value: { item: 'comment', verb: 'hide', comment_id: '5_3' } },
            { field: 'feed', value: { item: 'reaction', verb: 'add' } },
          ],
        },
        {
          id: '202',
          time: 1763630100000,
          messaging: [{ sender: { id: '9' }, recipient: { id: '202' }, read: {} }],
        },
      ],
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      channelType: 'FACEBOOK_PAGE',
      configKey: 'pageId',
      ownerId: '101',
    });
    expect(groups[0]!.items.map((item) => item.kind)).toEqual([
      'webhook-message',
      'webhook-message',
      'webhook-change',
      'webhook-change',
      'webhook-change',
    ]);
    // Hidden comments are the Page's own doing, not the author's.
    expect(
      groups[0]!.items.map((item) => item.kind === 'webhook-change' && item.change.value.verb),
    ).toEqual([false, false, 'add', 'remove', 'edited']);
    expect(groups[0]!.items[2]).toMatchObject({ entryTime: 1763630100 });
  });

  it('routes Instagram deliveries to Instagram accounts', () => {
    const [group] = webhookItems({
      object: 'instagram',
      entry: [
        {
          id: '178',
          time: 1763630100,
          changes: [{ field: 'comments', value: { id: '1', text: 'Hej' } }],
        },
      ],
    });
    expect(group).toMatchObject({
      channelType: 'INSTAGRAM',
      configKey: 'igUserId',
      ownerId: '178',
    });
  });

  it.each([
    [[], 'body must be a JSON object'],
    [{ object: 'user', entry: [] }, 'object must be "page" or "instagram"'],
    [{ object: 'page' }, 'entry must be a list'],
    [{ object: 'page', entry: [{ time: 1 }] }, 'entry[0].id'],
  ])('refuses %j, naming the field', (body, field) => {
    expect(() => webhookItems(body)).toThrow(InvalidInput);
    expect(() => webhookItems(body)).toThrow(field);
  });
});
