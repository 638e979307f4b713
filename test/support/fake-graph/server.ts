import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FieldRequest, parseFields } from './fields';
import {
  type FakeAccount,
  type FakeAttachment,
  type FakeComment,
  type FakeConversation,
  type FakeMessage,
  type FakeObject,
  type FakePerson,
  GraphStore,
  permalinkOf,
} from './store';

// A local stand-in for Meta's Graph API, following the documented shapes:
// list edges with cursor paging (`paging.cursors`, `next` only when there is
// more), field selection and expansion, error objects with codes, usage
// headers, the Messenger 24-hour window, and the send and reply endpoints.

export interface GraphError {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
}

export interface Fault {
  status: number;
  error?: GraphError;
  headers?: Record<string, string>;
  /** Accept the request but never answer (the client times out or the caller gives up). */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  token?: string;
  status: number;
  /** When the request came and when it was answered (ms since the epoch). */
  receivedAt: number;
  answeredAt?: number;
}

/** The most requests that were open at the same moment, of those given. */
export function mostAtOnce(requests: RecordedRequest[]): number {
  const moments = requests.flatMap((request) => [
    { at: request.receivedAt, step: 1 },
    { at: request.answeredAt ?? Infinity, step: -1 },
  ]);
  // An answer and a request at the same millisecond do not overlap.
  moments.sort((a, b) => a.at - b.at || a.step - b.step);
  let open = 0;
  let most = 0;
  for (const { step } of moments) {
    open += step;
    most = Math.max(most, open);
  }
  return most;
}

export const FAULTS = {
  serverError: (): Fault => ({
    status: 500,
    error: {
      message: 'An unexpected error has occurred. Please retry your request later.',
      type: 'OAuthException',
      code: 2,
      is_transient: true,
    },
  }),
  /** Page-level throttling (code 32), with Meta's estimate of when access returns. */
  throttled: (ownerId: string, regainMinutes = 2, code = 32): Fault => ({
    status: 400,
    error: {
      message: `(#${code}) Page request limit reached`,
      type: 'OAuthException',
      code,
      is_transient: true,
    },
    headers: {
      'x-business-use-case-usage': JSON.stringify({
        [ownerId]: [
          {
            type: 'pages',
            call_count: 100,
            total_cputime: 30,
            total_time: 40,
            estimated_time_to_regain_access: regainMinutes,
          },
        ],
      }),
    },
  }),
  tooManyRequests: (retryAfterSeconds = 120): Fault => ({
    status: 429,
    error: { message: 'Too many requests', type: 'OAuthException', code: 4 },
    headers: { 'retry-after': String(retryAfterSeconds) },
  }),
  tokenExpired: (): Fault => ({
    status: 400,
    error: {
      message:
        'Error validating access token: Session has expired on Friday, 20-Nov-26 09:00:00 PST.',
      type: 'OAuthException',
      code: 190,
      error_subcode: 463,
    },
  }),
};

interface PlannedFault {
  fault: Fault;
  skip: number;
  times: number;
  where?: (request: { method: string; path: string }) => boolean;
}

class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: GraphError,
  ) {
    super(error.message);
  }
}

const invalidParameter = (message: string, subcode?: number) =>
  new GraphFailure(400, { message, type: 'OAuthException', code: 100, error_subcode: subcode });

