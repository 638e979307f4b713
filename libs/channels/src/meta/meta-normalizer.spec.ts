import type { Channel } from '@svara/database';
import { isMessageChange, type NormalizedMessage, UnusableItem } from '@svara/pipeline';
import { MetaNormalizer, parseThreadKey, threadKey } from './meta-normalizer';

const PAGE = '101';
const channel = { id: 'c1', type: 'FACEBOOK_PAGE', config: { pageId: PAGE } } as unknown as Channel;
const meta = new MetaNormalizer({
  ownId: (c) => (c.config as { pageId: string }).pageId,
  messagingIdentity: 'FACEBOOK_PSID',
  commentIdentity: 'FACEBOOK_USER',
});
/** For items that are messages. */
const normalizer = {
  normalize(raw: unknown, on: Channel): NormalizedMessage {
    const result = meta.normalize(raw, on);
    if (isMessageChange(result)) throw new Error(`a ${result.change} change, not a message`);
    return result;
  },
};
const anna = { id: '7001', name: 'Anna Lindqvist', email: '7001@facebook.com' };
const page = { id: PAGE, name: 'Sundsvalls kommun' };

describe('MetaNormalizer: direct messages', () => {
  const polled = (from: object, to: object) => ({
    kind: 'graph-message',
    conversationId: 't_1',
    message: {
      id: 'm_1',
      message: 'Soporna hämtades inte',
      created_time: '2026-11-20T09:15:00+0000',
      from,
      to: { data: [to] },
    },
  });

  it('makes a citizen’s message an inbound message in the thread with that person', () => {
    expect(normalizer.normalize(polled(anna, page), channel)).toEqual({
      externalId: 'm_1',
      threadExternalId: 'dm:7001',
      direction: 'INBOUND',
      contact: { type: 'FACEBOOK_PSID', scope: 'c1', value: '7001', displayName: 'Anna Lindqvist' },
      authorName: 'Anna Lindqvist',
      authorAddress: '7001',
      text: 'Soporna hämtades inte',
      attachments: [],
      automatic: false,
      sentAt: new Date('2026-11-20T09:15:00Z'),
    });
  });

  it('stores the Page’s own message as outbound, in the same thread', () => {
    const message = normalizer.normalize(polled(page, anna), channel);
    expect(message).toMatchObject({
      threadExternalId: 'dm:7001',
      direction: 'OUTBOUND',
      contact: { value: '7001' },
      authorName: 'Sundsvalls kommun',
    });
    expect(message.authorAddress).toBeUndefined();
  });

  it('gives a webhook event the same message id and thread as the poll', () => {
    const event = (message: object, sender: string, recipient: string) => ({
      kind: 'webhook-message',
      ownerId: PAGE,
      event: {
        sender: { id: sender },
        recipient: { id: recipient },
        timestamp: 1763630100000,
        message,
      },
    });
    expect(
      normalizer.normalize(event({ mid: 'm_1', text: 'Hej' }, '7001', PAGE), channel),
    ).toMatchObject({
      externalId: 'm_1',
      threadExternalId: 'dm:7001',
      direction: 'INBOUND',
      sentAt: new Date(1763630100000),
    });
    expect(
      normalizer.normalize(
        event({ mid: 'm_2', text: 'Svar', is_echo: true }, PAGE, '7001'),
        channel,
      ),
    ).toMatchObject({ externalId: 'm_2', threadExternalId: 'dm:7001', direction: 'OUTBOUND' });
  });

  it('keeps attachment metadata', () => {
    const item = polled(anna, page);
    (item.message as Record<string, unknown>).attachments = {
      data: [{ id: 'a', name: 'hål.jpg', mime_type: 'image/jpeg', size: 2048 }],
    };
    expect(normalizer.normalize(item, channel).attachments).toEqual([
      { filename: 'hål.jpg', contentType: 'image/jpeg', size: 2048 },
    ]);
  });

  it('hands over where each attachment’s bytes are, to be downloaded before the URL expires', () => {
    const item = polled(anna, page);
    (item.message as Record<string, unknown>).attachments = {
      data: [
        {
          id: 'a',
          name: 'lampa.jpg',
          mime_type: 'image/jpeg',
          image_data: { url: 'https://cdn.test/a?oe=1' },
        },
        {
          id: 'b',
          name: 'intyg.pdf',
          mime_type: 'application/pdf',
          file_url: 'https://cdn.test/b',
        },
        { id: 'c', name: 'okänd', mime_type: 'application/pdf', file_url: 'javascript:alert(1)' },
      ],
    };
    expect(normalizer.normalize(item, channel).attachmentSources).toEqual([
      { url: 'https://cdn.test/a?oe=1' },
      { url: 'https://cdn.test/b' },
      undefined,
    ]);
    const webhook = {
      kind: 'webhook-message',
      ownerId: PAGE,
      event: {
        sender: { id: '7001' },
        recipient: { id: PAGE },
        timestamp: 1763630100000,
        message: {
          mid: 'm_9',
          attachments: [{ type: 'image', payload: { url: 'https://cdn.test/c' } }],
        },
      },
    };
    expect(normalizer.normalize(webhook, channel).attachmentSources).toEqual([
      { url: 'https://cdn.test/c' },
    ]);
  });
});

