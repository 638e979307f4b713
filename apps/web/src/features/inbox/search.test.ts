import { describe, expect, it } from 'vitest';
import { listQuery, rangeBetween, validateInboxSearch } from './search';
import { formatCount } from './ViewNav';

const me = { id: 'me', teamIds: ['team-a'] };

describe('inbox search params', () => {
  it('keeps known values and drops unknown or malformed ones', () => {
    expect(
      validateInboxSearch({
        view: 'mine',
        status: 'PENDING',
        sla: 'late',
        q: '  sophämtning ',
        tag: '',
        extra: 1,
      }),
    ).toEqual({ view: 'mine', status: 'PENDING', q: 'sophämtning' });
  });

  it('asks for open threads unless a status is chosen, and for all with "any"', () => {
    expect(listQuery({}, me)).toEqual({ status: 'OPEN', limit: 50 });
    expect(listQuery({ status: 'any' }, me)).toEqual({ limit: 50 });
  });

  it('turns each view into the list filter it stands for', () => {
    expect(listQuery({ view: 'mine' }, me).assigneeId).toBe('me');
    expect(listQuery({ view: 'unassigned' }, me).assigneeId).toBe('none');
    expect(listQuery({ view: 'breached' }, me).sla).toBe('breached');
    expect(listQuery({ view: 'myTeams' }, me).teamId).toBe('mine');
    expect(listQuery({ view: 'myTeams', teamId: 'team-b' }, me).teamId).toBe('team-b');
  });

  it('selects the range between the anchor and the clicked row, either way', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(rangeBetween(ids, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(ids, 'e', 'c')).toEqual(['c', 'd', 'e']);
    expect(rangeBetween(ids, 'gone', 'c')).toEqual(['c']);
  });
});

describe('view counts', () => {
  const counts = {
    mine: 3,
    unassigned: 10000,
    myTeams: 1234,
    breached: 0,
    capped: { mine: false, unassigned: true, myTeams: false, breached: false },
  };
  it('says "10 000+" when a count reached its cap', () => {
    expect(formatCount(counts, 'unassigned', 'sv')).toBe('10\u00a0000+');
    expect(formatCount(counts, 'unassigned', 'en')).toBe('10,000+');
    expect(formatCount(counts, 'myTeams', 'en')).toBe('1,234');
  });
});
