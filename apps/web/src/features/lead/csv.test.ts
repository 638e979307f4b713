import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and a line per row, quoting what needs it', () => {
    const csv = toCsv(
      [
        { header: 'Team', value: (row: { team: string; share: number | null }) => row.team },
        { header: 'Andel', value: (row) => row.share },
      ],
      [
        { team: 'Bygg, miljö', share: 0.5 },
        { team: 'Säger "hej"', share: null },
      ],
    );
    expect(csv).toBe('Team,Andel\r\n"Bygg, miljö",0.5\r\n"Säger ""hej""",\r\n');
  });
});
