import { type GraphSession, graphPath, listPage } from './graph-api.service';
import { type GraphConversation, type GraphMessage, parseGraphTime } from './graph-types';
import type { GraphMessageItem } from './meta-item';
import { mapLimited, type PassPage, type PassWindow, type StreamReader } from './meta-poller';

const CONVERSATIONS_PER_PAGE = 100;
/** Messages that come with each conversation of a page; most polls need no more. */
const MESSAGES_WITH_CONVERSATION = 25;
const MESSAGES_PER_PAGE = 100;
const MESSAGE_FIELDS = 'id,message,from,to,created_time,attachments';
const CONVERSATION_FIELDS = `id,updated_time,messages.limit(${MESSAGES_WITH_CONVERSATION}){${MESSAGE_FIELDS}}`;

const timeOf = (value: string | undefined) => parseGraphTime(value)?.getTime() ?? 0;

/** A message with its time, read once. */
interface Timed {
  message: GraphMessage;
  at: number;
}

const timed = (messages: GraphMessage[]): Timed[] =>
  messages.map((message) => ({ message, at: timeOf(message.created_time) }));

/**
 * Direct messages: `/{owner-id}/conversations?platform=…`, newest update first
 * (Graph offers no time filter on conversations), each with its latest
 * messages by field expansion, so one request reads a page of conversations
 * with their new messages. A conversation with more new messages than came
 * with it is read on from there through its messages edge, newest first,
 * as many conversations at once as the session's reads allow.
 */
export class ConversationReader implements StreamReader {
  constructor(
    private readonly ownerId: string,
    private readonly platform: 'messenger' | 'instagram',
  ) {}

  async readPage(graph: GraphSession, window: PassWindow): Promise<PassPage> {
    const page = await graph.page<GraphConversation>(
      graphPath(this.ownerId, 'conversations'),
      { platform: this.platform, fields: CONVERSATION_FIELDS, limit: CONVERSATIONS_PER_PAGE },
      window.after,
      true,
    );
    const since = window.since.getTime();
    const changed = page.data.filter((conversation) => timeOf(conversation.updated_time) >= since);
    const reachedUnchanged = changed.length < page.data.length;
    const items = async () => {
      const perConversation = await mapLimited(changed, graph.concurrency, (conversation) =>
        this.newMessages(graph, conversation, window.readFrom.getTime()),
      );
      // Each conversation's messages together, oldest first: a page stored as
      // several batches then splits few conversations between them.
      return perConversation.flatMap((messages, index) =>
        messages
          .sort((a, b) => a.at - b.at)
          .map(({ message }): GraphMessageItem => ({
            kind: 'graph-message',
            conversationId: changed[index]!.id,
            message,
          })),
      );
    };
    const done = reachedUnchanged || !page.after;
    return { items, after: done ? undefined : page.after, done };
  }

  /** The conversation's messages at or after readFrom. */
  private async newMessages(
    graph: GraphSession,
    conversation: GraphConversation,
    readFrom: number,
  ): Promise<Timed[]> {
    // Newest first: a page reaching back past readFrom is the last one needed.
    const reachesBack = (page: GraphMessage[]) =>
      page.some((message) => timeOf(message.created_time) < readFrom);
    const edge = graphPath(conversation.id, 'messages');
    const params = { fields: MESSAGE_FIELDS, limit: MESSAGES_PER_PAGE };
    let messages: Timed[];
    if (conversation.messages === undefined) {
      // Graph left the expansion out: read the edge from its start.
      messages = timed(await graph.collect<GraphMessage>(edge, params, reachesBack));
    } else {
      const first = listPage(conversation.messages, `the messages of ${conversation.id}`);
      messages = timed(first.data);
      if (first.after && !messages.some(({ at }) => at < readFrom)) {
        messages.push(...timed(await graph.collect(edge, params, reachesBack, first.after)));
      }
    }
    return messages.filter(({ at }) => at >= readFrom);
  }
}