const noSuchObject = (id: string, verb: 'get' | 'post' = 'get') =>
  invalidParameter(
    `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    33,
  );

/** Graph's time format: 2026-11-20T09:15:00+0000. */
export const graphTime = (date: Date) => `${date.toISOString().slice(0, 19)}+0000`;

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
/** Instagram: only the 20 most recent messages of a conversation can be read. */
const INSTAGRAM_READABLE_MESSAGES = 20;
const MESSAGING_WINDOW_MS = 24 * 3600_000;

type Renderer<T> = Record<string, (item: T, field: FieldRequest) => unknown>;

export class FakeGraphServer {
  readonly store = new GraphStore();
  readonly requests: RecordedRequest[] = [];
  /** Extra headers on every answer, e.g. X-App-Usage. */
  usageHeaders: Record<string, string> = {};
  /**
   * Latency of every answer, as Meta's servers have (100–300 ms a request), or
   * to make a poll take long enough to interrupt: `delayMs` plus up to
   * `delayJitterMs` more, drawn for each request.
   */
  delayMs = 0;
  delayJitterMs = 0;
  private faults: PlannedFault[] = [];
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();
  private readonly sortedConversations = new Map<
    string,
    { version: number; list: FakeConversation[] }
  >();
  port = 0;

  constructor(readonly version = 'v23.0') {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    // Long enough for clients to keep connections open, as Meta's servers let
    // them (Node's client drops a connection whose server hint is 1 second).
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers the next matching requests (after skipping `skip` of them) with `fault`. */
  failNext(
    fault: Fault,
    options: { times?: number; skip?: number; where?: PlannedFault['where'] } = {},
  ): void {
    this.faults.push({
      fault,
      times: options.times ?? 1,
      skip: options.skip ?? 0,
      where: options.where,
    });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** App usage in percent, as Meta reports it in X-App-Usage; 0 removes the header. */
  setAppUsage(percent: number): void {
    if (percent <= 0) delete this.usageHeaders['x-app-usage'];
    else
      this.usageHeaders['x-app-usage'] = JSON.stringify({
        call_count: percent,
        total_cputime: Math.round(percent / 3),
        total_time: Math.round(percent / 2),
      });
  }

  /**
   * Meta's attachment URLs are signed and expire (`oe` is the expiry, in hex
   * seconds): one read after this long answers 403, as Meta's CDN does.
   */
  attachmentUrlTtlMs = 3600_000;

  private attachmentUrlFields(message: FakeMessage, index: number, mimeType: string) {
    const expires = Math.floor((Date.now() + this.attachmentUrlTtlMs) / 1000).toString(16);
    const url = `${this.url}/cdn/${encodeURIComponent(message.id)}/${index}?oe=${expires}`;
    if (mimeType.startsWith('image/')) return { image_data: { url, preview_url: url } };
    if (mimeType.startsWith('video/')) return { video_data: { url } };
    return { file_url: url };
  }

  /** GET /cdn/<message-id>/<index>?oe=…: an attachment's bytes, while the URL is valid. */
  private serveAttachment(url: URL, response: ServerResponse): boolean {
    const match = /^\/cdn\/([^/]+)\/(\d+)$/.exec(url.pathname);
    if (!match) return false;
    const file = this.store.messages.get(decodeURIComponent(match[1]!))?.attachments?.[
      Number(match[2])
    ];
    const expires = parseInt(url.searchParams.get('oe') ?? '', 16) * 1000;
    if (!file?.bytes) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    } else if (!(expires > Date.now())) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('URL signature expired');
    } else {
      response
        .writeHead(200, { 'content-type': file.mime_type, 'content-length': file.bytes.length })
        .end(file.bytes);
    }
    return true;
  }

  /** Requests that wrote something (sends and replies). */
  get writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method === 'POST');
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const query = Object.fromEntries(url.searchParams);
    let body: Record<string, unknown> | undefined;
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query,
      status: 200,
      receivedAt: Date.now(),
    };
    try {
      if (record.method === 'GET' && this.serveAttachment(url, response)) {
        record.status = response.statusCode;
        return;
      }
      body = await readBody(request);
      record.body = body;
      const auth = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      record.token = auth?.[1] ?? query.access_token ?? (body?.access_token as string | undefined);

      const fault = this.takeFault(record);
      if (fault?.hang) {
        this.requests.push(record);
        this.hanging.add(response);
        return;
      }
      const delay = this.delayMs + Math.random() * this.delayJitterMs;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (fault) {
        record.status = fault.status;
        return this.send(
          response,
          fault.status,
          { error: { ...fault.error, fbtrace_id: traceId() } },
          fault.headers,
        );
      }
      const result = this.route(record, url);
      this.send(response, 200, result);
    } catch (error) {
      const failure =
        error instanceof GraphFailure
          ? error
          : new GraphFailure(500, {
              message: `An unknown error has occurred: ${(error as Error).message}`,
              type: 'OAuthException',
              code: 1,
              is_transient: true,
            });
      record.status = failure.status;
      this.send(response, failure.status, { error: { ...failure.error, fbtrace_id: traceId() } });
    } finally {
      record.answeredAt = Date.now();
      if (!this.hanging.has(response)) this.requests.push(record);
    }
  }

  private takeFault(request: { method: string; path: string }): Fault | undefined {
    for (const planned of this.faults) {
      if (planned.where && !planned.where(request)) continue;
      if (planned.skip > 0) {
        planned.skip -= 1;
        continue;
      }
      planned.times -= 1;
      if (planned.times <= 0) this.faults.splice(this.faults.indexOf(planned), 1);
      return planned.fault;
    }
    return undefined;
  }

  private send(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    response.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      'x-fb-trace-id': traceId(),
      ...this.usageHeaders,
      ...headers,
    });
    response.end(JSON.stringify(body));
  }

  private route(request: RecordedRequest, url: URL): unknown {
    const [version, ...segments] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (!version || !/^v\d+\.\d+$/.test(version) || segments.length === 0) {
      throw invalidParameter('Unknown path components: ' + url.pathname, 2500);
    }
    const account = this.authenticate(request.token);
    const [id, edge, ...rest] = segments;
    if (rest.length > 0)
      throw invalidParameter(`Unknown path components: /${rest.join('/')}`, 2500);
    const nodeId = id === 'me' ? account.id : id!;
    this.authorize(account, nodeId, request.method === 'POST' ? 'post' : 'get');

    if (request.method === 'POST')
      return this.write(account, nodeId, edge, request.body as Record<string, unknown>);
    if (request.method !== 'GET') throw invalidParameter(`Unsupported ${request.method} request`);
    const fields = parseFieldsOr400(request.query.fields);
    if (!edge) return this.node(nodeId, fields);
    return this.edge(nodeId, edge, request.query, fields, url);
  }

  private authenticate(token: string | undefined): FakeAccount {
    if (!token) {
      throw new GraphFailure(400, {
        message: 'An access token is required to request this resource.',
        type: 'OAuthException',
        code: 104,
      });
    }
    const account = this.store.accountByToken(token);
    if (!account || this.store.deadTokens.has(token)) {
      throw new GraphFailure(400, FAULTS.tokenExpired().error!);
    }
    return account;
  }

  /** A token reaches its own account's objects (a Page token also its linked Instagram account's). */
  private authorize(account: FakeAccount, nodeId: string, verb: 'get' | 'post'): void {
    const owner = this.store.ownerOf(nodeId);
    if (!owner) throw noSuchObject(nodeId, verb);
    const ownerAccount = this.store.accounts.get(owner);
    if (owner !== account.id && ownerAccount?.pageId !== account.id)
      throw noSuchObject(nodeId, verb);
  }

  // ---- reading

  private node(id: string, fields: FieldRequest[] | undefined): unknown {
    const account = this.store.accounts.get(id);
    if (account)
      return select(account, fields ?? [{ name: 'id' }, { name: 'name' }], accountFields);
    const message = this.store.messages.get(id);
    if (message) {
      const conversation = this.store.conversations.get(message.conversationId)!;
      if (conversation.platform === 'instagram') {
        const recent = conversation.messages.slice(-INSTAGRAM_READABLE_MESSAGES);
        if (!recent.includes(message))
          throw invalidParameter('This message has been deleted.', 2534022);
      }
      return select(
        message,
        fields ?? [{ name: 'id' }, { name: 'created_time' }],
        this.messageFields(),
      );
    }
    const conversation = this.store.conversations.get(id);
    if (conversation)
      return select(conversation, fields ?? [{ name: 'id' }], this.conversationFields());
    const object = this.store.objects.get(id);
    if (object) return select(object, fields ?? defaultObjectFields(object), this.objectFields());
    const comment = this.store.comments.get(id);
    if (comment)
      return select(comment, fields ?? this.defaultCommentFields(comment), this.commentFields());
    const person = this.store.people.get(id);
    const ownerId = this.store.accountOfPerson(id);
    if (person && ownerId) {
      const platform =
        this.store.accounts.get(ownerId)!.kind === 'page' ? 'messenger' : 'instagram';
      return select(person, fields ?? PROFILE_DEFAULT_FIELDS[platform], PROFILE_FIELDS[platform]);
    }
    throw noSuchObject(id);
  }

  private edge(
    id: string,
    edge: string,
    query: Record<string, string>,
    fields: FieldRequest[] | undefined,
    url: URL,
  ): unknown {
    const owner = this.store.accounts.get(id);
    const page = <T extends { id: string }>(
      items: T[],
      render: Renderer<T>,
      defaults: FieldRequest[],
    ) => paged(items, query, (item) => select(item, fields ?? defaults, render), url);

    if (owner && edge === 'conversations') {
      const platform = query.platform ?? (owner.kind === 'page' ? 'messenger' : 'instagram');
      if (platform !== 'messenger' && platform !== 'instagram') {
        throw invalidParameter(
          '(#100) platform must be one of the following values: instagram, messenger',
        );
      }
      return page(this.conversationsOf(owner, platform), this.conversationFields(), [
        { name: 'id' },
      ]);
    }
    if (owner?.kind === 'page' && (edge === 'feed' || edge === 'posts')) {
      const posts = this.objectsOf(owner.id);
      return page(posts, this.objectFields(), defaultObjectFields(posts[0]));
    }
    if (owner?.kind === 'instagram' && edge === 'media') {
      return page(this.objectsOf(owner.id), this.objectFields(), [{ name: 'id' }]);
    }
    const conversation = this.store.conversations.get(id);
    if (conversation && edge === 'messages') {
      return page(readableMessages(conversation), this.messageFields(), DEFAULT_MESSAGE_FIELDS);
    }
    const object = this.store.objects.get(id);
    if (object && edge === 'comments') {
      return page(
        this.commentsOf(object, query),
        this.commentFields(),
        this.defaultCommentFields(object.comments[0]),
      );
    }
    const comment = this.store.comments.get(id);
    if (comment && (edge === 'comments' || edge === 'replies')) {
      const list = comment.parentId ? [] : comment.replies;
      const ordered = query.order === 'reverse_chronological' ? [...list].reverse() : list;
      return page(ordered, this.commentFields(), this.defaultCommentFields(comment));
    }
    throw invalidParameter(`(#100) Tried accessing nonexisting field (${edge})`);
  }

  /**
   * An account's conversations on a platform, last updated first; kept until
   * a conversation is added or updated, since a poll pages through thousands.
   */
  private conversationsOf(owner: FakeAccount, platform: string): FakeConversation[] {
    const key = `${owner.id}/${platform}`;
    const cached = this.sortedConversations.get(key);
    if (cached?.version === this.store.conversationsVersion) return cached.list;
    const list = [...this.store.conversations.values()]
      .filter(
        (c) =>
          c.platform === platform &&
          (c.ownerId === owner.id || this.store.accounts.get(c.ownerId)?.pageId === owner.id),
      )
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    this.sortedConversations.set(key, { version: this.store.conversationsVersion, list });
    return list;
  }

  private objectsOf(ownerId: string): FakeObject[] {
    return [...this.store.objects.values()]
      .filter((object) => object.ownerId === ownerId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** `filter=stream` lists replies too (Facebook); order is chronological unless asked otherwise. */
  private commentsOf(object: FakeObject, query: Record<string, string>): FakeComment[] {
    const all =
      object.kind === 'post' && query.filter === 'stream'
        ? object.comments.flatMap((comment) => [comment, ...comment.replies])
        : object.comments;
    const chronological = [...all].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const reverse =
      query.order === 'reverse_chronological' ||
      (object.kind === 'media' && query.order !== 'chronological');
    return reverse ? chronological.reverse() : chronological;
  }

  private person(id: string): { id: string; name?: string; username?: string } {
    const account = this.store.accounts.get(id);
    if (account)
      return account.kind === 'page' ? { id, name: account.name } : { id, username: account.name };
    return this.store.people.get(id) ?? { id };
  }

  private participant(id: string, platform: 'messenger' | 'instagram') {
    const person = this.person(id);
    return platform === 'messenger'
      ? { id, name: person.name, email: `${id}@facebook.com` }
      : { id, username: person.username ?? person.name };
  }

  private messageFields(): Renderer<FakeMessage> {
    const platformOf = (message: FakeMessage) =>
      this.store.conversations.get(message.conversationId)!.platform;
    return {
      id: (message) => message.id,
      message: (message) => message.text,
      created_time: (message) => graphTime(message.createdAt),
      from: (message) => this.participant(message.fromId, platformOf(message)),
      to: (message) => {
        const conversation = this.store.conversations.get(message.conversationId)!;
        const toId =
          message.fromId === conversation.ownerId ? conversation.person.id : conversation.ownerId;
        return { data: [this.participant(toId, conversation.platform)] };
      },
      attachments: (message) =>
        message.attachments?.length
          ? {
              data: message.attachments.map(({ bytes, ...file }, index) => ({
                id: `${message.id}_${index}`,
                ...file,
                ...(bytes && this.attachmentUrlFields(message, index, file.mime_type)),
              })),
            }
          : undefined,
    };
  }

  private conversationFields(): Renderer<FakeConversation> {
    return {
      id: (conversation) => conversation.id,
      updated_time: (conversation) => graphTime(conversation.updatedAt),
      message_count: (conversation) => conversation.messages.length,
      // Field expansion, `messages.limit(20){id,message}`: the first page of the
      // messages edge inside each conversation, with the edge's own paging.
      messages: (conversation, field) =>
        paged(
          readableMessages(conversation),
          { limit: String(field.limit ?? DEFAULT_LIMIT) },
          (message) =>
            select(message, field.children ?? DEFAULT_MESSAGE_FIELDS, this.messageFields()),
          new URL(`${this.url}/${this.version}/${conversation.id}/messages`),
        ),
      participants: (conversation) => ({
        data: [
          this.participant(conversation.person.id, conversation.platform),
          this.participant(conversation.ownerId, conversation.platform),
        ],
      }),
    };
  }

  private objectFields(): Renderer<FakeObject> {
    return {
      id: (object) => object.id,
      message: (object) => (object.kind === 'post' ? object.text : undefined),
      caption: (object) => (object.kind === 'media' ? object.text : undefined),
      permalink_url: (object) => (object.kind === 'post' ? permalinkOf(object) : undefined),
      permalink: (object) => (object.kind === 'media' ? permalinkOf(object) : undefined),
      created_time: (object) => (object.kind === 'post' ? graphTime(object.createdAt) : undefined),
      updated_time: (object) => (object.kind === 'post' ? graphTime(object.updatedAt) : undefined),
      timestamp: (object) => (object.kind === 'media' ? graphTime(object.createdAt) : undefined),
      comments_count: (object) =>
        object.kind === 'media'
          ? object.comments.reduce((sum, comment) => sum + 1 + comment.replies.length, 0)
          : undefined,
    };
  }

  private commentFields(): Renderer<FakeComment> {
    const isInstagram = (comment: FakeComment) =>
      this.store.objects.get(comment.objectId)?.kind === 'media';
    return {
      id: (comment) => comment.id,
      message: (comment) => (isInstagram(comment) ? undefined : comment.text),
      text: (comment) => (isInstagram(comment) ? comment.text : undefined),
      created_time: (comment) => (isInstagram(comment) ? undefined : graphTime(comment.createdAt)),
      timestamp: (comment) => (isInstagram(comment) ? graphTime(comment.createdAt) : undefined),
      username: (comment) => (isInstagram(comment) ? comment.from.username : undefined),
      is_hidden: (comment) => (isInstagram(comment) ? undefined : Boolean(comment.hidden)),
      hidden: (comment) => (isInstagram(comment) ? Boolean(comment.hidden) : undefined),
      from: (comment) =>
        isInstagram(comment)
          ? { id: comment.from.id, username: comment.from.username }
          : { id: comment.from.id, name: comment.from.name },
      parent: (comment, field) => {
        if (!comment.parentId || isInstagram(comment)) return undefined;
        const parent = this.store.comments.get(comment.parentId)!;
        return select(
          parent,
          field.children ?? this.defaultCommentFields(parent),
          this.commentFields(),
        );
      },
      parent_id: (comment) => (isInstagram(comment) ? comment.parentId : undefined),
      replies: (comment, field) => {
        if (!isInstagram(comment) || comment.parentId) return undefined;
        const limit = field.limit ?? DEFAULT_LIMIT;
        const shown = comment.replies.slice(0, limit);
        return {
          data: shown.map((reply) =>
            select(
              reply,
              field.children ?? [{ name: 'id' }, { name: 'text' }, { name: 'timestamp' }],
              this.commentFields(),
            ),
          ),
          ...(comment.replies.length > limit && {
            paging: {
              cursors: {
                before: cursorOf(shown[0]!.id),
                after: cursorOf(shown[shown.length - 1]!.id),
              },
              next: `${this.url}/${this.version}/${comment.id}/replies?after=${cursorOf(shown[shown.length - 1]!.id)}`,
            },
          }),
        };
      },
      comment_count: (comment) => comment.replies.length,
    };
  }

  private defaultCommentFields(comment: FakeComment | undefined): FieldRequest[] {
    if (comment && this.store.objects.get(comment.objectId)?.kind === 'media') {
      return [{ name: 'id' }, { name: 'text' }, { name: 'timestamp' }];
    }
    return [{ name: 'id' }, { name: 'message' }, { name: 'created_time' }, { name: 'from' }];
  }

  // ---- writing

  private write(
    account: FakeAccount,
    nodeId: string,
    edge: string | undefined,
    body: Record<string, unknown> = {},
  ) {
    const owner = this.store.accounts.get(nodeId);
    if (owner && edge === 'messages') return this.sendMessage(owner, body);
    const comment = this.store.comments.get(nodeId);
    const object = comment && this.store.objects.get(comment.objectId);
    if (comment && object && !edge) return this.moderate(comment, object, body);
    if (comment && object?.kind === 'post' && edge === 'comments') {
      const reply = this.reply(comment, account, body);
      return { id: reply.id };
    }
    if (comment && object?.kind === 'media' && edge === 'replies') {
      if (comment.parentId) throw invalidParameter('(#100) Replies to replies are not supported');
      const reply = this.reply(comment, this.store.accounts.get(object.ownerId)!, body);
      return { id: reply.id };
    }
    throw invalidParameter(`Unsupported post request to /${nodeId}/${edge ?? ''}`);
  }

  /** `POST /{comment-id}` with `is_hidden` (Facebook) or `hide` (Instagram). */
  private moderate(comment: FakeComment, object: FakeObject, body: Record<string, unknown>) {
    const parameter = object.kind === 'post' ? 'is_hidden' : 'hide';
    const value = body[parameter];
    if (typeof value !== 'boolean' && value !== 'true' && value !== 'false')
      throw invalidParameter(`(#100) The parameter ${parameter} is required`);
    comment.hidden = value === true || value === 'true';
    return { success: true };
  }

  private reply(
    comment: FakeComment,
    author: FakeAccount,
    body: Record<string, unknown>,
  ): FakeComment {
    const text = body.message;
    if (typeof text !== 'string' || text === '')
      throw invalidParameter('(#100) The parameter message is required');
    const person =
      author.kind === 'page'
        ? { id: author.id, name: author.name }
        : { id: author.id, username: author.name };
    return this.store.addComment(comment.objectId, person, text, { parentId: comment.id });
  }

  private sendMessage(owner: FakeAccount, body: Record<string, unknown>) {
    const recipient = body.recipient as { id?: unknown } | undefined;
    const message = body.message as { text?: unknown } | undefined;
    if (!recipient || typeof recipient.id !== 'string')
      throw invalidParameter('(#100) The parameter recipient is required');
    if (
      owner.kind === 'page' &&
      !['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(String(body.messaging_type))
    ) {
      throw invalidParameter('(#100) The parameter messaging_type is required');
    }
    const file = message && 'attachment' in message ? uploadedFile(message, body.filedata) : null;
    if (!file && (!message || typeof message.text !== 'string' || message.text === '')) {
      throw invalidParameter('(#100) The parameter message must have text or an attachment');
    }
    const conversation = this.store.conversationWith(owner.id, recipient.id);
    if (!conversation) {
      throw new GraphFailure(400, {
        message: '(#100) No matching user found',
        type: 'OAuthException',
        code: 100,
        error_subcode: 2018001,
      });
    }
    const lastFromPerson = [...conversation.messages]
      .reverse()
      .find((m) => m.fromId === recipient.id);
    const tagged = body.messaging_type === 'MESSAGE_TAG' && body.tag === 'HUMAN_AGENT';
    const window = tagged ? 7 * MESSAGING_WINDOW_MS : MESSAGING_WINDOW_MS;
    if (!lastFromPerson || Date.now() - lastFromPerson.createdAt.getTime() > window) {
      throw new GraphFailure(400, {
        message:
          '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
        type: 'OAuthException',
        code: 10,
        error_subcode: 2018278,
      });
    }
    const sent = file
      ? this.store.sendMessage(owner.id, recipient.id, '', new Date(), [file])
      : this.store.sendMessage(owner.id, recipient.id, String(message!.text));
    return { recipient_id: recipient.id, message_id: sent.id };
  }
}

const ATTACHMENT_TYPES = ['image', 'video', 'audio', 'file'];

/** An attachment sent as the Send API documents it: `message.attachment.type` and the file in `filedata`. */
function uploadedFile(message: { attachment?: unknown }, filedata: unknown): FakeAttachment {
  const attachment = message.attachment as { type?: unknown } | undefined;
  const type = String(attachment?.type);
  if (!ATTACHMENT_TYPES.includes(type))
    throw invalidParameter(
      `(#100) Param message[attachment][type] must be one of {${ATTACHMENT_TYPES.join(', ')}}`,
    );
  const part = filedata as UploadedPart | undefined;
  if (!part?.bytes) throw invalidParameter('(#100) Upload attachment failure: no filedata');
  if (type !== 'file' && !part.type.startsWith(`${type}/`))
    throw invalidParameter(`(#100) Upload attachment failure: ${part.type} is not of type ${type}`);
  return { name: part.filename, mime_type: part.type, size: part.bytes.length, bytes: part.bytes };
}

// ---- helpers

const DEFAULT_MESSAGE_FIELDS: FieldRequest[] = [{ name: 'id' }, { name: 'created_time' }];

/** A conversation's messages as Graph lists them: newest first, Instagram's only the latest. */
function readableMessages(conversation: FakeConversation): FakeMessage[] {
  const newestFirst = [...conversation.messages].reverse();
  return conversation.platform === 'instagram'
    ? newestFirst.slice(0, INSTAGRAM_READABLE_MESSAGES)
    : newestFirst;
}

function defaultObjectFields(object: FakeObject | undefined): FieldRequest[] {
  return object?.kind === 'media'
    ? [{ name: 'id' }]
    : [{ name: 'id' }, { name: 'message' }, { name: 'created_time' }];
}

const profilePicture = (person: FakePerson) =>
  `https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=${person.id}`;

/**
 * What a Page reads of a person who wrote to it, by their page-scoped id: the
 * Messenger User Profile API (first_name, last_name, profile_pic) and the
 * Instagram User Profile API (name, username, profile_pic). Fields the person
 * has not set are left out.
 */
const PROFILE_FIELDS: Record<'messenger' | 'instagram', Renderer<FakePerson>> = {
  messenger: {
    id: (person) => person.id,
    first_name: (person) => person.name?.split(' ')[0],
    last_name: (person) => person.name?.split(' ').slice(1).join(' ') || undefined,
    profile_pic: profilePicture,
  },
  instagram: {
    id: (person) => person.id,
    name: (person) => person.name,
    username: (person) => person.username,
    profile_pic: profilePicture,
  },
};

const PROFILE_DEFAULT_FIELDS: Record<'messenger' | 'instagram', FieldRequest[]> = {
  messenger: [{ name: 'first_name' }, { name: 'last_name' }, { name: 'profile_pic' }],
  instagram: [{ name: 'name' }, { name: 'username' }, { name: 'profile_pic' }],
};

const accountFields: Renderer<FakeAccount> = {
  id: (account) => account.id,
  name: (account) => (account.kind === 'page' ? account.name : undefined),
  username: (account) => (account.kind === 'instagram' ? account.name : undefined),
};

function select<T>(item: T, fields: FieldRequest[], render: Renderer<T>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const wanted = fields.some((field) => field.name === 'id') ? fields : [{ name: 'id' }, ...fields];
  for (const field of wanted) {
    const renderer = render[field.name];
    if (!renderer) {
      throw invalidParameter(`(#100) Tried accessing nonexisting field (${field.name})`);
    }
    const value = renderer(item, field);
    if (value !== undefined) result[field.name] = value;
  }
  return result;
}

const cursorOf = (id: string) => Buffer.from(id).toString('base64url');

function paged<T extends { id: string }>(
  items: T[],
  query: Record<string, string>,
  render: (item: T) => unknown,
  url: URL,
) {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number(query.limit) || DEFAULT_LIMIT));
  let start = 0;
  if (query.after) {
    const id = Buffer.from(query.after, 'base64url').toString();
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw invalidParameter('(#100) The after cursor is invalid or has expired');
    start = index + 1;
  }
  const shown = items.slice(start, start + limit);
  if (shown.length === 0) return { data: [] };
  const cursors = { before: cursorOf(shown[0]!.id), after: cursorOf(shown[shown.length - 1]!.id) };
  const nextUrl = new URL(url);
  nextUrl.searchParams.delete('access_token');
  nextUrl.searchParams.set('limit', String(limit));
  nextUrl.searchParams.set('after', cursors.after);
  return {
    data: shown.map(render),
    paging: {
      cursors,
      ...(start + limit < items.length && { next: nextUrl.toString() }),
    },
  };
}

function parseFieldsOr400(spec: string | undefined): FieldRequest[] | undefined {
  try {
    return parseFields(spec);
  } catch (error) {
    throw invalidParameter(`(#100) ${(error as Error).message}`);
  }
}

/** A file in a multipart body (the Send API's `filedata`). */
export interface UploadedPart {
  filename: string;
  type: string;
  bytes: Buffer;
}

const jsonOrText = (value: string): unknown => {
  try {
    return value.startsWith('{') ? JSON.parse(value) : value;
  } catch {
    return value;
  }
};

async function readMultipart(bytes: Buffer, type: string): Promise<Record<string, unknown>> {
  const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
  const body: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    body[key] =
      typeof value === 'string'
        ? jsonOrText(value)
        : ({
            filename: value.name,
            type: value.type,
            bytes: Buffer.from(await value.arrayBuffer()),
          } satisfies UploadedPart);
  }
  return body;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const type = request.headers['content-type'] ?? '';
  if (type.includes('multipart/form-data')) return readMultipart(Buffer.concat(chunks), type);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (type.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw invalidParameter('(#100) The request body is not valid JSON');
    }
  }
  // Graph also takes form-encoded bodies, with JSON in the values of objects.
  const form = Object.fromEntries(new URLSearchParams(raw));
  return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, jsonOrText(value)]));
}

const traceId = () => randomBytes(8).toString('base64url');