describe('MetaNormalizer: comments', () => {
  const comment = (fields: object) => ({
    kind: 'graph-comment',
    objectId: '101_5',
    objectText: 'Vintervägunderhåll: så plogar vi i vinter',
    comment: {
      id: '5_1',
      message: 'Plogas Bergsgatan?',
      created_time: '2026-11-20T10:00:00+0000',
      from: { id: '9001', name: 'Eva' },
      ...fields,
    },
  });

  it('opens a thread per top-level comment, named after the post', () => {
    expect(normalizer.normalize(comment({}), channel)).toMatchObject({
      externalId: '5_1',
      threadExternalId: 'comment:5_1',
      subject: 'Comment on “Vintervägunderhåll: så plogar vi i vinter”',
      direction: 'INBOUND',
      contact: { type: 'FACEBOOK_USER', scope: 'c1', value: '9001' },
    });
  });

  it('puts replies, the Page’s included, in their top-level comment’s thread', () => {
    expect(
      normalizer.normalize(comment({ id: '5_2', parent: { id: '5_1' } }), channel),
    ).toMatchObject({
      threadExternalId: 'comment:5_1',
      direction: 'INBOUND',
    });
    const pageReply = normalizer.normalize(
      comment({ id: '5_3', parent: { id: '5_1' }, from: page }),
      channel,
    );
    expect(pageReply).toMatchObject({ threadExternalId: 'comment:5_1', direction: 'OUTBOUND' });
    expect(pageReply.contact).toBeUndefined();
  });

  it('reads feed webhooks into the same ids as polled comments', () => {
    const change = (value: object) => ({
      kind: 'webhook-change',
      ownerId: PAGE,
      entryTime: 1763632800,
      change: {
        field: 'feed',
        value: {
          item: 'comment',
          verb: 'add',
          post_id: '101_5',
          from: { id: '9001', name: 'Eva' },
          message: 'Hej',
          created_time: 1763632800,
          ...value,
        },
      },
    });
    expect(
      normalizer.normalize(change({ comment_id: '5_1', parent_id: '101_5' }), channel),
    ).toMatchObject({
      externalId: '5_1',
      threadExternalId: 'comment:5_1',
    });
    expect(
      normalizer.normalize(change({ comment_id: '5_2', parent_id: '5_1' }), channel),
    ).toMatchObject({
      externalId: '5_2',
      threadExternalId: 'comment:5_1',
      sentAt: new Date(1763632800 * 1000),
    });
  });

  it('keeps the post’s text and https link as the thread’s post context', () => {
    const permalink = 'https://www.facebook.com/101/posts/5';
    expect(
      normalizer.normalize({ ...comment({}), objectPermalink: permalink }, channel).post,
    ).toEqual({ id: '101_5', text: 'Vintervägunderhåll: så plogar vi i vinter', permalink });
    const feedChange = (post: unknown) =>
      normalizer.normalize(
        {
          kind: 'webhook-change',
          ownerId: PAGE,
          change: {
            field: 'feed',
            value: {
              item: 'comment',
              comment_id: '5_9',
              post_id: '101_5',
              from: { id: '9001', name: 'Eva' },
              created_time: 1763632800,
              post,
            },
          },
        },
        channel,
      ).post;
    // A feed change names the post by its id and link alone; anything but an https link is dropped.
    expect(feedChange({ id: '101_5', permalink_url: permalink })).toEqual({
      id: '101_5',
      permalink,
    });
    expect(feedChange({ id: '101_5', permalink_url: 'javascript:alert(1)' })).toEqual({
      id: '101_5',
    });
    expect(feedChange('101_5')).toEqual({ id: '101_5' });
  });

  it('opens no thread for the Page’s own top-level comment', () => {
    expect(() => normalizer.normalize(comment({ from: page }), channel)).toThrow(UnusableItem);
  });
});

describe('MetaNormalizer: unusable items', () => {
  it.each([
    [null, 'item is not an object'],
    [{ kind: 'graph-message', message: { created_time: 'x' } }, 'message has no id'],
    [
      { kind: 'graph-message', message: { id: 'm', created_time: 'yesterday', from: anna } },
      'message has no created_time',
    ],
    [
      {
        kind: 'webhook-message',
        event: { sender: { id: '1' }, recipient: { id: PAGE }, timestamp: 1 },
      },
      'event carries no message',
    ],
    [
      { kind: 'webhook-change', change: { field: 'feed', value: { item: 'like' } } },
      'feed change is a like',
    ],
    [{ kind: 'mystery' }, 'unknown item kind mystery'],
  ])('refuses %j', (raw, reason) => {
    expect(() => normalizer.normalize(raw, channel)).toThrow(new UnusableItem(reason));
  });
});

describe('thread keys', () => {
  it('say where a reply goes', () => {
    expect(parseThreadKey(threadKey.direct('7001'))).toEqual({ kind: 'direct', personId: '7001' });
    expect(parseThreadKey(threadKey.comment('5_1'))).toEqual({ kind: 'comment', commentId: '5_1' });
    expect(parseThreadKey('t_123')).toBeUndefined();
  });
});
