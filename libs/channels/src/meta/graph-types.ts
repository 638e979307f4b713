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
  /** Where the bytes are (expiring URLs): images, videos, other files. */
  image_data?: { url?: string; preview_url?: string; width?: number; height?: number };
  video_data?: { url?: string };
  file_url?: string;
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
  permalink_url?: string;
  created_time: string;
  updated_time?: string;
}

export interface GraphMedia {
  id: string;
  caption?: string;
  permalink?: string;
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

/** The number written by `length` ASCII digits at `start`, or NaN. */
function digitsAt(value: string, start: number, length: number): number {
  let number = 0;
  for (let at = start; at < start + length; at += 1) {
    const digit = value.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return NaN;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * Graph's own format, 2026-11-20T09:15:00+0000 (no colon in the offset), read
 * field by field: a poll reads one for every message. Undefined for any other
 * form, or a field out of range.
 */
function graphTimeFields(value: string): number | undefined {
  if (value.length !== 24 || value[10] !== 'T') return undefined;
  const sign = value[19] === '+' ? 1 : value[19] === '-' ? -1 : 0;
  if (!sign || value[4] !== '-' || value[7] !== '-' || value[13] !== ':' || value[16] !== ':')
    return undefined;
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  const offsetHours = digitsAt(value, 20, 2);
  const offsetMinutes = digitsAt(value, 22, 2);
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59;
  if (!inRange || !(second <= 59) || !(offsetHours <= 23) || !(offsetMinutes <= 59))
    return undefined;
  const year = digitsAt(value, 0, 4);
  // Date.UTC reads years 0-99 as 1900-1999.
  if (!(year >= 100)) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return Number.isNaN(utc) ? undefined : utc - offset;
}

/** A Graph time, or undefined if it is not a time. */
export function parseGraphTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const fast = graphTimeFields(value);
  if (fast !== undefined) return new Date(fast);
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
