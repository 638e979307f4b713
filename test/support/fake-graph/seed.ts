import type { FakeAccount, GraphStore } from './store';

/**
 * `conversations` Messenger conversations of `messagesPerConversation` messages
 * each, citizens and the Page taking turns, spread over the last `spanHours`.
 */
export function seedMessenger(
  store: GraphStore,
  page: FakeAccount,
  {
    conversations,
    messagesPerConversation,
    spanHours = 72,
  }: {
    conversations: number;
    messagesPerConversation: number;
    spanHours?: number;
  },
): number {
  const now = Date.now();
  const step = (spanHours * 3600_000) / (conversations * messagesPerConversation);
  let written = 0;
  for (let c = 0; c < conversations; c += 1) {
    const person = { id: String(7_000_000_000_000 + c), name: `Invånare ${c + 1}` };
    for (let m = 0; m < messagesPerConversation; m += 1) {
      // Interleaved in time, as real conversations are.
      const at = new Date(now - spanHours * 3600_000 + (m * conversations + c) * step);
      if (m % 4 === 3) store.sendMessage(page.id, person.id, `Svar ${m} till ${person.name}`, at);
      else
        store.receiveMessage(
          page.id,
          person,
          `Fråga ${m} från ${person.name}: när töms soporna?`,
          at,
        );
      written += 1;
    }
  }
  return written;
}
