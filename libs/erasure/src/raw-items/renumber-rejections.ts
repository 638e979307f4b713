/** Rejections point at items by position: drop the removed items' and shift the rest. */
export function renumberRejections(rejected: unknown, removed: Set<number>): unknown[] {
  if (!Array.isArray(rejected)) return [];
  return rejected.flatMap((entry: { index?: unknown }) => {
    if (typeof entry?.index !== 'number') return [entry];
    if (removed.has(entry.index)) return [];
    const before = [...removed].filter((index) => index < (entry.index as number)).length;
    return [{ ...entry, index: entry.index - before }];
  });
}
