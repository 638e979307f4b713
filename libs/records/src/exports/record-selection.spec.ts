import { StoredJsonInvalid } from '@svara/common';
import { decodeStoredSelection, requestedSelection, selectionJson } from './record-selection';

const THREAD = '0b5d2c1e-6f1a-4a39-9a57-1f0f4b8e2a10';

describe('a record export’s stored selection', () => {
  it('reads back what was stored, by filter or by threads', () => {
    const byFilter = {
      filter: { status: 'CLOSED' as const, channelType: 'EMAIL' as const, closedTo: '2026-06-30' },
      threadIds: [THREAD],
    };
    expect(decodeStoredSelection(selectionJson(byFilter))).toEqual(byFilter);
    expect(requestedSelection(decodeStoredSelection(selectionJson(byFilter)))).toEqual({
      filter: byFilter.filter,
    });
    expect(requestedSelection(decodeStoredSelection({ threadIds: [THREAD] }))).toEqual({
      threadIds: [THREAD],
    });
  });

  it('refuses a row written wrong, saying what is wrong', () => {
    expect(() => decodeStoredSelection({ filter: { status: 'OPEN' } })).toThrow(
      /selection is not as stored data must be: \/ must have required property 'threadIds'/,
    );
    expect(() => decodeStoredSelection({ threadIds: [THREAD], filter: { sla: 'late' } })).toThrow(
      StoredJsonInvalid,
    );
    expect(() => decodeStoredSelection({ threadIds: [42] })).toThrow(
      /\/threadIds\/0 must be string/,
    );
  });
});
