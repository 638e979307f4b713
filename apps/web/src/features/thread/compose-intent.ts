import type { DraftKind } from '../../api/types';

type Listener = (kind: DraftKind) => void;
let pending: DraftKind | null = null;
let listener: Listener | null = null;

/**
 * Asks the open thread's reply box to take focus on the given tab; with
 * `later`, the reply box of the thread about to open takes it when it mounts.
 */
export function requestCompose(kind: DraftKind, later = false): void {
  if (listener && !later) listener(kind);
  else pending = kind;
}

/** The reply box listens while mounted; a request made before it mounted is handed over. */
export function listenForCompose(next: Listener): () => void {
  listener = next;
  if (pending) {
    const kind = pending;
    pending = null;
    queueMicrotask(() => next(kind));
  }
  return () => {
    if (listener === next) listener = null;
  };
}
