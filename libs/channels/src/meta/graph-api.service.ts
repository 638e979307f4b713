import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Injectable } from '@nestjs/common';
import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import { AppConfig } from '@svara/config';
import { ChannelAuthFailed, ChannelRateLimited } from '../channel-errors';
import {
  GraphRequestFailed,
  type GraphPurpose,
  graphErrorOf,
  readUsage,
  usagePauseMs,
} from './graph-errors';
import type { GraphList } from './graph-types';
import { RequestSlots } from './request-slots';

const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Usage at or above this percentage (but below the pause) makes a channel's
 * reads go one at a time: the same calls, spread out, so usage has time to fall.
 */
export const USAGE_SLOW_PERCENT = 75;

type Params = Record<string, string | number | undefined>;

/** One page of a Graph list, and where the next one starts (absent at the end). */
export interface GraphPage<T> {
  data: T[];
  after?: string;
}

/** The Graph API over HTTP, at META_GRAPH_URL and META_GRAPH_VERSION. */
@Injectable()
export class GraphApi {
  private readonly http: AxiosInstance;
  /** Reads in flight across every channel this process polls. */
  private readonly workerSlots: RequestSlots;
  private readonly perChannel: number;

  constructor(config: AppConfig) {
    this.workerSlots = new RequestSlots(config.meta.readConcurrency.perWorker);
    this.perChannel = config.meta.readConcurrency.perChannel;
    this.http = axios.create({
      baseURL: `${config.meta.graphUrl}/${config.meta.graphVersion}`,
      timeout: REQUEST_TIMEOUT_MS,
      // Every status is read here, so Graph's error body decides what it means.
      validateStatus: () => true,
      headers: { accept: 'application/json' },
      // One connection per host for a poll's many requests, not a handshake each.
      httpAgent: new HttpAgent({ keepAlive: true }),
      httpsAgent: new HttpsAgent({ keepAlive: true }),
    });
  }

  private readonly sessions = new WeakMap<object, GraphSession>();

  /**
   * Requests with one channel's token for one piece of work: `work` is the
   * channel context of a poll or a send. Every page of a poll shares the
   * session, so a pause the usage headers ask for holds for the pages after.
   */
  session(work: object, accessToken: string): GraphSession {
    let session = this.sessions.get(work);
    if (!session) {
      session = new GraphSession(this.http, accessToken, {
        channel: new RequestSlots(this.perChannel),
        worker: this.workerSlots,
      });
      this.sessions.set(work, session);
    }
    return session;
  }
}

/** Reads in flight: for this session's channel, and for the whole worker. */
export interface ReadSlots {
  channel: RequestSlots;
  worker: RequestSlots;
}

/**
 * Reads run concurrently, at most the channel's slots at a time and within
 * the worker's. Once an answer's usage headers say the app or Page is near
 * Meta's limit, further reads of the session are refused as throttled, so the
 * poller backs the channel off before Meta starts refusing; somewhat below
 * that, reads go one at a time. Once Meta refuses a read as throttled or for
 * its token, further reads (also those waiting for a slot) are refused the
 * same way without asking Meta again. What was read is read again after the
 * pause; nothing is lost.
 */
export class GraphSession {
  private pausedUntil = 0;
  private refusal?: { error: ChannelRateLimited | ChannelAuthFailed; until: number };
  private readonly channelConcurrency: number;

  constructor(
    private readonly http: AxiosInstance,
    private readonly accessToken: string,
    private readonly slots: ReadSlots,
  ) {
    this.channelConcurrency = slots.channel.limit;
  }

  /** How many reads of this session may run at once now: readers fan out this wide. */
  get concurrency(): number {
    return this.slots.channel.limit;
  }

  /** `ahead`: before the reads that wait, as other reads depend on this one's answer. */
  get<T>(path: string, params: Params = {}, ahead = false): Promise<T> {
    return this.request<T>('GET', path, params, undefined, ahead ? 'lead' : 'read');
  }

  /**
   * One page of a list edge; `after` continues where the previous page ended.
   * `ahead` as for get(): a poll's list of conversations or posts.
   */
  async page<T>(
    path: string,
    params: Params,
    after?: string,
    ahead = false,
  ): Promise<GraphPage<T>> {
    return listPage(await this.get<GraphList<T>>(path, { ...params, after }, ahead), path);
  }

