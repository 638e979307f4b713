import { randomBytes } from 'node:crypto';

// What the fake Graph API knows: accounts with their tokens, conversations
// and messages, posts and media with their comments.

export type AccountKind = 'page' | 'instagram';

export interface FakeAccount {
  kind: AccountKind;
  id: string;
  /** Page name or Instagram username. */
  name: string;
  token: string;
  /** For Instagram: the Facebook Page it is linked to. */
  pageId?: string;
}

export interface FakePerson {
  id: string;
  name?: string;
  username?: string;
}

export interface FakeMessage {
  id: string;
  conversationId: string;
  fromId: string;
  text: string;
  createdAt: Date;
  attachments?: FakeAttachment[];
}

/** A file sent with a message; with `bytes`, its URL serves them (until it expires). */
export interface FakeAttachment {
  name: string;
  mime_type: string;
  size: number;
  bytes?: Buffer;
}

export interface FakeConversation {
  id: string;
  ownerId: string;
  platform: 'messenger' | 'instagram';
  person: FakePerson;
  updatedAt: Date;
  /** Oldest first. */
  messages: FakeMessage[];
}

/** A Page post or an Instagram media object. */
export interface FakeObject {
  id: string;
  ownerId: string;
  kind: 'post' | 'media';
  text: string;
  createdAt: Date;
  updatedAt: Date;
  /** Top-level comments, oldest first. */
  comments: FakeComment[];
}

export interface FakeComment {
  id: string;
  objectId: string;
  parentId?: string;
  from: FakePerson;
  text: string;
  createdAt: Date;
  /** Replies, oldest first. */
  replies: FakeComment[];
  /** Hidden by the Page or account (`is_hidden` on Facebook, `hidden` on Instagram). */
  hidden?: boolean;
  /** When its author last edited it (Facebook; Instagram comments cannot be edited). */
  editedAt?: Date;
}

/** Where Facebook or Instagram shows a post or media (`permalink_url`, `permalink`). */
export function permalinkOf(object: FakeObject): string {
  if (object.kind === 'post') {
    return `https://www.facebook.com/${object.ownerId}/posts/${object.id.split('_')[1]}`;
  }
  const shortcode = Buffer.from(object.id).toString('base64url').slice(0, 11);
  return `https://www.instagram.com/p/${shortcode}/`;
}

// Graph ids are decimal numbers; these stay unique for the life of the process.
const idBase = Date.now() * 1000;
let counter = 0;
const nextNumber = () => String(idBase + (counter += 1));
const opaque = (prefix: string) => `${prefix}${randomBytes(12).toString('base64url')}`;

export class GraphStore {
  readonly accounts = new Map<string, FakeAccount>();
  readonly conversations = new Map<string, FakeConversation>();
  private readonly conversationByPerson = new Map<string, FakeConversation>();
  readonly messages = new Map<string, FakeMessage>();
  readonly objects = new Map<string, FakeObject>();
  readonly comments = new Map<string, FakeComment>();
  /** Everyone who has written to an account, by id. */
  readonly people = new Map<string, FakePerson>();
  /** Revoked or expired tokens. */
  readonly deadTokens = new Set<string>();
  /** Bumped whenever a conversation is added or changes its updated time. */
  conversationsVersion = 0;

  addPage(page: { id?: string; name: string; token?: string }): FakeAccount {
    return this.addAccount({
      kind: 'page',
      id: page.id ?? nextNumber(),
      name: page.name,
      token: page.token ?? opaque('EAAG'),
    });
  }

  addInstagramAccount(account: { id?: string; username: string; token?: string; pageId?: string }) {
    return this.addAccount({
      kind: 'instagram',
      id: account.id ?? nextNumber(),
      name: account.username,
      token: account.token ?? opaque('IGAA'),
      pageId: account.pageId,
    });
  }

  private addAccount(account: FakeAccount): FakeAccount {
    this.accounts.set(account.id, account);
    return account;
  }

  accountByToken(token: string): FakeAccount | undefined {
    for (const account of this.accounts.values()) if (account.token === token) return account;
    return undefined;
  }

  conversationWith(ownerId: string, personId: string): FakeConversation | undefined {
    return this.conversationByPerson.get(`${ownerId}/${personId}`);
  }

  /** A person writes to the account (Messenger or Instagram direct). */
  receiveMessage(
    ownerId: string,
    person: FakePerson,
    text: string,
    at = new Date(),
    attachments?: FakeMessage['attachments'],
  ): FakeMessage {
    const conversation = this.ensureConversation(ownerId, person);
    return this.appendMessage(conversation, person.id, text, at, attachments);
  }

  /** The account writes to a person (what the Page's inbox or the Send API produces). */
  sendMessage(
    ownerId: string,
    personId: string,
    text: string,
    at = new Date(),
    attachments?: FakeMessage['attachments'],
  ): FakeMessage {
    const conversation = this.conversationWith(ownerId, personId);
    if (!conversation) throw new Error(`No conversation between ${ownerId} and ${personId}`);
    return this.appendMessage(conversation, ownerId, text, at, attachments);
  }

