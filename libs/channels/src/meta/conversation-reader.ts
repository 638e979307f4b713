import { type GraphSession, graphPath } from './graph-api.service';
import { type GraphConversation, type GraphMessage, parseGraphTime } from './graph-types';
import type { GraphMessageItem } from './meta-item';
import { mapLimited, type PassPage, type PassWindow, type StreamReader } from './meta-poller';

const CONVERSATIONS_PER_PAGE = 25;
const MESSAGES_PER_PAGE = 100;
const PARALLEL_CONVERSATIONS = 4;
const MESSAGE_FIELDS = 'id,message,from,to,created_time,attachments';

const timeOf = (value: string | undefined) => parseGraphTime(value)?.getTime() ?? 0;

/**
 * Direct messages: `/{owner-id}/conversations?platform=…`, newest update first
 * (Graph offers no time filter on conversations), and for each conversation
 * updated since the last pass its new messages, newest first.
 */
export class ConversationReader implements StreamReader {
  constructor(
    private readonly ownerId: string,
    private readonly platform: 'messenger' | 'instagram',
  ) {}

  async readPage(graph: GraphSession, window: PassWindow): Promise<PassPage> {
    const page = await graph.page<GraphConversation>(
      graphPath(this.ownerId, 'conversations'),
      { platform: this.platform, fields: 'id,updated_time', limit: CONVERSATIONS_PER_PAGE },
      window.after,
    );
    const since = window.since.getTime();
    const changed = page.data.filter((conversation) => timeOf(conversation.updated_time) >= since);
    const reachedUnchanged = changed.length < page.data.length;
    const perConversation = await mapLimited(changed, PARALLEL_CONVERSATIONS, (conversation) =>
      this.newMessages(graph, conversation.id, window.readFrom.getTime()),
    );
    const items = perConversation
      .flat()
      .sort((a, b) => timeOf(a.message.created_time) - timeOf(b.message.created_time));
    const done = reachedUnchanged || !page.after;
    return { items, after: done ? undefined : page.after, done };
  }

  private async newMessages(
    graph: GraphSession,
    conversationId: string,
    readFrom: number,
  ): Promise<GraphMessageItem[]> {
    const messages = await graph.collect<GraphMessage>(
      graphPath(conversationId, 'messages'),
      { fields: MESSAGE_FIELDS, limit: MESSAGES_PER_PAGE },
      // Newest first: a page reaching back past readFrom is the last one needed.
      (page) => page.some((message) => timeOf(message.created_time) < readFrom),
    );
    return messages
      .filter((message) => timeOf(message.created_time) >= readFrom)
      .map((message) => ({ kind: 'graph-message', conversationId, message }));
  }
}
