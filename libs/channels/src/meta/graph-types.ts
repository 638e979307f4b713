// Shapes of the Graph API responses Svara reads, as Meta documents them.
// Only the fields Svara asks for are listed; Graph omits fields it has no value for.

export interface GraphPaging {
  cursors?: { before?: string; after?: string };
  /** Present only when there is more after this page; a short page is not the end. */
  next?: string;
  previous?: string;
}

export interface GraphList<T> {
  data: T[];
  paging?: GraphPaging;
}

export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_msg?: string;
  fbtrace_id?: string;
}

/** A Messenger or Instagram participant: Facebook gives a name, Instagram a username. */
export interface GraphParticipant {
  id: string;
  name?: string;
  email?: string;
  username?: string;
}

export interface GraphConversation {
  id: string;
  updated_time: string;
  /** The first page of its messages, when asked for by field expansion. */
  messages?: GraphList<GraphMessage>;
}

export interface GraphMessageAttachment {
  id?: string;
  mime_type?: string;
  name?: string;
  size?: number;
}

export interface GraphMessage {
  id: string;
  message?: string;
  created_time: string;
  from?: GraphParticipant;
  to?: { data: GraphParticipant[] };
  attachments?: { data: GraphMessageAttachment[] };
}

export interface GraphPost {
  id: string;
  message?: string;
  created_time: string;
  updated_time?: string;
}

export interface GraphMedia {
  id: string;
  caption?: string;
  timestamp: string;
  comments_count?: number;
}

/** A comment on a Page post (message, created_time, parent) or on Instagram media (text, timestamp). */
export interface GraphComment {
  id: string;
  message?: string;
  text?: string;
  created_time?: string;
  timestamp?: string;
  username?: string;
  from?: GraphParticipant;
  parent?: { id: string };
  replies?: GraphList<GraphComment>;
}

/** Messenger Send API answer. */
export interface GraphSendResult {
  recipient_id?: string;
  message_id: string;
}

/** Graph's time format: 2026-11-20T09:15:00+0000 (no colon in the offset). */
const GRAPH_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})$/;

/** Graph's own format, read field by field: a poll reads it for every message. */
function graphTimeFields(value: string): number | undefined {
  const parts = GRAPH_TIME.exec(value);
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = parts
    .slice(1)
    .map(Number) as number[];
  const inRange =
    month! >= 1 && month! <= 12 && day! >= 1 && day! <= 31 && hour! <= 23 && minute! <= 59;
  if (!inRange || second! > 59 || offsetHours! > 23 || offsetMinutes! > 59) return undefined;
  const offset = (parts[7] === '-' ? -1 : 1) * (offsetHours! * 60 + offsetMinutes!) * 60_000;
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - offset;
}

/** A Graph time, or undefined if it is not a time. */
export function parseGraphTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const fast = graphTimeFields(value);
  if (fast !== undefined) return new Date(fast);
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
