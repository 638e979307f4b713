import { type GraphSession, graphPath } from './graph-api.service';
import { type GraphComment, type GraphMedia, type GraphPost, parseGraphTime } from './graph-types';
import type { StreamState } from './meta-cursor';
import type { GraphCommentItem, GraphCommentListingItem } from './meta-item';
import { mapLimited, type PassPage, type PassWindow, type StreamReader } from './meta-poller';

const OBJECTS_PER_PAGE = 25;
const COMMENTS_PER_PAGE = 100;
/** Posts and media older than this are not looked at for new comments (webhooks still bring them). */
export const COMMENT_LOOKBACK_MS = 30 * 24 * 3600_000;

const timeOf = (value: string | undefined) => parseGraphTime(value)?.getTime() ?? 0;
const commentTime = (comment: GraphComment) => timeOf(comment.created_time ?? comment.timestamp);

/** Posts created after this are looked at: the lookback, or further back while backfilling. */
const horizonOf = (window: PassWindow) =>
  Math.min(window.readFrom.getTime(), window.startedAt.getTime() - COMMENT_LOOKBACK_MS);

/**
 * What a read of one post's comments saw. A read that stopped early (it met
 * comments older than it needed) covers only what is newer than its oldest.
 */
export function listingOf(
  objectId: string,
  comments: GraphComment[],
  readAt: Date,
  stoppedEarly: boolean,
): GraphCommentListingItem {
  const oldest = Math.min(...comments.map(commentTime));
  return {
    kind: 'graph-comment-listing',
    objectId,
    readAt: readAt.toISOString(),
    ...(stoppedEarly && comments.length > 0 && { coversAfter: new Date(oldest).toISOString() }),
    seen: comments.map((comment) => ({
      id: comment.id,
      text: comment.message ?? comment.text ?? '',
    })),
  };
}

function oldestFirst(items: GraphCommentItem[]): GraphCommentItem[] {
  // Top-level comments before their replies, so a new thread's contact is its author.
  return items.sort(
    (a, b) =>
      commentTime(a.comment) - commentTime(b.comment) ||
      Number(Boolean(a.parentId ?? a.comment.parent)) -
        Number(Boolean(b.parentId ?? b.comment.parent)),
  );
}

/**
 * Page posts (`/{page-id}/feed`, newest first) and, for every post updated
 * since the last pass (a comment updates its post), the post's comments and
 * replies (`filter=stream`), newest first.
 */
export class PageCommentReader implements StreamReader {
  constructor(private readonly pageId: string) {}

  async readPage(graph: GraphSession, window: PassWindow): Promise<PassPage> {
    const page = await graph.page<GraphPost>(
      graphPath(this.pageId, 'feed'),
      { fields: 'id,message,permalink_url,created_time,updated_time', limit: OBJECTS_PER_PAGE },
      window.after,
      true,
    );
    const horizon = horizonOf(window);
    const since = window.since.getTime();
    const readFrom = window.readFrom.getTime();
    const recent = page.data.filter((post) => timeOf(post.created_time) >= horizon);
    const changed = recent.filter(
      (post) => timeOf(post.updated_time ?? post.created_time) >= since,
    );
    const listings: GraphCommentListingItem[] = [];
    const readPost = async (post: GraphPost): Promise<GraphCommentItem[]> => {
      const readAt = new Date();
      const comments = await graph.collect<GraphComment>(
        graphPath(post.id, 'comments'),
        {
          filter: 'stream',
          order: 'reverse_chronological',
          fields: 'id,message,created_time,from,parent{id}',
          limit: COMMENTS_PER_PAGE,
        },
        (batch) => batch.some((comment) => commentTime(comment) < readFrom),
      );
      const stoppedEarly = comments.some((comment) => commentTime(comment) < readFrom);
      listings.push(listingOf(post.id, comments, readAt, stoppedEarly));
      return comments
        .filter((comment) => commentTime(comment) >= readFrom)
        .map((comment): GraphCommentItem => ({
          kind: 'graph-comment',
          objectId: post.id,
          objectText: post.message,
          objectPermalink: post.permalink_url,
          comment,
        }));
    };
    const done = recent.length < page.data.length || !page.after;
    const items = async () => [
      ...oldestFirst((await mapLimited(changed, graph.concurrency, readPost)).flat()),
      // Listings after the comments, so a comment and its edit land in that order.
      ...listings,
    ];
    return { items, after: done ? undefined : page.after, done };
  }
}

const IG_COMMENT_FIELDS = 'id,text,timestamp,username,from';

/**
 * Instagram media (`/{ig-user-id}/media`, newest first) and the comments of
 * those whose comment count changed since the last pass (media have no update
 * time), with each comment's replies.
 */
export class MediaCommentReader implements StreamReader {
  constructor(private readonly igUserId: string) {}

  async readPage(graph: GraphSession, window: PassWindow): Promise<PassPage> {
    const page = await graph.page<GraphMedia>(
      graphPath(this.igUserId, 'media'),
      { fields: 'id,caption,permalink,timestamp,comments_count', limit: OBJECTS_PER_PAGE },
      window.after,
      true,
    );
    const horizon = horizonOf(window);
    const readFrom = window.readFrom.getTime();
    const known = window.state.counts ?? {};
    const recent = page.data.filter((media) => timeOf(media.timestamp) >= horizon);
    const changed = recent.filter(
      (media) => (media.comments_count ?? 1) > 0 && known[media.id]?.[0] !== media.comments_count,
    );
    const listings: GraphCommentListingItem[] = [];
    const readMedia = async (media: GraphMedia): Promise<GraphCommentItem[]> => {
      const readAt = new Date();
      const comments = await graph.collect<GraphComment>(graphPath(media.id, 'comments'), {
        fields: `${IG_COMMENT_FIELDS},replies{${IG_COMMENT_FIELDS}}`,
        limit: COMMENTS_PER_PAGE,
      });
      const items: GraphCommentItem[] = [];
      const add = (comment: GraphComment, parentId?: string) => {
        if (commentTime(comment) >= readFrom) {
          items.push({
            kind: 'graph-comment',
            objectId: media.id,
            objectText: media.caption,
            objectPermalink: media.permalink,
            comment,
            parentId,
          });
        }
      };
      const read: GraphComment[] = [];
      for (const comment of comments) {
        add(comment);
        const replies = comment.replies?.paging?.next
          ? await graph.collect<GraphComment>(graphPath(comment.id, 'replies'), {
              fields: IG_COMMENT_FIELDS,
              limit: COMMENTS_PER_PAGE,
            })
          : (comment.replies?.data ?? []);
        for (const reply of replies) add(reply, comment.id);
        read.push(comment, ...replies);
      }
      // Every comment and reply of the media was read.
      listings.push(listingOf(media.id, read, readAt, false));
      return items;
    };

    const counts: NonNullable<StreamState['counts']> = {};
    for (const [id, entry] of Object.entries(known)) if (entry[1] >= horizon) counts[id] = entry;
    for (const media of recent)
      counts[media.id] = [media.comments_count ?? 0, timeOf(media.timestamp)];
    const done = recent.length < page.data.length || !page.after;
    return {
      items: async () => [
        ...oldestFirst((await mapLimited(changed, graph.concurrency, readMedia)).flat()),
        ...listings,
      ],
      after: done ? undefined : page.after,
      done,
      counts,
    };
  }
}
