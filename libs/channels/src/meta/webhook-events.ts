import { InvalidInput } from '@svara/common';
import type { ChannelType } from '@svara/database';
import type { MessagingEvent, WebhookChangeItem, WebhookMessageItem } from './meta-item';

/** The items of one webhook delivery that belong to one Page or Instagram account. */
export interface WebhookItems {
  channelType: ChannelType;
  /** Which config field names the account (pageId or igUserId). */
  configKey: 'pageId' | 'igUserId';
  ownerId: string;
  items: (WebhookMessageItem | WebhookChangeItem)[];
}

const OWNERS = {
  page: { channelType: 'FACEBOOK_PAGE', configKey: 'pageId', commentField: 'feed' },
  instagram: { channelType: 'INSTAGRAM', configKey: 'igUserId', commentField: 'comments' },
} as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isNewMessage(event: unknown): event is MessagingEvent {
  if (!isObject(event) || !isObject(event.message)) return false;
  return typeof event.message.mid === 'string' && event.message.is_deleted !== true;
}

/** Page feed verbs that say something of a comment's text: written, edited, removed. */
const COMMENT_VERBS = new Set(['add', 'edited', 'remove']);

function isCommentChange(change: unknown, field: string): change is WebhookChangeItem['change'] {
  if (!isObject(change) || change.field !== field || !isObject(change.value)) return false;
  if (field === 'feed') {
    return change.value.item === 'comment' && COMMENT_VERBS.has(String(change.value.verb));
  }
  return true;
}

/**
 * Picks the new messages and comments, and comments' edits and removals, out
 * of a Meta webhook delivery, per account. Deliveries, reads, reactions and
 * hidden comments are left out.
 * Throws InvalidInput (400) naming the field when the body is not Meta's shape.
 */
export function webhookItems(body: unknown): WebhookItems[] {
  if (!isObject(body)) throw new InvalidInput('body must be a JSON object');
  const owner = OWNERS[body.object as keyof typeof OWNERS];
  if (!owner) throw new InvalidInput('object must be "page" or "instagram"');
  if (!Array.isArray(body.entry)) throw new InvalidInput('entry must be a list');

  const byOwner = new Map<string, WebhookItems>();
  body.entry.forEach((entry: unknown, index) => {
    if (!isObject(entry) || typeof entry.id !== 'string' || entry.id === '') {
      throw new InvalidInput(`entry[${index}].id must be the account's id`);
    }
    const ownerId = entry.id;
    const entryTime = typeof entry.time === 'number' ? entry.time : undefined;
    // With several apps on a Page, events for the inactive ones arrive as standby.
    const events = [entry.messaging, entry.standby]
      .filter(Array.isArray)
      .flat()
      .filter(isNewMessage);
    const changes = (Array.isArray(entry.changes) ? entry.changes : []).filter((change) =>
      isCommentChange(change, owner.commentField),
    );
    if (events.length === 0 && changes.length === 0) return;
    const group = byOwner.get(ownerId) ?? {
      channelType: owner.channelType,
      configKey: owner.configKey,
      ownerId,
      items: [],
    };
    for (const event of events) group.items.push({ kind: 'webhook-message', ownerId, event });
    for (const change of changes) {
      group.items.push({
        kind: 'webhook-change',
        ownerId,
        // Seconds or, on some deliveries, milliseconds.
        entryTime: entryTime && entryTime > 1e11 ? Math.floor(entryTime / 1000) : entryTime,
        change,
      });
    }
    byOwner.set(ownerId, group);
  });
  return [...byOwner.values()];
}