  /**
   * Every item of a list edge, page by page, until `enough` says to stop.
   * `after` starts past a page already read, e.g. one that came by field expansion.
   */
  async collect<T>(
    path: string,
    params: Params,
    enough: (page: T[]) => boolean = () => false,
    after?: string,
  ): Promise<T[]> {
    const items: T[] = [];
    do {
      const page = await this.page<T>(path, params, after);
      items.push(...page.data);
      if (enough(page.data)) break;
      after = page.after;
    } while (after);
    return items;
  }

  post<T>(path: string, body: object): Promise<T> {
    return this.request<T>('POST', path, {}, body, 'send');
  }

  /** A send with a file, as multipart form data (the Send API's `filedata`). */
  postForm<T>(path: string, form: FormData): Promise<T> {
    return this.request<T>('POST', path, {}, form, 'send');
  }

  private async request<T>(
    method: Method,
    path: string,
    params: Params,
    body: object | undefined,
    kind: GraphPurpose | 'lead',
  ): Promise<T> {
    if (kind === 'send') return this.exchange<T>(method, path, params, body, kind);
    const ahead = kind === 'lead';
    this.refuseWhilePaused();
    // The channel's slot first: a channel waiting for its own turn holds none of the worker's.
    const releaseChannel = await this.slots.channel.acquire(ahead);
    try {
      const releaseWorker = await this.slots.worker.acquire(ahead);
      try {
        // Another read may have been refused or paused the session meanwhile.
        this.refuseWhilePaused();
        return await this.exchange<T>(method, path, params, body, 'read');
      } finally {
        releaseWorker();
      }
    } finally {
      releaseChannel();
    }
  }

  private async exchange<T>(
    method: Method,
    path: string,
    params: Params,
    body: object | undefined,
    purpose: GraphPurpose,
  ): Promise<T> {
    let response: AxiosResponse;
    try {
      response = await this.http.request({
        method,
        url: path,
        params: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)),
        data: body,
        // In a header, never in the URL, so the token stays out of logs and error messages.
        headers: { authorization: `Bearer ${this.accessToken}` },
      });
    } catch (error) {
      const reason = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
      throw new GraphRequestFailed(`Meta Graph API did not answer: ${reason}`, 0);
    }
    const headers = response.headers as Record<string, unknown>;
    const isError =
      response.status >= 400 ||
      (response.data && typeof response.data === 'object' && 'error' in response.data);
    if (isError) {
      const error = graphErrorOf(response.status, response.data, headers, purpose);
      if (purpose === 'read') this.remember(error);
      throw error;
    }
    const usage = readUsage(headers);
    const pauseMs = usagePauseMs(usage);
    if (pauseMs > 0) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + pauseMs);
    if (purpose === 'read') {
      this.slots.channel.resize(usage.percent >= USAGE_SLOW_PERCENT ? 1 : this.channelConcurrency);
    }
    return response.data as T;
  }

  private refuseWhilePaused(): void {
    const now = Date.now();
    if (this.refusal && this.refusal.until > now) {
      const { error, until } = this.refusal;
      throw error instanceof ChannelRateLimited
        ? new ChannelRateLimited(error.message, until - now)
        : error;
    }
    if (this.pausedUntil > now) {
      throw new ChannelRateLimited(
        'Meta reports this app or Page near its rate limit; reading is paused',
        this.pausedUntil - now,
      );
    }
  }

  private remember(error: Error): void {
    if (error instanceof ChannelRateLimited) {
      this.refusal = { error, until: Date.now() + error.retryAfterMs };
    } else if (error instanceof ChannelAuthFailed) {
      this.refusal = { error, until: Infinity };
    }
  }
}

/**
 * A list as Graph answers it, whether an edge's own answer or one expanded
 * inside another object (`messages.limit(25){…}`), and where it continues.
 */
export function listPage<T>(list: GraphList<T> | undefined, what: string): GraphPage<T> {
  if (!list || !Array.isArray(list.data)) {
    throw new GraphRequestFailed(`Meta Graph API: ${what} did not answer with a list`, 200);
  }
  // Only `next` says there is more; a short page is not the end.
  const more = list.paging?.next ? list.paging.cursors?.after : undefined;
  return { data: list.data, after: more };
}

/** A path of Graph node ids, each encoded. */
export const graphPath = (...segments: string[]) =>
  `/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
