import { assignmentsFrom, columnNames, jsonRow, recordsetColumns } from './json-rows';

describe('JSON rows', () => {
  const columns = { id: 'uuid', lastMessageAt: 'timestamptz', slaState: '"SlaState"' };

  it('builds the SQL around them from column names and types', () => {
    expect(recordsetColumns(columns)).toBe(
      '"id" uuid, "lastMessageAt" timestamptz, "slaState" "SlaState"',
    );
    expect(columnNames(columns)).toBe('"id", "lastMessageAt", "slaState"');
    expect(columnNames(columns, 'd')).toBe('d."id", d."lastMessageAt", d."slaState"');
    expect(assignmentsFrom('d', { slaState: 'text' })).toBe('"slaState" = d."slaState"');
  });

  it('leaves out what is null, sends dates as ISO text, and keeps the rest as it is', () => {
    const row = jsonRow(
      { id: 'a', closedAt: null, subject: undefined },
      { lastMessageAt: new Date('2026-11-30T09:15:00Z'), messageCount: 0, clocks: { x: [1] } },
    );
    expect(row).toEqual({
      id: 'a',
      lastMessageAt: '2026-11-30T09:15:00.000Z',
      messageCount: 0,
      clocks: { x: [1] },
    });
    expect(JSON.stringify(row)).not.toContain('closedAt');
  });
});
