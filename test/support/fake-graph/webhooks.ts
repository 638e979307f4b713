import { createHmac } from 'node:crypto';
import { type FakeComment, type FakeMessage, type GraphStore, permalinkOf } from './store';

// The webhook deliveries Meta would post for what happened in the store.

/** Meta escapes non-ASCII characters (\u00e4) in webhook bodies and signs those bytes. */
export function serializeWebhook(body: unknown): string {
  return JSON.stringify(body).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function signWebhook(raw: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

export function messageWebhook(store: GraphStore, message: FakeMessage) {
  const conversation = store.conversations.get(message.conversationId)!;
  const owner = store.requireAccount(conversation.ownerId);
  const echo = message.fromId === owner.id;
  const at = message.createdAt.getTime();
  return {
    object: owner.kind === 'page' ? 'page' : 'instagram',
    entry: [
      {
        id: owner.id,
        time: at,
        messaging: [
          {
            sender: { id: message.fromId },
            recipient: { id: echo ? conversation.person.id : owner.id },
            timestamp: at,
            message: {
              mid: message.id,
              text: message.text,
              ...(echo && { is_echo: true }),
            },
          },
        ],
      },
    ],
  };
}

/**
 * What Meta posts when a comment is written, edited or removed. Only the
 * Page feed tells of edits and removals (`verb`); Instagram's `comments`
 * field tells of new comments only. The entry's time is when it happened.
 */
export function commentWebhook(
  store: GraphStore,
  comment: FakeComment,
  verb: 'add' | 'edited' | 'remove' = 'add',
  at = verb === 'add' ? comment.createdAt : new Date(),
) {
  const object = store.objects.get(comment.objectId)!;
  const seconds = Math.floor(comment.createdAt.getTime() / 1000);
  if (object.kind !== 'post' && verb !== 'add') {
    throw new Error('Instagram webhooks tell of new comments only');
  }
  if (object.kind === 'post') {
    return {
      object: 'page',
      entry: [
        {
          id: object.ownerId,
          time: Math.floor(at.getTime() / 1000),
          changes: [
            {
              field: 'feed',
              value: {
                from: { id: comment.from.id, name: comment.from.name },
                post: {
                  id: object.id,
                  status_type: 'added_photos',
                  is_published: true,
                  updated_time: `${object.updatedAt.toISOString().slice(0, 19)}+0000`,
                  permalink_url: permalinkOf(object),
                  promotion_status: 'inactive',
                },
                ...(verb !== 'remove' && { message: comment.text }),
                post_id: object.id,
                comment_id: comment.id,
                created_time: seconds,
                item: 'comment',
                parent_id: comment.parentId ?? object.id,
                verb,
              },
            },
          ],
        },
      ],
    };
  }
  return {
    object: 'instagram',
    entry: [
      {
        id: object.ownerId,
        time: seconds,
        changes: [
          {
            field: 'comments',
            value: {
              from: { id: comment.from.id, username: comment.from.username },
              media: { id: object.id, media_product_type: 'FEED' },
              id: comment.id,
              ...(comment.parentId && { parent_id: comment.parentId }),
              text: comment.text,
            },
          },
        ],
      },
    ],
  };
}
