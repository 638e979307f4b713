/** Message-IDs as Svara stores them: the part between the angle brackets. */
export function messageIdsIn(header: string | undefined): string[] {
  if (!header) return [];
  const bracketed = [...header.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]!);
  // Some senders leave the brackets out; take the bare words that look like ids.
  const ids =
    bracketed.length > 0 ? bracketed : header.split(/[\s,]+/).filter((w) => w.includes('@'));
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id.length > 0 && id.length <= 500))];
}

export function messageIdOf(header: string | undefined): string | undefined {
  return messageIdsIn(header)[0];
}

/** Suffix of ids Svara derives for mail without a Message-ID: never sent in References. */
export const DERIVED_ID_SUFFIX = '@derived.svara.invalid';
