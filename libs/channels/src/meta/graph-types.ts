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
export function parseGraphTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