  private ensureConversation(ownerId: string, person: FakePerson): FakeConversation {
    const existing = this.conversationWith(ownerId, person.id);
    if (existing) return existing;
    this.people.set(person.id, person);
    const owner = this.requireAccount(ownerId);
    const conversation: FakeConversation = {
      id: owner.kind === 'page' ? opaque('t_') : opaque('aWdfZAG06'),
      ownerId,
      platform: owner.kind === 'page' ? 'messenger' : 'instagram',
      person,
      updatedAt: new Date(0),
      messages: [],
    };
    this.conversations.set(conversation.id, conversation);
    this.conversationByPerson.set(`${ownerId}/${person.id}`, conversation);
    this.conversationsVersion += 1;
    return conversation;
  }

  private appendMessage(
    conversation: FakeConversation,
    fromId: string,
    text: string,
    at: Date,
    attachments?: FakeMessage['attachments'],
  ): FakeMessage {
    const message: FakeMessage = {
      id: conversation.platform === 'messenger' ? opaque('m_') : opaque('aWdfZAG1faXRlbTo'),
      conversationId: conversation.id,
      fromId,
      text,
      createdAt: at,
      attachments,
    };
    const last = conversation.messages.at(-1);
    conversation.messages.push(message);
    if (last && last.createdAt > at) {
      conversation.messages.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    }
    if (at > conversation.updatedAt) {
      conversation.updatedAt = at;
      this.conversationsVersion += 1;
    }
    this.messages.set(message.id, message);
    return message;
  }

  addPost(pageId: string, text: string, at = new Date()): FakeObject {
    return this.addObject(pageId, 'post', text, at);
  }

  addMedia(igUserId: string, caption: string, at = new Date()): FakeObject {
    return this.addObject(igUserId, 'media', caption, at);
  }

  private addObject(ownerId: string, kind: FakeObject['kind'], text: string, at: Date): FakeObject {
    this.requireAccount(ownerId);
    const object: FakeObject = {
      id: kind === 'post' ? `${ownerId}_${nextNumber()}` : nextNumber(),
      ownerId,
      kind,
      text,
      createdAt: at,
      updatedAt: at,
      comments: [],
    };
    this.objects.set(object.id, object);
    return object;
  }

  /** A comment on a post or media, or (with `parentId`) a reply to a top-level comment. */
  addComment(
    objectId: string,
    from: FakePerson,
    text: string,
    { at = new Date(), parentId }: { at?: Date; parentId?: string } = {},
  ): FakeComment {
    const object = this.objects.get(objectId);
    if (!object) throw new Error(`No post or media ${objectId}`);
    const parent = parentId ? this.comments.get(parentId) : undefined;
    if (parentId && !parent) throw new Error(`No comment ${parentId}`);
    // Facebook and Instagram keep two levels: a reply to a reply joins the top-level comment.
    const topLevel = parent?.parentId ? this.comments.get(parent.parentId)! : parent;
    const comment: FakeComment = {
      id: object.kind === 'post' ? `${object.id.split('_')[1]}_${nextNumber()}` : nextNumber(),
      objectId,
      parentId: topLevel?.id,
      from,
      text,
      createdAt: at,
      replies: [],
    };
    (topLevel ? topLevel.replies : object.comments).push(comment);
    this.comments.set(comment.id, comment);
    if (at > object.updatedAt) object.updatedAt = at;
    return comment;
  }

  /** The author edits a Facebook comment. Instagram has no comment edits. */
  editComment(id: string, text: string, at = new Date()): FakeComment {
    const comment = this.comments.get(id);
    if (!comment) throw new Error(`No comment ${id}`);
    if (this.objects.get(comment.objectId)?.kind !== 'post') {
      throw new Error('Instagram comments cannot be edited');
    }
    comment.text = text;
    comment.editedAt = at;
    return comment;
  }

  /**
   * The author deletes a comment: it is gone from its post's lists and from
   * Graph (a top-level comment with its replies, as Facebook does).
   */
  removeComment(id: string): FakeComment {
    const comment = this.comments.get(id);
    if (!comment) throw new Error(`No comment ${id}`);
    const object = this.objects.get(comment.objectId)!;
    const parent = comment.parentId ? this.comments.get(comment.parentId) : undefined;
    const list = parent ? parent.replies : object.comments;
    list.splice(list.indexOf(comment), 1);
    for (const gone of [comment, ...comment.replies]) this.comments.delete(gone.id);
    return comment;
  }

  /** The account a person has written to in a conversation (whose token reads their profile). */
  accountOfPerson(personId: string): string | undefined {
    for (const conversation of this.conversations.values()) {
      if (conversation.person.id === personId) return conversation.ownerId;
    }
    return undefined;
  }

  requireAccount(id: string): FakeAccount {
    const account = this.accounts.get(id);
    if (!account) throw new Error(`No account ${id}`);
    return account;
  }

  /** Which account an object belongs to, for the token check. */
  ownerOf(id: string): string | undefined {
    if (this.accounts.has(id)) return id;
    const conversation = this.conversations.get(id);
    if (conversation) return conversation.ownerId;
    const message = this.messages.get(id);
    if (message) return this.conversations.get(message.conversationId)?.ownerId;
    const object = this.objects.get(id);
    if (object) return object.ownerId;
    const comment = this.comments.get(id);
    if (comment) return this.objects.get(comment.objectId)?.ownerId;
    return this.accountOfPerson(id);
  }
}
