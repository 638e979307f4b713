import { sequenceSet } from './imap-poller';

describe('sequenceSet', () => {
  it('folds runs of UIDs into ranges', () => {
    expect(sequenceSet([1, 2, 3, 5, 7, 8])).toBe('1:3,5,7:8');
    expect(sequenceSet([42])).toBe('42');
  });
});
