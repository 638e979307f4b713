import { describe, expect, it } from 'vitest';
import { validateAccessSearch, validateAuditSearch } from './search';

describe('log search params', () => {
  it('keeps the audit filters a link carries', () => {
    expect(
      validateAuditSearch({
        actorId: '0B9C6A1E-1F2A-4C3D-8E9F-0A1B2C3D4E5F',
        entityType: 'contact',
        action: ' contact.erased ',
        from: '2026-01-01',
        to: '2026-01-31',
        cursor: '1234',
      }),
    ).toEqual({
      actorId: '0b9c6a1e-1f2a-4c3d-8e9f-0a1b2c3d4e5f',
      entityType: 'contact',
      action: 'contact.erased',
      from: '2026-01-01',
      to: '2026-01-31',
      cursor: '1234',
    });
  });

  it('drops what is unknown or malformed instead of sending it to the API', () => {
    expect(
      validateAuditSearch({
        actorId: 'anna',
        entityType: 'password',
        action: '   ',
        from: '2026-13-45',
        to: 'igår',
        cursor: 'abc',
        other: 'x',
      }),
    ).toEqual({});
    expect(
      validateAccessSearch({ threadId: 'not-a-thread', userId: 42, from: '2026-02-01' }),
    ).toEqual({
      from: '2026-02-01',
    });
  });
});
