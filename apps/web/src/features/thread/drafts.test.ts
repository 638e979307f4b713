import { describe, expect, it } from 'vitest';
import { localDrafts, newerDraft } from './drafts';

describe('newerDraft', () => {
  const local = { text: 'written here', updatedAt: '2026-12-04T10:00:05Z' };

  it('takes the server draft when another device wrote later', () => {
    expect(
      newerDraft(local, { text: 'written on the laptop', updatedAt: '2026-12-04T10:00:06Z' }),
    ).toEqual({
      text: 'written on the laptop',
      updatedAt: '2026-12-04T10:00:06Z',
    });
  });

  it('keeps the local draft when it is newer (the last save had not reached the server)', () => {
    expect(newerDraft(local, { text: 'older', updatedAt: '2026-12-04T10:00:04Z' })).toBe(local);
  });

  it('keeps the local draft on a tie', () => {
    expect(newerDraft(local, { text: 'same moment', updatedAt: local.updatedAt })).toBe(local);
  });

  it('uses whichever exists when only one does', () => {
    expect(newerDraft(null, { text: 'server', updatedAt: local.updatedAt })?.text).toBe('server');
    expect(newerDraft(local, undefined)).toBe(local);
    expect(newerDraft(null, null)).toBeNull();
  });
});

describe('localDrafts', () => {
  it('keeps drafts apart per user, thread and kind', () => {
    localDrafts.write('u1', 't1', 'reply', { text: 'reply one', updatedAt: 'a' });
    localDrafts.write('u1', 't1', 'note', { text: 'note one', updatedAt: 'b' });
    localDrafts.write('u2', 't1', 'reply', { text: 'other person', updatedAt: 'c' });
    expect(localDrafts.read('u1', 't1', 'reply')?.text).toBe('reply one');
    expect(localDrafts.read('u1', 't1', 'note')?.text).toBe('note one');
    expect(localDrafts.read('u2', 't1', 'reply')?.text).toBe('other person');
    expect(localDrafts.read('u1', 't2', 'reply')).toBeNull();
    localDrafts.remove('u1', 't1', 'reply');
    expect(localDrafts.read('u1', 't1', 'reply')).toBeNull();
    expect(localDrafts.read('u1', 't1', 'note')?.text).toBe('note one');
  });

  it('ignores what is not a draft', () => {
    localStorage.setItem('svara.draft.u1.t1.reply', '{not json');
    expect(localDrafts.read('u1', 't1', 'reply')).toBeNull();
  });
});
