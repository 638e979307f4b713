import type { Draft, DraftKind } from '../../api/types';

export type StoredDraft = { text: string; updatedAt: string };

const keyOf = (userId: string, threadId: string, kind: DraftKind) =>
  `svara.draft.${userId}.${threadId}.${kind}`;

/** This browser's copy of a draft, written on every keystroke. */
export const localDrafts = {
  read(userId: string, threadId: string, kind: DraftKind): StoredDraft | null {
    try {
      const raw = localStorage.getItem(keyOf(userId, threadId, kind));
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<StoredDraft>;
      return typeof parsed.text === 'string' && typeof parsed.updatedAt === 'string'
        ? { text: parsed.text, updatedAt: parsed.updatedAt }
        : null;
    } catch {
      return null;
    }
  },
  write(userId: string, threadId: string, kind: DraftKind, draft: StoredDraft): void {
    try {
      localStorage.setItem(keyOf(userId, threadId, kind), JSON.stringify(draft));
    } catch {
      // Storage full or off: the server copy still follows within a second.
    }
  },
  remove(userId: string, threadId: string, kind: DraftKind): void {
    try {
      localStorage.removeItem(keyOf(userId, threadId, kind));
    } catch {
      // Nothing to remove where there is no storage.
    }
  },
};

/**
 * The draft to show on opening: the newer of this browser's and the server's
 * (another device may have written later). A tie keeps the local one, which
 * was written first of the two by this very browser.
 */
export function newerDraft(
  local: StoredDraft | null,
  server: Pick<Draft, 'text' | 'updatedAt'> | null | undefined,
): StoredDraft | null {
  if (!server) return local;
  if (!local) return { text: server.text, updatedAt: server.updatedAt };
  return new Date(server.updatedAt).getTime() > new Date(local.updatedAt).getTime()
    ? { text: server.text, updatedAt: server.updatedAt }
    : local;
}
